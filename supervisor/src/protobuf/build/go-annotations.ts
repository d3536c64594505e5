/**
 * Build-time: turns the Go struct definitions of the API types into the compact annotations that
 * the runtime converter needs to reproduce Go's `encoding/json` output for a decoded object.
 *
 * Field option `go` (absent = the common case: non-pointer, `omitempty`, JSON name = proto name):
 *   `p` the Go field is a pointer (present in protobuf ⇔ non-nil ⇔ present in JSON),
 *   `e` no `omitempty` (zero values and nil slices/maps/pointers are written, as `null` for nil),
 *   `i` embedded with `json:",inline"` (its fields are flattened into the parent object),
 *   `-` `json:"-"` (never written).
 * Field option `json`: the JSON name when it differs from the proto name.
 * Message options: `kind` (the struct embeds metav1.TypeMeta, i.e. it is a registered kind) and
 * `goSlice` (the Go type is a named slice, e.g. authorization/v1 ExtraValue, so the message's
 * single repeated field is written as a bare JSON array).
 */
import type { IDescriptorProto, IFieldDescriptorProto } from 'protobufjs/ext/descriptor';
import { GoKind, parseStructTag, type GoNamedType, type GoStructField } from './go-types';

export interface FieldAnnotation {
  go?: string;
  json?: string;
}

export interface MessageAnnotation {
  kind?: true;
  goSlice?: true;
}

function protobufNumber(field: GoStructField): number | undefined {
  const tag = parseStructTag(field.tag).get('protobuf');
  const n = tag ? Number(tag.split(',')[1]) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

export function messageAnnotation(goType: GoNamedType | undefined): MessageAnnotation {
  if (!goType) return {};
  if (goType.kind === GoKind.Slice) return { goSlice: true };
  if (goType.fields?.some((f) => f.embedded && f.name === 'TypeMeta' && f.typeString === 'v1.TypeMeta')) return { kind: true };
  return {};
}

/**
 * The annotation of one proto field, or `undefined` plus a warning when the Go struct has no
 * field with that protobuf number (the runtime then uses the default rules).
 */
export function fieldAnnotation(goType: GoNamedType | undefined, field: IFieldDescriptorProto, warn: (m: string) => void): FieldAnnotation {
  if (!goType?.fields) return {};
  const goField = goType.fields.find((f) => protobufNumber(f) === field.number);
  if (!goField) {
    warn(`${goType.pkgPath}.${goType.name}: no Go field for proto field ${field.name} = ${field.number}`);
    return {};
  }
  const json = parseStructTag(goField.tag).get('json');
  // Without a json tag Go uses the field name, or flattens an embedded struct.
  const [jsonName = '', ...jsonOptions] = (json ?? (goField.embedded ? '' : goField.name)).split(',');
  const out: FieldAnnotation = {};
  let flags = '';
  if (json === '-') flags = '-';
  else {
    if (goField.kind === GoKind.Pointer) flags += 'p';
    if (!jsonOptions.includes('omitempty')) flags += 'e';
    if (goField.embedded && jsonName === '') flags += 'i';
    else if (jsonName !== field.name) out.json = jsonName;
  }
  if (flags) out.go = flags;
  return out;
}

/** Whether a nested DescriptorProto is a synthesized `map<K,V>` entry. */
export function isMapEntry(message: IDescriptorProto | undefined): boolean {
  return message?.options?.mapEntry === true;
}
