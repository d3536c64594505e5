'use client';

import { useState } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { RefusedAlert } from '@/components/resource/states';
import type { KubeObject } from '@/lib/k8s/types';
import { objectPath } from '@/lib/resources/paths';
import { observedPower, powerPatch, powerProgress, restartPending, type PowerAction, type PowerMode } from '@/lib/resources/vm-power';
import { Modal, PrimaryButton, SecondaryButton } from './modal';
import { usePatch } from './use-patch';

/**
 * Confirming a VM power action, then following it live: the dialog stays open and reports what
 * vm-operator says (from the VM the page watches) until the power state matches, or shows why
 * it cannot (quota, VMware Tools not running). The API's refusal is shown in plain words.
 */
const WORDS: Record<PowerAction, { title: string; verb: string; explain: string; target?: string }> = {
  on: { title: 'Power on', verb: 'Power on', explain: 'The VM is started (or resumed if it is suspended). Powering on counts against the namespace’s quota.', target: 'PoweredOn' },
  off: { title: 'Power off', verb: 'Power off', explain: 'Choose how:', target: 'PoweredOff' },
  suspend: { title: 'Suspend', verb: 'Suspend', explain: 'The VM’s memory is saved to disk and it stops running; resume it with Power on.', target: 'Suspended' },
  restart: { title: 'Restart', verb: 'Restart', explain: 'The guest operating system is restarted (a reset when VMware Tools is not running).' },
};

const MODES: { mode: PowerMode; label: string; help: string }[] = [
  { mode: 'Soft', label: 'Soft — shut down the guest', help: 'Asks the guest operating system to shut down cleanly. Needs VMware Tools running in the guest.' },
  { mode: 'Hard', label: 'Hard — power off now', help: 'Cuts power immediately, like pulling the plug. Unsaved data in the guest is lost.' },
];

export function PowerDialog({ served, vm, action, onClose }: { served: ServedResource; vm: KubeObject; action: PowerAction; onClose(): void }) {
  const [mode, setMode] = useState<PowerMode>('Soft');
  const [sent, setSent] = useState(false);
  const patch = usePatch();
  const w = WORDS[action];
  const name = vm.metadata.name ?? '';
  const progress = powerProgress(vm);
  const done = sent && (w.target ? observedPower(vm) === w.target && !progress.busy : !restartPending(vm) && !progress.busy);

  const submit = async () => {
    const path = objectPath(served.descriptor, served.version, vm.metadata.namespace, name);
    if (await patch.send(path, powerPatch(action, action === 'off' ? mode : undefined))) setSent(true);
  };

  return (
    <Modal
      title={`${w.title} ${name}?`}
      onClose={onClose}
      busy={patch.busy}
      footer={
        sent ? (
          <PrimaryButton onClick={onClose}>{done ? 'Close' : 'Close (it continues)'}</PrimaryButton>
        ) : (
          <>
            <SecondaryButton onClick={onClose} disabled={patch.busy}>
              Cancel
            </SecondaryButton>
            <PrimaryButton danger={action !== 'on'} onClick={submit} disabled={patch.busy}>
              {patch.busy ? 'Sending…' : w.verb}
            </PrimaryButton>
          </>
        )
      }
    >
      {!sent ? (
        <>
          <p>{w.explain}</p>
          {action === 'off' ? (
            <fieldset className="space-y-1.5">
              <legend className="sr-only">Power-off mode</legend>
              {MODES.map((m) => (
                <label key={m.mode} className="flex items-start gap-2">
                  <input type="radio" name="power-off-mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} className="mt-1 accent-accent" />
                  <span>
                    <span className="font-medium">{m.label}</span>
                    <span className="block text-xs text-muted dark:text-muted-dark">{m.help}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <p className="text-xs text-muted dark:text-muted-dark">Current power state: {observedPower(vm) ?? 'not yet known'}</p>
        </>
      ) : (
        <div role="status" aria-live="polite" className="space-y-1">
          {done ? (
            <p className="font-medium text-emerald-700 dark:text-emerald-300">{w.target ? `Done: ${name} is ${observedPower(vm)}.` : `Done: ${name} restarted.`}</p>
          ) : progress.busy ? (
            <p className="flex items-center gap-2">
              <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 text-sky-600 motion-safe:animate-spin">
                <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
              {progress.text}
            </p>
          ) : (
            <p>Requested; waiting for VM Operator…</p>
          )}
          {progress.problem ? <p className="text-amber-800 dark:text-amber-300">{progress.problem}</p> : null}
          <p className="text-xs text-muted dark:text-muted-dark">Power state: {observedPower(vm) ?? 'not yet known'}</p>
        </div>
      )}
      {patch.error ? (
        <RefusedAlert error={patch.error} lead="The request was refused:" />
      ) : null}
    </Modal>
  );
}
