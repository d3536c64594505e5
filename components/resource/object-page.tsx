'use client';

import { useEffect } from 'react';
import { useCan, useCanCluster } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { rememberNamespace } from '@/components/data/use-namespaces';
import type { KubeObject } from '@/lib/k8s/types';
import type { ObjectTab } from '@/lib/resources/links';
import { collectionPath, withQuery } from '@/lib/resources/paths';
import { relatedQueries } from '@/lib/related/related-plan';
import { ObjectHeader } from './object-header';
import { ObjectTabs, useActiveTab } from './object-tabs';
import { Empty, ErrorState, Loading, NoAccess } from './states';
import { TabContent } from './tab-content';

/**
 * An object's page: header (kind, name, status, actions) and the Summary, YAML, Events,
 * Related and (for pods) Logs tabs. The object is a live list of one (fieldSelector on its
 * name), so every change shows without reload, and a deletion is seen as such. Reads only what
 * an access review allows; the namespace page works even for users who may not read Namespaces.
 */
export interface ObjectPageProps {
  descriptorId: string;
  namespace?: string;
  name: string;
}

export function ObjectPage({ descriptorId, namespace, name }: ObjectPageProps) {
  const discovery = useDiscovery();
  const served = discovery.data?.byId.get(descriptorId);
  if (discovery.isPending) return <Loading label="Loading…" />;
  if (discovery.error && !discovery.data) return <ErrorState title="The cluster’s kinds could not be read" error={discovery.error} />;
  if (!served) return <Empty>The cluster does not serve “{descriptorId}”.</Empty>;
  return <LiveObjectPage served={served} namespace={served.descriptor.namespaced ? namespace : undefined} name={name} />;
}

function useMayRead(served: ServedResource, namespace: string | undefined): boolean | undefined {
  const d = served.descriptor;
  const inNamespace = useCan('list', d.group, d.resource, namespace ?? '');
  const cluster = useCanCluster('list', d.group, d.resource);
  return d.namespaced ? inNamespace : cluster;
}

function LiveObjectPage({ served, namespace, name }: { served: ServedResource; namespace?: string; name: string }) {
  const d = served.descriptor;
  const mayRead = useMayRead(served, namespace);
  const path = withQuery(collectionPath(d, served.version, namespace), { fieldSelector: `metadata.name=${name}` });
  const live = useKubeList(mayRead ? path : undefined);
  const isNamespacePage = d.group === '' && d.resource === 'namespaces';
  // A user who may not read Namespaces still gets the namespace's summary (quota, counts, events).
  const stand: KubeObject | undefined = isNamespacePage && mayRead === false ? { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } : undefined;
  const obj = live.data?.items[0] ?? stand;
  const objectNamespace = isNamespacePage ? name : namespace;

  useEffect(() => {
    if (obj && objectNamespace) rememberNamespace(objectNamespace);
  }, [obj, objectNamespace]);

  if (mayRead === undefined) return <Loading label={`Loading ${d.label} ${name}…`} />;
  if (mayRead === false && !stand) return <NoAccess what={`${d.labelPlural}${namespace ? ` in ${namespace}` : ''}`} />;
  if (!obj) {
    if (live.isPending) return <Loading label={`Loading ${d.label} ${name}…`} />;
    if (live.error && !live.data) return <ErrorState title={`${d.label} ${name} could not be read`} error={live.error} />;
    return (
      <div className="p-4">
        <h1 className="text-lg font-semibold">{name}</h1>
        <p role="status" className="mt-1 text-muted dark:text-muted-dark">
          There is no {d.label} named “{name}”{namespace ? ` in ${namespace}` : ''}. It may have been deleted.
        </p>
      </div>
    );
  }
  return <ObjectView served={served} obj={obj} limited={!!stand} />;
}

function tabsFor(served: ServedResource, obj: KubeObject, limited: boolean): ObjectTab[] {
  const d = served.descriptor;
  if (limited) return ['summary', 'events'];
  const tabs: ObjectTab[] = ['summary', 'yaml', 'events'];
  if (relatedQueries(d.id, obj).length > 0) tabs.push('related');
  if (d.group === '' && d.resource === 'pods') tabs.push('logs');
  return tabs;
}

function ObjectView({ served, obj, limited }: { served: ServedResource; obj: KubeObject; limited: boolean }) {
  const tabs = tabsFor(served, obj, limited);
  const active = useActiveTab(tabs);
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ObjectHeader served={served} obj={obj} limited={limited} />
      <ObjectTabs tabs={tabs} active={active}>
        <TabContent tab={active} served={served} obj={obj} limited={limited} />
      </ObjectTabs>
    </div>
  );
}
