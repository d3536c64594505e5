'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { rememberNamespace, useNamespaces } from '@/components/data/use-namespaces';
import { Loading } from '@/components/resource/states';
import { SelectField } from '@/components/wizards/fields';
import type { KubeObject } from '@/lib/k8s/types';
import { CatalogSection } from './catalog-section';
import { KubectlAccess } from './kubectl-access';
import { MyResources } from './my-resources';
import { NamespaceQuotas } from './namespace-quotas';
import { useMyResources } from './use-my-resources';

/**
 * `/self-service` (and `/embed/self-service`): a developer's page. The namespaces they work in
 * with their quota use; a catalogue of what they may create in the selected one (`?ns=`), each
 * with a short form; what they made there with its live progress and quick actions; and a
 * kubeconfig for kubectl. Every list is read only where an access review allows it.
 */
const MAX_CARDS = 4;
// The root is positioned so that visually hidden text (absolutely positioned) stays inside the
// scrolling pane instead of stretching the document.

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex items-baseline gap-2">
        <h2 id={id} className="text-[13px] font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** Kinds that are the point of a create (the rest — cloud-init Secrets, Services — came with them). */
const MAIN = new Set(['VirtualMachine', 'Deployment', 'Pod']);

export function SelfServicePage({ clusterName }: { clusterName: string }) {
  const { names, loading } = useNamespaces();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const wanted = params.get('ns');
  const ns = wanted && names.includes(wanted) ? wanted : names[0];
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const status = useRef<HTMLParagraphElement>(null);

  const select = useCallback(
    (next: string) => {
      rememberNamespace(next);
      setFresh(new Set());
      router.replace(`${pathname}?ns=${encodeURIComponent(next)}`, { scroll: false });
    },
    [router, pathname],
  );

  useEffect(() => {
    if (announce) status.current?.focus();
  }, [announce]);

  const onCreated = useCallback((objs: KubeObject[]) => {
    const main = objs.filter((o) => MAIN.has(o.kind ?? '') || o.metadata.ownerReferences === undefined);
    const shown = main.find((o) => MAIN.has(o.kind ?? '')) ?? main[0];
    setFresh((prev) => new Set([...prev, ...objs.map((o) => `${o.kind}/${o.metadata.name}`)]));
    setAnnounce(shown ? `Created ${shown.kind} ${shown.metadata.name}. Its progress is shown under My resources.` : 'Created.');
  }, []);

  if (loading && !ns) return <Loading label="Finding the namespaces you work in…" />;
  return (
    <div className="relative space-y-5 p-4">
      <header className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <div>
          <h1 className="text-lg font-semibold">Self-service</h1>
          <p className="text-xs text-muted dark:text-muted-dark">Get a VM, an app or a database in your namespace within its quota, follow it until it is ready, and connect to it.</p>
        </div>
        {names.length > 1 && ns ? <SelectField className="w-56" label="Namespace" value={ns} options={names.map((n) => ({ value: n, label: n }))} onChange={select} /> : null}
      </header>
      {!ns ? (
        <p className="rounded-sm border border-line bg-panel p-3 text-sm dark:border-line-dark dark:bg-panel-dark">You have no namespace to work in yet. Ask an administrator to give you access to one.</p>
      ) : (
        <Body key={ns} namespace={ns} names={names} select={select} clusterName={clusterName} fresh={fresh} onCreated={onCreated} announce={announce} statusRef={status} />
      )}
    </div>
  );
}

function Body({ namespace, names, select, clusterName, fresh, onCreated, announce, statusRef }: { namespace: string; names: string[]; select(ns: string): void; clusterName: string; fresh: ReadonlySet<string>; onCreated(o: KubeObject[]): void; announce: string; statusRef: React.RefObject<HTMLParagraphElement | null> }) {
  const mine = useMyResources(namespace);
  const taken = useMemo(() => mine.rows.map((r) => r.obj.metadata.name ?? ''), [mine.rows]);
  const cards = names.length > MAX_CARDS ? [namespace] : names;
  return (
    <>
      <Section title={names.length > 1 ? 'My namespaces' : 'My namespace'}>
        <NamespaceQuotas names={cards} selected={namespace} onSelect={select} />
      </Section>
      <Section title={`Create in ${namespace}`}>
        <CatalogSection namespace={namespace} taken={taken} onCreated={onCreated} />
      </Section>
      <Section title={`My resources in ${namespace}`} aside={<span className="text-xs text-muted dark:text-muted-dark">live</span>}>
        <p ref={statusRef} role="status" tabIndex={-1} className="text-xs text-emerald-800 outline-none dark:text-emerald-300">
          {announce}
        </p>
        <MyResources namespace={namespace} mine={mine} fresh={fresh} />
      </Section>
      <Section title="kubectl access">
        <KubectlAccess namespace={namespace} clusterName={clusterName} />
      </Section>
    </>
  );
}
