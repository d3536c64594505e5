'use client';

import { useSearchParams } from 'next/navigation';
import { useDeferredValue, useMemo, useState } from 'react';
import { useRules } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { DeleteDialog, type DeleteTarget } from '@/components/actions/delete-dialog';
import { rulesAllow } from '@/lib/k8s/access';
import { filterRows, sortRows, type ListRow } from '@/lib/resources/list-rows';
import { createHref } from '@/lib/resources/links';
import { pageHref } from '@/lib/resources/page-href';
import { collectionPath, withQuery } from '@/lib/resources/paths';
import { descriptorById } from '@/lib/resources/registry';
import { DataTable, type TableSort } from './data-table';
import { KindIcon } from './kind-icon';
import { useDescriptorList, useTableList, type ListData } from './list-sources';
import { ListToolbar } from './list-toolbar';
import { Empty, ErrorState, Loading, NoAccess } from './states';
import { useListScope } from './use-list-scope';

/**
 * A kind's list page: in one namespace, across namespaces, or of a cluster-scoped kind. Rows
 * come from the registry descriptor's columns (live objects) or, for any other kind, from the
 * server's printer columns. Only what the user may list is read, so nothing answers 403.
 */
export function ResourceList({ descriptorId, namespace }: { descriptorId: string; namespace?: string }) {
  const discovery = useDiscovery();
  const served = discovery.data?.byId.get(descriptorId);
  if (discovery.isPending) return <Loading label="Loading the cluster’s kinds…" />;
  if (discovery.error && !discovery.data) return <ErrorState title="The cluster’s kinds could not be read" error={discovery.error} />;
  if (!served) return <Empty>The cluster does not serve “{descriptorId}”.</Empty>;
  return <ScopedList served={served} namespace={served.descriptor.namespaced ? namespace : undefined} />;
}

function ScopedList({ served, namespace }: { served: ServedResource; namespace?: string }) {
  const d = served.descriptor;
  const scope = useListScope(d, namespace);
  // `?labelSelector=` and `?filter=` (from Overview tiles and Search) start the list narrowed.
  const params = useSearchParams();
  const [labelSelector, setLabelSelector] = useState(() => params.get('labelSelector') ?? '');
  const where = namespace ? `in ${namespace}` : d.namespaced ? 'in all namespaces' : '';
  if (scope.state === 'loading') return <Loading label={`Loading ${d.labelPlural}…`} />;
  if (scope.state === 'denied') return <NoAccess what={`${d.labelPlural} ${where}`.trim()} />;
  const paths = scope.namespaces.map((ns) => withQuery(collectionPath(d, served.version, ns), { labelSelector }));
  const props = { served, namespace, paths, partial: scope.partial ? scope.namespaces.filter((n): n is string => !!n) : undefined, labelSelector, onLabelSelector: setLabelSelector };
  return descriptorById(d.id) ? <RegistryList {...props} /> : <PrinterColumnList {...props} />;
}

interface SourceProps {
  served: ServedResource;
  namespace?: string;
  paths: string[];
  partial?: string[];
  labelSelector: string;
  onLabelSelector(s: string): void;
}

function RegistryList(p: SourceProps) {
  const data = useDescriptorList(p.served.descriptor, p.paths, !!p.namespace);
  return <ListView {...p} data={data} />;
}

function PrinterColumnList(p: SourceProps) {
  const data = useTableList(p.paths, !p.namespace && p.served.descriptor.namespaced);
  return <ListView {...p} data={data} />;
}

