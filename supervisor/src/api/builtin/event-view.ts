import type { ViewConversion } from '../resource-type';
import type { KubeObject } from '../types';

/**
 * events.k8s.io/v1 Event is a second view of core/v1 Event storage
 * (pkg/apis/events/v1 conversion): the same objects under renamed fields.
 */
const RENAMES: [core: string, events: string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];

function rename(obj: KubeObject, pairs: [string, string][], apiVersion: string): KubeObject {
  const out: KubeObject = { ...obj, apiVersion, metadata: obj.metadata };
  for (const [from, to] of pairs) {
    if (from in out) {
      out[to] = out[from];
      delete out[from];
    }
  }
  return out;
}

export const eventsV1View: ViewConversion = {
  toView: (stored) => rename(stored, RENAMES, 'events.k8s.io/v1'),
  fromView: (obj) => rename(obj, RENAMES.map(([a, b]) => [b, a]), 'v1'),
  fieldToStorage(field) {
    for (const [core, events] of RENAMES) {
      if (field === events) return core;
      if (field.startsWith(`${events}.`)) return core + field.slice(events.length);
    }
    return field;
  },
};
