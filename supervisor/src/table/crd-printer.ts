/**
 * Table columns for custom resources from a CRD version's `additionalPrinterColumns`, after
 * apiextensions-apiserver `pkg/registry/customresource/tableconvertor`: `Name` first, then each
 * column's first JSONPath match. `string` columns print the match as `kubectl -o jsonpath` would
 * (objects and arrays as JSON); other types keep JSON scalars; `date` becomes a human duration.
 * A version without columns gets `Age` (`serveDefaultColumnsIfEmpty`).
 */
import type { KubeObject } from '../api/types';
import { CREATION_TIMESTAMP_DESCRIPTION, nameColumn, str } from './format';
import type { PrinterColumn } from '../api/resource-type';
import { humanDuration, parseTimestamp } from './human-duration';
import { compileJsonPath, formatJsonPathValue, type CompiledJsonPath } from './jsonpath';
import type { Printer, TableCell, TableColumnDefinition } from './types';

/** `apiextensions.k8s.io/v1` CustomResourceColumnDefinition, as the registry holds it. */
export type CrdColumn = PrinterColumn;

export type CrdPrinter = Printer;

const DEFAULT_COLUMNS: CrdColumn[] = [{ name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' }];

/** A cell for a non-string column (`cellForJSONValue`): the JSON value if it has the column's type, else null. */
function typedCell(type: string, value: unknown, now: number): TableCell {
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      const ms = parseTimestamp(value);
      if (ms === undefined) return '<invalid>';
      return ms === null ? '<unknown>' : humanDuration(now - ms);
    }
    default:
      return null;
  }
}

/**
 * Column definitions and a row function for `columns` (the served version's
 * additionalPrinterColumns; empty or absent → the default `Age` column). A column whose path does
 * not parse keeps its header and always prints null (upstream would fall back to its default
 * table; CRD validation should reject such paths up front, see `jsonPathSyntaxError`).
 */
export function crdTableColumns(columns: readonly CrdColumn[] | undefined): CrdPrinter {
  const effective = columns && columns.length > 0 ? columns : DEFAULT_COLUMNS;
  const definitions: TableColumnDefinition[] = [nameColumn()];
  const paths: (CompiledJsonPath | null)[] = [];
  for (const col of effective) {
    definitions.push({
      name: col.name,
      type: col.type,
      format: col.format ?? '',
      description: col.description || `Custom resource definition column (in JSONPath format): ${col.jsonPath}`,
      priority: col.priority ?? 0,
    });
    try {
      paths.push(compileJsonPath(col.jsonPath));
    } catch {
      paths.push(null);
    }
  }
  const types = effective.map((c) => c.type);

  return {
    columns: definitions,
    row(obj: KubeObject, now: number): TableCell[] {
      const cells: TableCell[] = [str(obj.metadata.name)];
      paths.forEach((path, i) => {
        let matches: unknown[] = [];
        try {
          matches = path ? path.find(obj) : [];
        } catch {
          matches = [];
        }
        if (matches.length === 0) {
          cells.push(null);
          return;
        }
        const value = matches[0];
        const type = types[i] ?? 'string';
        cells.push(type === 'string' ? formatJsonPathValue(value) : typedCell(type, value, now));
      });
      return cells;
    },
  };
}
