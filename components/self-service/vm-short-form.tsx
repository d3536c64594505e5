'use client';

import { useMemo } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { useSyncModel, type SyncModel } from '@/components/forms/use-sync-model';
import { Loading } from '@/components/resource/states';
import { useObjectsPreview } from '@/components/wizards/quota-preview';
import { useNamespaceFacts, type NamespaceFacts } from '@/components/wizards/use-namespace-facts';
import { useImages } from '@/components/wizards/vm/vm-choice-steps';
import { buildCloudConfig, EMPTY_CLOUD_INIT, parseCloudConfig } from '@/lib/forms/cloud-init';
import { documentOfKind } from '@/lib/forms/sync-model';
import { valueAt } from '@/lib/forms/value-diff';
import { CLOUD_INIT_KEY, cloudInitSecret, cloudInitSecretIndex, cloudInitSecretName, nameProblem, newVm, renameVm, secretUserData } from '@/lib/forms/wizards/vm';
import type { KubeObject } from '@/lib/k8s/types';
import { formatAmount } from '@/lib/quota/amounts';
import { classFits } from '@/lib/quota/class-fit';
import { classSize } from '@/lib/quota/object-cost';
import { quotaFamily } from '@/lib/self-service/field-errors';
import { freshName } from '@/lib/self-service/names';
import { VM_BINDINGS, VM_QUOTA_FIELDS } from '@/lib/self-service/short-forms';
import { CreatePanel } from './create-panel';
import { CheckField, DraftTextField, joinErrors, SelectField } from './short-fields';

/**
 * The short VM form: name, image (the namespace's images, and the Supervisor's when the user
 * may list them), class (the namespace's VM classes, each marked when it would not fit the
 * quota), storage class, power on, and an SSH key (written as cloud-init user-data for user
 * `vmware` in a Secret the VM reads). Defaults: a free name, an Ubuntu image when there is one,
 * the smallest class that fits, the namespace's default storage class.
 */
export interface ShortFormProps {
  namespace: string;
  /** Names already used in the namespace (for the default name). */
  taken: readonly string[];
  onCreated(created: KubeObject[]): void;
  onClose(): void;
}

const SSH_USER = 'vmware';

export function VmShortForm({ served, ...props }: ShortFormProps & { served: ServedResource }) {
  const facts = useNamespaceFacts(props.namespace);
  const images = useImages(props.namespace);
  if (facts.vmClassesLoading || facts.quotasLoading || images.loading) return <Loading label={`Loading the images and VM classes of ${props.namespace}…`} />;
  return <VmForm {...props} version={served.version} facts={facts} images={images.choices} />;
}

function startingVm(p: ShortFormProps & { version: string; facts: NamespaceFacts; images: { value: string; label: string }[] }): KubeObject {
  const vm = newVm(p.namespace, freshName('vm', p.taken), p.version);
  const image = p.images.find((c) => /ubuntu/i.test(c.label)) ?? p.images[0];
  const fits = classFits(p.facts.vmClasses, p.facts.quotas, {});
  const cls = fits.find((f) => f.fits) ?? fits[0];
  const storage = p.facts.cost.defaultStorageClass ?? p.facts.storageClasses[0]?.name;
  const [kind, ...name] = (image?.value ?? '').split('/');
  vm.spec = { ...(cls ? { className: cls.name } : {}), ...(image ? { image: { kind, name: name.join('/') } } : {}), ...(storage ? { storageClass: storage } : {}), powerState: 'PoweredOn' };
  return vm;
}

function sshKeyWriter(model: SyncModel, vmIndex: number, name: string, namespace: string) {
  return (text: string) => {
    const values = model.state.values;
    const secretIndex = cloudInitSecretIndex(values, vmIndex);
    const keys = text.split('\n').map((k) => k.trim()).filter(Boolean);
    if (secretIndex >= 0) {
      const fields = parseCloudConfig(secretUserData(values[secretIndex]) ?? '').fields;
      const rest = fields.packages.length || fields.commands.length;
      if (!keys.length && !rest) {
        model.setField(vmIndex, ['spec', 'bootstrap'], undefined);
        model.removeDoc(secretIndex);
      } else model.setField(secretIndex, ['stringData', CLOUD_INIT_KEY], buildCloudConfig({ ...fields, user: fields.user || SSH_USER, sshKeys: keys }));
    } else if (keys.length) {
      model.addDoc(cloudInitSecret(name, namespace, buildCloudConfig({ ...EMPTY_CLOUD_INIT, user: SSH_USER, sshKeys: keys })));
      model.setField(vmIndex, ['spec', 'bootstrap'], { cloudInit: { rawCloudConfig: { name: cloudInitSecretName(name), key: CLOUD_INIT_KEY } } });
    }
  };
}

