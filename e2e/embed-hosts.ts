import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { E2eEnvironment } from './fixtures';

/**
 * The host pages of the embedding specs: the demo host (scripts/demo-host.mjs) on the origin
 * the console's frame-ancestors allow (`demoHostUrl`, a different site from the console), and
 * an untrusted page on an origin not in that list.
 */
export interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export async function startDemoHost(env: E2eEnvironment): Promise<RunningHost> {
  const url = new URL(env.demoHostUrl);
  const child = spawn(process.execPath, ['scripts/demo-host.mjs', '--port', url.port, '--console', env.consoleUrl, '--kubeconfig', env.kubeconfig], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the demo host exited: ${output}`);
        return fetch(`${url.origin}/api/inventory`).then((r) => r.status, () => 0);
      },
      { timeout: 20_000, message: 'the demo host answers' },
    )
    .toBe(200);
  return {
    url: url.origin,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A page on http://localhost:<any port>, an origin the console does not list. */
export async function startUntrustedHost(consoleUrl: string): Promise<RunningHost> {
  const pages: Record<string, string> = {
    '/frame.html': `<!doctype html><title>Untrusted</title><h1>Untrusted page</h1><iframe title="Glasspane" src="${consoleUrl}/embed/inventory" width="600" height="400"></iframe>`,
    '/blank.html': '<!doctype html><title>Untrusted</title><h1>Untrusted opener</h1>',
  };
  const server = http.createServer((req, res) => {
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
