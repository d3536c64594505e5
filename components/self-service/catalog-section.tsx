'use client';

import { useState } from 'react';
import type { KubeObject } from '@/lib/k8s/types';
import { AppShortForm } from './app-short-form';
import { CatalogCards, choiceKey, type CatalogChoice } from './catalog-cards';
import { ServiceShortForm } from './service-short-form';
import { useCatalog } from './use-catalog';
import { VmShortForm } from './vm-short-form';

/**
 * The catalogue of the selected namespace and, under it, the short form of the card the user
 * opened (one at a time; opening another starts that one afresh). A create closes the form and
 * hands the created objects to the page.
 */
export function CatalogSection({ namespace, taken, onCreated }: { namespace: string; taken: readonly string[]; onCreated(created: KubeObject[]): void }) {
  const catalog = useCatalog(namespace);
  const [open, setOpen] = useState<CatalogChoice | undefined>();
  const close = () => setOpen(undefined);
  const created = (objs: KubeObject[]) => {
    setOpen(undefined);
    onCreated(objs);
  };
  const formKey = `${namespace}/${open ? choiceKey(open) : ''}`;
  const common = { namespace, taken, onCreated: created, onClose: close };

  let form = null;
  if (open?.type === 'vm' && catalog.vm) form = <VmShortForm key={formKey} {...common} served={catalog.vm} />;
  else if (open?.type === 'app') form = <AppShortForm key={formKey} {...common} />;
  else if (open?.type === 'service') {
    const served = catalog.served.get(open.descriptorId);
    const kind = open.offer.kinds.find((k) => k.descriptorId === open.descriptorId);
    if (served && kind) form = <ServiceShortForm key={formKey} {...common} served={served} title={open.offer.kinds.length > 1 ? `${open.offer.displayName} ${kind.label}` : `${kind.label} (${open.offer.displayName})`} />;
  }

  return (
    <div className="space-y-3">
      <CatalogCards catalog={catalog} namespace={namespace} open={open ? choiceKey(open) : undefined} onOpen={(c) => setOpen(open && choiceKey(open) === choiceKey(c) ? undefined : c)} />
      {form}
    </div>
  );
}
