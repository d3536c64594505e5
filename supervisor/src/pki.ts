import * as x509 from '@peculiar/x509';
import { webcrypto, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The supervisor's own PKI: on first start it creates a CA and a serving certificate for
 * 127.0.0.1/localhost (ECDSA P-256), kept in the data directory and reused afterwards.
 * kubectl only sends bearer tokens over TLS, so the server is HTTPS from the start.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
}

async function exportKey(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey);
  const b64 = Buffer.from(pkcs8).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

function serial(): string {
  const b = randomBytes(16);
  b[0]! &= 0x7f;
  return b.toString('hex');
}

async function generate(hosts: string[]): Promise<Pki> {
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;
  const caKeys = (await subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = new Date(Date.now() - 60_000);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=glasspane-supervisor-ca',
    notBefore: now,
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = (await subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ips = hosts.filter((h) => /^[\d.]+$/.test(h) || h.includes(':'));
  const dns = hosts.filter((h) => !ips.includes(h));
  const serverCert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=kube-apiserver',
    issuer: caCert.subject,
    notBefore: now,
    notAfter: new Date(now.getTime() + 5 * 365 * 86_400_000),
    signingKey: caKeys.privateKey,
    publicKey: serverKeys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([...dns.map((value) => ({ type: 'dns' as const, value })), ...ips.map((value) => ({ type: 'ip' as const, value }))]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  return { caCert: caCert.toString('pem'), serverCert: serverCert.toString('pem'), serverKey: await exportKey(serverKeys.privateKey) };
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