function ListView({ served, namespace, partial, labelSelector, onLabelSelector, data }: SourceProps & { data: ListData }) {
  const d = served.descriptor;
  const params = useSearchParams();
  const [filter, setFilter] = useState(() => params.get('filter') ?? '');
  const deferredFilter = useDeferredValue(filter);
  const [sort, setSort] = useState<TableSort | undefined>({ column: 0, direction: 'ascending' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [deleting, setDeleting] = useState<DeleteTarget[] | undefined>();
  // Rules of the namespace shown (or the only one the user can use), else cluster-wide rules.
  const { data: rules } = useRules(namespace ?? (partial?.length === 1 ? partial[0]! : ''));
  const deletable = d.actions.includes('delete');
  const canDelete = rules ? rulesAllow(rules, 'delete', d.group, d.resource) : undefined;
  const canCreate = served.discovered.verbs.includes('create') && rules !== undefined && rulesAllow(rules, 'create', d.group, d.resource);
  const createNs = namespace ?? (partial?.length === 1 ? partial[0] : undefined);

  const filtered = useMemo(() => filterRows(data.rows, deferredFilter), [data.rows, deferredFilter]);
  const shown = useMemo(() => (sort ? sortRows(filtered, sort.column, sort.direction) : filtered), [filtered, sort]);
  const byKey = useMemo(() => new Map(data.rows.map((r) => [r.key, r])), [data.rows]);
  // Rows that left (deleted, or filtered out by the label selector) are no longer selected.
  const selection = useMemo(() => new Set([...selected].filter((k) => byKey.has(k))), [selected, byKey]);
  const hrefFor = useMemo(() => (row: ListRow) => pageHref(d, row.namespace, row.name), [d]);
  const selectorError = data.error && data.error.code === 400 && labelSelector ? data.error.message : undefined;

  const onSort = (column: number) => setSort((s) => (s?.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' }));
  const count = data.rows.length === shown.length ? `${data.rows.length}` : `${shown.length} of ${data.rows.length}`;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="flex items-baseline gap-2 px-4 pt-3">
        <KindIcon icon={d.icon} className="self-center" />
        <h1 className="text-lg font-semibold">{d.labelPlural}</h1>
        <span className="text-muted dark:text-muted-dark">
          {namespace ? `in ${namespace}` : d.namespaced ? (partial ? `in the namespaces you can use (${partial.join(', ')})` : 'in all namespaces') : ''}
        </span>
        <span role="status" className="ml-auto text-xs text-muted tabular-nums dark:text-muted-dark">
          {data.pending ? 'Loading…' : data.loadingMore ? `${count} ${d.labelPlural} so far, loading more…` : `${count} ${count === '1' ? d.label : d.labelPlural}`}
        </span>
      </header>
      <ListToolbar
        what={d.labelPlural}
        filter={filter}
        onFilter={setFilter}
        labelSelector={labelSelector}
        onLabelSelector={onLabelSelector}
        selectorError={selectorError}
        selectedCount={selection.size}
        deletable={deletable}
        canDelete={canDelete}
        onDelete={() => setDeleting(shown.filter((r) => selection.has(r.key)).map((r) => ({ namespace: r.namespace, name: r.name })))}
        create={canCreate ? { href: createHref(d, createNs), label: `Create ${d.label}` } : undefined}
      />
      {data.error && !selectorError ? <ErrorState title={`${d.labelPlural} could not be listed`} error={data.error} /> : null}
      {data.pending ? (
        <Loading label={`Loading ${d.labelPlural}…`} />
      ) : data.rows.length === 0 && !data.error ? (
        <Empty>{labelSelector ? `No ${d.labelPlural} match the label selector.` : `There are no ${d.labelPlural} ${namespace ? `in ${namespace}` : 'here'} yet.`}</Empty>
      ) : shown.length === 0 && !data.error ? (
        <Empty>Nothing matches “{filter}”.</Empty>
      ) : !data.error ? (
        <DataTable
          caption={`${d.labelPlural}${namespace ? ` in ${namespace}` : ''}`}
          columns={data.columns}
          rows={shown}
          sort={sort}
          onSort={onSort}
          hrefFor={hrefFor}
          selectable={deletable}
          selected={selection}
          onSelectedChange={setSelected}
        />
      ) : null}
      {deleting ? <DeleteDialog descriptor={d} version={served.version} targets={deleting} onClose={() => setDeleting(undefined)} onDeleted={() => setSelected(new Set())} /> : null}
    </div>
  );
}
