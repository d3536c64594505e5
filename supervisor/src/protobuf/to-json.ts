/**
 * Converts a protobufjs-decoded Kubernetes message into the JSON the Go API server would
 * produce for the same bytes: `json.Marshal(proto.Unmarshal(raw))`.
 *
 * The Go rules reproduced (driven by the `go`/`json` annotations in k8s-descriptors.json, see
 * build/go-annotations.ts):
 * - Go's marshaller writes every non-pointer scalar, so for those proto presence means nothing:
 *   the value (or the Go zero value when absent) is written unless `omitempty` and zero.
 * - Pointer fields are written iff present; absent pointers without `omitempty` become `null`.
 * - Non-pointer structs are always written (an absent one as its zero value, e.g. `status: {}`),
 *   `json:",inline"` ones are flattened into the parent.
 * - Repeated fields and maps are written when non-empty; empty ones are nil in Go, so they are
 *   omitted under `omitempty` and `null` otherwise. Map keys are sorted, as Go sorts them.
 * - bytes → standard base64; int64 → JSON number; well-known types → see well-known.ts.
 * Field order follows the descriptor, which go-to-protobuf emits in Go struct order.
 */
import protobuf from 'protobufjs';
import { bytesToBase64, int64ToNumber, type Int64Value } from './go-format';
import { EMPTY, has, wellKnownConverters, type Decoded, type RawDecoder } from './well-known';

type Convert = (v: unknown) => unknown;
/** `skip`: `json:"-"`, never written. */
type Shape = 'list' | 'map' | 'bytes' | 'scalar' | 'message' | 'skip';

interface FieldPlan {
  key: string;
  jsonName: string;
  shape: Shape;
  pointer: boolean;
  /** No `omitempty`: zero values and nil collections are written. */
  emit: boolean;
  inline: boolean;
  /** Message fields whose Go type is a named slice: written like a list. */
  goSlice: boolean;
  convert: Convert;
  zero: unknown;
}

const INT64_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const toNumber: Convert = (v) => int64ToNumber(v as Int64Value);
const toBase64: Convert = (v) => bytesToBase64(v as Uint8Array);
const identity: Convert = (v) => v;
const isZero = (v: unknown): boolean => v === 0 || v === false || v === '';

export type MessageToJson = (type: protobuf.Type, message: Decoded) => Record<string, unknown>;

export function createJsonConverter(decodeRaw: RawDecoder): MessageToJson {
  const wellKnown = wellKnownConverters(decodeRaw);
  const plans = new WeakMap<protobuf.Type, FieldPlan[]>();
  const messageConverters = new WeakMap<protobuf.Type, Convert>();

  const messageConverter = (type: protobuf.Type): Convert => {
    let convert = messageConverters.get(type);
    if (convert) return convert;
    const special = wellKnown.get(type.fullName.slice(1));
    if (special) convert = (m) => special((m as Decoded | null) ?? EMPTY);
    else if (type.options?.goSlice === true) {
      const [items] = planFor(type);
      if (!items || items.shape !== 'list') throw new Error(`${type.fullName}: goSlice message without a repeated field`);
      convert = (m) => {
        const list = ((m as Decoded | null) ?? EMPTY)[items.key] as unknown[] | undefined;
        return list?.length ? list.map(items.convert) : undefined;
      };
    } else convert = (m) => messageToJson(type, (m as Decoded | null) ?? EMPTY);
    messageConverters.set(type, convert);
    return convert;
  };

  const planField = (field: protobuf.Field): FieldPlan => {
    const go = typeof field.options?.go === 'string' ? field.options.go : '';
    const jsonName = typeof field.options?.json === 'string' ? field.options.json : field.name;
    const resolved = field.resolvedType instanceof protobuf.Type ? field.resolvedType : null;
    const element: Convert = resolved ? messageConverter(resolved) : INT64_TYPES.has(field.type) ? toNumber : field.type === 'bytes' ? toBase64 : identity;
    const shape: Shape = go.includes('-') ? 'skip' : field.map ? 'map' : field.repeated ? 'list' : resolved ? 'message' : field.type === 'bytes' ? 'bytes' : 'scalar';
    const zero = field.type === 'string' ? '' : field.type === 'bool' ? false : 0;
    return {
      key: field.name,
      jsonName,
      shape,
      pointer: go.includes('p'),
      emit: go.includes('e'),
      inline: go.includes('i'),
      goSlice: resolved?.options?.goSlice === true,
      convert: element,
      zero,
    };
  };

  const planFor = (type: protobuf.Type): FieldPlan[] => {
    let plan = plans.get(type);
    if (!plan) {
      plan = type.fieldsArray.map(planField);
      plans.set(type, plan);
    }
    return plan;
  };

  const writeList = (out: Record<string, unknown>, p: FieldPlan, list: unknown[] | undefined): void => {
    if (list?.length) out[p.jsonName] = list;
    else if (p.emit) out[p.jsonName] = null;
  };

  const messageToJson: MessageToJson = (type, message) => {
    const out: Record<string, unknown> = {};
    for (const p of planFor(type)) {
      const value = message[p.key];
      switch (p.shape) {
        case 'list':
          writeList(out, p, (value as unknown[] | undefined)?.map(p.convert));
          break;
        case 'map': {
          const keys = value ? Object.keys(value).sort() : [];
          if (keys.length === 0) {
            if (p.emit) out[p.jsonName] = null;
            break;
          }
          const map: Record<string, unknown> = {};
          for (const k of keys) map[k] = p.convert((value as Record<string, unknown>)[k]) ?? null;
          out[p.jsonName] = map;
          break;
        }
        case 'bytes':
          if (has(message, p.key) && ((value as Uint8Array).length > 0 || p.emit)) out[p.jsonName] = toBase64(value);
          else if (!has(message, p.key) && p.emit) out[p.jsonName] = null;
          break;
        case 'scalar':
          if (has(message, p.key)) {
            const v = p.convert(value);
            if (p.pointer || p.emit || !isZero(v)) out[p.jsonName] = v;
          } else if (p.emit) out[p.jsonName] = p.pointer ? null : p.zero;
          break;
        case 'message': {
          const present = has(message, p.key) && value !== null;
          if (p.goSlice) writeList(out, p, p.convert(present ? value : EMPTY) as unknown[] | undefined);
          else if (p.pointer && !present) {
            if (p.emit) out[p.jsonName] = null;
          } else {
            const v = p.convert(present ? value : EMPTY);
            if (p.inline && v !== null && typeof v === 'object') Object.assign(out, v);
            else out[p.jsonName] = v;
          }
          break;
        }
      }
    }
    return out;
  };

  return messageToJson;
}
