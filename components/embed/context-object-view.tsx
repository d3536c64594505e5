'use client';

import { useSearchParams } from 'next/navigation';
import { ObjectPage } from '@/components/resource/object-page';
import { Empty, Loading } from '@/components/resource/states';
import { ObjectCard } from './object-card';
import { useResolvedContext } from './use-resolved-context';

/**
 * /embed/object: the page of the object the host has selected (its first context object): the
 * full object page with its tabs (`?tab=`), or a summary card with `?card=1`. When the host
 * selects another object, the view switches to it without a reload.
 */
export function ContextObjectView() {
  const card = useSearchParams().get('card') === '1';
  const { targets, empty } = useResolvedContext(1);
  const t = targets[0];
  if (empty || !t) return <Empty>Select an object in the host to see it here.</Empty>;
  if (t.status === 'pending') return <Loading label="Finding the selected object…" />;
  if (t.status === 'problem') return <Empty>{t.message}</Empty>;
  const key = `${t.descriptorId}/${t.namespace ?? ''}/${t.name}`;
  return card ? (
    <ObjectCard key={key} descriptorId={t.descriptorId} namespace={t.namespace} name={t.name} contextObject={t.contextObject} />
  ) : (
    <ObjectPage key={key} descriptorId={t.descriptorId} namespace={t.namespace} name={t.name} />
  );
}
