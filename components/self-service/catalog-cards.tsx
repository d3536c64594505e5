'use client';

import { KindIcon } from '@/components/resource/kind-icon';
import type { ServiceOffer } from '@/lib/self-service/catalog';
import type { IconName } from '@/lib/resources/types';
import type { Catalog } from './use-catalog';

/**
 * The catalogue as cards: a virtual machine, a container app, and each installed
 * operator-backed service with its display name, short description and icon. A service's icon
 * comes from the cluster, so it is shown only as an <img> from a data URL (an image cannot run
 * script); every text is rendered as text. Each card's button opens the short form.
 */
export type CatalogChoice = { type: 'vm' } | { type: 'app' } | { type: 'service'; descriptorId: string; offer: ServiceOffer };

export function choiceKey(c: CatalogChoice): string {
  return c.type === 'service' ? `service:${c.descriptorId}` : c.type;
}

function Card({ title, description, icon, image, detail, button, onOpen, active }: { title: string; description: string; icon: IconName; image?: string; detail?: string; button: string; onOpen(): void; active: boolean }) {
  return (
    <li className={`flex min-w-0 flex-col gap-2 rounded-sm border bg-panel p-3 dark:bg-panel-dark ${active ? 'border-sky-400 ring-1 ring-sky-400 dark:border-sky-600 dark:ring-sky-600' : 'border-line dark:border-line-dark'}`}>
      <div className="flex items-start gap-2.5">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data URL from the cluster; next/image adds nothing here
          <img src={image} alt="" width={32} height={32} className="size-8 shrink-0 rounded-sm" />
        ) : (
          <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-sm bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200">
            <KindIcon icon={icon} className="size-5" />
          </span>
        )}
        <div className="min-w-0">
          <h3 className="text-sm font-semibold break-words">{title}</h3>
          {detail ? <p className="text-[11px] text-muted dark:text-muted-dark">{detail}</p> : null}
        </div>
      </div>
      <p className="line-clamp-3 flex-1 text-xs text-muted dark:text-muted-dark">{description}</p>
      <button type="button" onClick={onOpen} aria-expanded={active} className="h-7 self-start rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500">
        {button}
      </button>
    </li>
  );
}

export function CatalogCards({ catalog, namespace, open, onOpen }: { catalog: Catalog; namespace: string; open?: string; onOpen(c: CatalogChoice): void }) {
  const cards = [];
  if (catalog.vm) {
    cards.push(<Card key="vm" title="Virtual machine" description={`A VM from an image ${namespace} may use, sized by one of its VM classes, with your SSH key.`} icon="vm" button="Create a virtual machine" active={open === 'vm'} onOpen={() => onOpen({ type: 'vm' })} />);
  }
  if (catalog.app) {
    cards.push(<Card key="app" title="Container app" description="A container image run as a Deployment of vSphere Pods, optionally reachable through a Service." icon="workload" button="Create a container app" active={open === 'app'} onOpen={() => onOpen({ type: 'app' })} />);
  }
  for (const offer of catalog.services) {
    for (const k of offer.kinds) {
      const c: CatalogChoice = { type: 'service', descriptorId: k.descriptorId, offer };
      const title = offer.kinds.length > 1 ? `${offer.displayName}: ${k.label}` : offer.displayName;
      cards.push(
        <Card
          key={k.descriptorId}
          title={title}
          detail={`${k.kind} · ${offer.categories.slice(0, 2).join(', ') || k.group}`}
          description={offer.description ?? `Instances of ${k.kind} (${k.group}).`}
          icon="database"
          image={offer.icon}
          button={`Create ${/^[aeiou]/i.test(k.label) ? 'an' : 'a'} ${k.label}`}
          active={open === choiceKey(c)}
          onOpen={() => onOpen(c)}
        />,
      );
    }
  }
  if (catalog.loading && cards.length === 0) return <p role="status" className="text-xs text-muted dark:text-muted-dark">Finding what you may create in {namespace}…</p>;
  if (cards.length === 0) return <p className="text-xs text-muted dark:text-muted-dark">Your account may not create anything in {namespace}. Ask an administrator for access.</p>;
  return <ul className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-2">{cards}</ul>;
}
