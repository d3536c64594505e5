'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useRules } from '@/components/data/use-access';
import type { ServedResource } from '@/components/data/use-discovery';
import { rulesAllow } from '@/lib/k8s/access';
import type { KubeObject } from '@/lib/k8s/types';
import { actionPermission } from '@/lib/resources/actions';
import { listHref } from '@/lib/resources/links';
import type { ActionId } from '@/lib/resources/types';
import { powerActionState, type PowerAction } from '@/lib/resources/vm-power';
import { CordonDialog } from './cordon-dialog';
import { DeleteDialog } from './delete-dialog';
import { PowerDialog } from './power-dialog';
import { ScaleDialog } from './scale-dialog';

/**
 * The object's first-class actions from its descriptor. Each button is enabled only when an
 * access review (SelfSubjectRulesReview of the object's namespace) allows the request and the
 * object's state makes sense for it; otherwise it stays visible but disabled, and its tooltip
 * says why.
 */
const POWER: Partial<Record<ActionId, PowerAction>> = { 'vm-power-on': 'on', 'vm-power-off': 'off', 'vm-suspend': 'suspend', 'vm-restart': 'restart' };
const LABEL: Record<ActionId, string> = { 'vm-power-on': 'Power on', 'vm-power-off': 'Power off', 'vm-suspend': 'Suspend', 'vm-restart': 'Restart', scale: 'Scale', cordon: 'Cordon', uncordon: 'Uncordon', delete: 'Delete' };

export function ObjectActions({ served, obj }: { served: ServedResource; obj: KubeObject }) {
  const d = served.descriptor;
  const router = useRouter();
  const ns = d.namespaced ? (obj.metadata.namespace ?? '') : '';
  const { data: rules } = useRules(ns);
  const [open, setOpen] = useState<ActionId | undefined>();
  const cordoned = obj.spec?.unschedulable === true;
  const actions = d.actions.filter((a) => !(a === 'cordon' && cordoned) && !(a === 'uncordon' && !cordoned));
  if (actions.length === 0) return null;

  const why = (a: ActionId): string | undefined => {
    if (!rules) return 'Checking your access…';
    const p = actionPermission(a, d);
    if (!rulesAllow(rules, p.verb, p.group, p.resource, obj.metadata.name)) return `You may not ${p.verb} ${p.resource}${ns ? ` in ${ns}` : ''}.`;
    const power = POWER[a];
    if (power) return powerActionState(obj, power).reason;
    if (a === 'delete' && obj.metadata.deletionTimestamp) return 'It is already being deleted.';
    return undefined;
  };

  const power = open ? POWER[open] : undefined;
  return (
    <div role="toolbar" aria-label="Actions" className="flex flex-wrap gap-1.5">
      {actions.map((a) => {
        const reason = why(a);
        return (
          <button
            key={a}
            type="button"
            aria-disabled={reason ? true : undefined}
            title={reason}
            onClick={() => !reason && setOpen(a)}
            className={`h-7 rounded-sm border px-2.5 text-xs font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${
              a === 'delete' ? 'border-red-300 text-red-700 enabled:hover:bg-red-50 dark:border-red-800 dark:text-red-300' : 'border-line bg-panel hover:bg-slate-100 dark:border-line-dark dark:bg-panel-dark dark:hover:bg-white/10'
            }`}
          >
            {LABEL[a]}
          </button>
        );
      })}
      {power ? <PowerDialog served={served} vm={obj} action={power} onClose={() => setOpen(undefined)} /> : null}
      {open === 'scale' ? <ScaleDialog served={served} obj={obj} onClose={() => setOpen(undefined)} /> : null}
      {open === 'cordon' || open === 'uncordon' ? <CordonDialog served={served} node={obj} cordon={open === 'cordon'} onClose={() => setOpen(undefined)} /> : null}
      {open === 'delete' ? (
        <DeleteDialog
          descriptor={d}
          version={served.version}
          targets={[{ namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' }]}
          onClose={() => setOpen(undefined)}
          onDeleted={() => router.push(d.resource === 'namespaces' ? '/' : listHref(d, obj.metadata.namespace))}
        />
      ) : null}
    </div>
  );
}
