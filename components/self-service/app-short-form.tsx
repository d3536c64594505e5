'use client';

import { useSyncModel } from '@/components/forms/use-sync-model';
import { Loading } from '@/components/resource/states';
import { useNamespaceFacts, type NamespaceFacts } from '@/components/wizards/use-namespace-facts';
import { documentOfKind } from '@/lib/forms/sync-model';
import { valueAt } from '@/lib/forms/value-diff';
import { nameProblem } from '@/lib/forms/wizards/vm';
import { newWorkload, renameWorkload, workloadService } from '@/lib/forms/wizards/workload';
import { freshName } from '@/lib/self-service/names';
import { APP_BINDINGS, APP_QUOTA_FIELDS } from '@/lib/self-service/short-forms';
import { CreatePanel } from './create-panel';
import { DraftTextField, joinErrors, SelectField } from './short-fields';
import type { ShortFormProps } from './vm-short-form';

/**
 * The short container-app form: name, image, replicas, the container port, and how to expose
 * it (not at all, inside the Supervisor through a ClusterIP Service, or through a load
 * balancer). It makes a Deployment (container requests and limits set, so the quota can
 * count it) and, when exposed, a Service selecting its pods.
 */
type Expose = 'none' | 'ClusterIP' | 'LoadBalancer';
const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

export function AppShortForm(props: ShortFormProps) {
  const facts = useNamespaceFacts(props.namespace, { vmClasses: false });
  if (facts.quotasLoading) return <Loading label={`Reading the quota of ${props.namespace}…`} />;
  return <AppForm {...props} facts={facts} />;
}

function AppForm({ namespace, taken, facts, onCreated, onClose }: ShortFormProps & { facts: NamespaceFacts }) {
  const model = useSyncModel(() => [newWorkload('Deployment', namespace, freshName('app', taken), 'nginx:1.27')]);
  const { state } = model;
  const depIndex = documentOfKind(state, 'Deployment');
  const svcIndex = documentOfKind(state, 'Service');
  const dep = state.values[depIndex];
  const svc = state.values[svcIndex];
  const name = String(valueAt(dep, ['metadata', 'name']) ?? '');
  const image = String(valueAt(dep, [...CONTAINER, 'image']) ?? '');
  const replicas = valueAt(dep, ['spec', 'replicas']);
  const port = Number(valueAt(dep, [...CONTAINER, 'ports', 0, 'containerPort']) ?? 80);
  const expose: Expose = svc ? (valueAt(svc, ['spec', 'type']) === 'LoadBalancer' ? 'LoadBalancer' : 'ClusterIP') : 'none';

  const setPort = (p: number) => {
    model.setField(depIndex, [...CONTAINER, 'ports'], [{ containerPort: p, protocol: 'TCP' }]);
    if (svcIndex >= 0) model.setField(svcIndex, ['spec', 'ports'], [{ name: 'port-1', protocol: 'TCP', port: p, targetPort: p }]);
  };
  const setExpose = (e: Expose) => {
    if (e === 'none') return svcIndex >= 0 && model.removeDoc(svcIndex);
    if (svcIndex >= 0) model.setField(svcIndex, ['spec', 'type'], e);
    else model.addDoc(workloadService(name, namespace, e, [{ port, targetPort: port }]));
  };
  const replicasProblem = typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? undefined : 'Replicas must be a whole number.';
  const missing = [nameProblem(name) && 'a valid name', !image.trim() && 'an image', replicasProblem && 'a number of replicas'].filter((x): x is string => !!x);

  return (
    <CreatePanel
      title="New container app"
      namespace={namespace}
      model={model}
      facts={facts}
      bindings={APP_BINDINGS}
      quotaFields={APP_QUOTA_FIELDS}
      missing={missing}
      createLabel="Create container app"
      yamlLabel="YAML of the new container app"
      onCreated={onCreated}
      onClose={onClose}
    >
      {(errors) => (
        <div className="grid gap-x-3 @md:grid-cols-2">
          <DraftTextField label="Name" value={name} revision={state.textRevision} required mono onChange={(v) => renameWorkload(state.values, name, v.trim()).forEach((x, i) => model.setValue(i, x))} error={joinErrors(nameProblem(name), errors.name)} />
          <DraftTextField label="Image" value={image} revision={state.textRevision} required mono onChange={(v) => model.setField(depIndex, [...CONTAINER, 'image'], v.trim())} error={joinErrors(image.trim() ? undefined : 'An image is required.', errors.image)} help="A container image, e.g. nginx:1.27 or registry.example.com/team/app:1.0." />
          <DraftTextField label="Replicas" type="number" value={replicas === undefined ? '' : String(replicas)} revision={state.textRevision} onChange={(v) => model.setField(depIndex, ['spec', 'replicas'], v === '' ? undefined : Number(v))} error={joinErrors(replicasProblem, errors.replicas)} help="Pods running the image; each counts against the quota." />
          <DraftTextField label="Container port" type="number" value={String(port)} revision={state.textRevision} onChange={(v) => v !== '' && Number.isInteger(Number(v)) && setPort(Number(v))} error={joinErrors(errors.port)} />
          <SelectField
            className="@md:col-span-2"
            label="Expose"
            value={expose}
            options={[
              { value: 'none', label: 'Not exposed' },
              { value: 'ClusterIP', label: 'Inside the Supervisor (a ClusterIP Service)' },
              { value: 'LoadBalancer', label: 'Through a load balancer (an external IP)' },
            ]}
            onChange={(v) => setExpose(v as Expose)}
            error={joinErrors(errors.expose)}
          />
        </div>
      )}
    </CreatePanel>
  );
}
