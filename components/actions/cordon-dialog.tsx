'use client';

import type { ServedResource } from '@/components/data/use-discovery';
import { RefusedAlert } from '@/components/resource/states';
import type { KubeObject } from '@/lib/k8s/types';
import { cordonPatch } from '@/lib/resources/actions';
import { objectPath } from '@/lib/resources/paths';
import { Modal, PrimaryButton, SecondaryButton } from './modal';
import { usePatch } from './use-patch';

/** Cordoning a host (no new pods or VMs are placed on it) or uncordoning it. */
export function CordonDialog({ served, node, cordon, onClose }: { served: ServedResource; node: KubeObject; cordon: boolean; onClose(): void }) {
  const patch = usePatch();
  const name = node.metadata.name ?? '';
  const submit = async () => {
    if (await patch.send(objectPath(served.descriptor, served.version, undefined, name), cordonPatch(cordon))) onClose();
  };
  return (
    <Modal
      title={`${cordon ? 'Cordon' : 'Uncordon'} ${name}?`}
      onClose={onClose}
      busy={patch.busy}
      footer={
        <>
          <SecondaryButton onClick={onClose} disabled={patch.busy}>
            Cancel
          </SecondaryButton>
          <PrimaryButton danger={cordon} onClick={submit} disabled={patch.busy}>
            {cordon ? 'Cordon' : 'Uncordon'}
          </PrimaryButton>
        </>
      }
    >
      <p>{cordon ? 'No new pods or VMs will be placed on this host. What runs there keeps running.' : 'Pods and VMs may be placed on this host again.'}</p>
      {patch.error ? (
        <RefusedAlert error={patch.error} />
      ) : null}
    </Modal>
  );
}
