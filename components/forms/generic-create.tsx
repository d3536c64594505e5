'use client';

import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useCallback, useMemo, useRef } from 'react';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { offsetOfLine, SyncedEditor } from '@/components/editor/synced-editor';
import type { YamlEditorHandle } from '@/components/editor/yaml-editor';
import { Empty, Loading } from '@/components/resource/states';
import { NamespaceField } from '@/components/wizards/namespace-field';
import { QuotaPreview, useObjectsPreview } from '@/components/wizards/quota-preview';
import { ReviewStep } from '@/components/wizards/review-step';
import { useNamespaceFacts } from '@/components/wizards/use-namespace-facts';
import { WizardShell, type WizardStep } from '@/components/wizards/wizard-shell';
import { pickFields, type KindForm } from '@/lib/forms/form-schema';
import { lineOfPath } from '@/lib/forms/yaml-locate';
import type { KubeObject } from '@/lib/k8s/types';
import { CreateActions } from './create-actions';
import { SchemaForm } from './schema-form';
import type { FormContext } from './special-fields';
import { useKindForm, type KindFormState } from './use-kind-form';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import { useSyncModel, type SyncModel } from './use-sync-model';

/**
 * The create page of ANY served kind (CRDs included): a form generated from the kind's schema
 * beside its YAML, one model under both; stepped when the descriptor declares steps. Before
 * Create, the namespace's quota after it and a server dry run; the server's errors land at
 * their lines in the YAML.
 */
export function GenericCreatePage({ descriptorId, namespace }: { descriptorId: string; namespace?: string }) {
  const discovery = useDiscovery();
  const served = discovery.data?.byId.get(descriptorId);
  if (discovery.isPending) return <Loading label="Loading the cluster’s kinds…" />;
  if (!served) return <Empty>The cluster does not serve “{descriptorId}”.</Empty>;
  return <KindCreate key={`${descriptorId}/${namespace ?? ''}`} served={served} namespace={served.descriptor.namespaced ? namespace : undefined} />;
}

function KindCreate({ served, namespace }: { served: ServedResource; namespace?: string }) {
  const kindForm = useKindForm(served, namespace);
  if (kindForm.loading) return <Loading label={`Loading the schema of ${served.descriptor.kind}…`} />;
  return <Editor served={served} namespace={namespace} kindForm={kindForm} />;
}

export function startingObject(served: ServedResource, namespace: string | undefined, kindForm: KindFormState): KubeObject {
  const d = served.descriptor;
  const apiVersion = d.group ? `${d.group}/${served.version}` : served.version;
  const base = kindForm.hints.initial?.(namespace) ?? kindForm.example ?? { apiVersion, kind: d.kind, metadata: { name: '' } };
  const obj = structuredClone(base) as KubeObject;
  obj.apiVersion = apiVersion;
  obj.kind = d.kind;
  obj.metadata = { ...obj.metadata, ...(d.namespaced && namespace ? { namespace } : {}) };
  if (!obj.spec && kindForm.form?.schema.properties?.spec && typeof kindForm.form.schema.properties.spec === 'object' && kindForm.form.schema.properties.spec.type === 'object') obj.spec = {};
  return obj;
}

function FormSide({ form, model, context }: { form: KindForm; model: SyncModel; context: FormContext }) {
  const onChange = useCallback((v: unknown) => model.setValue(0, v), [model]);
  return <SchemaForm schema={form.schema as RJSFSchema} uiSchema={form.uiSchema as UiSchema} value={model.state.values[0]} onChange={onChange} readOnly={!!model.state.error} formContext={context} externalRevision={model.state.textRevision} />;
}

