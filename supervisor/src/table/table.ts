/**
 * Builds `meta.k8s.io` Tables for lists and watch events (apiserver `handlers/response.go` `asTable`
 * and the watch encoder's header-once behaviour). Printer choice: an explicit printer (a CRD's),
 * else the built-in one for the resource, else the default `Name`/`Created At` table.
 */
import { errors } from '../api/errors';
import type { KubeObject } from '../api/types';
import { defaultPrinter, printerForKey } from './registry';
import type { IncludeObject, PartialObjectMetadata, Printer, Table, TableListMeta, TableRow } from './types';

export const TABLE_API_VERSION = 'meta.k8s.io/v1';
export type TableApiVersion = 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';

export interface ToTableOptions {
  /** `resource` or `resource.group` (see `resourceKey`), e.g. `pods`, `deployments.apps`. */
  kindKey: string;
  objects: readonly KubeObject[];
  listMeta: TableListMeta;
  /** What each row carries in `object`; upstream's default is Metadata. */
  includeObject?: IncludeObject;
  /** Epoch milliseconds that Age-like cells are computed against. */
  now: number;
  /** Overrides the built-in printer (custom resources pass `crdTableColumns(...)`). */
  printer?: Printer;
  /** `meta.k8s.io/v1` unless the client negotiated v1beta1. */
  apiVersion?: TableApiVersion;
  /** Leave `columnDefinitions` empty (watch events after the first). */
  noHeaders?: boolean;
}

function choosePrinter(kindKey: string, printer: Printer | undefined): Printer {
  return printer ?? printerForKey(kindKey) ?? defaultPrinter;
}

/**
 * A row's metadata-only object. Unlike upstream, `managedFields` are dropped: kubectl only reads
 * namespace and labels from it, and managed fields are often most of an object's size.
 */
export function partialObjectMetadata(obj: KubeObject, apiVersion: TableApiVersion = TABLE_API_VERSION): PartialObjectMetadata {
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { kind: 'PartialObjectMetadata', apiVersion, metadata };
}

function rowObject(obj: KubeObject, include: IncludeObject, apiVersion: TableApiVersion): TableRow['object'] {
  if (include === 'None') return null;
  if (include === 'Object') return obj;
  return partialObjectMetadata(obj, apiVersion);
}

export function toTable(options: ToTableOptions): Table {
  const printer = choosePrinter(options.kindKey, options.printer);
  const include = options.includeObject ?? 'Metadata';
  const apiVersion = options.apiVersion ?? TABLE_API_VERSION;
  const rows = options.objects.map((obj): TableRow => {
    const row: TableRow = { cells: printer.row(obj, options.now), object: rowObject(obj, include, apiVersion) };
    const conditions = printer.conditions?.(obj);
    if (conditions) row.conditions = conditions;
    return row;
  });
  const metadata: TableListMeta = {};
  if (options.listMeta.resourceVersion !== undefined) metadata.resourceVersion = options.listMeta.resourceVersion;
  if (options.listMeta.continue) metadata.continue = options.listMeta.continue;
  if (options.listMeta.remainingItemCount !== undefined) metadata.remainingItemCount = options.listMeta.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion,
    metadata,
    columnDefinitions: options.noHeaders ? [] : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}

/**
 * `includeObject` query parameter → value; BadRequest like upstream's `ValidateTableOptions` for
 * anything else. Absent or empty means Metadata.
 */
export function parseIncludeObject(value: string | null | undefined): IncludeObject {
  if (value === undefined || value === null || value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  throw errors.badRequest(`Unable to convert to Table as requested: includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`);
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

export type WatchTableOptions = Omit<ToTableOptions, 'objects' | 'listMeta' | 'noHeaders'>;

/**
 * One watch event with its object as a Table. ADDED/MODIFIED/DELETED become a single-row Table
 * (`metadata.resourceVersion` = the object's); a BOOKMARK becomes a row-less Table carrying its
 * resourceVersion; an ERROR (a Status) passes through unchanged. `first` says whether this is the
 * first event of the watch: only that one carries `columnDefinitions`.
 */
export function tableRowsForWatchEvent(event: WatchEvent, options: WatchTableOptions & { first: boolean }): WatchEvent {
  if (event.type === 'ERROR') return event;
  const obj = event.object as KubeObject;
  const resourceVersion = obj.metadata?.resourceVersion;
  const table = toTable({
    ...options,
    objects: event.type === 'BOOKMARK' ? [] : [obj],
    listMeta: resourceVersion === undefined ? {} : { resourceVersion },
    noHeaders: !options.first,
  });
  return { type: event.type, object: table };
}

/**
 * A stateful encoder for one watch stream: call it for each event in order; it sends the column
 * definitions with the first non-ERROR event only, as upstream's watchEmbeddedEncoder does.
 */
export function tableWatchEncoder(options: Omit<WatchTableOptions, 'now'>): (event: WatchEvent, now: number) => WatchEvent {
  let first = true;
  return (event, now) => {
    if (event.type === 'ERROR') return event;
    const out = tableRowsForWatchEvent(event, { ...options, now, first });
    first = false;
    return out;
  };
}
