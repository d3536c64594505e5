/**
 * Build-time reader of the Go runtime type information in a (stripped, non-PIE, amd64) Go ELF
 * binary such as kubectl. The protobuf descriptors alone cannot say how the Go API server turns
 * a decoded object into JSON: Go's generated marshaller writes every non-pointer scalar (so
 * proto2 presence is not JSON presence), and `omitempty`, pointer-ness and `json:",inline"`
 * live only in the Go struct tags. Those tags are kept in the binary's type descriptors, which
 * this module walks.
 *
 * Layout assumptions (Go 1.21-1.23, `internal/abi`): `abi.Type` is 48 bytes (Kind at +23,
 * TFlag at +20, Str nameOff at +40, PtrToThis at +44); StructType adds PkgPath (+48) and the
 * Fields slice (+56); a StructField is {Name *byte, Typ *Type, Offset uintptr}; names are
 * `flags, varint len, bytes [, varint taglen, tag]`. Go 1.24 changed the map layout (not used
 * here beyond key/elem, which stayed at +48/+56).
 */

const KIND_MASK = 0x1f;
export const GoKind = { Array: 17, Chan: 18, Map: 21, Pointer: 22, Slice: 23, String: 24, Struct: 25 } as const;
const TFLAG_UNCOMMON = 1;
const TFLAG_EXTRA_STAR = 2;
const TFLAG_NAMED = 4;
const NAME_HAS_TAG = 2;
const NAME_EMBEDDED = 8;
/** Offsets of `abi.UncommonType` after the kind-specific part, by kind. */
const UNCOMMON_OFFSET: Record<number, number> = { 17: 72, 18: 64, 19: 56, 20: 80, 21: 88, 22: 56, 23: 56, 25: 80 };

export interface GoStructField {
  name: string;
  tag: string;
  embedded: boolean;
  /** The field's Go kind (e.g. GoKind.Pointer) and its type string (e.g. `*v1.Time`). */
  kind: number;
  typeString: string;
}

export interface GoNamedType {
  /** e.g. `k8s.io/api/core/v1`. */
  pkgPath: string;
  /** e.g. `ConfigMap`. */
  name: string;
  kind: number;
  fields?: GoStructField[];
}

interface Segment {
  vaddr: number;
  offset: number;
  size: number;
}

class Image {
  private readonly segments: Segment[] = [];

