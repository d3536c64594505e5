import { stableStringify } from '../../../util/stable-json';
import { semanticNormal } from './semantic';

/**
 * Hashes for generated names, after pkg/controller's ComputeHash and the ControllerRevision
 * hash: FNV-1a (32 bit) over the object (here its canonical, semantically normal JSON) plus the collision count as
 * 8 little-endian bytes, printed as a decimal and mapped through rand.SafeEncodeString, which
 * yields names like `web-5d78f9c4b`.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte picks a character, so digits become consonants and digits without vowels. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

export function computeHash(value: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(stableStringify(semanticNormal(value) ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}
