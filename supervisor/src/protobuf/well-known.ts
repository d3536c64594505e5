/**
 * apimachinery types whose Go JSON form is not their struct shape (custom MarshalJSON). Each
 * converter receives the decoded message, or `EMPTY` for an absent non-pointer field (Go's zero
 * value), and returns the JSON value Go would write.
 */
import { errors } from '../api/errors';
import { formatRfc3339, GO_ZERO_TIME_SECONDS, goDurationString, int64ToBigInt, int64ToNumber, type Int64Value } from './go-format';

export type Decoded = Record<string, unknown>;
/** Stand-in for an absent message: no own properties, so every field reads as unset. */
export const EMPTY: Decoded = Object.freeze({}) as Decoded;

export const has = (m: Decoded, key: string): boolean => Object.prototype.hasOwnProperty.call(m, key);

/** Decodes the embedded bytes of a RawExtension: JSON, or a nested `k8s\0` protobuf object. */
export type RawDecoder = (raw: Uint8Array) => unknown;

function time(m: Decoded, fractionDigits: 0 | 6): string | null {
  // Go's Time.Unmarshal maps an empty message to the zero time, which marshals as null; Time
  // keeps only whole seconds from protobuf, MicroTime keeps nanos.
  if (!has(m, 'seconds') && !has(m, 'nanos')) return null;
  const seconds = has(m, 'seconds') ? int64ToNumber(m.seconds as Int64Value) : 0;
  const nanos = fractionDigits && has(m, 'nanos') ? (m.nanos as number) : 0;
  if (seconds === GO_ZERO_TIME_SECONDS && nanos === 0) return null;
  return formatRfc3339(seconds, nanos, fractionDigits);
}

export function parseEmbeddedJson(raw: Uint8Array, what: string): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch (e) {
    throw errors.badRequest(`${what} does not hold valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

export function wellKnownConverters(decodeRaw: RawDecoder): Map<string, (m: Decoded) => unknown> {
  return new Map<string, (m: Decoded) => unknown>([
    [`${META}.Time`, (m) => time(m, 0)],
    [`${META}.MicroTime`, (m) => time(m, 6)],
    [`${META}.Duration`, (m) => goDurationString(has(m, 'duration') ? int64ToBigInt(m.duration as Int64Value) : 0n)],
    [`${META}.FieldsV1`, (m) => (has(m, 'Raw') ? parseEmbeddedJson(m.Raw as Uint8Array, 'FieldsV1') : null)],
    [
      'k8s.io.apimachinery.pkg.api.resource.Quantity',
      (m) => {
        // Go parses the string when decoding: absent is the zero Quantity ("0"), "" is an error.
        if (!has(m, 'string')) return '0';
        if (m.string === '') throw errors.badRequest('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
        return m.string;
      },
    ],
    [
      'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
      (m) => {
        const type = has(m, 'type') ? int64ToNumber(m.type as Int64Value) : 0;
        if (type === 0) return has(m, 'intVal') ? m.intVal : 0;
        if (type === 1) return has(m, 'strVal') ? m.strVal : '';
        throw errors.badRequest(`impossible IntOrString.Type ${type}`);
      },
    ],
    ['k8s.io.apimachinery.pkg.runtime.RawExtension', (m) => (has(m, 'raw') ? decodeRaw(m.raw as Uint8Array) : null)],
  ]);
}

/** Names of the messages above, for the build step (their Go structs carry no protobuf tags). */
export const WELL_KNOWN_MESSAGES = [...wellKnownConverters(() => null).keys()];
