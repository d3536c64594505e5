import type { KubeObject } from '../k8s/types';
import { str } from '../resources/format';

/**
 * The operator-backed services a developer may create in a namespace, from the Supervisor
 * Service catalogue: each Carvel PackageMetadata (display name, short description, icon,
 * categories) with the kinds its operator serves — named in its long description the way
 * Supervisor Services write it ("`Cluster` resources (postgresql.cnpg.io/v1)"), else any
 * served service kind whose API group the description mentions. A service is offered only when
 * at least one of its kinds is served by the cluster and the user may create it there.
 */
export interface ServedKind {
  descriptorId: string;
  group: string;
  version: string;
  kind: string;
  resource: string;
  label: string;
  /** The registry marks it as an operator-backed service kind. */
  service: boolean;
}

export interface ServiceOffer {
  /** The PackageMetadata's name, e.g. "cnpg.fling.vsphere.vmware.com". */
  id: string;
  displayName: string;
  description?: string;
  categories: string[];
  /** A `data:image/svg+xml;base64,` URL for an <img>, when the package has a well-formed icon. */
  icon?: string;
  kinds: ServedKind[];
}

/** `Kind` (group/version) mentions in a description. */
export function kindsNamedIn(text: string): { kind: string; group: string; version: string }[] {
  const out: { kind: string; group: string; version: string }[] = [];
  for (const m of text.matchAll(/`([A-Z][A-Za-z0-9]*)`[^(`]{0,40}\(([a-z0-9.-]+\.[a-z0-9.-]+)\/(v[a-z0-9]+)\)/g)) out.push({ kind: m[1]!, group: m[2]!, version: m[3]! });
  return out;
}

const MAX_ICON_BYTES = 64 * 1024;

/**
 * The icon as a data URL for an <img> element — never inlined as SVG markup, so a hostile icon
 * cannot run script or style the page (an SVG loaded as an image is inert). Only clean base64
 * of a bounded size passes.
 */
export function iconDataUrl(base64: unknown): string | undefined {
  if (typeof base64 !== 'string') return undefined;
  const clean = base64.replace(/\s+/g, '');
  if (!clean || clean.length > (MAX_ICON_BYTES * 4) / 3 + 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 !== 0) return undefined;
  return `data:image/svg+xml;base64,${clean}`;
}

function kindsOf(pkg: KubeObject, served: readonly ServedKind[]): ServedKind[] {
  const text = `${str(pkg.spec?.longDescription) ?? ''} ${str(pkg.spec?.shortDescription) ?? ''}`;
  const named = kindsNamedIn(text)
    .map((n) => served.find((s) => s.group === n.group && s.kind === n.kind))
    .filter((s): s is ServedKind => !!s);
  if (named.length) return [...new Map(named.map((k) => [k.descriptorId, k])).values()];
  return served.filter((s) => s.service && s.group && text.includes(s.group));
}

export function serviceOffers(packages: readonly KubeObject[], served: readonly ServedKind[], mayCreate: (k: ServedKind) => boolean): ServiceOffer[] {
  const offers: ServiceOffer[] = [];
  for (const p of packages) {
    const kinds = kindsOf(p, served).filter(mayCreate);
    if (!kinds.length) continue;
    const categories = Array.isArray(p.spec?.categories) ? (p.spec!.categories as unknown[]).filter((c): c is string => typeof c === 'string') : [];
    offers.push({
      id: p.metadata.name ?? '',
      displayName: str(p.spec?.displayName) ?? p.metadata.name ?? '',
      description: str(p.spec?.shortDescription),
      categories,
      icon: iconDataUrl(p.spec?.iconSVGBase64),
      kinds,
    });
  }
  return offers.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
