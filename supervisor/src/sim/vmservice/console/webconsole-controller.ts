import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../../controllers/work-queue';
import { timestamp } from '../../../core/metadata';
import { API_VERSION, COMPONENT, LABEL_WEBCONSOLE_UUID, MANAGER_NAME, VMS, WEB_CONSOLE_REQUESTS, table } from '../constants';
import { encryptTicket, newTicket, TicketBook, TicketKeyError, ticketUrl } from './ticket';

/**
 * VirtualMachineWebConsoleRequest (controllers/virtualmachinewebconsolerequest): for a request
 * naming a powered-on VM, acquire a WebMKS ticket, encrypt its URL with the request's public key
 * into status.response, set status.expiryTime (120 s on) and status.proxyAddr (the supervisor's
 * address), label the request with its UID and make the VM its owner; delete it once expired.
 */
export const EXPIRY_MS = 120_000;

export function startWebConsoleController(ctx: ControllerContext, tickets: TicketBook): void {
  const { store } = ctx.core;
  const client = clientFor(ctx, MANAGER_NAME);
  const recorder = recorderFor(ctx, COMPONENT.webConsole);
  const cancels = new Map<string, () => void>();
  const later = (key: string, ms: number): void => {
    cancels.get(key)?.();
    cancels.set(key, ctx.clock.after(ms, () => queue.add(key)));
  };
  const warnedFor = new Map<string, string>();
  const warn = (req: KubeObject, key: string, reason: string, message: string): void => {
    if (warnedFor.get(key) === message) return;
    warnedFor.set(key, message);
    recorder.record(req, 'Warning', reason, message);
  };

  const process = (key: string): void => {
    const { namespace, name } = splitKey(key);
    const req = client.get(API_VERSION, WEB_CONSOLE_REQUESTS, namespace, name);
    if (!req) return;
    const status = isObject(req.status) ? req.status : {};
    // The ticket book knows the expiry to the millisecond; status.expiryTime (whole seconds) after a restart.
    const expiry = tickets.expiryOf(req.metadata.uid ?? '') ?? Date.parse(String(status.expiryTime ?? ''));
    if (!Number.isNaN(expiry)) {
      if (expiry <= Date.now()) {
        tickets.revokeFor(req.metadata.uid ?? '');
        client.delete(API_VERSION, WEB_CONSOLE_REQUESTS, namespace, name);
        return;
      }
      if (status.response && status.proxyAddr) return later(key, (expiry - Date.now()) * ctx.clock.scale);
    }
    const spec = isObject(req.spec) ? req.spec : {};
    const vm = client.get(API_VERSION, VMS, namespace, String(spec.name ?? ''));
    if (!vm) {
      warn(req, key, 'VirtualMachineNotFound', `virtualmachines.vmoperator.vmware.com "${String(spec.name ?? '')}" not found`);
      return later(key, 10_000);
    }
    const powerState = isObject(vm.status) ? vm.status.powerState : undefined;
    if (powerState !== 'PoweredOn') {
      warn(req, key, 'AcquiredTicketFailure', `failed to get webmksticket: The attempted operation cannot be performed in the current state (${powerState === 'Suspended' ? 'Suspended' : 'Powered off'}).`);
      return later(key, 10_000);
    }
    const address = ctx.core.address ?? `${ctx.core.config.host}:${ctx.core.config.port}`;
    const ticket = newTicket();
    let response: string;
    try {
      response = encryptTicket(String(spec.publicKey ?? ''), ticketUrl(address, ticket));
    } catch (e) {
      if (e instanceof TicketKeyError) return warn(req, key, 'AcquiredTicketFailure', `failed to get webmksticket: ${e.message}`);
      throw e;
    }
    const expiresAt = Date.now() + ctx.clock.real(EXPIRY_MS);
    client.patch(API_VERSION, WEB_CONSOLE_REQUESTS, namespace, name, {
      metadata: {
        labels: { [LABEL_WEBCONSOLE_UUID]: req.metadata.uid },
        ownerReferences: [{ apiVersion: API_VERSION, kind: 'VirtualMachine', name: vm.metadata.name, uid: vm.metadata.uid, controller: true }],
      },
    });
    const fresh = client.get(API_VERSION, WEB_CONSOLE_REQUESTS, namespace, name)!;
    client.updateStatus(API_VERSION, WEB_CONSOLE_REQUESTS, { ...fresh, status: { response, expiryTime: timestamp(new Date(Math.ceil(expiresAt / 1000) * 1000)), proxyAddr: address } });
    tickets.issue({ ticket, namespace, vmName: vm.metadata.name ?? '', requestUid: req.metadata.uid ?? '', expiresAt });
    warnedFor.delete(key);
    recorder.record(fresh, 'Normal', 'AcquiredTicketSuccess', 'Acquired Ticket success');
    later(key, EXPIRY_MS);
  };

  const queue = new WorkQueue('virtualmachinewebconsolerequest-controller', process);
  const unsubscribe = store.subscribe(table(WEB_CONSOLE_REQUESTS), (e) => {
    const key = `${e.namespace}/${e.name}`;
    if (e.type === 'DELETED') {
      cancels.get(key)?.();
      cancels.delete(key);
      warnedFor.delete(key);
      tickets.revokeFor(e.cur.obj.metadata.uid ?? '');
    } else queue.add(key);
  });
  // A request waiting for its VM to power on is retried when the VM changes.
  const unsubscribeVms = store.subscribe(table(VMS), (e) => {
    for (const [key] of warnedFor) if (key.startsWith(`${e.namespace}/`)) queue.add(key);
  });
  for (const s of store.list(table(WEB_CONSOLE_REQUESTS))) queue.add(`${s.obj.metadata.namespace}/${s.obj.metadata.name}`);
  ctx.onStop(() => {
    unsubscribe();
    unsubscribeVms();
    queue.stop();
    for (const c of cancels.values()) c();
  });
}