function VmForm(props: ShortFormProps & { version: string; facts: NamespaceFacts; images: { value: string; label: string; note?: unknown }[] }) {
  const { namespace, facts, images } = props;
  const model = useSyncModel(() => [startingVm(props)]);
  const { state } = model;
  const vmIndex = documentOfKind(state, 'VirtualMachine');
  const vm = state.values[vmIndex] as KubeObject | undefined;
  const get = (path: (string | number)[]) => valueAt(vm, path);
  const name = String(get(['metadata', 'name']) ?? '');
  const className = String(get(['spec', 'className']) ?? '');
  const imageKind = get(['spec', 'image', 'kind']);
  const imageName = get(['spec', 'image', 'name']);
  const image = imageKind && imageName ? `${String(imageKind)}/${String(imageName)}` : '';
  const secretIndex = vmIndex >= 0 ? cloudInitSecretIndex(state.values, vmIndex) : -1;
  const cloudInit = parseCloudConfig(secretIndex >= 0 ? (secretUserData(state.values[secretIndex]) ?? '') : '');
  const setVm = (path: (string | number)[], v: unknown) => vmIndex >= 0 && model.setField(vmIndex, path, v);

  const classOptions = useMemo(() => {
    const fits = new Map(classFits(facts.vmClasses, facts.quotas, {}).map((f) => [f.name, f.fits]));
    return [...facts.vmClasses]
      .sort((a, b) => (classSize(a)?.cpus ?? 0) - (classSize(b)?.cpus ?? 0) || (classSize(a)?.memory ?? 0) - (classSize(b)?.memory ?? 0))
      .map((c) => {
        const size = classSize(c);
        const n = c.metadata.name ?? '';
        return { value: n, label: `${n}${size ? ` — ${size.cpus} CPU, ${formatAmount('memory', size.memory)}` : ''}${facts.quotas.length && fits.get(n) === false ? ' (over the quota)' : ''}` };
      });
  }, [facts.vmClasses, facts.quotas]);

  const objects = useMemo(() => state.values.filter((v): v is KubeObject => typeof v === 'object' && v !== null), [state.values]);
  const preview = useObjectsPreview(objects, facts);
  // The class drives CPU and memory: their refusals are shown at the class, with a class that fits.
  const overByClass = preview.preview.refusals.filter((r) => ['cpu', 'memory'].includes(quotaFamily(r.resource))).map((r) => `Over the quota: ${r.message}.`);
  const quotaClass = overByClass.length ? `${overByClass.join(' ')}${preview.suggestion ? ` ${preview.suggestion.name} fits.` : ' No class of this namespace fits while powered on.'}` : undefined;

  const missing = [nameProblem(name) && 'a valid name', !image && !get(['spec', 'imageName']) && 'an image', !className && 'a VM class'].filter((x): x is string => !!x);
  const imageOptions = [...images.map((c) => ({ value: c.value, label: `${c.label}${c.value.startsWith('Cluster') ? '' : ' (this namespace)'}` })), ...(image && !images.some((c) => c.value === image) ? [{ value: image, label: String(imageName) }] : [])];
  const storageOptions = [...facts.storageClasses.map((s) => ({ value: s.name, label: `${s.name}${s.isDefault ? ' (default)' : ''}` }))];

  return (
    <CreatePanel
      title="New virtual machine"
      namespace={namespace}
      model={model}
      facts={facts}
      bindings={VM_BINDINGS}
      quotaFields={VM_QUOTA_FIELDS}
      missing={missing}
      createLabel="Create virtual machine"
      yamlLabel="YAML of the new virtual machine"
      onUseClass={(c) => setVm(['spec', 'className'], c)}
      onCreated={props.onCreated}
      onClose={props.onClose}
    >
      {(errors) => (
        <div className="grid gap-x-3 @md:grid-cols-2">
          <DraftTextField label="Name" value={name} revision={state.textRevision} required mono onChange={(v) => renameVm(state.values, name, v.trim()).forEach((x, i) => model.setValue(i, x))} error={joinErrors(nameProblem(name), errors.name)} />
          <SelectField label="Storage class" value={String(get(['spec', 'storageClass']) ?? '')} options={storageOptions} placeholder="The image’s default" onChange={(v) => setVm(['spec', 'storageClass'], v || undefined)} error={joinErrors(errors.storageClass)} />
          <SelectField
            className="@md:col-span-2"
            label="Image"
            value={image}
            options={imageOptions}
            placeholder={images.length ? undefined : `No images are available in ${namespace}`}
            onChange={(v) => {
              const [k, ...rest] = v.split('/');
              setVm(['spec', 'image'], { kind: k, name: rest.join('/') });
            }}
            error={joinErrors(errors.image)}
          />
          <SelectField className="@md:col-span-2" label="VM class" value={className} options={classOptions} placeholder={classOptions.length ? undefined : `No VM classes are assigned to ${namespace}`} onChange={(v) => setVm(['spec', 'className'], v)} error={joinErrors(errors.class, quotaClass)} help="CPU and memory, counted in full against the quota while the VM is on." />
          <DraftTextField
            className="@md:col-span-2"
            label="SSH public key"
            value={cloudInit.raw ? '' : cloudInit.fields.sshKeys.join('\n')}
            revision={state.textRevision}
            mono
            placeholder="ssh-ed25519 AAAA… you@laptop"
            onChange={sshKeyWriter(model, vmIndex, name, namespace)}
            error={joinErrors(errors.sshKey)}
            help={cloudInit.raw ? 'This VM has custom cloud-init; change it in the YAML.' : `Optional: you log in as ${cloudInit.fields.user || SSH_USER} with this key (cloud-init).`}
          />
          <CheckField className="@md:col-span-2" label="Power on after creation" checked={(get(['spec', 'powerState']) ?? 'PoweredOn') === 'PoweredOn'} onChange={(on) => setVm(['spec', 'powerState'], on ? 'PoweredOn' : 'PoweredOff')} error={joinErrors(errors.power)} help="A powered-off VM only counts as one VM against the quota." />
        </div>
      )}
    </CreatePanel>
  );
}
