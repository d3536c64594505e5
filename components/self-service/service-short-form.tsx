'use client';

import type { ServedResource } from '@/components/data/use-discovery';
import { startingObject } from '@/components/forms/generic-create';
import { useKindForm } from '@/components/forms/use-kind-form';
import { useSyncModel } from '@/components/forms/use-sync-model';
import { Loading } from '@/components/resource/states';
import { useNamespaceFacts, type NamespaceFacts } from '@/components/wizards/use-namespace-facts';
import { valueAt } from '@/lib/forms/value-diff';
import { withStorageClass } from '@/lib/forms/service-forms';
import { nameProblem } from '@/lib/forms/wizards/vm';
import type { KubeObject } from '@/lib/k8s/types';
import { freshName, namePrefix } from '@/lib/self-service/names';
import { schemaKeyFields, SERVICE_KEY_FIELDS, serviceBindings, type KeyField } from '@/lib/self-service/short-forms';
import { CreatePanel } from './create-panel';
import { CheckField, DraftTextField, joinErrors, SelectField } from './short-fields';
import type { ShortFormProps } from './vm-short-form';

/**
 * The short form of an operator-backed service: a name and the 2–4 fields that matter (for
 * CloudNativePG: instances, storage size and class), starting from the kind's good defaults
 * and the namespace's storage class. Kinds the console has no curated fields for get theirs
 * from the kind's schema (required and defaulted scalars of `spec`), and start from the
 * schema's example when a ClusterServiceVersion gives one.
 */
export function ServiceShortForm({ served, title, ...props }: ShortFormProps & { served: ServedResource; title: string }) {
  const curated = SERVICE_KEY_FIELDS[served.descriptor.id];
  const facts = useNamespaceFacts(props.namespace, { vmClasses: false });
  if (facts.quotasLoading) return <Loading label={`Reading the quota of ${props.namespace}…`} />;
  if (curated && served.descriptor.form?.initial) {
    const start = served.descriptor.form.initial(props.namespace) as KubeObject;
    return <ServiceForm {...props} served={served} title={title} facts={facts} fields={curated} start={{ ...start, apiVersion: `${served.descriptor.group}/${served.version}` }} />;
  }
  return <SchemaServiceForm {...props} served={served} title={title} facts={facts} />;
}

function SchemaServiceForm(props: ShortFormProps & { served: ServedResource; title: string; facts: NamespaceFacts }) {
  const kindForm = useKindForm(props.served, props.namespace);
  if (kindForm.loading) return <Loading label={`Loading the schema of ${props.served.descriptor.kind}…`} />;
  const spec = kindForm.form?.schema.properties?.spec;
  const fields = SERVICE_KEY_FIELDS[props.served.descriptor.id] ?? schemaKeyFields(typeof spec === 'object' ? spec : undefined);
  return <ServiceForm {...props} fields={fields} start={startingObject(props.served, props.namespace, kindForm)} />;
}

function ServiceForm({ served, title, namespace, taken, facts, fields, start, onCreated, onClose }: ShortFormProps & { served: ServedResource; title: string; facts: NamespaceFacts; fields: KeyField[]; start: KubeObject }) {
  const d = served.descriptor;
  const model = useSyncModel(() => {
    const obj = structuredClone(start);
    obj.metadata = { ...obj.metadata, name: freshName(namePrefix(obj.metadata.name, d.kind.toLowerCase()), taken), namespace };
    withStorageClass(obj, facts.cost.defaultStorageClass ?? facts.storageClasses[0]?.name);
    return [obj];
  });
  const obj = model.state.values[0];
  const name = String(valueAt(obj, ['metadata', 'name']) ?? '');
  const { bindings, quotaFields } = serviceBindings(d.kind, fields);
  const storageOptions = facts.storageClasses.map((s) => ({ value: s.name, label: `${s.name}${s.isDefault ? ' (default)' : ''}` }));
  const problems = Object.fromEntries(
    fields.map((f) => {
      const v = valueAt(obj, f.path);
      const bad = f.type === 'integer' && v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || (f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max));
      return [f.id, bad ? `${f.label} must be a whole number${f.min !== undefined ? ` from ${f.min}` : ''}${f.max !== undefined ? ` to ${f.max}` : ''}.` : undefined];
    }),
  );
  const missing = [nameProblem(name) && 'a valid name', ...fields.filter((f) => problems[f.id]).map((f) => f.label.toLowerCase())].filter((x): x is string => !!x);

  const field = (f: KeyField, errors: Record<string, string[]>) => {
    const v = valueAt(obj, f.path);
    const set = (x: unknown) => model.setField(0, f.path, x);
    const error = joinErrors(problems[f.id], errors[f.id]);
    if (f.type === 'boolean') return <CheckField key={f.id} label={f.label} checked={v === true} onChange={set} help={f.help} error={error} />;
    if (f.type === 'storageClass' || f.options) {
      const options = f.options ? f.options.map((o) => ({ value: o, label: o })) : storageOptions;
      return <SelectField key={f.id} label={f.label} value={v === undefined ? '' : String(v)} options={options} placeholder="The default" onChange={(x) => set(x || undefined)} help={f.help} error={error} />;
    }
    if (f.type === 'integer') {
      return <DraftTextField key={f.id} label={f.label} type="number" value={v === undefined ? '' : String(v)} revision={model.state.textRevision} onChange={(x) => set(x === '' ? undefined : Number(x))} help={f.help} error={error} />;
    }
    return <DraftTextField key={f.id} label={f.label} value={v === undefined ? '' : String(v)} revision={model.state.textRevision} mono onChange={(x) => set(x.trim() || undefined)} help={f.help} error={error} />;
  };

  return (
    <CreatePanel
      title={`New ${title}`}
      namespace={namespace}
      model={model}
      facts={facts}
      bindings={bindings}
      quotaFields={quotaFields}
      missing={missing}
      createLabel={`Create ${d.label}`}
      yamlLabel={`YAML of the new ${d.kind}`}
      onCreated={onCreated}
      onClose={onClose}
    >
      {(errors) => (
        <div className="grid gap-x-3 @md:grid-cols-2">
          <DraftTextField label="Name" value={name} revision={model.state.textRevision} required mono onChange={(v) => model.setField(0, ['metadata', 'name'], v.trim())} error={joinErrors(nameProblem(name), errors.name)} />
          {fields.map((f) => field(f, errors))}
          {fields.length === 0 ? <p className="text-xs text-muted dark:text-muted-dark @md:col-span-2">Everything else starts from the kind’s defaults; change it in the YAML.</p> : null}
        </div>
      )}
    </CreatePanel>
  );
}
