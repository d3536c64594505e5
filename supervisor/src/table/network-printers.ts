/**
 * Networking printers: Service, Endpoints (core/v1), EndpointSlice (discovery.k8s.io/v1), Ingress,
 * IngressClass and NetworkPolicy (networking.k8s.io/v1), after printers.go.
 * The server prints in wide mode, so load-balancer addresses are never clipped to 16 characters.
 */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, formatLabelSelector, formatLabels, int, list, listWithMore, nameColumn, sortedUnique, str } from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const name = (o: KubeObject): string => str(o.metadata.name);
const age = (o: KubeObject, now: number): string => timestampSince(o.metadata.creationTimestamp, now);

/** `loadBalancerStatusStringer`: each ingress point's IP, else hostname; sorted and de-duplicated. */
function loadBalancerAddresses(status: unknown): string {
  const points = list(at(status, 'ingress')).map((i) => str(at(i, 'ip')) || str(at(i, 'hostname'))).filter((s) => s !== '');
  return sortedUnique(points);
}

function serviceExternalIP(svc: KubeObject, type: string): string {
  const externalIPs = list(at(svc, 'spec', 'externalIPs')).map((ip) => str(ip));
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(at(svc, 'status', 'loadBalancer'));
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb === '' ? '<pending>' : lb;
    }
    case 'ExternalName':
      return str(at(svc, 'spec', 'externalName'));
    default:
      return '<unknown>';
  }
}

function servicePorts(svc: KubeObject): string {
  const ports = list(at(svc, 'spec', 'ports')).map((p) => {
    const protocol = str(at(p, 'protocol'), 'TCP');
    const nodePort = int(at(p, 'nodePort'));
    return nodePort > 0 ? `${int(at(p, 'port'))}:${nodePort}/${protocol}` : `${int(at(p, 'port'))}/${protocol}`;
  });
  return ports.length > 0 ? ports.join(',') : '<none>';
}

export const servicePrinter: Printer = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageColumn(),
    column('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  row(svc: KubeObject, now: number): TableCell[] {
    // `type` is defaulted to ClusterIP by the API server; an undefaulted stored object prints the same.
    const type = str(at(svc, 'spec', 'type'), 'ClusterIP');
    const clusterIP = str(at(svc, 'spec', 'clusterIPs', 0)) || str(at(svc, 'spec', 'clusterIP'));
    return [name(svc), type, clusterIP || '<none>', serviceExternalIP(svc, type), servicePorts(svc), age(svc, now), formatLabels(at(svc, 'spec', 'selector'))];
  },
};

/** printers.go `formatEndpoints` with all ports: `ip:port` (or bare IPs for port-less subsets), at most 3. */
function formatEndpoints(ep: KubeObject): string {
  const subsets = list(at(ep, 'subsets'));
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = list(at(ss, 'addresses')).map((a) => str(at(a, 'ip')));
    const ports = list(at(ss, 'ports'));
    const targets = ports.length === 0 ? [addresses] : ports.map((p) => addresses.map((ip) => `${ip.includes(':') ? `[${ip}]` : ip}:${int(at(p, 'port'))}`));
    for (const group of targets) {
      count += group.length;
      for (const t of group) if (shown.length < 3) shown.push(t);
    }
  }
  return count > 3 ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',');
}

export const endpointsPrinter: Printer = {
  columns: [nameColumn(), column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), ageColumn()],
  row: (ep, now) => [name(ep), formatEndpoints(ep), age(ep, now)],
};

export const endpointSlicePrinter: Printer = {
  columns: [
    nameColumn(),
    column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    ageColumn(),
  ],
  row(slice: KubeObject, now: number): TableCell[] {
    const ports = list(at(slice, 'ports')).map((p) => {
      const port = at(p, 'port');
      if (typeof port === 'number') return String(port);
      return str(at(p, 'name')) || '*';
    });
    const addresses = list(at(slice, 'endpoints')).flatMap((e) => list(at(e, 'addresses')).map((a) => str(a)));
    return [name(slice), str(at(slice, 'addressType')), listWithMore(ports, 3), listWithMore(addresses, 3), age(slice, now)];
  },
};

/** printers.go `formatHosts`: up to 3 rule hosts, `*` when none. */
function ingressHosts(ingress: KubeObject): string {
  const rules = list(at(ingress, 'spec', 'rules'));
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    const host = str(at(rule, 'host'));
    if (!more && host !== '') hosts.push(host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

export const ingressPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn(),
  ],
  row(ingress: KubeObject, now: number): TableCell[] {
    const tls = list(at(ingress, 'spec', 'tls'));
    return [
      name(ingress),
      str(at(ingress, 'spec', 'ingressClassName'), '<none>'),
      ingressHosts(ingress),
      loadBalancerAddresses(at(ingress, 'status', 'loadBalancer')),
      tls.length > 0 ? '80, 443' : '80',
      age(ingress, now),
    ];
  },
};

export const ingressClassPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn(),
  ],
  row(ic: KubeObject, now: number): TableCell[] {
    const params = at(ic, 'spec', 'parameters');
    let parameters = '<none>';
    if (params !== undefined && params !== null) {
      const group = at(params, 'apiGroup');
      parameters = `${str(at(params, 'kind'))}${typeof group === 'string' ? `.${group}` : ''}/${str(at(params, 'name'))}`;
    }
    return [name(ic), str(at(ic, 'spec', 'controller')), parameters, age(ic, now)];
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [nameColumn(), column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), ageColumn()],
  row: (np, now) => [name(np), formatLabelSelector(at(np, 'spec', 'podSelector') ?? {}), age(np, now)],
};
