import type { KubeObject } from '../../api/types';
import { hexOf, intOf, uuidOf } from './hash';
import { containerSpecs } from './behavior';
import { parseImage } from './images';

/**
 * The annotations the system adds to a vSphere Pod once it is placed: the spherelet records the
 * CRX VM it created (`vmware-system-vm-uuid`, `vmware-system-vm-moid`), its ephemeral disk and
 * the image disks it attached (`vmware-system-image-references`), and NCP records the logical
 * port it plugged the VM into (`mac`, `vlan`, `attachment_id`). The key list is the one the
 * Velero plugin for vSphere strips before restoring a Supervisor pod (see
 * velero-plugin-for-vsphere `docs/supervisor-notes.md`); `kubernetes.io/psp` is left out because
 * PodSecurityPolicy no longer exists in Kubernetes 1.25+. Values derive from the pod uid.
 */
export const VSPHERE_POD_ANNOTATIONS = [
  'vmware-system-vm-uuid',
  'vmware-system-vm-moid',
  'vmware-system-ephemeral-disk-uuid',
  'vmware-system-image-references',
  'mac',
  'vlan',
  'attachment_id',
] as const;

/** The simulated vCenter's instance UUID (the second half of a managed object reference). */
export const VCENTER_INSTANCE_UUID = uuidOf('', 'glasspane-vcenter');

function imageDiskName(image: string): string {
  const repo = parseImage(image.toLowerCase()).repository;
  const base = (repo.split('/').pop() ?? 'image').replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'image';
  return `${base}-${hexOf('image-disk', image).slice(0, 40)}`;
}

export function vspherePodAnnotations(pod: KubeObject): Record<string, string> {
  const uid = pod.metadata.uid ?? '';
  const refs: Record<string, string> = {};
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of containerSpecs(pod.spec, list)) refs[c.name] = imageDiskName(c.image);
  }
  const mac = hexOf('mac', uid);
  return {
    'vmware-system-vm-uuid': uuidOf('50', uid, 'vm'),
    'vmware-system-vm-moid': `vm-${intOf(1000, 99_999, uid, 'moid')}:${VCENTER_INSTANCE_UUID}`,
    'vmware-system-ephemeral-disk-uuid': uuidOf('6000c29', uid, 'ephemeral-disk'),
    'vmware-system-image-references': JSON.stringify(refs),
    mac: `04:50:56:00:${mac.slice(0, 2)}:${mac.slice(2, 4)}`,
    vlan: 'None',
    attachment_id: uuidOf('', uid, 'attachment'),
  };
}

/** The annotations still missing from the pod (existing values are never overwritten), or undefined. */
export function missingAnnotations(pod: KubeObject): Record<string, string> | undefined {
  const have = pod.metadata.annotations ?? {};
  const want = vspherePodAnnotations(pod);
  const missing: Record<string, string> = {};
  for (const [k, v] of Object.entries(want)) if (have[k] === undefined) missing[k] = v;
  return Object.keys(missing).length ? missing : undefined;
}
