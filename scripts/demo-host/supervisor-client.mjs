/**
 * What the demo host knows of the Supervisor, as vCenter would: its namespaces and VMs (with
 * their vSphere ids, `status.uniqueID`), read with the kubeconfig's current context, and the
 * users it can "sign in" as (the kubeconfig's token users), whose tokens it hands to Glasspane.
 */
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import { parse } from 'yaml';

/**
 * @param {string} kubeconfigPath
 * @returns {Promise<{ server: string, ca?: Buffer, users: { name: string, token: string }[], currentUser?: string }>}
 */
export async function readKubeconfig(kubeconfigPath) {
  const config = parse(await readFile(kubeconfigPath, 'utf8'));
  const current = config.contexts?.find((c) => c.name === config['current-context']) ?? config.contexts?.[0];
  const cluster = config.clusters?.find((c) => c.name === current?.context?.cluster) ?? config.clusters?.[0];
  if (!cluster?.cluster?.server) throw new Error(`${kubeconfigPath} names no cluster server`);
  const caData = cluster.cluster['certificate-authority-data'];
  const users = (config.users ?? []).filter((u) => typeof u?.user?.token === 'string').map((u) => ({ name: String(u.name), token: u.user.token }));
  return { server: cluster.cluster.server, ca: caData ? Buffer.from(caData, 'base64') : undefined, users, currentUser: current?.context?.user };
}

/** GET a JSON path from the API server with a bearer token. */
function getJson(kube, token, path) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, kube.server);
    const req = https.request(url, { method: 'GET', ca: kube.ca, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) return reject(new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 200)}`));
        try {
          resolve(JSON.parse(body));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * The inventory vCenter would show: namespaces and the VMs in them, sorted by name.
 * @returns {Promise<{ namespaces: string[], vms: { name: string, namespace: string, moId?: string, powerState?: string }[] }>}
 */
export async function readInventory(kube) {
  const token = (kube.users.find((u) => u.name === kube.currentUser) ?? kube.users[0])?.token;
  if (!token) throw new Error('the kubeconfig has no token user');
  const [namespaces, group] = await Promise.all([getJson(kube, token, '/api/v1/namespaces'), getJson(kube, token, '/apis/vmoperator.vmware.com').catch(() => undefined)]);
  const gv = group?.preferredVersion?.groupVersion;
  const vms = gv ? await getJson(kube, token, `/apis/${gv}/virtualmachines`) : { items: [] };
  const byName = (a, b) => a.name.localeCompare(b.name);
  return {
    namespaces: namespaces.items.map((n) => n.metadata.name).filter((n) => !n.startsWith('kube-') && !n.startsWith('vmware-system')).sort(),
    vms: vms.items.map((v) => ({ name: v.metadata.name, namespace: v.metadata.namespace, moId: v.status?.uniqueID, powerState: v.status?.powerState })).sort(byName),
  };
}
