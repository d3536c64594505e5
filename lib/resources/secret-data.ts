/**
 * A Secret's `data` values are base64. Decoded on demand only (the page shows them masked until
 * the user reveals one key); binary values are described rather than dumped.
 */
export type DecodedValue = { kind: 'text'; text: string } | { kind: 'binary'; bytes: number } | { kind: 'invalid' };

export function decodeSecretValue(base64: string): DecodedValue {
  let binary: string;
  try {
    binary = atob(base64.replace(/\s+/g, ''));
  } catch {
    return { kind: 'invalid' };
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Control characters other than tab, newline and carriage return mean binary content.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return { kind: 'binary', bytes: bytes.length };
    return { kind: 'text', text };
  } catch {
    return { kind: 'binary', bytes: bytes.length };
  }
}

/** Key names of a Secret's data and stringData, sorted. */
export function secretKeys(secret: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const field of [secret.data, secret.stringData]) {
    if (field && typeof field === 'object') for (const k of Object.keys(field)) keys.add(k);
  }
  return [...keys].sort();
}
