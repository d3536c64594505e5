import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { goTime, issue, type Pem } from '../kit/tls';
import { CNPG_VERSION, L, type ClusterSpecView } from './model';

/**
 * The Secrets CloudNativePG generates for a Cluster: the application user's basic-auth secret
 * (`<name>-app`, with ready-made connection strings), the superuser's when superuser access is
 * enabled, a self-signed CA (`<name>-ca`), the server certificate (`<name>-server`) and the
 * `streaming_replica` client certificate (`<name>-replication`), all valid for 90 days.
 */
export interface ClusterPki {
  ca: Pem;
  server: Pem;
  replication: Pem;
}

const VALID_DAYS = 90;

export function serverDnsNames(cluster: string, namespace: string, extra: string[]): string[] {
  const names: string[] = [];
  for (const suffix of ['rw', 'r', 'ro']) {
    const svc = `${cluster}-${suffix}`;
    names.push(svc, `${svc}.${namespace}`, `${svc}.${namespace}.svc`, `${svc}.${namespace}.svc.cluster.local`);
  }
  return [...names, ...extra];
}

export async function generatePki(cluster: string, namespace: string, extra: string[]): Promise<ClusterPki> {
  const { ca, leaves } = await issue(`CN=${cluster},OU=${namespace}`, VALID_DAYS, [
    { commonName: `${cluster}-rw`, dnsNames: serverDnsNames(cluster, namespace, extra), usage: 'server' },
    { commonName: 'streaming_replica', usage: 'client' },
  ]);
  return { ca, server: leaves[0]!, replication: leaves[1]! };
}

/** A random password from the alphabet CloudNativePG's generator uses. */
export function password(length = 64): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

function secretMeta(cluster: KubeObject, name: string, extraLabels: Record<string, string>) {
  return {
    name,
    namespace: cluster.metadata.namespace,
    labels: { [L.cluster]: cluster.metadata.name ?? '', ...extraLabels },
    annotations: { [L.operatorVersion]: CNPG_VERSION },
    ownerReferences: [controllerRef(cluster)],
  };
}

export function userSecret(cluster: KubeObject, s: ClusterSpecView, kind: 'app' | 'superuser', pass: string): KubeObject {
  const name = cluster.metadata.name ?? '';
  const ns = cluster.metadata.namespace ?? '';
  const user = kind === 'app' ? s.owner : 'postgres';
  const dbname = kind === 'app' ? s.database : '*';
  const host = `${name}-rw`;
  const fqdn = `${host}.${ns}.svc.cluster.local`;
  const db = kind === 'app' ? s.database : 'postgres';
  const data: Record<string, string> = {
    username: user,
    password: pass,
    dbname,
    host,
    port: '5432',
    uri: `postgresql://${user}:${pass}@${host}.${ns}:5432/${db}`,
    'jdbc-uri': `jdbc:postgresql://${host}.${ns}:5432/${db}?password=${pass}&user=${user}`,
    'fqdn-uri': `postgresql://${user}:${pass}@${fqdn}:5432/${db}`,
    'fqdn-jdbc-uri': `jdbc:postgresql://${fqdn}:5432/${db}?password=${pass}&user=${user}`,
    pgpass: `${host}:5432:${dbname}:${user}:${pass}\n`,
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: secretMeta(cluster, `${name}-${kind}`, { [L.reload]: 'true', [L.userType]: kind }),
    type: 'kubernetes.io/basic-auth',
    stringData: data,
  };
}

export function tlsSecrets(cluster: KubeObject, pki: ClusterPki): KubeObject[] {
  const name = cluster.metadata.name ?? '';
  return [
    { apiVersion: 'v1', kind: 'Secret', metadata: secretMeta(cluster, `${name}-ca`, { [L.reload]: '' }), type: 'Opaque', stringData: { 'ca.crt': pki.ca.cert, 'ca.key': pki.ca.key } },
    { apiVersion: 'v1', kind: 'Secret', metadata: secretMeta(cluster, `${name}-server`, { [L.reload]: '' }), type: 'kubernetes.io/tls', stringData: { 'tls.crt': pki.server.cert, 'tls.key': pki.server.key } },
    { apiVersion: 'v1', kind: 'Secret', metadata: secretMeta(cluster, `${name}-replication`, { [L.reload]: '' }), type: 'kubernetes.io/tls', stringData: { 'tls.crt': pki.replication.cert, 'tls.key': pki.replication.key } },
  ];
}

/** `status.certificates`: the secret names in use, the extra SANs, and each certificate's expiry. */
export function certificatesStatus(cluster: string, altNames: string[], expiry: Record<string, Date>): Record<string, unknown> {
  const expirations: Record<string, string> = {};
  for (const [secret, when] of Object.entries(expiry)) expirations[secret] = goTime(when);
  return {
    clientCASecret: `${cluster}-ca`,
    serverCASecret: `${cluster}-ca`,
    serverTLSSecret: `${cluster}-server`,
    replicationTLSSecret: `${cluster}-replication`,
    ...(altNames.length ? { serverAltDNSNames: altNames } : {}),
    expirations,
  };
}
