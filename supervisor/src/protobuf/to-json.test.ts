/** Go JSON rules for shapes no captured kubectl command produces, on bodies built from the schema. */
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './decode';
import { body, encodeMessage, envelope } from './test-envelope';

const CORE = 'k8s.io.api.core.v1';
const decode = (apiVersion: string, kind: string, type: string, message: Record<string, unknown>): Record<string, unknown> =>
  decodeKubernetesProtobuf(body(apiVersion, kind, type, message)).object;

describe('Go JSON rules', () => {
  it('writes metav1.Time as RFC 3339 seconds in UTC and drops nanos; an empty Time is null', () => {
    const o = decode('v1', 'ConfigMap', `${CORE}.ConfigMap`, {
      metadata: { name: 'x', creationTimestamp: { seconds: 1735787045, nanos: 5 }, deletionTimestamp: {} },
    });
    expect(o.metadata).toStrictEqual({ name: 'x', creationTimestamp: '2025-01-02T03:04:05Z', deletionTimestamp: null });
  });

  it('writes metav1.MicroTime with six fractional digits', () => {
    const o = decode('coordination.k8s.io/v1', 'Lease', 'k8s.io.api.coordination.v1.Lease', {
      spec: { holderIdentity: 'a', renewTime: { seconds: 1735787045, nanos: 123456789 } },
    });
    expect(o.spec).toStrictEqual({ holderIdentity: 'a', renewTime: '2025-01-02T03:04:05.123456Z' });
  });

  it('flattens json:",inline" structs (Volume.volumeSource, Probe.handler)', () => {
    const o = decode('v1', 'Pod', `${CORE}.Pod`, {
      spec: {
        volumes: [{ name: 'cfg', volumeSource: { configMap: { localObjectReference: { name: 'c' }, defaultMode: 420 } } }],
        containers: [{ name: 'c', image: 'i', livenessProbe: { handler: { httpGet: { path: '/healthz', port: { type: 0, intVal: 8080 } } }, periodSeconds: 10 } }],
      },
    });
    const spec = o.spec as Record<string, unknown>;
    expect(spec.volumes).toStrictEqual([{ name: 'cfg', configMap: { name: 'c', defaultMode: 420 } }]);
    expect(spec.containers).toStrictEqual([{ name: 'c', image: 'i', resources: {}, livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 } }]);
  });

  it('keeps present zero pointers, drops zero omitempty scalars, writes zero non-omitempty scalars', () => {
    const o = decode('v1', 'Pod', `${CORE}.Pod`, {
      spec: { automountServiceAccountToken: false, hostNetwork: false, containers: [{ name: '', image: 'i', ports: [{ containerPort: 0, hostPort: 0 }] }] },
    });
    expect(o.spec).toStrictEqual({ automountServiceAccountToken: false, containers: [{ name: '', image: 'i', ports: [{ containerPort: 0 }], resources: {} }] });
  });

  it('writes absent non-pointer structs as their Go zero value', () => {
    expect(decode('v1', 'Service', `${CORE}.Service`, { spec: { ports: [{ port: 80 }] } })).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null },
      spec: { ports: [{ port: 80, targetPort: 0 }] },
      status: { loadBalancer: {} },
    });
  });

  it('writes Go named slices (ExtraValue) as arrays and sorts map keys', () => {
    const o = decode('authorization.k8s.io/v1', 'SubjectAccessReview', 'k8s.io.api.authorization.v1.SubjectAccessReview', {
      spec: { user: 'alice', groups: ['devs'], extra: { 'z.example.com/scopes': { items: ['b', 'a'] }, 'a.example.com/empty': {} }, nonResourceAttributes: { path: '/healthz', verb: 'get' } },
    });
    expect(o.spec).toStrictEqual({ nonResourceAttributes: { path: '/healthz', verb: 'get' }, user: 'alice', groups: ['devs'], extra: { 'a.example.com/empty': null, 'z.example.com/scopes': ['b', 'a'] } });
    expect(Object.keys((o.spec as { extra: object }).extra)).toEqual(['a.example.com/empty', 'z.example.com/scopes']);
  });

  it('embeds RawExtension JSON and nested protobuf objects, and FieldsV1 JSON', () => {
    const nested = body('v1', 'ConfigMap', `${CORE}.ConfigMap`, { metadata: { name: 'inner' }, data: { k: 'v' } });
    expect(decode('apps/v1', 'ControllerRevision', 'k8s.io.api.apps.v1.ControllerRevision', { revision: 3, data: { raw: Buffer.from('{"spec":{"a":[1,true,null]}}') } })).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { creationTimestamp: null },
      data: { spec: { a: [1, true, null] } },
      revision: 3,
    });
    expect(decode('apps/v1', 'ControllerRevision', 'k8s.io.api.apps.v1.ControllerRevision', { data: { raw: nested } }).data).toStrictEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'inner', creationTimestamp: null },
      data: { k: 'v' },
    });
    const o = decode('v1', 'ConfigMap', `${CORE}.ConfigMap`, {
      metadata: { name: 'x', managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { Raw: Buffer.from('{"f:data":{"f:k":{}}}') } }] },
    });
    expect((o.metadata as Record<string, unknown>).managedFields).toStrictEqual([{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:k': {} } } }]);
  });

  it('writes int64 as numbers and bytes as base64, including empty map values', () => {
    const o = decode('v1', 'Secret', `${CORE}.Secret`, { metadata: { name: 's', generation: 7, deletionGracePeriodSeconds: 0 }, data: { empty: Buffer.alloc(0), bin: Buffer.from([0xff, 0x00]) } });
    expect(o).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', generation: 7, creationTimestamp: null, deletionGracePeriodSeconds: 0 },
      data: { bin: '/wA=', empty: '' },
    });
  });

  it('skips unknown fields, as Go does', () => {
    const raw = Buffer.concat([encodeMessage(`${CORE}.ConfigMap`, { data: { a: 'b' } }), Buffer.from([0xf8, 0x06, 0x01, 0x82, 0x07, 0x01, 0x00])]);
    expect(decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', raw)).object).toStrictEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null }, data: { a: 'b' } });
  });

  it('accepts DeleteOptions in any known group and in meta.k8s.io', () => {
    const options = { propagationPolicy: 'Foreground', dryRun: ['All'], preconditions: { uid: 'u' } };
    for (const apiVersion of ['v1', 'apps/v1', 'meta.k8s.io/v1']) {
      expect(decode(apiVersion, 'DeleteOptions', 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions', options)).toStrictEqual({ apiVersion, kind: 'DeleteOptions', preconditions: { uid: 'u' }, propagationPolicy: 'Foreground', dryRun: ['All'] });
    }
  });
});
