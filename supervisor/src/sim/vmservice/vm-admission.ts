import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api/errors';
import type { KubeObject, UserInfo } from '../../api/types';
import { isObject } from '../../api/types';
import type { AdmissionPlugin } from '../../core/admission';
import type { Store } from '../../storage/store';
import { stableStringify } from '../../util/stable-json';
import { CLASSES, CLUSTER_IMAGES, GROUP, IMAGES, SNAPSHOTS, VERSION, VM_SERVICES, VMS, WEBHOOK, WEB_CONSOLE_REQUESTS, table } from './constants';
import { forbidden, invalid, required } from './field-errors';
import { mutateVmOnCreate, mutateVmOnUpdate } from './vm-mutation';
import { validateVmCreate, validateVmUpdate, type VmLookups } from './vm-validation';

/**
 * vm-operator's webhooks as one admission plugin: the VirtualMachine mutating and validating
 * webhooks, and the small validations of the other kinds. Denials surface as the API server
 * reports webhook denials: `admission webhook "<name>" denied the request: <errors>` (422 with
 * the errors as the reason for validation, 403 for a mutation denial).
 */
export function lookupsFrom(store: Store): VmLookups {
  const obj = (t: string, ns: string, name: string): KubeObject | undefined => store.get(t, ns, name)?.obj;
  return {
    namespaceImage: (ns, name) => obj(table(IMAGES), ns, name),
    clusterImage: (name) => obj(table(CLUSTER_IMAGES), '', name),
    namespaceImages: (ns) => store.list(table(IMAGES), ns).map((s) => s.obj),
    clusterImages: () => store.list(table(CLUSTER_IMAGES)).map((s) => s.obj),
    vmClass: (ns, name) => obj(table(CLASSES), ns, name),
    storageClass: (name) => obj('storage.k8s.io/storageclasses', '', name),
    quotas: (ns) => store.list('core/resourcequotas', ns).map((s) => s.obj),
  };
}

export function isPrivileged(user: UserInfo): boolean {
  return user.groups.includes('system:masters') || user.username.startsWith('system:serviceaccount:vmware-system-');
}

function denyValidation(webhook: string, errs: string[]): ApiError {
  const joined = errs.join(', ');
  return new ApiError(422, joined, `admission webhook "${webhook}" denied the request: ${joined}`);
}

function denyMutation(webhook: string, message: string): ApiError {
  return new ApiError(403, 'Forbidden', `admission webhook "${webhook}" denied the request: ${message}`);
}

const webhookName = (kind: string): string => `default.validating.${kind}.${VERSION}.${GROUP}`;
const specOf = (o: KubeObject | undefined): Record<string, unknown> => (o && isObject(o.spec) ? o.spec : {});

export function vmServiceAdmission(store: Store): AdmissionPlugin {
  const lookups = lookupsFrom(store);
  return (a) => {
    if (a.subresource || !a.object || a.operation === 'DELETE') return;
    const vm = a.object;
    switch (a.rt.table) {
      case table(VMS): {
        const privileged = isPrivileged(a.user);
        if (a.operation === 'CREATE') {
          const denial = mutateVmOnCreate(vm, lookups, privileged, randomUUID);
          if (denial) throw denyMutation(WEBHOOK.vmMutating, denial);
          const errs = validateVmCreate(vm, lookups, privileged);
          if (errs.length) throw denyValidation(WEBHOOK.vmValidating, errs);
        } else if (a.oldObject) {
          const denial = mutateVmOnUpdate(vm, a.oldObject, lookups, new Date());
          if (denial) throw denyMutation(WEBHOOK.vmMutating, denial);
          const errs = validateVmUpdate(vm, a.oldObject, lookups, privileged);
          if (errs.length) throw denyValidation(WEBHOOK.vmValidating, errs);
        }
        return;
      }
      case table(SNAPSHOTS): {
        const errs: string[] = [];
        const name = specOf(vm).vmName;
        if (a.operation === 'CREATE' && (typeof name !== 'string' || !name)) errs.push(required('spec.vmName'));
        if (a.operation === 'UPDATE' && name !== specOf(a.oldObject).vmName) errs.push(invalid('spec.vmName', name ?? '', 'field is immutable'));
        if (errs.length) throw denyValidation(webhookName('virtualmachinesnapshot'), errs);
        return;
      }
      case table(WEB_CONSOLE_REQUESTS): {
        if (a.operation === 'UPDATE' && stableStringify(specOf(vm)) !== stableStringify(specOf(a.oldObject))) {
          throw denyValidation(webhookName('virtualmachinewebconsolerequest'), [forbidden('spec', 'updates to spec are not allowed')]);
        }
        return;
      }
      case table(VM_SERVICES): {
        const type = specOf(vm).type;
        const types = ['ClusterIP', 'LoadBalancer', 'ExternalName'];
        const errs: string[] = [];
        if (!types.includes(String(type))) errs.push(`spec.type: Unsupported value: ${JSON.stringify(type ?? '')}: supported values: ${types.map((t) => `"${t}"`).join(', ')}`);
        if (type === 'ExternalName' && !specOf(vm).externalName) errs.push(required('spec.externalName', 'must be specified for ExternalName service type'));
        if (errs.length) throw denyValidation(webhookName('virtualmachineservice'), errs);
        return;
      }
    }
  };
}
