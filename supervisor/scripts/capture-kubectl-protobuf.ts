/**
 * Re-captures the request-body fixtures in supervisor/src/protobuf/fixtures/.
 *
 *   KUBECTL=kubectl KUBECTL_JSON=/usr/lib/google-cloud-sdk/bin/kubectl.1.31 \
 *     npx tsx supervisor/scripts/capture-kubectl-protobuf.ts
 *
 * Runs each command below against a throwaway stub on http://127.0.0.1:<port> (no auth; it
 * answers discovery and the few reads the commands make) and records one request body:
 * `<name>.pb` from $KUBECTL (v1.32: protobuf) and `<name>.json` from $KUBECTL_JSON (v1.31 or
 * older: the same object as JSON, the reference the decoder must reproduce).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stubResponse } from '../src/protobuf/build/kubectl-stub';

interface Capture {
  name: string;
  args: string[];
  /** Which request's body to keep; default: the first POST. */
  match?: (method: string, url: string) => boolean;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-capture-'));
const blob = path.join(tmp, 'blob.bin');
fs.writeFileSync(blob, Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80]));

const CAPTURES: Capture[] = [
  { name: 'configmap', args: ['create', 'configmap', 'demo', '--from-literal=a=b', '--from-literal=c=d'] },
  { name: 'configmap-binary', args: ['create', 'configmap', 'bin', `--from-file=blob=${blob}`, '--from-literal=text=hello'] },
  { name: 'secret-generic', args: ['create', 'secret', 'generic', 's', '--from-literal=k=v', '--type=Opaque'] },
  { name: 'secret-docker-registry', args: ['create', 'secret', 'docker-registry', 'reg', '--docker-server=registry.example.com', '--docker-username=u', '--docker-password=p'] },
  { name: 'namespace', args: ['create', 'namespace', 't'] },
  { name: 'deployment', args: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'] },
  { name: 'deployment-zero-replicas', args: ['create', 'deployment', 'idle', '--image=nginx:1.27', '--replicas=0'] },
  { name: 'serviceaccount', args: ['create', 'serviceaccount', 'sa'] },
  { name: 'service-clusterip', args: ['create', 'service', 'clusterip', 's', '--tcp=80:8080'] },
  { name: 'service-nodeport', args: ['create', 'service', 'nodeport', 'np', '--tcp=80:http', '--node-port=30080'] },
  { name: 'role', args: ['create', 'role', 'r', '--verb=get', '--verb=list', '--resource=pods', '--resource=deployments.apps'] },
  { name: 'rolebinding', args: ['create', 'rolebinding', 'rb', '--role=r', '--user=alice', '--serviceaccount=default:sa'] },
  { name: 'clusterrole', args: ['create', 'clusterrole', 'cr', '--verb=get', '--non-resource-url=/healthz'] },
  { name: 'clusterrolebinding', args: ['create', 'clusterrolebinding', 'crb', '--clusterrole=cr', '--group=devs'] },
  { name: 'job', args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'] },
  { name: 'cronjob', args: ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'] },
  { name: 'quota', args: ['create', 'quota', 'q', '--hard=pods=10,requests.cpu=2,requests.memory=1Gi'] },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'high', '--value=1000', '--description=important'] },
  { name: 'ingress', args: ['create', 'ingress', 'ing', '--rule=foo.example.com/bar=svc:8080', '--class=nginx'] },
  { name: 'pdb', args: ['create', 'pdb', 'pdb', '--selector=app=web', '--min-available=1'] },
  { name: 'pdb-percent', args: ['create', 'pdb', 'pdb2', '--selector=app=web', '--max-unavailable=50%'] },
  { name: 'token', args: ['create', 'token', 'default'] },
  { name: 'token-audience', args: ['create', 'token', 'default', '--audience=api', '--audience=vault', '--duration=1h'] },
  { name: 'can-i', args: ['auth', 'can-i', 'create', 'configmaps', '-n', 'default'] },
  { name: 'can-i-subresource', args: ['auth', 'can-i', 'get', 'pods', '--subresource=log'] },
  { name: 'can-i-nonresource', args: ['auth', 'can-i', 'get', '/healthz'] },
  { name: 'can-i-list', args: ['auth', 'can-i', '--list'] },
  { name: 'whoami', args: ['auth', 'whoami'] },
  { name: 'hpa', args: ['autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=80'] },
  // kubectl 1.32 drains with JSON evictions (no fixture is written) but deletes pods with a protobuf DeleteOptions.
  { name: 'eviction', args: ['drain', 'n1', '--timeout=20s'], match: (m, u) => m === 'POST' && u.includes('/eviction') },
  { name: 'delete-options', args: ['drain', 'n1', '--disable-eviction', '--grace-period=5', '--timeout=20s'], match: (m) => m === 'DELETE' },
  { name: 'csr-approve', args: ['certificate', 'approve', 'csr1'], match: (m) => m === 'PUT' },
];

async function withStub<T>(run: (server: string, bodies: { method: string; url: string; contentType: string; body: Buffer }[]) => Promise<T>): Promise<T> {
  const bodies: { method: string; url: string; contentType: string; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length > 0) bodies.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
      const { status, json } = stubResponse(req.method ?? 'GET', req.url ?? '/');
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await run(`http://127.0.0.1:${port}`, bodies);
  } finally {
    server.close();
  }
}

async function capture(kubectl: string, c: Capture): Promise<{ contentType: string; body: Buffer }> {
  return withStub(async (server, bodies) => {
    const home = fs.mkdtempSync(path.join(tmp, 'home-'));
    const args = [`--server=${server}`, `--cache-dir=${path.join(home, 'cache')}`, '--namespace=default', ...c.args];
    await promisify(execFile)(kubectl, args, { env: { ...process.env, HOME: home, KUBECONFIG: path.join(home, 'none') }, timeout: 60_000 }).catch((e: { stderr?: string }) => {
      console.warn(`  ${path.basename(kubectl)} ${c.name}: ${String(e.stderr ?? e).trim().split('\n')[0]}`);
    });
    const match = c.match ?? ((m: string) => m === 'POST');
    const hit = bodies.find((b) => match(b.method, b.url));
    if (!hit) throw new Error(`${c.name}: ${path.basename(kubectl)} sent no matching request (saw ${bodies.map((b) => `${b.method} ${b.url}`).join(', ') || 'none'})`);
    return hit;
  });
}

async function main(): Promise<void> {
  const outDir = path.resolve(import.meta.dirname, '../src/protobuf/fixtures');
  fs.mkdirSync(outDir, { recursive: true });
  const kubectl = process.env.KUBECTL ?? 'kubectl';
  const kubectlJson = process.env.KUBECTL_JSON;
  const only = process.argv.slice(2);
  for (const c of CAPTURES.filter((x) => only.length === 0 || only.includes(x.name))) {
    const pb = await capture(kubectl, c);
    if (!pb.contentType.startsWith('application/vnd.kubernetes.protobuf')) {
      console.log(`${c.name}: ${path.basename(kubectl)} sends ${pb.contentType}, not protobuf; no fixture`);
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${c.name}.pb`), pb.body);
    let note = '';
    if (kubectlJson) {
      const json = await capture(kubectlJson, c);
      if (!json.contentType.startsWith('application/json')) throw new Error(`${c.name}: expected JSON from ${kubectlJson}, got ${json.contentType}`);
      fs.writeFileSync(path.join(outDir, `${c.name}.json`), json.body);
      note = ` + ${json.body.length} bytes JSON`;
    }
    console.log(`${c.name}: ${pb.body.length} bytes protobuf${note}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

await main();
