import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';

/**
 * ECDSA P-256 certificates over Node's WebCrypto: a self-signed CA and leaves it signs. Used by
 * the supervisor's own PKI and by the operators' TLS secrets, so both issue the same shapes
 * (CA: keyCertSign/cRLSign, path length 0; leaf: not a CA, digitalSignature/keyEncipherment).
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
export const DAY_MS = 86_400_000;

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface LeafSpec {
  /** An X.500 name, e.g. `CN=kube-apiserver`. */
  subject: string;
  usage: 'server' | 'client';
  dnsNames?: string[];
  ips?: string[];
}

/** A positive 128-bit serial number (the top bit cleared, as DER integers are signed). */
function serial(): string {
  const b = randomBytes(16);
  b[0]! &= 0x7f;
  return b.toString('hex');
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await (webcrypto.subtle as unknown as SubtleCrypto).generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A private key as PKCS#8 PEM. */
export async function privateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey);
  const b64 = Buffer.from(pkcs8).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

export async function createCa(subject: string, validity: Validity): Promise<Issued> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subject,
    ...validity,
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

/** A leaf signed by `ca`; the subject alternative names (DNS first, then IPs) only when there are any. */
export async function createLeaf(ca: Issued, leaf: LeafSpec, validity: Validity): Promise<Issued> {
  const keys = await generateKeys();
  const names = [...(leaf.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })), ...(leaf.ips ?? []).map((value) => ({ type: 'ip' as const, value }))];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: leaf.subject,
    issuer: ca.cert.subject,
    ...validity,
    signingKey: ca.keys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([leaf.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
      ...(names.length ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { cert, keys };
}
