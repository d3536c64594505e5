import { descriptorById, descriptorForKind } from './registry';
import type { ObjectRef, ResourceDescriptor } from './types';

/**
 * The console's URL scheme, in one place: every page link is built here and the inventory tree
 * reads the current page back with `parseConsolePath`. Names are URL-encoded path segments.
 */
export type ObjectTab = 'summary' | 'yaml' | 'events' | 'related' | 'logs';

const seg = encodeURIComponent;

export const OVERVIEW_HREF = '/';
export const HOSTS_HREF = '/hosts';

export function namespaceHref(namespace: string): string {
  return `/namespaces/${seg(namespace)}`;
}

export function hostHref(node: string): string {
  return `${HOSTS_HREF}/${seg(node)}`;
}

export function searchHref(query: string): string {
  return `/search?q=${seg(query)}`;
}

/** A kind's list: in one namespace, or across all namespaces (and for cluster-scoped kinds). */
export function listHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced'>, namespace?: string): string {
  return d.namespaced && namespace ? `${namespaceHref(namespace)}/r/${seg(d.id)}` : `/r/${seg(d.id)}`;
}

/** An object's page; the namespace is ignored for cluster-scoped kinds. */
export function objectHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced'>, namespace: string | undefined, name: string, tab?: ObjectTab): string {
  const base = `${listHref(d, namespace)}/${seg(name)}`;
  return tab ? `${base}?tab=${tab}` : base;
}

/** The page of a referenced object; undefined when the kind is unknown to the registry. */
export function hrefForRef(ref: ObjectRef): string | undefined {
  if (ref.group === '' && ref.kind === 'Node') return hostHref(ref.name);
  if (ref.group === '' && ref.kind === 'Namespace') return namespaceHref(ref.name);
  const d = descriptorForKind(ref.group, ref.kind);
  return d ? objectHref(d, ref.namespace, ref.name) : undefined;
}

/** What a console path shows. Unknown descriptor ids are kept (generic pages serve any CRD). */
export type ConsoleLocation =
  | { page: 'overview' }
  | { page: 'hosts' }
  | { page: 'host'; node: string }
  | { page: 'namespace'; namespace: string }
  | { page: 'list'; descriptorId: string; namespace?: string }
  | { page: 'object'; descriptorId: string; namespace?: string; name: string }
  | { page: 'other' };

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export function parseConsolePath(pathname: string): ConsoleLocation {
  // An object's YAML editor (`<object page>/edit`) shows the same object in the tree.
  if (pathname.endsWith('/edit')) {
    const inner = parseConsolePath(pathname.slice(0, -'/edit'.length));
    if (inner.page === 'object' || inner.page === 'host' || inner.page === 'namespace') return inner;
  }
  const parts = pathname.split('/').filter(Boolean).map(decode);
  if (parts.some((p) => p === undefined || p === '')) return { page: 'other' };
  const p = parts as string[];
  if (p.length === 0) return { page: 'overview' };
  if (p[0] === 'hosts') return p.length === 1 ? { page: 'hosts' } : p.length === 2 ? { page: 'host', node: p[1]! } : { page: 'other' };
  if (p[0] === 'r') {
    if (p.length === 2) return { page: 'list', descriptorId: p[1]! };
    if (p.length === 3) {
      // Hosts are nodes: /r/nodes/<name> shows the same host as /hosts/<name>.
      if (p[1] === 'nodes') return { page: 'host', node: p[2]! };
      return { page: 'object', descriptorId: p[1]!, name: p[2]! };
    }
    return { page: 'other' };
  }
  if (p[0] === 'namespaces' && p.length >= 2) {
    const namespace = p[1]!;
    if (p.length === 2) return { page: 'namespace', namespace };
    if (p[2] !== 'r') return { page: 'other' };
    if (p.length === 4) return { page: 'list', descriptorId: p[3]!, namespace };
    if (p.length === 5) return { page: 'object', descriptorId: p[3]!, namespace, name: p[4]! };
  }
  return { page: 'other' };
}

/**
 * Create pages: `/create` and `/namespaces/<ns>/create` choose what to create; wizards live at
 * `…/create/<wizard>` (vm, workload, service, namespace) and the generic create page of any
 * kind at `…/create/r/<descriptorId>`. Namespaced pages preselect the namespace.
 */
export type WizardId = 'vm' | 'workload' | 'service' | 'namespace';

const WIZARD_FOR: Record<string, WizardId> = {
  'virtualmachines.vmoperator.vmware.com': 'vm',
  'deployments.apps': 'workload',
  pods: 'workload',
  namespaces: 'namespace',
};

function createBase(namespace?: string): string {
  return namespace ? `${namespaceHref(namespace)}/create` : '/create';
}

/** The chooser of what to create (in a namespace, or anywhere). */
export function createChooserHref(namespace?: string): string {
  return createBase(namespace);
}

export function wizardHref(wizard: WizardId, namespace?: string, query: Record<string, string> = {}): string {
  const base = wizard === 'namespace' ? '/create/namespace' : `${createBase(namespace)}/${wizard}`;
  const q = new URLSearchParams(query).toString();
  return q ? `${base}?${q}` : base;
}

/** The generic create page of a kind (namespaced kinds in the namespace when one is given). */
export function genericCreateHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced'>, namespace?: string): string {
  return `${createBase(d.namespaced ? namespace : undefined)}/r/${seg(d.id)}`;
}

/** Where "Create" leads for a kind: its wizard when it has one, else the generic create page. */
export function createHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced' | 'tree'>, namespace?: string): string {
  const wizard = WIZARD_FOR[d.id];
  if (wizard === 'workload') return wizardHref('workload', namespace, d.id === 'pods' ? { kind: 'pod' } : {});
  if (wizard) return wizardHref(wizard, namespace);
  if (d.tree?.service) return wizardHref('service', namespace, { kind: d.id });
  return genericCreateHref(d, namespace);
}

/** An object's YAML editor (issue 5): the object page's address plus `/edit`. */
export function editHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced'>, namespace: string | undefined, name: string): string {
  return `${objectHref(d, namespace, name)}/edit`;
}

/** "Import YAML": apply a multi-document file like `kubectl apply -f`. */
export const IMPORT_HREF = '/import';

/**
 * The create page for what a page shows: a namespace's page → the chooser in that namespace; a
 * kind's list → that kind's wizard or generic create page. Undefined for other pages. Used by the
 * inventory tree's "+" on namespaces and groups.
 */
export function createHrefForPage(href: string): string | undefined {
  const loc = parseConsolePath(href.split('?')[0]!);
  if (loc.page === 'namespace') return createChooserHref(loc.namespace);
  if (loc.page !== 'list') return undefined;
  const d = descriptorById(loc.descriptorId) ?? { id: loc.descriptorId, namespaced: !!loc.namespace };
  return createHref(d, loc.namespace);
}
