'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { DeleteDialog } from '@/components/actions/delete-dialog';
import { PowerDialog } from '@/components/actions/power-dialog';
import type { ServedResource } from '@/components/data/use-discovery';
import { HealthBadge, HEALTH_WORD } from '@/components/inventory/health-badge';
import { rulesAllow, type ResourceRule } from '@/lib/k8s/access';
import type { KubeObject } from '@/lib/k8s/types';
import { age } from '@/lib/resources/format';
import { objectHref } from '@/lib/resources/links';
import { powerActionState, type PowerAction } from '@/lib/resources/vm-power';
import type { Progress } from '@/lib/self-service/progress';
import { canConnect, ConnectPanel } from './connect-panel';

/**
 * One of "My resources": status badge, name (to its page), kind and age, the progress line
 * (the current step, and the warning that explains why it is stuck), and quick actions — power
 * on, off and restart for a VM (the console's power dialog, which follows the change live),
 * delete with confirmation, and Connect. An action the user may not take (access review) is
 * not offered; one that makes no sense now is disabled with the reason.
 */
const POWER: { action: PowerAction; label: string }[] = [
  { action: 'on', label: 'Power on' },
  { action: 'off', label: 'Power off' },
  { action: 'restart', label: 'Restart' },
];

const btn = 'h-6 rounded-sm border px-2 text-[11px] font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-50';
const plain = `${btn} border-line hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10`;
const TEXT: Record<Progress['health'], string> = {
  healthy: 'text-emerald-800 dark:text-emerald-300',
  progressing: 'text-sky-800 dark:text-sky-300',
  warning: 'text-amber-800 dark:text-amber-300',
  error: 'text-red-700 dark:text-red-300',
  unknown: 'text-muted dark:text-muted-dark',
};

export interface ResourceRowProps {
  obj: KubeObject;
  served: ServedResource;
  progress: Progress;
  rules: ResourceRule[] | undefined;
  now: number;
  fresh: boolean;
}

export function ResourceRow({ obj, served, progress, rules, now, fresh }: ResourceRowProps) {
  const d = served.descriptor;
  const name = obj.metadata.name ?? '';
  const ns = obj.metadata.namespace;
  const nameId = useId();
  const connectId = useId();
  const [open, setOpen] = useState<PowerAction | 'delete' | undefined>();
  const [connect, setConnect] = useState(false);
  const may = (verb: string) => !!rules && rulesAllow(rules, verb, d.group, d.resource, name);
  const isVm = d.id === 'virtualmachines.vmoperator.vmware.com';
  const power = open && open !== 'delete' ? open : undefined;

  return (
    <li aria-labelledby={nameId} className={`px-3 py-2 ${fresh ? 'bg-sky-50/70 dark:bg-sky-950/30' : ''}`}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="flex min-w-0 flex-1 items-start gap-2">
          <HealthBadge health={progress.health} className="mt-0.5" />
          <div className="min-w-0">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <Link id={nameId} href={objectHref(d, ns, name)} className="font-medium break-all text-accent hover:underline dark:text-accent-dark">
                <span className="sr-only">{d.label} </span>
                {name}
              </Link>
              <span className="text-xs text-muted dark:text-muted-dark">
                {d.label} · {age(obj.metadata.creationTimestamp, now)}
                {fresh ? ' · just created' : ''}
              </span>
            </p>
            <p className={`text-xs ${TEXT[progress.health]}`}>
              <span className="sr-only">{HEALTH_WORD[progress.health]}: </span>
              {progress.step}
              {progress.stage && progress.stage.index < progress.stage.of ? <span className="text-muted dark:text-muted-dark"> · step {progress.stage.index} of {progress.stage.of}</span> : null}
            </p>
            {progress.detail ? <p className="text-[11px] text-muted dark:text-muted-dark">{progress.detail}</p> : null}
            {progress.warning ? (
              <p className="text-[11px] text-amber-800 dark:text-amber-300">
                <span aria-hidden="true">⚠ </span>
                {progress.warning}
              </p>
            ) : null}
          </div>
        </div>
        <div role="toolbar" aria-label={`Actions for ${name}`} className="flex flex-wrap gap-1">
          {canConnect(obj) ? (
            <button type="button" aria-expanded={connect} aria-controls={connect ? connectId : undefined} onClick={() => setConnect(!connect)} className={plain}>
              Connect
            </button>
          ) : null}
          {isVm && may('patch')
            ? POWER.map((p) => {
                const state = powerActionState(obj, p.action);
                return (
                  <button key={p.action} type="button" aria-disabled={state.enabled ? undefined : true} title={state.reason} onClick={() => state.enabled && setOpen(p.action)} className={plain}>
                    {p.label}
                  </button>
                );
              })
            : null}
          {may('delete') ? (
            <button type="button" aria-disabled={obj.metadata.deletionTimestamp ? true : undefined} title={obj.metadata.deletionTimestamp ? 'It is already being deleted.' : undefined} onClick={() => !obj.metadata.deletionTimestamp && setOpen('delete')} className={`${btn} border-red-300 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40`}>
              Delete
            </button>
          ) : null}
        </div>
      </div>
      {connect ? <ConnectPanel obj={obj} id={connectId} /> : null}
      {power ? <PowerDialog served={served} vm={obj} action={power} onClose={() => setOpen(undefined)} /> : null}
      {open === 'delete' ? <DeleteDialog descriptor={d} version={served.version} targets={[{ namespace: ns, name }]} onClose={() => setOpen(undefined)} /> : null}
    </li>
  );
}
