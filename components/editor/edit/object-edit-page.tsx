'use client';

import { useCan, useCanCluster } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { Empty, ErrorState, Loading, NoAccess } from '@/components/resource/states';
import { collectionPath, withQuery } from '@/lib/resources/paths';
import { ObjectEditor } from './object-editor';

/**
 * The route behind `<object page>/edit`: finds the kind in discovery, reads the object live (a
 * list of one, so a change on the server is seen while editing) and opens the editor once,
 * keyed by the object's uid — later versions of the object do not reset the edit.
 */
export interface ObjectEditPageProps {
  descriptorId: string;
  namespace?: string;
  name: string;
  nonce?: string;
}

export function ObjectEditPage({ descriptorId, namespace, name, nonce }: ObjectEditPageProps) {
  const discovery = useDiscovery();
  const served = discovery.data?.byId.get(descriptorId);
  if (discovery.isPending) return <Loading label="Loading…" />;
  if (discovery.error && !discovery.data) return <ErrorState title="The cluster’s kinds could not be read" error={discovery.error} />;
  if (!served) return <Empty>The cluster does not serve “{descriptorId}”.</Empty>;
  return <LiveEditPage served={served} namespace={served.descriptor.namespaced ? namespace : undefined} name={name} nonce={nonce} />;
}

function useAccess(served: ServedResource, namespace: string | undefined, name: string) {
  const d = served.descriptor;
  const readNs = useCan('list', d.group, d.resource, namespace ?? '');
  const readCluster = useCanCluster('list', d.group, d.resource);
  const writeNs = useCan('update', d.group, d.resource, namespace ?? '', name);
  const writeCluster = useCanCluster('update', d.group, d.resource);
  return d.namespaced ? { read: readNs, write: writeNs } : { read: readCluster, write: writeCluster };
}

function LiveEditPage({ served, namespace, name, nonce }: { served: ServedResource; namespace?: string; name: string; nonce?: string }) {
  const d = served.descriptor;
  const access = useAccess(served, namespace, name);
  const path = withQuery(collectionPath(d, served.version, namespace), { fieldSelector: `metadata.name=${name}` });
  const live = useKubeList(access.read ? path : undefined);
  const obj = live.data?.items[0];
  if (access.read === undefined) return <Loading label={`Loading ${d.label} ${name}…`} />;
  if (access.read === false) return <NoAccess what={`${d.labelPlural}${namespace ? ` in ${namespace}` : ''}`} />;
  if (!obj) {
    if (live.isPending) return <Loading label={`Loading ${d.label} ${name}…`} />;
    if (live.error && !live.data) return <ErrorState title={`${d.label} ${name} could not be read`} error={live.error} />;
    return <Empty>There is no {d.label} named “{name}”{namespace ? ` in ${namespace}` : ''}. It may have been deleted.</Empty>;
  }
  // The watch's objects may lack apiVersion/kind (list items); the editor needs them.
  const object = { ...obj, apiVersion: obj.apiVersion ?? (d.group ? `${d.group}/${served.version}` : served.version), kind: obj.kind ?? d.kind };
  return <ObjectEditor key={obj.metadata.uid ?? name} served={served} live={object} canWrite={access.write !== false} nonce={nonce} />;
}
