/**
 * Build-time extraction of the `generated.proto` FileDescriptorProtos that Go binaries built
 * with gogo/golang protobuf embed: each is a gzip member (fixed 10-byte header
 * `1f 8b 08 00 00 00 00 00 02 ff`) whose payload is a serialized
 * `google.protobuf.FileDescriptorProto`.
 */
import zlib from 'node:zlib';
import descriptor, { type IFileDescriptorProto } from 'protobufjs/ext/descriptor';

const GZIP_HEADER = Buffer.from('1f8b08000000000002ff', 'hex');
/** Upper bound for one compressed descriptor (core/v1 is ~150 KiB compressed). */
const MAX_COMPRESSED = 4 << 20;

/** All embedded descriptors whose file name starts with `prefix`, keyed by file name. */
export function extractFileDescriptors(binary: Buffer, prefix = 'k8s.io/'): Map<string, IFileDescriptorProto> {
  const out = new Map<string, IFileDescriptorProto>();
  for (let at = binary.indexOf(GZIP_HEADER); at >= 0; at = binary.indexOf(GZIP_HEADER, at + 1)) {
    let payload: Buffer;
    try {
      // Raw inflate stops at the final deflate block, so the bytes after the member do not matter.
      payload = zlib.inflateRawSync(binary.subarray(at + GZIP_HEADER.length, at + GZIP_HEADER.length + MAX_COMPRESSED));
    } catch {
      continue;
    }
    let file: IFileDescriptorProto;
    try {
      file = descriptor.FileDescriptorProto.decode(payload) as unknown as IFileDescriptorProto;
    } catch {
      continue;
    }
    if (file.name?.startsWith(prefix) && file.name.endsWith('.proto')) out.set(file.name, file);
  }
  return out;
}
