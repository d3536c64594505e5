'use client';

import { valueAt, type ValuePath } from '@/lib/forms/value-diff';
import { nameProblem } from '@/lib/forms/wizards/vm';
import { containerPath, probeFields, probeValue, workloadService, type ProbeFields, type WorkloadKind } from '@/lib/forms/wizards/workload';
import type { KubeObject } from '@/lib/k8s/types';
import type { SyncModel } from '@/components/forms/use-sync-model';
import { ChoiceList, SelectField, TextField } from '../fields';
import { NamespaceField } from '../namespace-field';

/**
 * Steps of the container workload wizard. All fields are paths into the workload document
 * (the main container is the first), so edits made in the YAML show here.
 */
export interface WorkloadContext {
  model: SyncModel;
  index: number;
  obj: KubeObject;
  kind: WorkloadKind;
  name: string;
  namespace: string;
  serviceIndex: number;
  set(path: ValuePath, value: unknown): void;
  setContainer(path: ValuePath, value: unknown): void;
  container(path: ValuePath): unknown;
  rename(name: string): void;
  moveTo(ns: string): void;
  convert(kind: WorkloadKind): void;
}

const small = 'h-7 rounded-sm border border-line px-2 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10';

export function WorkloadBasicsStep({ ctx }: { ctx: WorkloadContext }) {
  return (
    <div className="max-w-lg">
      <NamespaceField value={ctx.namespace} onChange={ctx.moveTo} error={ctx.namespace ? undefined : 'Choose a namespace.'} />
      <TextField label="Name" value={ctx.name} onChange={(v) => ctx.rename(v.trim())} required mono error={nameProblem(ctx.name)} />
      <ChoiceList
        label="Runs as"
        name="workload-kind"
        value={ctx.kind}
        onChange={(v) => ctx.convert(v as WorkloadKind)}
        choices={[
          { value: 'Deployment', label: 'Deployment', note: 'Replicas of the container, replaced when they fail, updated by rolling out.' },
          { value: 'Pod', label: 'A single vSphere Pod', note: 'One pod in its own lightweight VM on an ESXi host; not restarted elsewhere if the host fails.' },
        ]}
      />
    </div>
  );
}

type Row = { name: string; value: string };

