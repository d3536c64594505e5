'use client';

import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useCallback, useMemo, useState } from 'react';
import { useCan } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { startingObject } from '@/components/forms/generic-create';
import { SchemaForm } from '@/components/forms/schema-form';
import { useKindForm, type KindFormState } from '@/components/forms/use-kind-form';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import { useSyncModel } from '@/components/forms/use-sync-model';
import { Empty, Loading } from '@/components/resource/states';
import { pickFields } from '@/lib/forms/form-schema';
import { withStorageClass } from '@/lib/forms/service-forms';
import { nameProblem } from '@/lib/forms/wizards/vm';
import { serviceCatalog, type CatalogEntry } from '@/lib/forms/wizards/services';
import { collectionPath } from '@/lib/resources/paths';
import type { KubeObject } from '@/lib/k8s/types';
import { ChoiceList, TextField } from '../fields';
import { NamespaceField } from '../namespace-field';
import { ReviewStep } from '../review-step';
import { useNamespaceFacts, type NamespaceFacts } from '../use-namespace-facts';
import { WizardShell, type WizardStep } from '../wizard-shell';

/**
 * The operator-backed service wizard: choose one of the installed services (the served
 * service kinds, described by the Supervisor Services catalogue), name it, configure it with a
 * form generated from its CRD schema starting from good defaults (one instance, small storage,
 * the namespace's storage class), then review with the quota preview and Create.
 */
const CATALOG_NS = 'vmware-system-supervisor-services';

export function useServiceCatalog(): { entries: CatalogEntry[]; loading: boolean } {
  const discovery = useDiscovery();
  const pkg = discovery.data?.byId.get('packagemetadatas.data.packaging.carvel.dev');
  const can = useCan('list', 'data.packaging.carvel.dev', 'packagemetadatas', CATALOG_NS);
  const packages = useKubeList(pkg && can ? collectionPath(pkg.descriptor, pkg.version, CATALOG_NS) : undefined, { watch: false });
  const entries = useMemo(() => {
    const kinds = (discovery.data?.resources ?? []).filter((r) => r.descriptor.tree?.service).map((r) => ({ descriptorId: r.descriptor.id, group: r.descriptor.group, kind: r.descriptor.kind, label: r.descriptor.label }));
    return serviceCatalog(kinds, packages.data?.items ?? []);
  }, [discovery.data, packages.data]);
  return { entries, loading: discovery.isPending };
}

export function ServiceWizardPage({ namespace, kind }: { namespace?: string; kind?: string }) {
  const { entries, loading } = useServiceCatalog();
  const discovery = useDiscovery();
  const [chosen, setChosen] = useState(kind);
  if (loading) return <Loading label="Loading the installed services…" />;
  if (entries.length === 0) return <Empty>No operator-backed services are installed on this Supervisor.</Empty>;
  const id = chosen && entries.some((e) => e.descriptorId === chosen) ? chosen : entries[0]!.descriptorId;
  const served = discovery.data?.byId.get(id);
  if (!served) return <Empty>The cluster does not serve “{id}”.</Empty>;
  return <ServiceWizardFor key={id} served={served} namespace={namespace} entries={entries} onKind={setChosen} startAt={chosen ? 'basics' : 'service'} />;
}

function ServiceWizardFor({ served, namespace, entries, onKind, startAt }: { served: ServedResource; namespace?: string; entries: CatalogEntry[]; onKind(id: string): void; startAt: string }) {
  const kindForm = useKindForm(served, namespace);
  const facts = useNamespaceFacts(namespace, { vmClasses: false });
  if (kindForm.loading || (namespace && facts.quotasLoading)) return <Loading label={`Loading the schema of ${served.descriptor.kind}…`} />;
  return <ServiceWizard served={served} namespace={namespace} entries={entries} onKind={onKind} kindForm={kindForm} initialFacts={facts} startAt={startAt} />;
}

function ServiceWizard({ served, namespace, entries, onKind, kindForm, initialFacts, startAt }: { served: ServedResource; namespace?: string; entries: CatalogEntry[]; onKind(id: string): void; kindForm: KindFormState; initialFacts: NamespaceFacts; startAt: string }) {
  const d = served.descriptor;
  const model = useSyncModel(() => {
    const obj = startingObject(served, namespace, kindForm);
    withStorageClass(obj, initialFacts.cost.defaultStorageClass ?? initialFacts.storageClasses[0]?.name);
    return [obj];
  });
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const obj = model.state.values[0] as KubeObject | undefined;
  const ns = String(obj?.metadata?.namespace ?? '');
  const name = String(obj?.metadata?.name ?? '');
  const facts = useNamespaceFacts(ns || undefined, { vmClasses: false });
  const onSpec = useCallback((v: unknown) => model.setValue(0, v), [model]);
  const specForm = useMemo(() => (kindForm.form ? pickFields(kindForm.form, ['spec']) : undefined), [kindForm.form]);
  const entry = entries.find((e) => e.descriptorId === d.id);
  const missing = [!ns && 'a namespace', nameProblem(name) && 'a valid name'].filter((x): x is string => !!x);

  const steps: WizardStep[] = [
    {
      id: 'service',
      title: 'Service',
      summary: entry?.service ?? d.label,
      content: (
        <ChoiceList
          label="Service"
          name="service-kind"
          value={d.id}
          onChange={onKind}
          choices={entries.map((e) => ({ value: e.descriptorId, label: `${e.label}${e.service ? ` — ${e.service}` : ''}`, note: e.description ?? `${e.kind} (${e.group})`, detail: e.categories[0] }))}
          help="Services installed on the Supervisor whose instances you can create in a namespace. Choosing another starts its form afresh."
        />
      ),
    },
    {
      id: 'basics',
      title: 'Name and namespace',
      summary: name ? `${ns}/${name}` : undefined,
      incomplete: missing.length ? `Needs ${missing.join(' and ')}.` : undefined,
      content: (
        <div className="max-w-lg">
          <NamespaceField value={ns} onChange={(v) => model.setField(0, ['metadata', 'namespace'], v)} error={ns ? undefined : 'Choose a namespace.'} />
          <TextField label="Name" value={name} onChange={(v) => model.setField(0, ['metadata', 'name'], v.trim())} required mono error={nameProblem(name)} />
        </div>
      ),
    },
    {
      id: 'config',
      title: 'Configuration',
      content: specForm ? (
        <SchemaForm idPrefix="svc" schema={specForm.schema as RJSFSchema} uiSchema={specForm.uiSchema as UiSchema} value={obj} onChange={onSpec} readOnly={!!model.state.error} formContext={{ namespace: ns }} externalRevision={model.state.textRevision} />
      ) : (
        <p className="text-xs text-muted dark:text-muted-dark">The cluster publishes no schema for {d.kind}; configure it in the YAML.</p>
      ),
    },
    {
      id: 'review',
      title: 'Review',
      content: <ReviewStep model={model} namespace={ns} facts={facts} missing={missing} onDiagnostics={setDiagnostics} mainIndex={0} createLabel={`Create ${d.label}`} summary={[{ label: d.label, value: name ? `${ns}/${name}` : '—' }, { label: 'Service', value: entry?.service ?? `${d.kind} (${d.group})` }]} />,
    },
  ];
  return <WizardShell title={`New ${d.label}`} subtitle={entry?.service ? `${entry.service}${ns ? ` · in ${ns}` : ''}` : ns ? `in ${ns}` : undefined} steps={steps} model={model} yamlLabel={`YAML of the new ${d.kind}`} diagnostics={diagnostics} initialStep={startAt} schema={kindForm.kindSchema} />;
}
