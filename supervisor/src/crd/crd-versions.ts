/**
 * What the API server needs to serve a CRD, normalized from its spec: kube-aware version
 * ordering (for the preferred version in discovery) and per-version schema, subresources,
 * printer columns and selectable fields.
 */
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import type { CrdNames, CrdVersionSpec, CustomResourceDefinition } from './crd-types';

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const STABILITY = { alpha: 0, beta: 1, ga: 2 } as const;

function parseKubeVersion(v: string): { major: number; stability: number; minor: number } | undefined {
  const m = KUBE_VERSION.exec(v);
  if (!m) return undefined;
  const level = (m[2] as 'alpha' | 'beta' | undefined) ?? 'ga';
  return { major: Number(m[1]), stability: STABILITY[level], minor: Number(m[3] ?? 0) };
}

/**
 * apimachinery's CompareKubeAwareVersionStrings: positive when `a` is preferred over `b`.
 * GA before beta before alpha, higher major first, then higher minor
 * (v2 > v1 > v11beta2 > v10beta3 > v3beta1 > v12alpha1); any kube-like version beats any other
 * string, and other strings order alphabetically ("foo1" > "foo10").
 */
export function compareKubeVersions(a: string, b: string): number {
  if (a === b) return 0;
  const va = parseKubeVersion(a);
  const vb = parseKubeVersion(b);
  if (!va && !vb) return a < b ? 1 : -1;
  if (!va) return -1;
  if (!vb) return 1;
  if (va.stability !== vb.stability) return va.stability - vb.stability;
  if (va.major !== vb.major) return va.major - vb.major;
  return va.minor - vb.minor;
}

/** Most preferred first. */
export function sortKubeVersions(versions: string[]): string[] {
  return [...versions].sort((a, b) => compareKubeVersions(b, a));
}

export interface CrdPrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority: number;
  jsonPath: string;
}

export interface CrdScaleInfo {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface CrdVersionInfo {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  /** The warning sent with every request when `deprecated` (upstream's default text if unset). */
  deprecationWarning?: string;
  schema?: SchemaNode;
  statusSubresource: boolean;
  scale?: CrdScaleInfo;
  /** additionalPrinterColumns, or upstream's default `Age` column when there are none. */
  printerColumns: CrdPrinterColumn[];
  /** JSON paths (e.g. `.spec.color`) usable in field selectors besides metadata.name/namespace. */
  selectableFields: string[];
}

export interface CrdInfo {
  group: string;
  /** The names to serve: `status.acceptedNames` once set (as upstream serves), else the spec's, defaulted. */
  names: Required<CrdNames>;
  namespaced: boolean;
  versions: CrdVersionInfo[];
  /** Served version names, most preferred first. */
  servedVersions: string[];
  storageVersion?: string;
  /** The highest served version by kube-aware ordering (not the storage version). */
  preferredVersion?: string;
}

const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const DEFAULT_PRINTER_COLUMNS: readonly CrdPrinterColumn[] = [
  { name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, priority: 0, jsonPath: '.metadata.creationTimestamp' },
];

/** The names with upstream's defaults applied: singular = lowercase kind, listKind = kind + "List". */
export function defaultedNames(names: CrdNames | undefined): Required<CrdNames> {
  const kind = names?.kind ?? '';
  return {
    plural: names?.plural ?? '',
    singular: names?.singular || kind.toLowerCase(),
    kind,
    listKind: names?.listKind || (kind ? `${kind}List` : ''),
    shortNames: names?.shortNames ?? [],
    categories: names?.categories ?? [],
  };
}

export function crdInfo(crd: CustomResourceDefinition): CrdInfo {
  const spec = crd.spec ?? {};
  const group = spec.group ?? '';
  const accepted = crd.status?.acceptedNames;
  const names = defaultedNames(accepted?.plural ? accepted : spec.names);
  const versions = (spec.versions ?? []).filter((v): v is CrdVersionSpec => isObject(v)).map((v): CrdVersionInfo => {
    const name = v.name ?? '';
    const scale = v.subresources?.scale;
    const columns = (v.additionalPrinterColumns ?? []).map((c) => ({
      name: c.name ?? '',
      type: c.type ?? 'string',
      ...(c.format ? { format: c.format } : {}),
      ...(c.description ? { description: c.description } : {}),
      priority: c.priority ?? 0,
      jsonPath: c.jsonPath ?? '',
    }));
    return {
      name,
      served: !!v.served,
      storage: !!v.storage,
      deprecated: !!v.deprecated,
      ...(v.deprecated ? { deprecationWarning: v.deprecationWarning ?? `${group}/${name} ${names.kind} is deprecated` } : {}),
      ...(v.schema?.openAPIV3Schema ? { schema: v.schema.openAPIV3Schema } : {}),
      statusSubresource: !!v.subresources?.status,
      ...(scale
        ? {
            scale: {
              specReplicasPath: scale.specReplicasPath ?? '',
              statusReplicasPath: scale.statusReplicasPath ?? '',
              ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}),
            },
          }
        : {}),
      printerColumns: columns.length > 0 ? columns : DEFAULT_PRINTER_COLUMNS.map((c) => ({ ...c })),
      selectableFields: (v.selectableFields ?? []).map((f) => f.jsonPath ?? '').filter((p) => p !== ''),
    };
  });
  const servedVersions = sortKubeVersions(versions.filter((v) => v.served).map((v) => v.name));
  return {
    group,
    names,
    namespaced: spec.scope !== 'Cluster',
    versions,
    servedVersions,
    storageVersion: versions.find((v) => v.storage)?.name,
    preferredVersion: servedVersions[0],
  };
}

export function crdVersionInfo(crd: CustomResourceDefinition, version: string): CrdVersionInfo | undefined {
  return crdInfo(crd).versions.find((v) => v.name === version);
}