export function WorkloadContainerStep({ ctx }: { ctx: WorkloadContext }) {
  const image = String(ctx.container(['image']) ?? '');
  const ports = ((ctx.container(['ports']) as { containerPort?: number; name?: string; protocol?: string }[] | undefined) ?? []).map((p) => ({ ...p }));
  const env = ((ctx.container(['env']) as Row[] | undefined) ?? []).map((e) => ({ ...e }));
  const setPorts = (next: typeof ports) => ctx.setContainer(['ports'], next.length ? next : undefined);
  const setEnv = (next: Row[]) => ctx.setContainer(['env'], next.length ? next : undefined);
  return (
    <div className="max-w-xl">
      <TextField label="Container image" value={image} onChange={(v) => ctx.setContainer(['image'], v.trim())} required mono placeholder="registry.example.com/team/app:1.0" error={image ? undefined : 'An image is required.'} help="From any registry the Supervisor can reach, e.g. nginx:1.27 or harbor.example.com/team-a/api:2.3." />
      <fieldset className="pt-1">
        <legend className="text-xs font-medium">Ports</legend>
        {ports.map((p, i) => (
          <div key={i} className="flex items-end gap-2">
            <TextField className="w-28" type="number" label={`Container port ${i + 1}`} value={String(p.containerPort ?? '')} onChange={(v) => setPorts(ports.map((x, j) => (j === i ? { ...x, containerPort: Number(v) || 0 } : x)))} />
            <SelectField className="w-24" label={`Protocol of port ${i + 1}`} value={p.protocol ?? 'TCP'} onChange={(v) => setPorts(ports.map((x, j) => (j === i ? { ...x, protocol: v } : x)))} options={['TCP', 'UDP'].map((x) => ({ value: x, label: x }))} />
            <button type="button" onClick={() => setPorts(ports.filter((_, j) => j !== i))} className={`${small} mb-1 text-red-700 dark:text-red-300`} aria-label={`Remove port ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPorts([...ports, { containerPort: 8080, protocol: 'TCP' }])} className={`${small} mt-1 text-accent dark:text-accent-dark`}>
          Add a port
        </button>
      </fieldset>
      <fieldset className="pt-2">
        <legend className="text-xs font-medium">Environment variables</legend>
        {env.map((e, i) => (
          <div key={i} className="flex items-end gap-2">
            <TextField className="w-44" label={`Name of variable ${i + 1}`} value={e.name} onChange={(v) => setEnv(env.map((x, j) => (j === i ? { ...x, name: v.trim() } : x)))} mono />
            <TextField className="min-w-0 flex-1" label={`Value of variable ${i + 1}`} value={e.value ?? ''} onChange={(v) => setEnv(env.map((x, j) => (j === i ? { ...x, value: v } : x)))} mono />
            <button type="button" onClick={() => setEnv(env.filter((_, j) => j !== i))} className={`${small} mb-1 text-red-700 dark:text-red-300`} aria-label={`Remove variable ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setEnv([...env, { name: `VAR_${env.length + 1}`, value: '' }])} className={`${small} mt-1 text-accent dark:text-accent-dark`}>
          Add a variable
        </button>
      </fieldset>
    </div>
  );
}

function ProbeEditor({ label, value, onChange }: { label: string; value: ProbeFields; onChange(f: ProbeFields): void }) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField className="w-40" label={label} value={value.kind} onChange={(v) => onChange({ ...value, kind: v as ProbeFields['kind'] })} options={[{ value: 'none', label: 'None' }, { value: 'http', label: 'HTTP GET' }, { value: 'tcp', label: 'TCP connect' }]} />
      {value.kind !== 'none' ? <TextField className="w-24" type="number" label={`${label}: port`} value={String(value.port)} onChange={(v) => onChange({ ...value, port: Number(v) || 0 })} /> : null}
      {value.kind === 'http' ? <TextField className="w-40" label={`${label}: path`} value={value.path} onChange={(v) => onChange({ ...value, path: v })} mono /> : null}
    </div>
  );
}

export function WorkloadResourcesStep({ ctx }: { ctx: WorkloadContext }) {
  const q = (k: 'requests' | 'limits', r: 'cpu' | 'memory') => String(ctx.container(['resources', k, r]) ?? '');
  const setQ = (k: 'requests' | 'limits', r: 'cpu' | 'memory', v: string) => ctx.setContainer(['resources', k, r], v.trim() || undefined);
  return (
    <div className="max-w-xl">
      {ctx.kind === 'Deployment' ? <TextField className="w-32" type="number" label="Replicas" value={String(valueAt(ctx.obj, ['spec', 'replicas']) ?? 1)} onChange={(v) => ctx.set(['spec', 'replicas'], Math.max(0, Number(v) || 0))} help="Each replica's requests count against the quota." /> : null}
      <div className="grid grid-cols-2 gap-x-3">
        <TextField label="CPU request" value={q('requests', 'cpu')} onChange={(v) => setQ('requests', 'cpu', v)} mono placeholder="250m" help="Reserved for the container; counts against requests.cpu." />
        <TextField label="CPU limit" value={q('limits', 'cpu')} onChange={(v) => setQ('limits', 'cpu', v)} mono placeholder="500m" />
        <TextField label="Memory request" value={q('requests', 'memory')} onChange={(v) => setQ('requests', 'memory', v)} mono placeholder="256Mi" />
        <TextField label="Memory limit" value={q('limits', 'memory')} onChange={(v) => setQ('limits', 'memory', v)} mono placeholder="512Mi" />
      </div>
      <p className="text-[11px] text-muted dark:text-muted-dark">Left empty, the namespace’s LimitRange defaults apply (the quota preview counts them).</p>
      <ProbeEditor label="Readiness probe" value={probeFields(ctx.container(['readinessProbe']))} onChange={(f) => ctx.setContainer(['readinessProbe'], probeValue(f))} />
      <ProbeEditor label="Liveness probe" value={probeFields(ctx.container(['livenessProbe']))} onChange={(f) => ctx.setContainer(['livenessProbe'], probeValue(f))} />
    </div>
  );
}

export function WorkloadServiceStep({ ctx }: { ctx: WorkloadContext }) {
  const svc = ctx.serviceIndex >= 0 ? ctx.model.state.values[ctx.serviceIndex] : undefined;
  const ports = ((ctx.container(['ports']) as { containerPort?: number }[] | undefined) ?? []).map((p) => ({ port: p.containerPort ?? 80, targetPort: p.containerPort ?? 80 }));
  const type = String(valueAt(svc, ['spec', 'type']) ?? 'ClusterIP');
  return (
    <div className="max-w-lg">
      <label className="flex items-center gap-2 py-1 text-[13px]">
        <input type="checkbox" checked={!!svc} onChange={(e) => (e.target.checked ? ctx.model.addDoc(workloadService(ctx.name, ctx.namespace, 'ClusterIP', ports.length ? ports : [{ port: 80, targetPort: 80 }])) : ctx.model.removeDoc(ctx.serviceIndex))} className="accent-accent dark:accent-accent-dark" />
        Create a Service for it
      </label>
      {svc ? (
        <ChoiceList
          label="Service type"
          name="workload-service-type"
          value={type}
          onChange={(v) => ctx.model.setField(ctx.serviceIndex, ['spec', 'type'], v)}
          choices={[
            { value: 'ClusterIP', label: 'ClusterIP', note: 'Inside the Supervisor only.' },
            { value: 'LoadBalancer', label: 'LoadBalancer', note: 'An external IP from the load balancer.' },
          ]}
          help={`Ports follow the container's: ${ports.map((p) => p.port).join(', ') || 'none'} (edit them in the YAML).`}
        />
      ) : null}
    </div>
  );
}

export { containerPath };
