'use client';

import { useState } from 'react';
import { buildCloudConfig, EMPTY_CLOUD_INIT, parseCloudConfig, type CloudInitFields } from '@/lib/forms/cloud-init';
import { valueAt } from '@/lib/forms/value-diff';
import { CLOUD_INIT_KEY, cloudInitSecret, cloudInitSecretName, secretUserData, vmService, type VmPort } from '@/lib/forms/wizards/vm';
import { ChoiceList, LinesField, TextField } from '../fields';
import type { VmWizardContext } from './vm-context';

/**
 * Cloud-init (none; guided: a user, SSH keys, packages, commands; or raw cloud-config text),
 * kept as `#cloud-config` user-data in a Secret the VM references through
 * `spec.bootstrap.cloudInit.rawCloudConfig`; and exposure through a VirtualMachineService.
 */
type Mode = 'none' | 'guided' | 'raw';

export function VmCloudInitStep({ ctx }: { ctx: VmWizardContext }) {
  const secret = ctx.secretIndex >= 0 ? ctx.model.state.values[ctx.secretIndex] : undefined;
  const text = secret ? (secretUserData(secret) ?? '') : '';
  const parsed = parseCloudConfig(text);
  const [chosen, setChosen] = useState<Mode | undefined>();
  const mode: Mode = !secret ? 'none' : parsed.raw ? 'raw' : (chosen ?? 'guided');

  const writeText = (userData: string) => {
    if (ctx.secretIndex >= 0) ctx.model.setField(ctx.secretIndex, ['stringData', CLOUD_INIT_KEY], userData);
    else {
      ctx.model.addDoc(cloudInitSecret(ctx.name, ctx.namespace, userData));
      ctx.setVm(['spec', 'bootstrap'], { cloudInit: { rawCloudConfig: { name: cloudInitSecretName(ctx.name), key: CLOUD_INIT_KEY } } });
    }
  };
  const setMode = (m: Mode) => {
    setChosen(m);
    if (m === 'none') {
      ctx.setVm(['spec', 'bootstrap'], undefined);
      if (ctx.secretIndex >= 0) ctx.model.removeDoc(ctx.secretIndex);
    } else if (!secret) writeText(buildCloudConfig({ ...EMPTY_CLOUD_INIT, user: 'vmware' }));
  };
  const fields = parsed.fields;
  const setFields = (f: CloudInitFields) => writeText(buildCloudConfig(f));

  return (
    <div className="max-w-xl">
      <ChoiceList
        label="Guest customization"
        name="vm-cloud-init"
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        choices={[
          { value: 'none', label: 'None', note: "The image's defaults." },
          { value: 'guided', label: 'Cloud-init: user, SSH keys, packages, commands', note: 'Written as #cloud-config into a Secret the VM reads at first boot.' },
          { value: 'raw', label: 'Cloud-init: my own cloud-config', note: 'Any user-data text, kept as typed.' },
        ]}
      />
      {mode === 'guided' ? (
        <>
          <TextField label="User" value={fields.user} onChange={(v) => setFields({ ...fields, user: v.trim() })} mono help="Created with passwordless sudo; log in with an SSH key." />
          <LinesField label="SSH authorized keys" values={fields.sshKeys} onChange={(sshKeys) => setFields({ ...fields, sshKeys })} placeholder="ssh-ed25519 AAAA… user@host" help="One public key per line." />
          <LinesField label="Packages" values={fields.packages} onChange={(packages) => setFields({ ...fields, packages })} placeholder="nginx" />
          <LinesField label="Commands to run at first boot" values={fields.commands} onChange={(commands) => setFields({ ...fields, commands })} placeholder="systemctl enable --now nginx" />
        </>
      ) : null}
      {mode === 'raw' ? (
        <LinesField
          label="User-data"
          values={text.split('\n')}
          onChange={(lines) => writeText(lines.join('\n'))}
          help={parsed.raw && chosen !== 'raw' ? 'This user-data has more than the guided fields can show, so it is edited as text.' : 'Starts with #cloud-config for cloud-init, or #! for a script.'}
        />
      ) : null}
      {secret ? <p className="pt-1 text-[11px] text-muted dark:text-muted-dark">Stored in Secret {String(valueAt(secret, ['metadata', 'name']))} (key {CLOUD_INIT_KEY}).</p> : null}
    </div>
  );
}

const small = 'h-7 rounded-sm border border-line px-2 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10';

export function VmExposeStep({ ctx }: { ctx: VmWizardContext }) {
  const svc = ctx.serviceIndex >= 0 ? ctx.model.state.values[ctx.serviceIndex] : undefined;
  const type = String(valueAt(svc, ['spec', 'type']) ?? 'LoadBalancer');
  const ports = ((valueAt(svc, ['spec', 'ports']) as VmPort[] | undefined) ?? []).map((p) => ({ ...p }));
  const setPorts = (next: VmPort[]) => ctx.model.setField(ctx.serviceIndex, ['spec', 'ports'], next);
  const num = (v: string) => (v === '' ? 0 : Number(v));
  return (
    <div className="max-w-xl">
      <label className="flex items-center gap-2 py-1 text-[13px]">
        <input
          type="checkbox"
          checked={!!svc}
          onChange={(e) => (e.target.checked ? ctx.model.addDoc(vmService(ctx.name, ctx.namespace, ctx.version, 'LoadBalancer', [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }])) : ctx.model.removeDoc(ctx.serviceIndex))}
          className="accent-accent dark:accent-accent-dark"
        />
        Expose with a VirtualMachineService
      </label>
      {svc ? (
        <>
          <ChoiceList
            label="Service type"
            name="vm-service-type"
            value={type}
            onChange={(v) => ctx.model.setField(ctx.serviceIndex, ['spec', 'type'], v)}
            choices={[
              { value: 'LoadBalancer', label: 'LoadBalancer', note: 'An external IP from the Supervisor’s load balancer.' },
              { value: 'ClusterIP', label: 'ClusterIP', note: 'Reachable from inside the Supervisor only.' },
            ]}
          />
          <fieldset className="pt-1">
            <legend className="text-xs font-medium">Ports</legend>
            {ports.map((p, i) => (
              <div key={i} className="flex flex-wrap items-end gap-2">
                <TextField className="w-24" label={`Name of port ${i + 1}`} value={p.name} onChange={(v) => setPorts(ports.map((x, j) => (j === i ? { ...x, name: v.trim() } : x)))} mono />
                <TextField className="w-20" type="number" label={`Port ${i + 1}`} value={String(p.port)} onChange={(v) => setPorts(ports.map((x, j) => (j === i ? { ...x, port: num(v) } : x)))} />
                <TextField className="w-24" type="number" label={`Target of port ${i + 1}`} value={String(p.targetPort)} onChange={(v) => setPorts(ports.map((x, j) => (j === i ? { ...x, targetPort: num(v) } : x)))} />
                <button type="button" onClick={() => setPorts(ports.filter((_, j) => j !== i))} className={`${small} mb-1 text-red-700 dark:text-red-300`} aria-label={`Remove port ${i + 1}`}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setPorts([...ports, { name: `port${ports.length + 1}`, port: 80, targetPort: 80, protocol: 'TCP' }])} className={`${small} mt-1 text-accent dark:text-accent-dark`}>
              Add a port
            </button>
          </fieldset>
        </>
      ) : (
        <p className="text-[11px] text-muted dark:text-muted-dark">Without a service the VM is reachable on its own IP on the namespace network.</p>
      )}
    </div>
  );
}
