import { isObject } from '../../../api/types';
import type { AdmissionPlugin } from '../../../core/admission';
import type { Store } from '../../../storage/store';

/**
 * The admission plugins upstream enables for storage: DefaultStorageClass (a claim that names
 * no class gets the one annotated `storageclass.kubernetes.io/is-default-class: "true"`, the
 * newest if several) and StorageObjectInUseProtection (new claims and volumes get the
 * `kubernetes.io/pvc-protection` / `kubernetes.io/pv-protection` finalizers).
 */
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export function defaultStorageClass(store: Store): string | undefined {
  const defaults = store
    .list('storage.k8s.io/storageclasses')
    .map((s) => s.obj)
    .filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true')
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  return defaults[defaults.length - 1]?.metadata.name;
}

export function storageAdmission(store: Store): AdmissionPlugin {
  return (a) => {
    if (a.operation !== 'CREATE' || !a.object || a.rt.group !== '') return;
    const meta = a.object.metadata;
    if (a.rt.resource === 'persistentvolumeclaims') {
      const spec = (isObject(a.object.spec) ? a.object.spec : (a.object.spec = {})) as Record<string, unknown>;
      if (spec.storageClassName === undefined && !meta.annotations?.[BETA_CLASS_ANNOTATION]) {
        const name = defaultStorageClass(store);
        if (name) spec.storageClassName = name;
      }
      if (!(meta.finalizers ?? []).includes(PVC_PROTECTION)) meta.finalizers = [...(meta.finalizers ?? []), PVC_PROTECTION];
    } else if (a.rt.resource === 'persistentvolumes') {
      if (!(meta.finalizers ?? []).includes(PV_PROTECTION)) meta.finalizers = [...(meta.finalizers ?? []), PV_PROTECTION];
    }
  };
}
