import * as x509 from '@peculiar/x509';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCa, createLeaf, DAY_MS, privateKeyPem } from './certificates';

const validity = { notBefore: new Date('2026-03-01T00:00:00Z'), notAfter: new Date(Date.parse('2026-03-01T00:00:00Z') + 30 * DAY_MS) };

describe('certificates', () => {
  it('issues a CA and a server leaf it signs, with DNS and IP names', async () => {
    const ca = await createCa('CN=orders-db,OU=team-a', validity);
    const leaf = await createLeaf(ca, { subject: 'CN=kube-apiserver', usage: 'server', dnsNames: ['localhost'], ips: ['127.0.0.1'] }, validity);
    const caCert = new X509Certificate(ca.cert.toString('pem'));
    const leafCert = new X509Certificate(leaf.cert.toString('pem'));
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toBe('CN=orders-db\nOU=team-a');
    expect(leafCert.ca).toBe(false);
    expect(leafCert.checkIssued(caCert)).toBe(true);
    expect(leafCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(leafCert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(leafCert.validTo).getTime()).toBe(validity.notAfter.getTime());
  });

  it('issues a client leaf without names, and exports its key as PKCS#8 that matches the certificate', async () => {
    const ca = await createCa('CN=ca', validity);
    const leaf = await createLeaf(ca, { subject: 'CN=streaming_replica', usage: 'client' }, validity);
    const cert = new X509Certificate(leaf.cert.toString('pem'));
    expect(cert.subjectAltName).toBeUndefined();
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(leaf.cert.getExtension(x509.SubjectAlternativeNameExtension)).toBeNull();
    const pem = await privateKeyPem(leaf.keys.privateKey);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----\n$/);
    expect(cert.checkPrivateKey(createPrivateKey(pem))).toBe(true);
  });
});
