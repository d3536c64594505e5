import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it, all PEM. Tests only. */
export interface TestTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function pem(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body.trimEnd()}\n-----END ${label}-----\n`;
}

export async function createTestTls(): Promise<TestTls> {
  const crypto = webcrypto as unknown as Crypto;
  const usages: KeyUsage[] = ['sign', 'verify'];
  const caKeys = await crypto.subtle.generateKey(algorithm, true, usages);
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: 'CN=glasspane-test-ca',
      keys: caKeys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ],
    },
    crypto,
  );
  const serverKeys = await crypto.subtle.generateKey(algorithm, true, usages);
  const server = await x509.X509CertificateGenerator.create(
    {
      subject: 'CN=127.0.0.1',
      issuer: ca.subject,
      publicKey: serverKeys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          { type: 'ip', value: '127.0.0.1' },
          { type: 'dns', value: 'localhost' },
        ]),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      ],
    },
    crypto,
  );
  const keyDer = await crypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return { caPem: ca.toString('pem'), certPem: server.toString('pem'), keyPem: pem('PRIVATE KEY', keyDer) };
}
