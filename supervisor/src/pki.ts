import fs from 'node:fs';
import path from 'node:path';
import { createCa, createLeaf, DAY_MS, privateKeyPem, type Validity } from './util/certificates';

/**
 * The supervisor's own PKI: on first start it creates a CA and a serving certificate for
 * 127.0.0.1/localhost (ECDSA P-256), kept in the data directory and reused afterwards.
 * kubectl only sends bearer tokens over TLS, so the server is HTTPS from the start.
 */
export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
}

async function generate(hosts: string[]): Promise<Pki> {
  const notBefore = new Date(Date.now() - 60_000);
  const validFor = (days: number): Validity => ({ notBefore, notAfter: new Date(notBefore.getTime() + days * DAY_MS) });
  const ca = await createCa('CN=glasspane-supervisor-ca', validFor(10 * 365));
  const ips = hosts.filter((h) => /^[\d.]+$/.test(h) || h.includes(':'));
  const dnsNames = hosts.filter((h) => !ips.includes(h));
  const server = await createLeaf(ca, { subject: 'CN=kube-apiserver', usage: 'server', dnsNames, ips }, validFor(5 * 365));
  return { caCert: ca.cert.toString('pem'), serverCert: server.cert.toString('pem'), serverKey: await privateKeyPem(server.keys.privateKey) };
}

/** Loads the PKI from `dir`, creating it on first start. Files: ca.crt, server.crt, server.key (0600). */
export async function ensurePki(dir: string, host: string): Promise<Pki> {
  const files = { caCert: path.join(dir, 'ca.crt'), serverCert: path.join(dir, 'server.crt'), serverKey: path.join(dir, 'server.key') };
  if (Object.values(files).every((f) => fs.existsSync(f))) {
    return { caCert: fs.readFileSync(files.caCert, 'utf8'), serverCert: fs.readFileSync(files.serverCert, 'utf8'), serverKey: fs.readFileSync(files.serverKey, 'utf8') };
  }
  const hosts = [...new Set(['127.0.0.1', 'localhost', '::1', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', host])];
  const pki = await generate(hosts);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(files.caCert, pki.caCert);
  fs.writeFileSync(files.serverCert, pki.serverCert);
  fs.writeFileSync(files.serverKey, pki.serverKey, { mode: 0o600 });
  return pki;
}
