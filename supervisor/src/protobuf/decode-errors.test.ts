/** Every malformed body must end as ApiError 400, never another exception or a hang. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { decodeKubernetesProtobuf } from './decode';
import { body, encodeMessage, envelope, MAGIC } from './test-envelope';

const deployment = fs.readFileSync(new URL('./fixtures/deployment.pb', import.meta.url));
const CORE = 'k8s.io.api.core.v1';

function badRequest(input: Buffer): ApiError {
  try {
    decodeKubernetesProtobuf(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe(400);
    expect((e as ApiError).reason).toBe('BadRequest');
    return e as ApiError;
  }
  throw new Error('expected a 400');
}

/** Deterministic PRNG so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

describe('decodeKubernetesProtobuf rejects bad bodies with 400', () => {
  it('rejects a missing or wrong magic prefix', () => {
    expect(badRequest(Buffer.alloc(0)).message).toMatch(/expected prefix \[107 56 115 0\]/);
    expect(badRequest(Buffer.from('k8s')).message).toMatch(/does not appear to be a protobuf message/);
    expect(badRequest(Buffer.from('{"kind":"ConfigMap","apiVersion":"v1"}')).message).toMatch(/unknown format/);
    const wrong = Buffer.from(deployment);
    wrong[3] = 0x01;
    badRequest(wrong);
  });

  it('rejects bodies truncated inside the envelope or the object', () => {
    // Envelope: magic, typeMeta (field 1), raw (field 2), then two empty strings (4 bytes). Cutting
    // right after typeMeta leaves a valid envelope without raw (an empty Deployment, as in Go).
    const afterTypeMeta = 4 + 2 + (deployment[5] as number);
    for (let cut = 5; cut < deployment.length - 4; cut++) if (cut !== afterTypeMeta) badRequest(deployment.subarray(0, cut));
    expect(decodeKubernetesProtobuf(deployment.subarray(0, afterTypeMeta)).object).toMatchObject({ kind: 'Deployment', status: {} });
  });

  it('rejects unknown groups, versions and kinds, and messages that are not kinds', () => {
    const raw = encodeMessage(`${CORE}.ConfigMap`, {});
    expect(badRequest(envelope('v1', 'Frobnicator', raw)).message).toBe('the body of the request was in an unknown format - no kind "Frobnicator" is registered for version "v1"');
    badRequest(envelope('example.com/v1', 'ConfigMap', raw));
    badRequest(envelope('v2', 'ConfigMap', raw));
    badRequest(envelope('apps/v1beta1', 'Deployment', raw));
    badRequest(envelope('v1', 'PodSpec', raw));
    badRequest(envelope('v1', 'ConfigMapList', raw));
  });

  it('rejects an envelope without kind or apiVersion, or with a content encoding', () => {
    expect(badRequest(envelope('v1', '', new Uint8Array())).message).toMatch(/'Kind' is missing/);
    expect(badRequest(envelope('', 'ConfigMap', new Uint8Array())).message).toMatch(/'apiVersion' is missing/);
    expect(badRequest(envelope('v1', 'ConfigMap', new Uint8Array(), { contentEncoding: 'gzip' })).message).toMatch(/content encoding "gzip"/);
    expect(badRequest(envelope('v1', 'ConfigMap', new Uint8Array(), { contentType: 'application/json' })).message).toMatch(/content type/);
  });

  it('rejects a field sent with the wrong wire type, as Go does', () => {
    // ConfigMap.metadata (field 1, a message) sent as a varint.
    expect(badRequest(envelope('v1', 'ConfigMap', Uint8Array.from([0x08, 0x01]))).message).toBe('unable to decode v1, Kind=ConfigMap from protobuf: wrong wireType = 0 for field metadata');
    // ObjectMeta.generation (field 7, varint) sent length-delimited inside metadata.
    expect(badRequest(envelope('v1', 'ConfigMap', Uint8Array.from([0x0a, 0x03, 0x3a, 0x01, 0x00]))).message).toMatch(/wrong wireType = 2 for field generation/);
    // A map value of the wrong type (ConfigMap.data value as a varint).
    expect(badRequest(envelope('v1', 'ConfigMap', Uint8Array.from([0x12, 0x05, 0x0a, 0x01, 0x61, 0x10, 0x01]))).message).toMatch(/wrong wireType = 0 for map value of field data/);
  });

  it('rejects invalid embedded values of well-known types', () => {
    badRequest(body('apps/v1', 'ControllerRevision', 'k8s.io.api.apps.v1.ControllerRevision', { data: { raw: Buffer.from('{not json') } }));
    badRequest(body('v1', 'ResourceQuota', `${CORE}.ResourceQuota`, { spec: { hard: { pods: { string: '' } } } }));
    badRequest(body('v1', 'Service', `${CORE}.Service`, { spec: { ports: [{ port: 80, targetPort: { type: 7 } }] } }));
  });

  it('answers 400 or a result for random and mutated bytes, never another error', () => {
    const next = random(42);
    const inputs: Buffer[] = [];
    for (let i = 0; i < 2000; i++) {
      const junk = Buffer.alloc(Math.floor(next() * 200));
      for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(next() * 256);
      inputs.push(Buffer.concat([MAGIC, junk]), junk);
      const mutated = Buffer.from(deployment);
      mutated[4 + Math.floor(next() * (mutated.length - 4))] = Math.floor(next() * 256);
      inputs.push(mutated);
    }
    let rejected = 0;
    for (const input of inputs) {
      try {
        const { object } = decodeKubernetesProtobuf(input);
        expect(typeof object.kind).toBe('string');
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).code).toBe(400);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(inputs.length / 2);
  });

  it('limits objects nested in RawExtensions', () => {
    const nest = (levels: number): Buffer => {
      let inner: Buffer = body('v1', 'ConfigMap', `${CORE}.ConfigMap`, {});
      for (let i = 0; i < levels; i++) inner = body('apps/v1', 'ControllerRevision', 'k8s.io.api.apps.v1.ControllerRevision', { data: { raw: inner } });
      return inner;
    };
    expect(decodeKubernetesProtobuf(nest(3)).object).toMatchObject({ data: { data: { data: { kind: 'ConfigMap' } } } });
    expect(badRequest(nest(40)).message).toMatch(/nested too deeply/);
  });

  it('rejects deeply nested unknown groups without overflowing the stack', () => {
    // Field 15 is unknown to ConfigMap; 100000 nested start-group tags.
    badRequest(envelope('v1', 'ConfigMap', Buffer.alloc(100000, 0x7b)));
  });
});
