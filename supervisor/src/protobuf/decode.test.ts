/**
 * Real kubectl v1.32 request bodies (fixtures/*.pb) must decode to exactly what kubectl v1.31
 * sent as JSON for the same command (fixtures/*.json); see scripts/capture-kubectl-protobuf.ts.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './decode';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string): Buffer => fs.readFileSync(new URL(`${name}.pb`, FIXTURES));
const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.pb')).map((f) => f.slice(0, -3)).sort();

describe('decodeKubernetesProtobuf on captured kubectl bodies', () => {
  it('has the captured fixtures', () => {
    expect(names).toEqual(expect.arrayContaining(['configmap', 'secret-generic', 'namespace', 'deployment', 'serviceaccount', 'role', 'job', 'can-i', 'can-i-list', 'whoami', 'token', 'quota', 'service-clusterip']));
  });

  it.each(names)('%s decodes to the JSON body kubectl sends for the same command', (name) => {
    const expected = JSON.parse(fs.readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Record<string, unknown>;
    const decoded = decodeKubernetesProtobuf(fixture(name));
    expect(decoded.object).toStrictEqual(expected);
    expect(decoded.apiVersion).toBe(expected.apiVersion);
    expect(decoded.kind).toBe(expected.kind);
  });

  it('decodes a ConfigMap to the exact JSON text, apiVersion and kind first', () => {
    expect(JSON.stringify(decodeKubernetesProtobuf(fixture('configmap')).object)).toBe(
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","namespace":"default","creationTimestamp":null},"data":{"a":"b","c":"d"}}',
    );
  });

  it('writes bytes as base64 (Secret.data, ConfigMap.binaryData)', () => {
    expect(decodeKubernetesProtobuf(fixture('secret-generic')).object).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'default', creationTimestamp: null },
      data: { k: 'dg==' },
      type: 'Opaque',
    });
    expect(decodeKubernetesProtobuf(fixture('configmap-binary')).object).toMatchObject({ data: { text: 'hello' }, binaryData: { blob: 'AP/+EIA=' } });
  });

  it('keeps Go zero-value rules: non-pointer structs written, zero pointers kept, zero omitempty scalars dropped', () => {
    const d = decodeKubernetesProtobuf(fixture('deployment')).object;
    expect(d).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    });
    expect((decodeKubernetesProtobuf(fixture('deployment-zero-replicas')).object.spec as Record<string, unknown>).replicas).toBe(0);
  });

  it('writes IntOrString and Quantity as JSON scalars', () => {
    expect(decodeKubernetesProtobuf(fixture('service-clusterip')).object.spec).toMatchObject({ ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }] });
    expect(decodeKubernetesProtobuf(fixture('pdb-percent')).object.spec).toMatchObject({ maxUnavailable: '50%' });
    expect(decodeKubernetesProtobuf(fixture('quota')).object.spec).toStrictEqual({ hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi' } });
  });

  it('decodes the authorization and authentication reviews kubectl auth sends', () => {
    expect(decodeKubernetesProtobuf(fixture('can-i')).object).toStrictEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'configmaps' } },
      status: { allowed: false },
    });
    expect(decodeKubernetesProtobuf(fixture('whoami')).object).toStrictEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
      metadata: { creationTimestamp: null },
      status: { userInfo: {} },
    });
  });

  it('decodes TokenRequest with non-omitempty nil fields as null', () => {
    expect(decodeKubernetesProtobuf(fixture('token-audience')).object).toStrictEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['api', 'vault'], expirationSeconds: 3600, boundObjectRef: null },
      status: { token: '', expirationTimestamp: null },
    });
  });

  it('decodes DeleteOptions sent in the core group by drain', () => {
    expect(decodeKubernetesProtobuf(fixture('delete-options'))).toStrictEqual({
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      object: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 5 },
    });
  });

  it('decodes a typical Deployment well under a millisecond once warm', () => {
    const bytes = fixture('deployment');
    for (let i = 0; i < 200; i++) decodeKubernetesProtobuf(bytes);
    const runs = 1000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) decodeKubernetesProtobuf(bytes);
    expect((performance.now() - start) / runs).toBeLessThan(0.25);
  });
});
