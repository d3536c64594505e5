import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { fieldGetterFor, matchesLabels, objectMatchesFields, parseFieldSelector, parseLabelSelector, isEverything } from '../selectors';
import type { FieldSelector, LabelSelector } from '../selectors';
import type { Stored } from '../storage/store';
import { needsConversion, viewObject } from '../core/views';

/**
 * Which objects a list, watch or deletecollection is about: namespace, label selector and field
 * selector, applied to the object as the served resource shows it.
 */
export interface Selection {
  namespace: string;
  matches(stored: Stored): boolean;
  /** True when no selector narrows the namespace (lists can skip per-object checks). */
  everything: boolean;
}

export function selectionFor(rt: ResourceType, namespace: string, query: URLSearchParams): Selection {
  let labels: LabelSelector | undefined;
  let fields: FieldSelector | undefined;
  const table = fieldGetterFor(rt.resource, rt.group, rt.selectableFields ?? []);
  const ls = query.get('labelSelector');
  if (ls) labels = parseLabelSelector(ls);
  const fs = query.get('fieldSelector');
  if (fs) {
    fields = parseFieldSelector(fs, (f) => table.supports(f));
  }
  const labelsActive = labels !== undefined && !isEverything(labels);
  const fieldsActive = fields !== undefined && fields.requirements.length > 0;
  const convert = needsConversion(rt) && fieldsActive;
  return {
    namespace: rt.namespaced ? namespace : '',
    everything: !labelsActive && !fieldsActive,
    matches(stored) {
      const obj: KubeObject = convert ? viewObject(rt, stored) : stored.obj;
      if (labelsActive && !matchesLabels(labels!, obj.metadata.labels)) return false;
      if (fieldsActive && !objectMatchesFields(fields!, table, obj)) return false;
      return true;
    },
  };
}

export function parseLimit(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`invalid limit: ${raw}`);
  return n;
}
