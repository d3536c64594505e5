import fs from 'node:fs';
import { ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SupervisorConfig } from './config';
import { ensurePki } from './pki';
import { Persistence } from './storage/persistence';
import { Store } from './storage/store';
import { Registry } from './api/registry';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from './api/builtin/kinds';
import { QuotaEvaluators } from './core/quota-usage';
import { serverAdmission } from './core/server-admission';
import { Objects } from './core/objects';
import { StoreRbacSource } from './auth/rbac-store-source';
import { authorize, rulesFor } from './auth/rbac-authorizer';
import { forbiddenMessage } from './auth/rbac-messages';
import { TokenAuthenticator } from './auth/tokens';
import { ensureBootstrapObjects, ensureSigningKey, ensureTokens, writeKubeconfig } from './bootstrap';
import type { Core } from './handlers/core';
import { createHandler } from './http/handler';
import { startControllers, type Controllers } from './controllers';
import { registerOpenApiRoutes } from './handlers/openapi-routes';

/**
 * Assembles and starts the embedded supervisor: PKI, durable store, registry, admission,
 * RBAC, controllers and the HTTPS API. Returns once it is serving and its kubeconfig is written.
 */
export interface Supervisor {
  url: string;
  port: number;
  kubeconfig: string;
  core: Core;
  close(): Promise<void>;
}

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4+glasspane',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-01T00:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export async function startSupervisor(config: SupervisorConfig): Promise<Supervisor> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const pki = await ensurePki(config.dataDir, config.host);
  const staticTokens = ensureTokens(config.dataDir);
  const signingKey = ensureSigningKey(config.dataDir);
  const store = new Store(new Persistence(config.dataDir));
  const fresh = store.resourceVersion === 0;
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const quotas = new QuotaEvaluators();
  const admission = serverAdmission(store, registry, quotas);
  const objects = new Objects(store, admission);
  const rbac = new StoreRbacSource(store);
  const tokens = new TokenAuthenticator(staticTokens, signingKey, (ns, name, uid) => store.get('core/serviceaccounts', ns, name)?.obj.metadata.uid === uid);
  const core: Core = {
    config,
    registry,
    store,
    objects,
    tokens,
    authorize: (attrs) => authorize(attrs, rbac),
    forbiddenMessage: (attrs) => forbiddenMessage(attrs),
    rulesFor: (user, namespace) => rulesFor(user, namespace, rbac),
    version: SERVER_VERSION,
    extraRoutes: new Map(),
    upgradeRoutes: new Map(),
  };
  registerOpenApiRoutes(core);
  const controllers: Controllers = startControllers(core, admission, pki.caCert, quotas, fresh);
  ensureBootstrapObjects(objects, registry);

  let url = '';
  const handler = createHandler(core, () => url.replace(/^https:\/\//, ''));
  const server = https.createServer({ cert: pki.serverCert, key: pki.serverKey, keepAliveTimeout: 65_000, requestTimeout: 0 }, handler);
  // WebSocket endpoints registered in core.upgradeRoutes; any other upgrade request is served as an ordinary request.
  server.on('upgrade', (req, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'https://supervisor.invalid').pathname;
    const route = [...(core.upgradeRoutes ?? [])].find(([prefix]) => path.startsWith(prefix));
    if (route) return route[1](req, socket, head);
    const res = new ServerResponse(req);
    res.assignSocket(socket);
    res.on('finish', () => socket.destroy());
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  url = `https://${host}:${port}`;
  core.address = `${host}:${port}`;
  const kubeconfig = writeKubeconfig(config.dataDir, url, pki.caCert, staticTokens);
  return {
    url,
    port,
    kubeconfig,
    core,
    async close() {
      controllers.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
