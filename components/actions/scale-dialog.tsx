'use client';

import { useState } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { RefusedAlert } from '@/components/resource/states';
import type { KubeObject } from '@/lib/k8s/types';
import { currentReplicas, scalePatch } from '@/lib/resources/actions';
import { objectPath } from '@/lib/resources/paths';
import { Modal, PrimaryButton, SecondaryButton } from './modal';
import { usePatch } from './use-patch';

/** Scaling through the scale subresource (Deployments, StatefulSets, CNPG clusters' instances). */
export function ScaleDialog({ served, obj, onClose }: { served: ServedResource; obj: KubeObject; onClose(): void }) {
  const current = currentReplicas(obj);
  const [value, setValue] = useState(String(current));
  const patch = usePatch();
  const n = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(n) && n >= 0;
  const name = obj.metadata.name ?? '';
  const submit = async () => {
    if (await patch.send(`${objectPath(served.descriptor, served.version, obj.metadata.namespace, name)}/scale`, scalePatch(n))) onClose();
  };
  return (
    <Modal
      title={`Scale ${name}`}
      onClose={onClose}
      busy={patch.busy}
      footer={
        <>
          <SecondaryButton onClick={onClose} disabled={patch.busy}>
            Cancel
          </SecondaryButton>
          <PrimaryButton onClick={submit} disabled={!valid || patch.busy || n === current}>
            {patch.busy ? 'Scaling…' : 'Scale'}
          </PrimaryButton>
        </>
      }
    >
      <label className="block">
        <span className="block">Replicas (now {current})</span>
        <input type="number" min={0} step={1} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!valid || undefined} className="mt-1 h-7 w-32 rounded-sm border border-line bg-panel px-2 tabular-nums dark:border-line-dark dark:bg-panel-dark" />
      </label>
      {!valid ? <p className="text-xs text-red-700 dark:text-red-300">Enter a whole number, 0 or more.</p> : null}
      {patch.error ? (
        <RefusedAlert error={patch.error} />
      ) : null}
    </Modal>
  );
}
