import { createCa, createLeaf, DAY_MS, privateKeyPem } from '../../../util/certificates';

/**
 * Real, small X.509 material for operator-managed TLS secrets (ECDSA P-256, as the supervisor's
 * own PKI): a self-signed CA and leaf certificates it signs. Generation is asynchronous
 * (WebCrypto), so reconcilers request it and pick the result up on a later reconcile.
 */
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

/** A CA (`subject` as an X.500 name, e.g. "CN=orders-db,OU=team-a") and leaves signed by it. */
export async function issue(subject: string, validDays: number, leaves: LeafRequest[]): Promise<{ ca: Pem; leaves: Pem[] }> {
  const notBefore = new Date(Date.now() - 60_000);
  const validity = { notBefore, notAfter: new Date(notBefore.getTime() + validDays * DAY_MS) };
  const ca = await createCa(subject, validity);
  const issued: Pem[] = [];
  for (const leaf of leaves) {
    const l = await createLeaf(ca, { subject: `CN=${leaf.commonName}`, usage: leaf.usage, dnsNames: leaf.dnsNames }, validity);
    issued.push({ cert: l.cert.toString('pem'), key: await privateKeyPem(l.keys.privateKey), notAfter: validity.notAfter });
  }
  return { ca: { cert: ca.cert.toString('pem'), key: await privateKeyPem(ca.keys.privateKey), notAfter: validity.notAfter }, leaves: issued };
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
