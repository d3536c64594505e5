import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';

/**
 * Real, small X.509 material for operator-managed TLS secrets (ECDSA P-256, as the supervisor's
 * own PKI): a self-signed CA and leaf certificates it signs. Generation is asynchronous
 * (WebCrypto), so reconcilers request it and pick the result up on a later reconcile.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface Pem {
  cert: string;
  key: string;
  notAfter: Date;
}

export interface LeafRequest {
  commonName: string;
  dnsNames?: string[];
  usage: 'server' | 'client';
}

function serial(): string {
  const b = randomBytes(16);
  b[0]! &= 0x7f;
  return b.toString('hex');
}

async function exportKey(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey);
  const b64 = Buffer.from(pkcs8).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

async function keys(): Promise<CryptoKeyPair> {
  return (await (webcrypto.subtle as unknown as SubtleCrypto).generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A CA (`subject` as an X.500 name, e.g. "CN=orders-db,OU=team-a") and leaves signed by it. */
export async function issue(subject: string, validDays: number, leaves: LeafRequest[]): Promise<{ ca: Pem; leaves: Pem[] }> {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + validDays * DAY);
  const caKeys = await keys();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subject,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const issued: Pem[] = [];
  for (const leaf of leaves) {
    const leafKeys = await keys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: `CN=${leaf.commonName}`,
      issuer: caCert.subject,
      notBefore,
      notAfter,
      signingKey: caKeys.privateKey,
      publicKey: leafKeys.publicKey,
      signingAlgorithm: ALG,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([leaf.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
        ...(leaf.dnsNames?.length ? [new x509.SubjectAlternativeNameExtension(leaf.dnsNames.map((value) => ({ type: 'dns' as const, value })))] : []),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
      ],
    });
    issued.push({ cert: cert.toString('pem'), key: await exportKey(leafKeys.privateKey), notAfter });
  }
  return { ca: { cert: caCert.toString('pem'), key: await exportKey(caKeys.privateKey), notAfter }, leaves: issued };
}

/** Go's time.Time String() form, which CloudNativePG writes into `status.certificates.expirations`. */
export function goTime(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/**
 * Runs one asynchronous generation per key at a time and keeps the result until taken, so a
 * synchronous reconciler can ask on every pass and proceed once the material is ready.
 */
export class Pending<T> {
  private readonly running = new Map<string, Promise<void>>();
  private readonly done = new Map<string, T>();

  constructor(private readonly onReady: (key: string) => void) {}

  /** The finished result for `key` (removed from the cache), or undefined after starting `make`. */
  take(key: string, make: () => Promise<T>): T | undefined {
    const ready = this.done.get(key);
    if (ready !== undefined) {
      this.done.delete(key);
      return ready;
    }
    if (!this.running.has(key)) {
      const p = make()
        .then((v) => {
          this.done.set(key, v);
        })
        .catch((e: unknown) => {
          process.stderr.write(`supervisor: certificate generation for ${key} failed: ${(e as Error).message}\n`);
        })
        .finally(() => {
          this.running.delete(key);
          this.onReady(key);
        });
      this.running.set(key, p);
    }
    return undefined;
  }
}
