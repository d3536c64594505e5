'use client';

import { useMemo } from 'react';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import { useSyncModel } from '@/components/forms/use-sync-model';
import { documentOfKind } from '@/lib/forms/sync-model';
import { valueAt } from '@/lib/forms/value-diff';
import { nameProblem } from '@/lib/forms/wizards/vm';
import { containerPath, convertWorkload, newWorkload, renameWorkload, type WorkloadKind } from '@/lib/forms/wizards/workload';
import type { KubeObject } from '@/lib/k8s/types';
import { ReviewStep } from '../review-step';
import { useNamespaceFacts } from '../use-namespace-facts';
import { WizardShell, type WizardStep } from '../wizard-shell';
import { WorkloadBasicsStep, WorkloadContainerStep, WorkloadResourcesStep, WorkloadServiceStep, type WorkloadContext } from './workload-steps';

/**
 * The container workload wizard: a Deployment or a single vSphere Pod (image, replicas, ports,
 * env, resources, probes), optionally a Service, then review with the quota preview and Create.
 */
export function WorkloadWizard({ namespace, kind: initialKind = 'Deployment' }: { namespace?: string; kind?: WorkloadKind }) {
  const model = useSyncModel(() => [newWorkload(initialKind, namespace ?? '', '')]);
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const { state } = model;
  const index = state.values.findIndex((v) => ['Deployment', 'Pod'].includes(String(valueAt(v, ['kind']))));
  const obj = (index >= 0 ? state.values[index] : undefined) as KubeObject | undefined;
  const ns = String(obj?.metadata?.namespace ?? '');
  const facts = useNamespaceFacts(ns || undefined, { vmClasses: false });

  const ctx = useMemo<WorkloadContext | undefined>(() => {
    if (!obj) return undefined;
    const kind = obj.kind as WorkloadKind;
    const name = String(obj.metadata?.name ?? '');
    const cpath = containerPath(kind);
    return {
      model,
      index,
      obj,
      kind,
      name,
      namespace: ns,
      serviceIndex: documentOfKind(state, 'Service'),
      set: (path, value) => model.setField(index, path, value),
      setContainer: (path, value) => model.setField(index, [...cpath, ...path], value),
      container: (path) => valueAt(obj, [...cpath, ...path]),
      rename: (next) => renameWorkload(state.values, name, next).forEach((v, i) => model.setValue(i, v)),
      moveTo: (to) => state.values.forEach((_, i) => model.setField(i, ['metadata', 'namespace'], to)),
      convert: (to) => model.setValue(index, convertWorkload(obj, to)),
    };
  }, [obj, index, ns, state, model]);

  if (!ctx) {
    return (
      <p role="alert" className="p-4 text-sm">
        The YAML no longer holds a Deployment or Pod.{' '}
        <button type="button" className="text-accent underline dark:text-accent-dark" onClick={() => model.addDoc(newWorkload('Deployment', ns || (namespace ?? ''), ''))}>
          Add a Deployment back
        </button>
      </p>
    );
  }
  const image = String(ctx.container(['image']) ?? '');
  const missing = [!ctx.namespace && 'a namespace', nameProblem(ctx.name) && 'a valid name', !image && 'a container image'].filter((x): x is string => !!x);
  const replicas = ctx.kind === 'Deployment' ? Number(valueAt(obj, ['spec', 'replicas']) ?? 1) : 1;
  const steps: WizardStep[] = [
    { id: 'basics', title: 'Name and kind', summary: ctx.name ? `${ctx.kind} ${ctx.name}` : ctx.kind, incomplete: !ctx.namespace || nameProblem(ctx.name) ? 'Needs a namespace and a valid name.' : undefined, content: <WorkloadBasicsStep ctx={ctx} /> },
    { id: 'container', title: 'Container', summary: image || undefined, incomplete: image ? undefined : 'Needs an image.', content: <WorkloadContainerStep ctx={ctx} /> },
    { id: 'resources', title: 'Resources and health', summary: ctx.kind === 'Deployment' ? `${replicas} replica${replicas === 1 ? '' : 's'}` : undefined, content: <WorkloadResourcesStep ctx={ctx} /> },
    { id: 'service', title: 'Service', summary: ctx.serviceIndex >= 0 ? 'Service' : 'None', content: <WorkloadServiceStep ctx={ctx} /> },
    {
      id: 'review',
      title: 'Review',
      content: (
        <ReviewStep
          model={model}
          namespace={ctx.namespace}
          facts={facts}
          missing={missing}
          onDiagnostics={setDiagnostics}
          mainIndex={ctx.index}
          createLabel={`Create ${ctx.kind === 'Pod' ? 'vSphere Pod' : 'Deployment'}`}
          summary={[
            { label: ctx.kind === 'Pod' ? 'vSphere Pod' : 'Deployment', value: ctx.name ? `${ctx.namespace}/${ctx.name}` : '—' },
            { label: 'Image', value: image || '—' },
            ...(ctx.kind === 'Deployment' ? [{ label: 'Replicas', value: String(replicas) }] : []),
          ]}
        />
      ),
    },
  ];
  return <WizardShell title={ctx.kind === 'Pod' ? 'New vSphere Pod' : 'New container workload'} subtitle={ctx.namespace ? `in ${ctx.namespace}` : undefined} steps={steps} model={model} yamlLabel="YAML of the new workload" diagnostics={diagnostics} />;
}
