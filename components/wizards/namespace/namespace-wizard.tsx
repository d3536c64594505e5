'use client';

import { useCanCluster } from '@/components/data/use-access';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import { useSyncModel } from '@/components/forms/use-sync-model';
import { Loading, NoAccess } from '@/components/resource/states';
import { documentOfKind } from '@/lib/forms/sync-model';
import { valueAt } from '@/lib/forms/value-diff';
import { nameProblem } from '@/lib/forms/wizards/vm';
import { newNamespaceDocs, renameNamespace, storageKey, VM_COUNT_KEY } from '@/lib/forms/wizards/namespace';
import { Section, TextField } from '../fields';
import { ReviewStep } from '../review-step';
import { useNamespaceFacts } from '../use-namespace-facts';
import { WizardShell, type WizardStep } from '../wizard-shell';

/**
 * The namespace wizard (administrators: needs `create namespaces` cluster-wide): the name, a
 * ResourceQuota for CPU, memory, storage per storage class and VM count, and a LimitRange with
 * container defaults; creates the Namespace, then the quota and the limits in it.
 */
export function NamespaceWizardPage() {
  const allowed = useCanCluster('create', '', 'namespaces');
  if (allowed === undefined) return <Loading label="Checking your rights…" />;
  if (!allowed) return <NoAccess what="namespace creation (it needs a Supervisor administrator)" />;
  return <NamespaceWizard />;
}

const QUOTA_FIELDS: { key: string; label: string; help: string }[] = [
  { key: 'requests.cpu', label: 'CPU requests', help: 'Cores reserved by pods and powered-on VMs, e.g. 8.' },
  { key: 'limits.cpu', label: 'CPU limits', help: 'Cores, e.g. 16.' },
  { key: 'requests.memory', label: 'Memory requests', help: 'e.g. 32Gi.' },
  { key: 'limits.memory', label: 'Memory limits', help: 'e.g. 64Gi.' },
  { key: 'requests.storage', label: 'Storage, all classes', help: 'Total of all volume claims, e.g. 200Gi.' },
  { key: VM_COUNT_KEY, label: 'Virtual machines', help: 'How many VMs may exist (powered on or not).' },
];

function NamespaceWizard() {
  const model = useSyncModel(() => newNamespaceDocs(''));
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const facts = useNamespaceFacts(undefined, { vmClasses: false });
  const { state } = model;
  const nsIndex = documentOfKind(state, 'Namespace');
  const quotaIndex = documentOfKind(state, 'ResourceQuota');
  const limitIndex = documentOfKind(state, 'LimitRange');
  const name = String(valueAt(state.values[nsIndex], ['metadata', 'name']) ?? '');
  const hard = (k: string) => String(valueAt(state.values[quotaIndex], ['spec', 'hard', k]) ?? '');
  const setHard = (k: string, v: string) => quotaIndex >= 0 && model.setField(quotaIndex, ['spec', 'hard', k], v.trim() || undefined);
  const lr = (k: 'default' | 'defaultRequest', r: 'cpu' | 'memory') => String(valueAt(state.values[limitIndex], ['spec', 'limits', 0, k, r]) ?? '');
  const setLr = (k: 'default' | 'defaultRequest', r: 'cpu' | 'memory', v: string) => limitIndex >= 0 && model.setField(limitIndex, ['spec', 'limits', 0, k, r], v.trim() || undefined);
  const missing = [nsIndex < 0 ? 'the Namespace object' : nameProblem(name) && 'a valid name'].filter((x): x is string => !!x);

  const steps: WizardStep[] = [
    {
      id: 'name',
      title: 'Name',
      summary: name || undefined,
      incomplete: nameProblem(name) ? 'Needs a valid name.' : undefined,
      content: (
        <div className="max-w-lg">
          <TextField label="Namespace name" value={name} onChange={(v) => renameNamespace(state.values, name, v.trim()).forEach((x, i) => model.setValue(i, x))} required mono error={nameProblem(name)} help="Also names its quota and limit range." />
        </div>
      ),
    },
    {
      id: 'quota',
      title: 'Quota',
      summary: quotaIndex >= 0 ? `${hard('requests.cpu') || '–'} CPU, ${hard('requests.memory') || '–'}` : 'No quota',
      content:
        quotaIndex < 0 ? (
          <p className="text-xs text-muted dark:text-muted-dark">The YAML has no ResourceQuota; the namespace will be unlimited.</p>
        ) : (
          <div className="max-w-2xl">
            <div className="grid grid-cols-2 gap-x-3">
              {QUOTA_FIELDS.map((f) => (
                <TextField key={f.key} label={f.label} value={hard(f.key)} onChange={(v) => setHard(f.key, v)} mono help={f.help} />
              ))}
            </div>
            <Section title="Storage per storage class" description="Empty: the class is not limited on its own (the total still applies).">
              <div className="grid grid-cols-2 gap-x-3">
                {facts.storageClasses.map((c) => (
                  <TextField key={c.name} label={c.name} value={hard(storageKey(c.name))} onChange={(v) => setHard(storageKey(c.name), v)} mono placeholder="e.g. 100Gi" />
                ))}
              </div>
              {facts.storageClasses.length === 0 ? <p className="text-xs text-muted dark:text-muted-dark">No storage classes can be listed.</p> : null}
            </Section>
          </div>
        ),
    },
    {
      id: 'limits',
      title: 'Container defaults',
      content:
        limitIndex < 0 ? (
          <p className="text-xs text-muted dark:text-muted-dark">The YAML has no LimitRange; containers get no defaults.</p>
        ) : (
          <div className="grid max-w-xl grid-cols-2 gap-x-3">
            <TextField label="Default CPU request" value={lr('defaultRequest', 'cpu')} onChange={(v) => setLr('defaultRequest', 'cpu', v)} mono help="For containers that set none." />
            <TextField label="Default CPU limit" value={lr('default', 'cpu')} onChange={(v) => setLr('default', 'cpu', v)} mono />
            <TextField label="Default memory request" value={lr('defaultRequest', 'memory')} onChange={(v) => setLr('defaultRequest', 'memory', v)} mono />
            <TextField label="Default memory limit" value={lr('default', 'memory')} onChange={(v) => setLr('default', 'memory', v)} mono />
          </div>
        ),
    },
    {
      id: 'review',
      title: 'Review',
      content: (
        <ReviewStep
          model={model}
          namespace={name || undefined}
          facts={facts}
          missing={missing}
          onDiagnostics={setDiagnostics}
          mainIndex={nsIndex}
          createLabel="Create namespace"
          noQuota
          summary={[
            { label: 'Namespace', value: name || '—' },
            { label: 'Quota', value: quotaIndex >= 0 ? QUOTA_FIELDS.filter((f) => hard(f.key)).map((f) => `${f.label} ${hard(f.key)}`).join(', ') : 'none' },
          ]}
        />
      ),
    },
  ];
  return <WizardShell title="New namespace" steps={steps} model={model} yamlLabel="YAML of the new namespace, its quota and limits" diagnostics={diagnostics} />;
}
