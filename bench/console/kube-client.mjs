/**
 * A minimal HTTPS client for the supervisor as `admin` (bearer token and CA from the kubeconfig
 * it wrote), for the writes the live-update figure times. Plain node:https with keep-alive, so a
 * write costs one request and no client library start-up sits inside the measured interval.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { parse } from 'yaml';

/**
 * @param {string} kubeconfigPath
 * @returns {{ url: string, ca: string, token: string }}
 */
export function adminTarget(kubeconfigPath) {
  const config = parse(readFileSync(kubeconfigPath, 'utf8'));
  const cluster = config?.clusters?.[0]?.cluster;
  const token = config?.users?.find((/** @type {{ name: string }} */ u) => u.name === 'admin')?.user?.token;
  if (!cluster?.server || !token) throw new Error(`kubeconfig ${kubeconfigPath} has no cluster or admin token`);
  return { url: cluster.server, ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'), token };
}

/** @param {{ url: string, ca: string, token: string }} target */
export function createKubeClient(target) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4, ca: target.ca });
  /**
   * @param {'GET' | 'POST' | 'DELETE'} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<{ status: number, json: any }>}
   */
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        new URL(path, target.url),
        {
          method,
          agent,
          headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = text;
            }
            const status = res.statusCode ?? 0;
            if (status >= 400) reject(new Error(`${method} ${path}: ${status} ${json?.message ?? text.slice(0, 200)}`));
            else resolve({ status, json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  return { request, close: () => agent.destroy() };
}

/**
 * A small pod for the live-update figure, labelled so it can be told apart from the seed.
 * @param {string} namespace
 * @param {string} name
 */
export function benchPod(namespace, name) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { 'glasspane.io/bench': 'console-live' } },
    spec: { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  };
}
