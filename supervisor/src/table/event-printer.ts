/**
 * Event printers (printers.go `printEvent`). `events.k8s.io/v1` Events are printed by the same
 * printer after mapping their fields onto core/v1 names, as the apiserver does through its
 * internal type.
 */
import type { KubeObject } from '../api/types';
import { at, column, int, NAME_DESCRIPTION, str } from './format';
import { parseTimestamp, timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

/** The fields printEvent reads, in core/v1 naming. */
interface EventView {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedKind: string;
  involvedName: string;
  fieldPath: string;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series: unknown;
}

/** Where each EventView field lives in one Event API version's JSON. */
interface EventFields {
  message: string;
  involvedObject: string;
  source: string;
  reportingController: string;
  firstTimestamp: string;
  lastTimestamp: string;
  count: string;
}

const CORE_V1_FIELDS: EventFields = {
  message: 'message',
  involvedObject: 'involvedObject',
  source: 'source',
  reportingController: 'reportingComponent',
  firstTimestamp: 'firstTimestamp',
  lastTimestamp: 'lastTimestamp',
  count: 'count',
};

/** events.k8s.io/v1 → core/v1 field names (regarding → involvedObject, note → message, deprecated* → legacy fields). */
const EVENTS_V1_FIELDS: EventFields = {
  message: 'note',
  involvedObject: 'regarding',
  source: 'deprecatedSource',
  reportingController: 'reportingController',
  firstTimestamp: 'deprecatedFirstTimestamp',
  lastTimestamp: 'deprecatedLastTimestamp',
  count: 'deprecatedCount',
};

function viewOf(e: KubeObject, f: EventFields): EventView {
  return {
    name: str(e.metadata.name),
    type: str(at(e, 'type')),
    reason: str(at(e, 'reason')),
    message: str(at(e, f.message)),
    involvedKind: str(at(e, f.involvedObject, 'kind')),
    involvedName: str(at(e, f.involvedObject, 'name')),
    fieldPath: str(at(e, f.involvedObject, 'fieldPath')),
    sourceComponent: str(at(e, f.source, 'component')),
    sourceHost: str(at(e, f.source, 'host')),
    reportingController: str(at(e, f.reportingController)),
    reportingInstance: str(at(e, 'reportingInstance')),
    firstTimestamp: at(e, f.firstTimestamp),
    lastTimestamp: at(e, f.lastTimestamp),
    eventTime: at(e, 'eventTime'),
    count: int(at(e, f.count)),
    series: at(e, 'series'),
  };
}

const isSet = (t: unknown): boolean => typeof parseTimestamp(t) === 'number';

/** `formatEventSource`: component (or reporting controller), then `, host` (or reporting instance) if any. */
function eventSource(v: EventView): string {
  const component = v.sourceComponent || v.reportingController;
  const instance = v.sourceHost || v.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventCells(v: EventView, now: number): TableCell[] {
  const firstSeen = isSet(v.firstTimestamp) ? timestampSince(v.firstTimestamp, now) : timestampSince(v.eventTime, now);
  let lastSeen = isSet(v.lastTimestamp) ? timestampSince(v.lastTimestamp, now) : firstSeen;
  let count = v.count;
  if (v.series !== undefined && v.series !== null) {
    lastSeen = timestampSince(at(v.series, 'lastObservedTime'), now);
    count = int(at(v.series, 'count'));
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const kind = v.involvedKind.toLowerCase();
  const target = v.involvedName !== '' ? `${kind}/${v.involvedName}` : kind;
  return [lastSeen, v.type, v.reason, target, v.fieldPath, eventSource(v), v.message.trim(), firstSeen, count, v.name];
}

const columns = [
  column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column('Object', 'string', 'The object that this event is about.'),
  column('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.', 1),
  column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
  column('Message', 'string', 'A human-readable description of the status of this operation.'),
  column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
  column('Count', 'string', 'The number of times this event has occurred.', 1),
  column('Name', 'string', NAME_DESCRIPTION, 1, 'name'),
];

export const eventPrinter: Printer = { columns, row: (e, now) => eventCells(viewOf(e, CORE_V1_FIELDS), now) };
export const eventsV1Printer: Printer = { columns, row: (e, now) => eventCells(viewOf(e, EVENTS_V1_FIELDS), now) };
