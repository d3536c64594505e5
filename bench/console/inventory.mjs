/**
 * The names the scale seed gives its objects (supervisor/src/sim/seed/scale-objects.ts and
 * scale-spread.ts), so the benchmark knows, without asking, which namespace holds the 1,000
 * VMs and where a given VM or pod lives. Must follow the seed: object i of a kind is named by
 * its index; pods go round-robin; VMs fill the first namespace with `bigNamespaceVms` and go
 * round-robin over the other namespaces.
 */
const APPS = ['web', 'api', 'worker', 'cache', 'batch', 'gateway', 'search', 'billing'];

export const VM_KIND = 'virtualmachines.vmoperator.vmware.com';
export const VM_API = '/apis/vmoperator.vmware.com/v1alpha5';

/** @param {number} k 0-based */
export const namespaceName = (k) => `scale-${String(k + 1).padStart(3, '0')}`;
export const vmName = (/** @type {number} */ i) => `vm-${i.toString(36).padStart(5, '0')}`;
export const podName = (/** @type {number} */ i) => `${APPS[i % APPS.length]}-${i.toString(36).padStart(5, '0')}`;

/**
 * @typedef {{ namespaces: number, vms: number, bigNamespaceVms: number, pods: number }} Sizes
 */

/** The namespace (0-based index) of VM i. */
export function vmNamespaceIndex(/** @type {number} */ i, /** @type {Sizes} */ s) {
  return i < s.bigNamespaceVms ? 0 : 1 + ((i - s.bigNamespaceVms) % (s.namespaces - 1));
}

/** How many VMs namespace k holds. */
export function vmsIn(/** @type {number} */ k, /** @type {Sizes} */ s) {
  if (k === 0) return s.bigNamespaceVms;
  const rest = s.vms - s.bigNamespaceVms;
  const others = s.namespaces - 1;
  return Math.floor(rest / others) + (k - 1 < rest % others ? 1 : 0);
}

/** How many pods namespace k holds. */
export function podsIn(/** @type {number} */ k, /** @type {Sizes} */ s) {
  return Math.floor(s.pods / s.namespaces) + (k < s.pods % s.namespaces ? 1 : 0);
}

/**
 * Objects for the find figures, in namespaces the tree has not expanded: the last VM of the
 * last namespace, and the last pod of the second-to-last namespace (or undefined).
 * @param {Sizes} s
 */
export function findTargets(s) {
  const last = s.namespaces - 1;
  let vm;
  for (let i = s.vms - 1; i >= s.bigNamespaceVms && vm === undefined; i--) if (vmNamespaceIndex(i, s) === last) vm = { name: vmName(i), namespace: namespaceName(last) };
  const podNs = Math.max(1, s.namespaces - 2);
  let pod;
  for (let i = s.pods - 1; i >= 0 && pod === undefined; i--) if (i % s.namespaces === podNs) pod = { name: podName(i), namespace: namespaceName(podNs) };
  return { vm, pod };
}
