import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { CVMI_KIND, VMI_KIND } from './constants';

/**
 * Image name resolution as vm-operator's mutation webhook does it (pkg/util/vmopv1
 * ResolveImageName): a `vmi-` name is looked up as an object (namespace first, then cluster);
 * anything else is a vSphere display name (status.name) that must match exactly one image
 * across the namespace's VirtualMachineImages and the ClusterVirtualMachineImages.
 */
export interface ImageLookups {
  namespaceImage(namespace: string, name: string): KubeObject | undefined;
  clusterImage(name: string): KubeObject | undefined;
  namespaceImages(namespace: string): KubeObject[];
  clusterImages(): KubeObject[];
}

export interface ImageRef {
  kind: typeof VMI_KIND | typeof CVMI_KIND;
  name: string;
}

export type Resolution = { ok: true; ref: ImageRef; image: KubeObject } | { ok: false; message: string };

const displayName = (img: KubeObject): string => (isObject(img.status) && typeof img.status.name === 'string' ? img.status.name : '');

export function resolveImageName(l: ImageLookups, namespace: string, name: string): Resolution {
  const notFound: Resolution = { ok: false, message: `no VM image exists for "${name}" in namespace or cluster scope` };
  const byObjectName = (): Resolution => {
    const ns = l.namespaceImage(namespace, name);
    if (ns) return { ok: true, ref: { kind: VMI_KIND, name }, image: ns };
    const cl = l.clusterImage(name);
    if (cl) return { ok: true, ref: { kind: CVMI_KIND, name }, image: cl };
    return notFound;
  };
  if (name.startsWith('vmi-')) return byObjectName();
  const ns = l.namespaceImages(namespace).filter((i) => displayName(i) === name);
  if (ns.length > 1) return { ok: false, message: `multiple VM images exist for "${name}" in namespace scope` };
  const cl = l.clusterImages().filter((i) => displayName(i) === name);
  if (cl.length > 1) return { ok: false, message: `multiple VM images exist for "${name}" in cluster scope` };
  if (ns.length === 1 && cl.length === 1) return { ok: false, message: `multiple VM images exist for "${name}" in namespace and cluster scope` };
  if (ns.length === 1) return { ok: true, ref: { kind: VMI_KIND, name: ns[0]!.metadata.name ?? '' }, image: ns[0]! };
  if (cl.length === 1) return { ok: true, ref: { kind: CVMI_KIND, name: cl[0]!.metadata.name ?? '' }, image: cl[0]! };
  return byObjectName();
}

/** The image a spec.image reference points at, if it exists. */
export function imageByRef(l: ImageLookups, namespace: string, ref: unknown): KubeObject | undefined {
  if (!isObject(ref) || typeof ref.name !== 'string') return undefined;
  if (ref.kind === VMI_KIND) return l.namespaceImage(namespace, ref.name);
  if (ref.kind === CVMI_KIND) return l.clusterImage(ref.name);
  return undefined;
}
