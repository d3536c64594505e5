import type { ResourceType } from '../api/resource-type';
import { readView } from '../core/views';
import type { Stored } from '../storage/store';
import { crdTableColumns } from '../table/crd-printer';
import { resourceKey } from '../table/registry';
import { partialObjectMetadata, toTable } from '../table/table';
import type { IncludeObject, Printer, Table, TableListMeta } from '../table/types';

/** Table and metadata-only projections of stored objects, as served by one resource. */
function printerOf(rt: ResourceType): Printer | undefined {
  return rt.crdName ? crdTableColumns(rt.printerColumns) : undefined;
}

export function renderTable(rt: ResourceType, items: readonly Stored[], listMeta: TableListMeta, includeObject: IncludeObject): Table {
  return toTable({
    kindKey: resourceKey(rt.group, rt.resource),
    objects: items.map((s) => readView(rt, s)),
    listMeta,
    includeObject,
    now: Date.now(),
    printer: printerOf(rt),
  });
}

export function metadataItem(rt: ResourceType, stored: Stored): ReturnType<typeof partialObjectMetadata> {
  return partialObjectMetadata(readView(rt, stored));
}

/** Watch events as single-row Tables; column definitions go out with the first event only. */
export class TableStream {
  private first = true;
  private readonly printer: Printer | undefined;

  constructor(private readonly rt: ResourceType) {
    this.printer = printerOf(rt);
  }

  row(stored: Stored): Table {
    const table = toTable({
      kindKey: resourceKey(this.rt.group, this.rt.resource),
      objects: [readView(this.rt, stored)],
      listMeta: { resourceVersion: String(stored.rv) },
      includeObject: 'Metadata',
      now: Date.now(),
      printer: this.printer,
      noHeaders: !this.first,
    });
    this.first = false;
    return table;
  }
}
