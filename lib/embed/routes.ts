import { hrefForRef, parseConsolePath, type ConsoleLocation } from '../resources/links';
import { descriptorById } from '../resources/registry';
import type { KubeRef } from './protocol';

/**
 * Embedded views live under /embed and mirror the console's own URL scheme: `/embed` + the
 * console path shows the same page without the console's chrome (hosts, namespaces, lists and
 * object pages). A few views exist only embedded: the inventory, the host's context object and
 * the manifest's actions. Everything else (overview, search) opens the full console.
 */
export const EMBED_PREFIX = '/embed';

/** The views a host may mount by name (`Glasspane.mount(el, { view })`, plugin.json URIs). */
export const EMBED_VIEWS = {
  inventory: '/embed/inventory',
  /** The host's context object (first of `context.objects`); `?tab=summary|yaml|events|related|logs`. */
  object: '/embed/object',
  /** A VM power action on the context objects; `?op=on|off|suspend|restart`. */
  vmPower: '/embed/actions/vm-power',
  signIn: '/embed/sign-in',
} as const;

const MIRRORED: ReadonlySet<ConsoleLocation['page']> = new Set(['hosts', 'host', 'namespace', 'list', 'object']);

/** The console's pages that change things (issue 5: YAML editor, import, create wizards), as embedded views see them. */
export type WorkLocation =
  | { page: 'edit'; descriptorId: string; namespace?: string; name: string }
  | { page: 'import' }
  | { page: 'create'; namespace?: string }
  | { page: 'create-kind'; descriptorId: string; namespace?: string }
  | { page: 'wizard'; wizard: string; namespace?: string };

/** `/…/<name>/edit`, `/import`, `[/namespaces/<ns>]/create[/<wizard> | /r/<id>]`; undefined for anything else. */
export function parseWorkPath(pathname: string): WorkLocation | undefined {
  if (pathname === '/import') return { page: 'import' };
  if (pathname.endsWith('/edit')) {
    const loc = parseConsolePath(pathname.slice(0, -'/edit'.length));
    if (loc.page === 'host' && pathname.startsWith('/r/')) return { page: 'edit', descriptorId: 'nodes', name: loc.node };
    return loc.page === 'object' ? { page: 'edit', descriptorId: loc.descriptorId, namespace: loc.namespace, name: loc.name } : undefined;
  }
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  if (parts[0] !== 'create' || parts.some((p) => p === '')) return undefined;
  if (parts.length === 1) return { page: 'create', namespace };
  if (parts.length === 2) return { page: 'wizard', wizard: parts[1]!, namespace };
  if (parts.length === 3 && parts[1] === 'r') return { page: 'create-kind', descriptorId: parts[2]!, namespace };
  return undefined;
}

/** The embedded twin of a console page (path and query kept), or undefined when there is none. */
export function embedHrefFor(consoleHref: string): string | undefined {
  const { pathname, search } = splitHref(consoleHref);
  if (!pathname.startsWith('/') || pathname.startsWith('//')) return undefined;
  const mirrored = MIRRORED.has(parseConsolePath(pathname).page) || parseWorkPath(pathname) !== undefined;
  return mirrored ? `${EMBED_PREFIX}${pathname}${search}` : undefined;
}

/** The console page an embedded path mirrors (`/embed/hosts/esx-01` → `/hosts/esx-01`). */
export function consolePathOf(embedPath: string): string | undefined {
  if (embedPath !== EMBED_PREFIX && !embedPath.startsWith(`${EMBED_PREFIX}/`)) return undefined;
  return embedPath.slice(EMBED_PREFIX.length) || '/';
}

/** The object a console path shows, named as the host contract names objects; lists and others have none. */
export function refForConsolePath(pathname: string): KubeRef | undefined {
  const loc = parseConsolePath(pathname);
  if (loc.page === 'host') return { group: '', kind: 'Node', name: loc.node };
  if (loc.page === 'namespace') return { group: '', kind: 'Namespace', name: loc.namespace };
  if (loc.page !== 'object') return undefined;
  const d = descriptorById(loc.descriptorId);
  if (!d) return undefined;
  return { group: d.group, kind: d.kind, ...(d.namespaced && loc.namespace ? { namespace: loc.namespace } : {}), name: loc.name };
}

/** The console page of an object the host names; undefined for kinds the registry does not know. */
export function consoleHrefForRef(ref: KubeRef): string | undefined {
  return hrefForRef(ref);
}

/**
 * Which embedded view a host may mount: a relative path under /embed, with an optional query
 * (`inventory`, `object?tab=events`, `namespaces/team-a`). Anything that could leave /embed is refused.
 */
export function embedViewPath(view: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.~%-]*(\?[A-Za-z0-9_.~%=&-]*)?$/.test(view)) return undefined;
  const [path] = view.split('?');
  if (path!.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined;
  return `${EMBED_PREFIX}/${view}`;
}

function splitHref(href: string): { pathname: string; search: string } {
  const q = href.search(/[?#]/);
  return q < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, q), search: href.slice(q).split('#')[0]! };
}
