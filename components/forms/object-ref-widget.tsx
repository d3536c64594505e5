'use client';

import type { WidgetProps } from '@rjsf/utils';
import { useMemo } from 'react';
import { useDiscovery } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { collectionPath } from '@/lib/resources/paths';
import type { FormContext } from './special-fields';
import { TextWidget } from './widgets';

/**
 * OLM's `io.kubernetes:<Kind>` fields (a StorageClass, a Secret…): a text field that suggests
 * the names of the objects of that kind the user can see (in the form's namespace for
 * namespaced kinds). Any name can still be typed — the object may not exist yet.
 */
export function ObjectRefWidget(p: WidgetProps) {
  const { kind, group } = p.options as { kind?: string; group?: string };
  const ctx = (p.registry.formContext ?? {}) as FormContext;
  const discovery = useDiscovery();
  const served = useMemo(() => discovery.data?.resources.find((r) => r.descriptor.kind === kind && r.descriptor.group === (group ?? '')), [discovery.data, kind, group]);
  const path = served && (!served.descriptor.namespaced || ctx.namespace) ? collectionPath(served.descriptor, served.version, ctx.namespace) : undefined;
  const list = useKubeList(path);
  const names = (list.data?.items ?? []).map((o) => o.metadata.name ?? '').filter(Boolean).sort();
  const listId = `${p.id}__options`;
  return (
    <>
      <TextWidget {...p} options={{ ...p.options }} list={listId} />
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  );
}
