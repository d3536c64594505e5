'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorText } from '@/components/resource/states';
import { kubeFetch } from '@/lib/k8s/client';
import type { KubeError } from '@/lib/k8s/status';
import { deleteOptions, PROPAGATION_HELP, type Propagation } from '@/lib/resources/actions';
import { objectPath } from '@/lib/resources/paths';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { Modal, PrimaryButton, SecondaryButton } from './modal';

/**
 * Deleting one object or several: the dialog lists them, offers the cascade (Background,
 * Foreground, Orphan — explained), asks for the name to be typed for a namespace, and reports
 * each failure with the API's own message. Objects that were deleted leave the list by watch.
 */
export interface DeleteTarget {
  namespace?: string;
  name: string;
}

export interface DeleteDialogProps {
  descriptor: Pick<ResourceDescriptor, 'group' | 'resource' | 'namespaced' | 'kind' | 'label' | 'labelPlural'>;
  version: string;
  targets: DeleteTarget[];
  onClose(): void;
  /** Called once every target was deleted (or was already gone). */
  onDeleted?(): void;
}

const POLICIES: Propagation[] = ['Background', 'Foreground', 'Orphan'];

export function DeleteDialog({ descriptor: d, version, targets, onClose, onDeleted }: DeleteDialogProps) {
  const client = useQueryClient();
  const [policy, setPolicy] = useState<Propagation>('Background');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ target: DeleteTarget; error: KubeError }[]>([]);
  const isNamespace = d.group === '' && d.resource === 'namespaces';
  const phrase = targets.length === 1 ? targets[0]!.name : `delete ${targets.length} namespaces`;
  const confirmed = !isNamespace || typed === phrase;
  const what = targets.length === 1 ? `${d.label} ${targets[0]!.name}` : `${targets.length} ${d.labelPlural}`;

  const run = async () => {
    setBusy(true);
    const failed: { target: DeleteTarget; error: KubeError }[] = [];
    for (const t of targets) {
      try {
        await kubeFetch(objectPath(d, version, t.namespace, t.name), { method: 'DELETE', body: deleteOptions(policy) });
      } catch (e) {
        const error = e as KubeError;
        if (error.code !== 404) failed.push({ target: t, error });
      }
    }
    setBusy(false);
    setFailures(failed);
    void client.invalidateQueries({ queryKey: ['k8s', 'table'] });
    if (failed.length === 0) {
      onDeleted?.();
      onClose();
    }
  };

  return (
    <Modal
      title={`Delete ${what}?`}
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <SecondaryButton onClick={onClose} disabled={busy}>
            Cancel
          </SecondaryButton>
          <PrimaryButton danger onClick={run} disabled={busy || !confirmed}>
            {busy ? 'Deleting…' : 'Delete'}
          </PrimaryButton>
        </>
      }
    >
      <div>
        <p>{targets.length === 1 ? 'This object will be deleted:' : 'These objects will be deleted:'}</p>
        <ul aria-label="Objects to delete" className="mt-1 max-h-40 list-disc overflow-auto pl-5 font-mono text-xs">
          {targets.map((t) => (
            <li key={`${t.namespace ?? ''}/${t.name}`}>{t.namespace ? `${t.namespace}/${t.name}` : t.name}</li>
          ))}
        </ul>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 font-medium">What happens to objects it owns</legend>
        {POLICIES.map((p) => (
          <label key={p} className="flex items-start gap-2">
            <input type="radio" name="propagation" value={p} checked={policy === p} onChange={() => setPolicy(p)} className="mt-1 accent-accent" />
            <span>
              <span className="font-medium">{p}</span>
              <span className="block text-xs text-muted dark:text-muted-dark">{PROPAGATION_HELP[p]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {isNamespace ? (
        <label className="block">
          <span className="block">
            Deleting a namespace deletes everything in it. Type <strong className="font-mono">{phrase}</strong> to confirm.
          </span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type the name to confirm" spellCheck={false} autoComplete="off" className="mt-1 h-7 w-full rounded-sm border border-line bg-panel px-2 font-mono text-xs dark:border-line-dark dark:bg-panel-dark" />
        </label>
      ) : null}
      {failures.length > 0 ? (
        <div role="alert" className="space-y-2 rounded-sm border border-red-300 bg-red-50 p-2 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-medium">{failures.length === 1 ? 'It could not be deleted:' : `${failures.length} could not be deleted:`}</p>
          {failures.map(({ target, error }) => (
            <div key={`${target.namespace ?? ''}/${target.name}`}>
              <p className="font-mono text-xs">{target.namespace ? `${target.namespace}/${target.name}` : target.name}</p>
              <ApiErrorText error={error} />
            </div>
          ))}
        </div>
      ) : null}
    </Modal>
  );
}
