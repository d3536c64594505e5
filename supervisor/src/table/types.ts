/**
 * Wire shapes of `meta.k8s.io/v1` Table output (what kubectl asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`) and the printer contract that fills it.
 * Field names and which fields are always present follow apimachinery `pkg/apis/meta/v1/types.go`.
 */
import type { JsonValue, KubeObject } from '../api/types';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** All five fields are always serialised (upstream has no `omitempty` on them). */
export interface TableColumnDefinition {
  name: string;
  /** Upstream types are `string|integer|number|boolean|date`; CRDs may declare others, which pass through. */
  type: ColumnType | string;
  /** `name` marks the name column (`kubectl --show-kind` prefixes it); otherwise `""` or a CRD's format. */
  format: string;
  description: string;
  /** 0 = always shown; >0 = shown by `kubectl get -o wide` only. */
  priority: number;
}

/** A cell: a JSON scalar in the column's type, or null when the value is missing. */
export type TableCell = JsonValue;

export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: string;
  metadata: KubeObject['metadata'];
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  /** PartialObjectMetadata (includeObject=Metadata, the default), the object (Object) or null (None). */
  object: PartialObjectMetadata | KubeObject | null;
}

export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: TableListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/**
 * Turns one object into a row. Like the apiserver (which always calls the upstream printers with
 * `Wide: true`), a printer returns a cell for every column, priority>0 ones included; kubectl
 * hides those unless `-o wide`.
 */
export interface Printer {
  readonly columns: readonly TableColumnDefinition[];
  /** `now` is epoch milliseconds; Age-like cells are rendered relative to it. */
  row(obj: KubeObject, now: number): TableCell[];
  /** Row conditions; upstream sets them only for pods in a terminal phase. */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}