  constructor(private readonly buf: Buffer) {
    if (buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 2 || buf[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
    const phoff = Number(buf.readBigUInt64LE(32));
    const phentsize = buf.readUInt16LE(54);
    const phnum = buf.readUInt16LE(56);
    for (let i = 0; i < phnum; i++) {
      const at = phoff + i * phentsize;
      if (buf.readUInt32LE(at) !== 1) continue; // PT_LOAD
      this.segments.push({ offset: Number(buf.readBigUInt64LE(at + 8)), vaddr: Number(buf.readBigUInt64LE(at + 16)), size: Number(buf.readBigUInt64LE(at + 32)) });
    }
  }

  fileOffset(vaddr: number): number {
    for (const s of this.segments) if (vaddr >= s.vaddr && vaddr < s.vaddr + s.size) return s.offset + vaddr - s.vaddr;
    throw new Error(`address 0x${vaddr.toString(16)} is not in a loaded segment`);
  }
  u8(va: number): number {
    return this.buf[this.fileOffset(va)] ?? 0;
  }
  i32(va: number): number {
    return this.buf.readInt32LE(this.fileOffset(va));
  }
  u64(va: number): number {
    return Number(this.buf.readBigUInt64LE(this.fileOffset(va)));
  }
  bytes(va: number, length: number): Buffer {
    const at = this.fileOffset(va);
    return this.buf.subarray(at, at + length);
  }

  /** Section lookup by name (sections survive `strip` in Go binaries). */
  section(name: string): { addr: number; size: number } {
    const b = this.buf;
    const shoff = Number(b.readBigUInt64LE(40));
    const shentsize = b.readUInt16LE(58);
    const shnum = b.readUInt16LE(60);
    const strAt = Number(b.readBigUInt64LE(shoff + b.readUInt16LE(62) * shentsize + 24));
    for (let i = 0; i < shnum; i++) {
      const at = shoff + i * shentsize;
      const nameAt = strAt + b.readUInt32LE(at);
      const sectionName = b.toString('latin1', nameAt, b.indexOf(0, nameAt));
      if (sectionName === name) return { addr: Number(b.readBigUInt64LE(at + 16)), size: Number(b.readBigUInt64LE(at + 32)) };
    }
    throw new Error(`section ${name} not found`);
  }
}

function readName(img: Image, va: number): { name: string; tag: string; flags: number } {
  const flags = img.u8(va);
  let p = va + 1;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = img.u8(p++);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const len = varint();
  const name = img.bytes(p, len).toString('utf8');
  p += len;
  let tag = '';
  if (flags & NAME_HAS_TAG) {
    const tagLen = varint();
    tag = img.bytes(p, tagLen).toString('utf8');
  }
  return { name, tag, flags };
}

/**
 * Every named Go type reachable from the binary's typelinks, keyed `<pkgPath>.<Name>`
 * (e.g. `k8s.io/api/core/v1.ConfigMap`).
 */
export function readGoNamedTypes(binary: Buffer): Map<string, GoNamedType> {
  const img = new Image(binary);
  // moduledata holds a pointer to the pclntab header as its first word; it lives in .noptrdata.
  const pclntab = img.section('.gopclntab').addr;
  const noptr = img.section('.noptrdata');
  const needle = Buffer.alloc(8);
  needle.writeBigUInt64LE(BigInt(pclntab));
  const at = binary.indexOf(needle, img.fileOffset(noptr.addr));
  if (at < 0) throw new Error('Go moduledata not found');
  const moduledata = noptr.addr + (at - img.fileOffset(noptr.addr));
  const typesBase = img.u64(moduledata + 296);
  const typelinks = img.u64(moduledata + 352);
  const typelinkCount = img.u64(moduledata + 360);

  const typeString = (t: number): string => {
    const s = readName(img, typesBase + img.i32(t + 40)).name;
    return img.u8(t + 20) & TFLAG_EXTRA_STAR ? s.slice(1) : s;
  };
  const out = new Map<string, GoNamedType>();
  const seen = new Set<number>();
  const queue: number[] = [];
  for (let i = 0; i < typelinkCount; i++) queue.push(typesBase + img.i32(typelinks + 4 * i));
  while (queue.length > 0) {
    const t = queue.pop() as number;
    if (t === 0 || seen.has(t)) continue;
    seen.add(t);
    const kind = img.u8(t + 23) & KIND_MASK;
    const tflag = img.u8(t + 20);
    let fields: GoStructField[] | undefined;
    if (kind === GoKind.Pointer || kind === GoKind.Slice || kind === GoKind.Array || kind === GoKind.Chan) queue.push(img.u64(t + 48));
    else if (kind === GoKind.Map) queue.push(img.u64(t + 48), img.u64(t + 56));
    else if (kind === GoKind.Struct) {
      fields = [];
      const base = img.u64(t + 56);
      const count = img.u64(t + 64);
      for (let j = 0; j < count; j++) {
        const n = readName(img, img.u64(base + 24 * j));
        const ft = img.u64(base + 24 * j + 8);
        queue.push(ft);
        fields.push({ name: n.name, tag: n.tag, embedded: (n.flags & NAME_EMBEDDED) !== 0, kind: img.u8(ft + 23) & KIND_MASK, typeString: typeString(ft) });
      }
    }
    const ptrToThis = img.i32(t + 44);
    if (ptrToThis !== 0) queue.push(typesBase + ptrToThis);
    const uncommonAt = UNCOMMON_OFFSET[kind] ?? 48;
    if (tflag & TFLAG_NAMED && tflag & TFLAG_UNCOMMON) {
      const pkgPath = readName(img, typesBase + img.i32(t + uncommonAt)).name;
      const str = typeString(t);
      const name = str.slice(str.indexOf('.') + 1);
      if (pkgPath) out.set(`${pkgPath}.${name}`, { pkgPath, name, kind, fields });
    }
  }
  return out;
}

/** Parses a struct tag (`json:"name,omitempty" protobuf:"bytes,1,opt,name=name"`) into key → value. */
export function parseStructTag(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][A-Za-z0-9_]*):"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1] as string, m[2] as string);
  return out;
}
