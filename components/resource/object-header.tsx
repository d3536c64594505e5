'use client';

import Link from 'next/link';
import type { ServedResource } from '@/components/data/use-discovery';
import { ObjectActions } from '@/components/actions/object-actions';
import { ObjectYamlActions } from '@/components/editor/object-yaml-actions';
import type { KubeObject } from '@/lib/k8s/types';
import { listHref, namespaceHref } from '@/lib/resources/links';
import { powerProgress } from '@/lib/resources/vm-power';
import { HealthText } from './health-text';
import { KindIcon } from './kind-icon';

/**
 * The object page's header: kind and icon, name, status badge (the descriptor's status), where
 * it lives, and the actions the user may take. For a VM, a live line says what the power
 * operation in flight is doing ("Powering off… (Soft)").
 */
export function ObjectHeader({ served, obj, limited }: { served: ServedResource; obj: KubeObject; limited: boolean }) {
  const d = served.descriptor;
  const status = limited ? undefined : d.status(obj);
  const ns = obj.metadata.namespace;
  const isVm = d.id === 'virtualmachines.vmoperator.vmware.com';
  const progress = isVm ? powerProgress(obj) : undefined;
  return (
    <header className="space-y-1 px-4 pt-3 pb-2">
      <div className="flex items-center gap-1.5 text-xs text-muted dark:text-muted-dark">
        <KindIcon icon={d.icon} />
        <Link href={listHref(d, ns)} className="hover:underline">
          {d.label}
        </Link>
        {ns ? (
          <>
            <span aria-hidden="true">·</span>
            <span>
              in{' '}
              <Link href={namespaceHref(ns)} className="hover:underline">
                {ns}
              </Link>
            </span>
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="min-w-0 truncate text-lg font-semibold" title={obj.metadata.name}>
          {obj.metadata.name}
        </h1>
        {status ? <HealthText health={status.health} text={status.text} className="rounded-full border border-line px-2 py-0.5 text-xs dark:border-line-dark" /> : null}
        {obj.metadata.deletionTimestamp ? <span className="text-xs text-amber-700 dark:text-amber-300">Being deleted</span> : null}
        {limited ? null : (
          <div className="ml-auto flex flex-wrap items-center gap-1.5">
            <ObjectYamlActions served={served} obj={obj} />
            <ObjectActions served={served} obj={obj} />
          </div>
        )}
      </div>
      {progress && (progress.busy || progress.problem) ? (
        <p role="status" aria-label="Power operation" className="flex flex-wrap items-center gap-2 text-xs">
          {progress.busy ? (
            <span className="inline-flex items-center gap-1.5 text-sky-700 dark:text-sky-300">
              <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5 motion-safe:animate-spin">
                <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
              {progress.text}
            </span>
          ) : null}
          {progress.problem ? <span className="text-amber-800 dark:text-amber-300">{progress.problem}</span> : null}
        </p>
      ) : null}
    </header>
  );
}
