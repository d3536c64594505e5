import type { KubeObject } from '../../../api/types';
import { isPodReady, isPodTerminal, podIP } from '../kit/pod-state';
import type { Pod } from '../kit/types';

/**
 * What a Service's endpoints are, from its pods (endpoints_controller.go and the EndpointSlice
 * reconciler): each selected pod with an IP contributes an address per service port whose
 * targetPort it resolves (a number, or a container port name with the same protocol). Endpoints
 * put ready pods in `addresses` and others in `notReadyAddresses`, skipping terminating pods;
 * EndpointSlices carry every pod with `ready`/`serving`/`terminating` conditions and its zone.
 * Pods are grouped by the ports they resolve, as RepackSubsets and the slice reconciler do.
 */
export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

export interface Service extends KubeObject {
  spec?: { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string; publishNotReadyAddresses?: boolean; type?: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace?: string; name?: string; uid?: string };
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: EndpointAddress['targetRef'];
  zone?: string;
}

export interface SliceGroup {
  ports: EndpointPort[];
  endpoints: SliceEndpoint[];
}

/** podutil.FindPort: a numeric targetPort as is, a named one from the pod's container ports. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

function endpointPorts(pod: Pod, svc: Service): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

function targetRef(pod: Pod): EndpointAddress['targetRef'] {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

/** Pods with an IP that are not finished (and, for Endpoints, not terminating). */
function candidates(pods: Pod[], includeTerminating: boolean): Pod[] {
  return pods.filter((p) => !isPodTerminal(p) && podIP(p) && (includeTerminating || !p.metadata.deletionTimestamp));
}

const byIp = (a: { ip: string }, b: { ip: string }): number => compareIps(a.ip, b.ip);

/** LessEndpointAddress compares IPs as byte strings, so "10.244.0.10" sorts before "10.244.0.9". */
export function compareIps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function endpointSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, EndpointSubset>();
  for (const pod of candidates(pods, tolerateUnready)) {
    const ports = endpointPorts(pod, svc).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    if (ports.length === 0 && !((svc.spec?.ports ?? []).length === 0 && isHeadless(svc))) continue;
    const address: EndpointAddress = { ip: podIP(pod)!, ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}), ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}), targetRef: targetRef(pod) };
    const key = JSON.stringify(ports);
    let subset = groups.get(key);
    if (!subset) groups.set(key, (subset = ports.length ? { ports } : {}));
    const list = tolerateUnready || isPodReady(pod) ? (subset.addresses ??= []) : (subset.notReadyAddresses ??= []);
    list.push(address);
  }
  const subsets = [...groups.values()];
  for (const s of subsets) {
    s.addresses?.sort(byIp);
    s.notReadyAddresses?.sort(byIp);
  }
  const first = (s: EndpointSubset): string => (s.addresses?.[0] ?? s.notReadyAddresses?.[0])?.ip ?? '';
  return subsets.sort((a, b) => compareIps(first(a), first(b)));
}

export const MAX_ENDPOINTS_PER_SLICE = 100;

export function sliceGroups(svc: Service, pods: Pod[], zoneOf: (node: string) => string | undefined): SliceGroup[] {
  const byPorts = new Map<string, SliceGroup>();
  for (const pod of candidates(pods, true)) {
    const ports = endpointPorts(pod, svc).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    if (ports.length === 0 && (svc.spec?.ports ?? []).length > 0) continue;
    const serving = isPodReady(pod);
    const terminating = !!pod.metadata.deletionTimestamp;
    const node = pod.spec?.nodeName;
    const zone = node ? zoneOf(node) : undefined;
    const ep: SliceEndpoint = {
      addresses: [podIP(pod)!],
      conditions: { ready: svc.spec?.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
      ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec!.hostname } : {}),
      ...(node ? { nodeName: node } : {}),
      targetRef: targetRef(pod),
      ...(zone ? { zone } : {}),
    };
    const key = JSON.stringify(ports);
    let g = byPorts.get(key);
    if (!g) byPorts.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(ep);
  }
  const out: SliceGroup[] = [];
  for (const g of byPorts.values()) {
    g.endpoints.sort((a, b) => compareIps(a.addresses[0]!, b.addresses[0]!));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  return out;
}
