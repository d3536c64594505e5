/** Storage printers: PersistentVolume, PersistentVolumeClaim (core/v1) and StorageClass (storage.k8s.io/v1). */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, list, nameColumn, quantity, str } from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** core helper `GetAccessModesAsString`: fixed order, duplicates dropped. */
export function accessModes(modes: unknown): string {
  const present = new Set(list(modes).map((m) => str(m)));
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => present.has(mode))
    .map(([, abbr]) => abbr)
    .join(',');
}

/** The beta annotation wins over `spec.storageClassName`, as in core helper `GetPersistentVolume(Claim)Class`. */
function storageClassOf(o: KubeObject): string {
  const annotated = o.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  return annotated !== undefined ? annotated : str(at(o, 'spec', 'storageClassName'));
}

const deleting = (o: KubeObject): boolean => typeof o.metadata.deletionTimestamp === 'string';
const volumeModeColumn = () => column('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1);

export const persistentVolumePrinter: Printer = {
  columns: [
    nameColumn(),
    column('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity."),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    column('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    column('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    column('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn(),
    volumeModeColumn(),
  ],
  row(pv: KubeObject, now: number): TableCell[] {
    const claimRef = at(pv, 'spec', 'claimRef');
    const claim = claimRef === undefined || claimRef === null ? '' : `${str(at(claimRef, 'namespace'))}/${str(at(claimRef, 'name'))}`;
    return [
      str(pv.metadata.name),
      quantity(at(pv, 'spec', 'capacity', 'storage')),
      accessModes(at(pv, 'spec', 'accessModes')),
      str(at(pv, 'spec', 'persistentVolumeReclaimPolicy')),
      deleting(pv) ? 'Terminating' : str(at(pv, 'status', 'phase')),
      claim,
      storageClassOf(pv),
      str(at(pv, 'spec', 'volumeAttributesClassName'), '<unset>'),
      str(at(pv, 'status', 'reason')),
      timestampSince(pv.metadata.creationTimestamp, now),
      str(at(pv, 'spec', 'volumeMode'), '<unset>'),
    ];
  },
};

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumn(),
    volumeModeColumn(),
  ],
  row(pvc: KubeObject, now: number): TableCell[] {
    const volumeName = str(at(pvc, 'spec', 'volumeName'));
    // Capacity and access modes are only shown once the claim is bound to a volume.
    const bound = volumeName !== '';
    return [
      str(pvc.metadata.name),
      deleting(pvc) ? 'Terminating' : str(at(pvc, 'status', 'phase')),
      volumeName,
      bound ? quantity(at(pvc, 'status', 'capacity', 'storage')) : '',
      bound ? accessModes(at(pvc, 'status', 'accessModes')) : '',
      storageClassOf(pvc),
      str(at(pvc, 'spec', 'volumeAttributesClassName'), '<unset>'),
      timestampSince(pvc.metadata.creationTimestamp, now),
      str(at(pvc, 'spec', 'volumeMode'), '<unset>'),
    ];
  },
};

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

export const storageClassPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    column('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    column('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn(),
  ],
  row(sc: KubeObject, now: number): TableCell[] {
    const isDefault = DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true');
    return [
      str(sc.metadata.name) + (isDefault ? ' (default)' : ''),
      str(at(sc, 'provisioner')),
      str(at(sc, 'reclaimPolicy'), 'Delete'),
      str(at(sc, 'volumeBindingMode'), 'Immediate'),
      at(sc, 'allowVolumeExpansion') === true,
      timestampSince(sc.metadata.creationTimestamp, now),
    ];
  },
};
