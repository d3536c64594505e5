/**
 * Decoding of `application/vnd.kubernetes.protobuf` request bodies into the JSON object the
 * same request would have carried as `application/json` (kubectl 1.32 sends typed-client writes
 * this way). Wire format (apimachinery `runtime/serializer/protobuf`): the 4-byte magic
 * `k8s\0`, then a `runtime.Unknown` whose `typeMeta` names the kind and whose `raw` holds the
 * message from `k8s.io/api/<group>/<version>/generated.proto`.
 *
 * `metadata.creationTimestamp` comes out as `null` (Go's zero metav1.Time), exactly as
 * kubectl's JSON bodies carry it.
 */
import type protobuf from 'protobufjs';
import { ApiError, errors } from '../api/errors';
import { KUBERNETES_PROTOBUF } from './media-type';
import { lookupType, typeForKind, UNKNOWN_TYPE } from './schema';
import { createJsonConverter, type MessageToJson } from './to-json';
import { parseEmbeddedJson, type Decoded } from './well-known';
import { checkWireTypes } from './wire-check';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export interface DecodedObject {
  apiVersion: string;
  kind: string;
  /** The Kubernetes JSON form, with `apiVersion` and `kind` set. */
  object: Record<string, unknown>;
}

let toJson: MessageToJson | undefined;

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function decodeMessage(type: protobuf.Type, bytes: Uint8Array, what: string): Decoded {
  try {
    checkWireTypes(type, bytes);
    return type.decode(bytes) as unknown as Decoded;
  } catch (e) {
    throw errors.badRequest(`unable to decode ${what} from protobuf: ${reason(e)}`);
  }
}

/** Bounds the recursion through RawExtensions that hold further protobuf objects. */
const MAX_RAW_NESTING = 16;
let rawNesting = 0;

/** A RawExtension holds JSON, or (from protobuf clients) a nested magic-prefixed object. */
function decodeRawExtension(raw: Uint8Array): unknown {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return parseEmbeddedJson(bytes, 'RawExtension');
  if (rawNesting >= MAX_RAW_NESTING) throw errors.badRequest(`objects in RawExtensions are nested too deeply (more than ${MAX_RAW_NESTING})`);
  rawNesting++;
  try {
    return decodeKubernetesProtobuf(bytes).object;
  } finally {
    rawNesting--;
  }
}

/**
 * Throws ApiError 400 (BadRequest) for anything that is not a well-formed protobuf body of a
 * known built-in kind: wrong magic, truncated or garbage bytes, unknown apiVersion/kind, or an
 * envelope with a content encoding.
 */
export function decodeKubernetesProtobuf(body: Buffer): DecodedObject {
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw errors.badRequest(`the body of the request was in an unknown format - provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]`);
  }
  try {
    const unknown = decodeMessage(lookupType(UNKNOWN_TYPE), body.subarray(MAGIC.length), 'runtime.Unknown');
    const typeMeta = (unknown.typeMeta ?? {}) as Decoded;
    const apiVersion = typeof typeMeta.apiVersion === 'string' ? typeMeta.apiVersion : '';
    const kind = typeof typeMeta.kind === 'string' ? typeMeta.kind : '';
    if (!kind) throw errors.badRequest(`Object 'Kind' is missing in the protobuf envelope`);
    if (!apiVersion) throw errors.badRequest(`Object 'apiVersion' is missing in the protobuf envelope`);
    if (unknown.contentEncoding) throw errors.badRequest(`unsupported protobuf content encoding "${String(unknown.contentEncoding)}"`);
    if (unknown.contentType && unknown.contentType !== KUBERNETES_PROTOBUF) throw errors.badRequest(`unsupported protobuf content type "${String(unknown.contentType)}"`);
    const type = typeForKind(apiVersion, kind);
    if (!type) throw errors.badRequest(`the body of the request was in an unknown format - no kind "${kind}" is registered for version "${apiVersion}"`);
    const raw = (unknown.raw as Uint8Array | undefined) ?? new Uint8Array(0);
    const message = decodeMessage(type, raw, `${apiVersion}, Kind=${kind}`);
    toJson ??= createJsonConverter(decodeRawExtension);
    return { apiVersion, kind, object: { apiVersion, kind, ...toJson(type, message) } };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    // e.g. a RangeError from absurdly deep nesting.
    throw errors.badRequest(`unable to decode protobuf body: ${reason(e)}`);
  }
}
