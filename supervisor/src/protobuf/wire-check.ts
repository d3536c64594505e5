/**
 * Strict wire-type check run before protobufjs decodes a body. protobufjs trusts the schema and
 * reads a known field with the schema's wire type whatever the tag says, so corrupted input can
 * decode into a plausible-looking object; Go's generated unmarshallers reject such input
 * ("proto: wrong wireType = 0 for field Name"). This walk rejects it the same way. Unknown
 * fields are skipped, as Go does.
 */
import protobuf from 'protobufjs';

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

const WIRE_TYPES: Readonly<Record<string, number>> = {
  int32: VARINT, int64: VARINT, uint32: VARINT, uint64: VARINT, sint32: VARINT, sint64: VARINT, bool: VARINT,
  fixed64: FIXED64, sfixed64: FIXED64, double: FIXED64,
  fixed32: FIXED32, sfixed32: FIXED32, float: FIXED32,
  string: LENGTH_DELIMITED, bytes: LENGTH_DELIMITED,
};

export class WireTypeError extends Error {}

/** The wire type of one value of `field` (for a map: of one map value). */
function valueWireType(field: protobuf.Field): number {
  if (field.resolvedType instanceof protobuf.Type) return LENGTH_DELIMITED;
  const wt = WIRE_TYPES[field.type];
  if (wt === undefined) throw new WireTypeError(`unsupported field type ${field.type}`);
  return wt;
}

/** Length-delimited payloads of map entries: key = 1, value = 2. */
function checkMapEntry(field: protobuf.Field, reader: protobuf.Reader, end: number, depth: number): void {
  const keyWire = field instanceof protobuf.MapField ? WIRE_TYPES[field.keyType] : undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 1 && wire !== keyWire) throw new WireTypeError(`wrong wireType = ${wire} for map key of field ${field.name}`);
    if (id === 2 && wire !== valueWireType(field)) throw new WireTypeError(`wrong wireType = ${wire} for map value of field ${field.name}`);
    if (id === 2 && field.resolvedType instanceof protobuf.Type) {
      const len = reader.uint32();
      checkMessage(field.resolvedType, reader, reader.pos + len, depth + 1);
    } else reader.skipType(wire);
  }
  if (reader.pos !== end) throw new WireTypeError('unexpected EOF');
}

function checkMessage(type: protobuf.Type, reader: protobuf.Reader, end: number, depth: number): void {
  if (depth > 100) throw new WireTypeError('max nesting depth exceeded');
  if (end > reader.len) throw new WireTypeError('unexpected EOF');
  while (reader.pos < end) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 0) throw new WireTypeError(`illegal tag 0 (wire type ${wire})`);
    const field = type.fieldsById[id];
    if (!field) {
      reader.skipType(wire);
      continue;
    }
    const expected = field.map ? LENGTH_DELIMITED : valueWireType(field);
    // Repeated scalars may also come packed.
    const packed = field.repeated && !field.map && expected !== LENGTH_DELIMITED && wire === LENGTH_DELIMITED;
    if (wire !== expected && !packed) throw new WireTypeError(`wrong wireType = ${wire} for field ${field.name}`);
    if (wire !== LENGTH_DELIMITED || packed || !(field.map || field.resolvedType instanceof protobuf.Type)) {
      reader.skipType(wire);
      continue;
    }
    const len = reader.uint32();
    const sub = reader.pos + len;
    if (sub > end) throw new WireTypeError('unexpected EOF');
    if (field.map) checkMapEntry(field, reader, sub, depth);
    else checkMessage(field.resolvedType as protobuf.Type, reader, sub, depth + 1);
    reader.pos = sub;
  }
  if (reader.pos !== end) throw new WireTypeError('unexpected EOF');
}

/** Throws (WireTypeError, or protobufjs's RangeError for truncation) when `bytes` is not a valid `type`. */
export function checkWireTypes(type: protobuf.Type, bytes: Uint8Array): void {
  const reader = protobuf.Reader.create(bytes);
  checkMessage(type, reader, reader.len, 0);
}
