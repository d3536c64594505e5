/**
 * A minimal HTTPS client for the supervisor as `admin` (bearer token and CA from the kubeconfig
 * it wrote): plain node:https with keep-alive, so a request costs one round trip and no client
 * library sits inside a measured interval. Errors (status >= 400) reject with the API's message.
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

/**
 * @param {{ url: string, ca: string, token: string }} target
 * @param {{ maxSockets?: number }} [options]
 */
export function createKubeClient(target, { maxSockets = 8 } = {}) {
  const agent = new https.Agent({ keepAlive: true, maxSockets, ca: target.ca });
  /**
   * @param {'GET' | 'POST' | 'PATCH' | 'DELETE'} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {string} [contentType]
   * @returns {Promise<any>} the parsed JSON body
   */
  const request = (method, path, body, contentType = 'application/json') =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        new URL(path, target.url),
        {
          method,
          agent,
          headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...(data ? { 'content-type': contentType, 'content-length': Buffer.byteLength(data) } : {}) },
        },
        (res) => {
          /** @type {Buffer[]} */
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
            else resolve(json);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  return { request, agent, target, close: () => agent.destroy() };
}

/** @typedef {ReturnType<typeof createKubeClient>} KubeClient */
