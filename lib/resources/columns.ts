import type { KubeObject } from '../k8s/types';
import type { Column } from './types';
import { ageOf, createdSort, get, str } from './format';

/** Column builders shared by descriptors. */
export const nameColumn: Column = { id: 'name', header: 'Name', cell: (o) => o.metadata.name, width: 2 };
export const namespaceColumn: Column = { id: 'namespace', header: 'Namespace', cell: (o) => o.metadata.namespace, width: 1 };
export const ageColumn: Column = { id: 'age', header: 'Age', cell: (o, now) => ageOf(o, now), sortValue: (o) => createdSort(o), align: 'right', width: 0.6 };

export function pathColumn(id: string, header: string, path: string, extra: Partial<Column> = {}): Column {
  return { id, header, cell: (o: KubeObject) => str(get(o, path)), ...extra };
}
