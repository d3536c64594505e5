import type { KubeObject } from '../k8s/types';
import type { FormHints, FormWidget } from './hints';

/**
 * OLM ClusterServiceVersion `specDescriptors` (operators.coreos.com/v1alpha1) as form hints:
 * `displayName` → title, `description` → help, `x-descriptors` → widgets
 * (`urn:alm:descriptor:com.tectonic.ui:podCount`, `…:resourceRequirements`, `…:booleanSwitch`,
 * `…:select:<value>`, `…:hidden`, `…:advanced`, `…:fieldGroup:<name>`, `io.kubernetes:<Kind>`…),
 * descriptor order → field order. Paths are under `spec`.
 */
export interface SpecDescriptor {
  path: string;
  displayName?: string;
  description?: string;
  'x-descriptors'?: string[];
}

interface OwnedCrd {
  name?: string;
  version?: string;
  kind?: string;
  displayName?: string;
  description?: string;
  specDescriptors?: SpecDescriptor[];
}

const UI = 'urn:alm:descriptor:com.tectonic.ui:';
const K8S = 'urn:alm:descriptor:io.kubernetes:';

/** Core kinds an `io.kubernetes:<Kind>` descriptor may name, with their API group. */
const KIND_GROUPS: Record<string, string> = { StorageClass: 'storage.k8s.io', Secret: '', ConfigMap: '', ServiceAccount: '', PersistentVolumeClaim: '', Service: '' };

/** The owned-CRD entry of a CSV for `<plural>.<group>` (and the version, when it names one). */
export function ownedCrd(csv: KubeObject, crdName: string, version?: string): OwnedCrd | undefined {
  const owned = (csv.spec?.customresourcedefinitions as { owned?: OwnedCrd[] } | undefined)?.owned ?? [];
  return owned.find((o) => o.name === crdName && (!version || !o.version || o.version === version)) ?? owned.find((o) => o.name === crdName);
}

/** The CSV (of several) that describes the kind, preferring one that succeeded. */
export function csvFor(csvs: readonly KubeObject[], crdName: string, version?: string): KubeObject | undefined {
  const matching = csvs.filter((c) => ownedCrd(c, crdName, version));
  return matching.find((c) => c.status?.phase === 'Succeeded') ?? matching[0];
}

function fieldPath(path: string): string {
  return `spec.${path.replace(/^spec\./, '')}`;
}

export function hintsFromDescriptors(descriptors: readonly SpecDescriptor[]): FormHints {
  const hints: Required<Pick<FormHints, 'order' | 'labels' | 'help' | 'widgets' | 'widgetOptions' | 'hidden' | 'groups'>> = {
    order: [],
    labels: {},
    help: {},
    widgets: {},
    widgetOptions: {},
    hidden: [],
    groups: [],
  };
  const group = (title: string, path: string, collapsed?: boolean) => {
    const g = hints.groups.find((x) => x.title === title);
    if (g) g.fields.push(path);
    else hints.groups.push({ title, fields: [path], ...(collapsed ? { collapsed } : {}) });
  };
  for (const d of descriptors) {
    if (!d.path) continue;
    const p = fieldPath(d.path);
    hints.order.push(p);
    if (d.displayName) hints.labels[p] = d.displayName;
    if (d.description) hints.help[p] = d.description;
    const selects: string[] = [];
    for (const x of d['x-descriptors'] ?? []) {
      let widget: FormWidget | undefined;
      if (x.startsWith(`${UI}select:`)) selects.push(x.slice(`${UI}select:`.length));
      else if (x === `${UI}podCount`) widget = 'podCount';
      else if (x === `${UI}resourceRequirements`) widget = 'resources';
      else if (x === `${UI}booleanSwitch`) widget = 'switch';
      else if (x === `${UI}checkbox`) widget = 'checkbox';
      else if (x === `${UI}password`) widget = 'password';
      else if (x === `${UI}number`) widget = 'number';
      else if (x === `${UI}text`) widget = 'text';
      else if (x === `${UI}imagePullPolicy`) {
        widget = 'select';
        hints.widgetOptions[p] = { options: ['Always', 'IfNotPresent', 'Never'] };
      } else if (x === `${UI}hidden`) hints.hidden.push(p);
      else if (x === `${UI}advanced`) group('Advanced', p, true);
      else if (x.startsWith(`${UI}fieldGroup:`)) group(x.slice(`${UI}fieldGroup:`.length), p);
      else if (x.startsWith(K8S)) {
        const kind = x.slice(K8S.length);
        if (kind in KIND_GROUPS) {
          widget = 'objectRef';
          hints.widgetOptions[p] = { kind, group: KIND_GROUPS[kind] };
        }
      }
      if (widget) hints.widgets[p] = widget;
    }
    if (selects.length) {
      hints.widgets[p] = 'select';
      hints.widgetOptions[p] = { options: selects };
    }
  }
  return hints;
}

/** Hints for a kind from the CSVs that can be read (none when OLM is absent). */
export function olmHints(csvs: readonly KubeObject[], crdName: string, version?: string): FormHints | undefined {
  const csv = csvFor(csvs, crdName, version);
  const owned = csv ? ownedCrd(csv, crdName, version) : undefined;
  return owned?.specDescriptors?.length ? hintsFromDescriptors(owned.specDescriptors) : undefined;
}

/** The CSV's sample objects for the kind (`alm-examples`), for a create page's starting point. */
export function almExample(csv: KubeObject | undefined, group: string, kind: string): KubeObject | undefined {
  const raw = csv?.metadata.annotations?.['alm-examples'];
  if (!raw) return undefined;
  try {
    const samples = JSON.parse(raw) as KubeObject[];
    return Array.isArray(samples) ? samples.find((s) => s?.kind === kind && String(s.apiVersion ?? '').startsWith(group ? `${group}/` : '')) : undefined;
  } catch {
    return undefined;
  }
}
