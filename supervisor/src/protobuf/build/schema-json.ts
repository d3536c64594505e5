/**
 * Build-time: reduces the embedded FileDescriptorProtos to a protobufjs `Root.toJSON()`-style
 * document holding only the messages reachable from the registered kinds of the selected API
 * packages (plus explicit extra roots), annotated with the Go JSON rules from go-annotations.
 */
import path from 'node:path';
import type { IDescriptorProto, IFieldDescriptorProto, IFileDescriptorProto } from 'protobufjs/ext/descriptor';
import type { GoNamedType } from './go-types';
import { fieldAnnotation, isMapEntry, messageAnnotation } from './go-annotations';

/** `FieldDescriptorProto.Type` numbers → protobufjs scalar type names (11 message and 14 enum are references). */
const SCALARS: Record<number, string> = {
  1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool',
  9: 'string', 12: 'bytes', 13: 'uint32', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64',
};
const TYPE_MESSAGE = 11;
const LABEL_REPEATED = 3;

interface MessageEntry {
  fullName: string;
  /** Proto package, e.g. `k8s.io.api.core.v1`. */
  pkg: string;
  /** Go package path, e.g. `k8s.io/api/core/v1` (the directory of the .proto file). */
  goPkg: string;
  message: IDescriptorProto;
}

export interface JsonField {
  rule?: 'repeated';
  keyType?: string;
  type: string;
  id: number;
  options?: Record<string, string>;
}
export interface JsonMessage {
  options?: Record<string, boolean>;
  fields: Record<string, JsonField>;
}
export interface JsonNamespace {
  nested: Record<string, JsonNamespace | JsonMessage>;
}

export interface SchemaBuildOptions {
  /** Go package paths whose registered kinds are roots, e.g. `k8s.io/api/core/v1`. */
  kindPackages: string[];
  /** Further root messages by full name, e.g. `k8s.io.apimachinery.pkg.runtime.Unknown`. */
  extraRoots: string[];
  /** Messages with custom Go JSON handled by name at run time; their Go fields are not annotated. */
  customJson: string[];
}

function indexMessages(files: Iterable<IFileDescriptorProto>): Map<string, MessageEntry> {
  const out = new Map<string, MessageEntry>();
  const add = (pkg: string, goPkg: string, prefix: string, message: IDescriptorProto): void => {
    const fullName = `${prefix}.${message.name ?? ''}`;
    out.set(fullName, { fullName, pkg, goPkg, message });
    for (const nested of message.nestedType ?? []) add(pkg, goPkg, fullName, nested);
  };
  for (const file of files) {
    if (file.enumType?.length) throw new Error(`${file.name}: enums are not supported`);
    for (const m of file.messageType ?? []) add(file.package ?? '', path.posix.dirname(file.name ?? ''), file.package ?? '', m);
  }
  return out;
}

const refName = (typeName: string | undefined): string => (typeName ?? '').replace(/^\./, '');

export function buildSchemaJson(files: Iterable<IFileDescriptorProto>, goTypes: Map<string, GoNamedType>, options: SchemaBuildOptions): { json: JsonNamespace; warnings: string[]; messages: number } {
  const messages = indexMessages(files);
  const goTypeOf = (e: MessageEntry): GoNamedType | undefined => goTypes.get(`${e.goPkg}.${e.message.name}`);
  const warnings: string[] = [];

  const roots = [...options.extraRoots];
  for (const e of messages.values()) {
    // List kinds are never request bodies.
    if (options.kindPackages.includes(e.goPkg) && messageAnnotation(goTypeOf(e)).kind && !e.message.name?.endsWith('List')) roots.push(e.fullName);
  }
  const keep = new Set<string>();
  const visit = (name: string): void => {
    const e = messages.get(name);
    if (!e) throw new Error(`message ${name} is referenced but not in the extracted descriptors`);
    if (keep.has(name)) return;
    if (!isMapEntry(e.message)) keep.add(name);
    for (const f of e.message.field ?? []) if (f.type === TYPE_MESSAGE) visit(refName(f.typeName));
  };
  roots.forEach(visit);

  const json: JsonNamespace = { nested: {} };
  for (const name of keep) {
    const e = messages.get(name) as MessageEntry;
    if (e.fullName !== `${e.pkg}.${e.message.name}`) throw new Error(`${name}: nested messages other than map entries are not supported`);
    let ns = json;
    for (const part of e.pkg.split('.')) ns = (ns.nested[part] ??= { nested: {} }) as JsonNamespace;
    const goType = options.customJson.includes(name) ? undefined : goTypeOf(e);
    ns.nested[e.message.name ?? ''] = messageJson(e, messages, goType, (m) => warnings.push(m));
  }
  return { json, warnings, messages: keep.size };
}

function messageJson(e: MessageEntry, messages: Map<string, MessageEntry>, goType: GoNamedType | undefined, warn: (m: string) => void): JsonMessage {
  const typeRef = (f: IFieldDescriptorProto): string => {
    if (f.type !== TYPE_MESSAGE) {
      const scalar = SCALARS[f.type ?? 0];
      if (!scalar) throw new Error(`${e.fullName}.${f.name}: unsupported field type ${f.type}`);
      return scalar;
    }
    const name = refName(f.typeName);
    // Same-package references resolve relative to the declaring namespace in protobufjs.
    return name.startsWith(`${e.pkg}.`) && !name.slice(e.pkg.length + 1).includes('.') ? name.slice(e.pkg.length + 1) : name;
  };
  const fields: Record<string, JsonField> = {};
  for (const f of e.message.field ?? []) {
    const entry = f.type === TYPE_MESSAGE ? messages.get(refName(f.typeName)) : undefined;
    let out: JsonField;
    if (entry && isMapEntry(entry.message)) {
      const [k, v] = entry.message.field ?? [];
      if (!k || !v) throw new Error(`${entry.fullName}: malformed map entry`);
      out = { keyType: typeRef(k), type: typeRef(v), id: f.number ?? 0 };
    } else {
      out = { type: typeRef(f), id: f.number ?? 0 };
      if (f.label === LABEL_REPEATED) out = { rule: 'repeated', ...out };
    }
    const annotation = fieldAnnotation(goType, f, warn);
    if (annotation.go || annotation.json) out.options = { ...annotation } as Record<string, string>;
    fields[f.name ?? ''] = out;
  }
  const annotation = messageAnnotation(goType);
  return Object.keys(annotation).length ? { options: { ...annotation }, fields } : { fields };
}