function Editor({ served, namespace, kindForm }: { served: ServedResource; namespace?: string; kindForm: KindFormState }) {
  const d = served.descriptor;
  const model = useSyncModel(() => [startingObject(served, namespace, kindForm)]);
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const editor = useRef<YamlEditorHandle | null>(null);
  const obj = model.state.values[0] as KubeObject | undefined;
  const ns = d.namespaced ? (obj?.metadata?.namespace ?? namespace) : undefined;
  const facts = useNamespaceFacts(ns, { vmClasses: false });
  const objects = useMemo(() => (obj ? [obj] : []), [obj]);
  const quota = useObjectsPreview(objects, facts);
  const text = model.state.text;
  const context = useMemo<FormContext>(
    () => ({
      namespace: ns,
      revealPath: (path) => {
        const line = lineOfPath(text, 0, path);
        if (line) editor.current?.reveal(offsetOfLine(text, line));
      },
    }),
    [ns, text],
  );
  const missing = [!obj?.metadata?.name && !obj?.metadata?.generateName ? 'a name' : '', d.namespaced && !ns ? 'a namespace' : ''].filter(Boolean);
  const title = `New ${d.label}`;
  const nsField = d.namespaced && !namespace ? <NamespaceField value={ns ?? ''} onChange={(v) => model.setField(0, ['metadata', 'namespace'], v)} /> : null;
  const yamlLabel = `YAML of the new ${d.kind}`;

  if (kindForm.form && kindForm.hints.steps?.length) {
    const form = kindForm.form;
    const steps: WizardStep[] = kindForm.hints.steps.map((s, i) => ({
      id: `step-${i}`,
      title: s.title,
      content: (
        <>
          {i === 0 ? nsField : null}
          <FormSide form={pickFields(form, s.fields)} model={model} context={context} />
        </>
      ),
    }));
    steps.push({
      id: 'review',
      title: 'Review',
      content: <ReviewStep model={model} namespace={ns} facts={facts} missing={missing} onDiagnostics={setDiagnostics} mainIndex={0} createLabel={`Create ${d.label}`} summary={[{ label: d.label, value: `${ns ? `${ns}/` : ''}${obj?.metadata?.name || '—'}` }]} />,
    });
    return <WizardShell title={title} subtitle={ns ? `in ${ns}` : undefined} steps={steps} model={model} yamlLabel={yamlLabel} diagnostics={diagnostics} schema={kindForm.kindSchema} />;
  }

  const blocked = model.state.error ? `The YAML does not parse (line ${model.state.error.line}).` : missing.length ? `Still missing: ${missing.join(', ')}.` : d.namespaced && !quota.preview.fits ? `Over the quota: ${quota.preview.refusals.map((r) => r.message).join('; ')}.` : undefined;
  return (
    <div className="flex min-h-full flex-col">
      <header className="px-4 pt-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="text-xs text-muted dark:text-muted-dark">
          {d.kind} ({d.group ? `${d.group}/${served.version}` : served.version}){ns ? ` in ${ns}` : ''} — the form and the YAML are one object; edit either.
        </p>
      </header>
      <div className="space-y-3 px-4 py-3">
        <SyncedEditor model={model} yamlLabel={yamlLabel} schema={kindForm.kindSchema} diagnostics={diagnostics} handleRef={editor} formTitle={`${d.label} form`}>
          <div className="rounded-sm border border-line bg-panel p-3 dark:border-line-dark dark:bg-panel-dark">
            {nsField}
            {kindForm.form ? <FormSide form={kindForm.form} model={model} context={context} /> : <p className="text-xs text-muted dark:text-muted-dark">The cluster publishes no schema for {d.kind}; edit it in the YAML.</p>}
          </div>
        </SyncedEditor>
        {d.namespaced ? (
          <section aria-label="Quota after this create" className="rounded-sm border border-line bg-panel p-3 dark:border-line-dark dark:bg-panel-dark">
            <h2 className="mb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">Quota after this create</h2>
            <QuotaPreview namespace={ns} facts={facts} result={quota} />
          </section>
        ) : null}
        <CreateActions values={model.state.values} text={model.state.text} namespace={ns} blocked={blocked} onDiagnostics={setDiagnostics} what={`Create ${d.label}`} />
      </div>
    </div>
  );
}
