/**
 * The writes of the live-update figure, all through the status subresource as admin:
 * - a VM's `status.powerState`, PoweredOn and PoweredOff in turn (the VM carries the
 *   `vmoperator.vmware.com/paused` annotation first, so the simulated VM controller leaves its
 *   status alone, as vm-operator does for a paused VM);
 * - a pod's `status.phase`, Succeeded and Failed in turn (a finished pod is never touched by
 *   its spherelet again).
 * Change `seq` (1, 2, …) of an object is its seq-th write; each change keeps the
 * resourceVersion its PATCH returned, and the epoch time (ms) just before it was sent.
 *
 * `runPaced` sends `rate` changes per second for `seconds`, round-robin over the targets, on an
 * absolute schedule (change k is due at t0 + k / rate: a late timer never shifts the ones after
 * it). An object never has two changes in flight, so its changes apply in the order sent; a
 * change whose object is still busy goes out when the previous one returns (counted as late).
 * 200 kubectl processes a second cannot start on two cores, so the paced writes use HTTPS with
 * keep-alive; `kubectlChanges` makes a few real `kubectl patch` changes the same way.
 */
import { execFile } from 'node:child_process';
import { VM_API } from './inventory.mjs';

/** @typedef {{ kind: 'vm' | 'pod', namespace: string, name: string, seq: number, busy: Promise<void>, inFlight?: number }} Target */
/**
 * `busy`: when it was due, the object's previous change was still in flight.
 * @typedef {{ target: Target, seq: number, dueAt: number, sentAt: number, ackAt: number, rv: string, error?: string, via: 'https' | 'kubectl', busy?: boolean }} Change
 */

export const epochNow = () => performance.timeOrigin + performance.now();
const MERGE = 'application/merge-patch+json';

/** @param {Target} t @param {number} seq */
export function changeBody(t, seq) {
  return t.kind === 'vm' ? { status: { powerState: seq % 2 === 1 ? 'PoweredOn' : 'PoweredOff' } } : { status: { phase: seq % 2 === 1 ? 'Succeeded' : 'Failed' } };
}

/** @param {Pick<Target, 'kind' | 'namespace' | 'name'>} t */
export function objectPath(t) {
  return t.kind === 'vm' ? `${VM_API}/namespaces/${t.namespace}/virtualmachines/${t.name}` : `/api/v1/namespaces/${t.namespace}/pods/${t.name}`;
}

/** Pauses a VM for its controller (one annotation write, then one status write by the controller). */
export function pauseVm(/** @type {import('./kube-client.mjs').KubeClient} */ kube, /** @type {Target} */ t) {
  return kube.request('PATCH', objectPath(t), { metadata: { annotations: { 'vmoperator.vmware.com/paused': 'glasspane-bench' } } }, MERGE);
}

/**
 * @param {import('./kube-client.mjs').KubeClient} kube
 * @param {Target[]} targets
 * @param {{ rate: number, seconds: number, log: (m: string) => void }} o
 * @returns {Promise<Change[]>}
 */
export async function runPaced(kube, targets, { rate, seconds, log }) {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  /** @type {Change[]} */
  const changes = [];
  const send = async (/** @type {Target} */ t, /** @type {number} */ dueAt, /** @type {boolean} */ busy) => {
    const seq = ++t.seq;
    /** @type {Change} */
    const c = { target: t, seq, dueAt, sentAt: epochNow(), ackAt: 0, rv: '', via: 'https', busy };
    changes.push(c);
    try {
      const obj = await kube.request('PATCH', `${objectPath(t)}/status`, changeBody(t, seq), MERGE);
      c.rv = String(obj?.metadata?.resourceVersion ?? '');
    } catch (error) {
      c.error = error instanceof Error ? error.message : String(error);
    }
    c.ackAt = epochNow();
    t.inFlight = (t.inFlight ?? 1) - 1;
  };
  const t0 = performance.now() + 20;
  for (let k = 0; k < total; k++) {
    const due = t0 + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const t = /** @type {Target} */ (targets[k % targets.length]);
    const dueAt = performance.timeOrigin + due;
    const busy = (t.inFlight ?? 0) > 0;
    t.inFlight = (t.inFlight ?? 0) + 1;
    t.busy = t.busy.then(() => send(t, dueAt, busy));
    if (k > 0 && k % (rate * 10) === 0) log(`live: ${k} of ${total} changes scheduled, ${changes.filter((c) => c.ackAt).length} acknowledged`);
  }
  await Promise.all(targets.map((t) => t.busy));
  return changes;
}

/**
 * Real `kubectl patch` changes (one after another), each timed from just before kubectl starts.
 * @param {string} kubeconfig
 * @param {Target[]} targets
 * @returns {Promise<Change[]>}
 */
export async function kubectlChanges(kubeconfig, targets) {
  /** @type {Change[]} */
  const out = [];
  for (const t of targets) {
    const seq = ++t.seq;
    const resource = t.kind === 'vm' ? 'virtualmachines.vmoperator.vmware.com' : 'pod';
    const args = ['--kubeconfig', kubeconfig, '-n', t.namespace, 'patch', resource, t.name, '--subresource=status', '--type=merge', '-p', JSON.stringify(changeBody(t, seq)), '-o', 'jsonpath={.metadata.resourceVersion}'];
    const sentAt = epochNow();
    const rv = await new Promise((resolve, reject) => execFile('kubectl', args, { timeout: 30_000 }, (error, stdout, stderr) => (error ? reject(new Error(`kubectl patch: ${stderr || error.message}`)) : resolve(stdout.trim()))));
    out.push({ target: t, seq, dueAt: sentAt, sentAt, ackAt: epochNow(), rv: String(rv), via: 'kubectl' });
  }
  return out;
}
