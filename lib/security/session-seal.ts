import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of session payloads (AES-256-GCM with a key derived by HKDF from the
 * configured secret). The sealed form is `v1.<iv>.<ciphertext>.<tag>` in base64url; anything
 * tampered with, truncated or sealed under another secret fails to open.
 */
const VERSION = 'v1';

export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(`glasspane:${purpose}`, 'utf8'), 32));
}

export function seal(payload: unknown, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function unseal<T>(sealed: string, key: Buffer): T | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  try {
    const [, iv, body, tag] = parts as [string, string, string, string];
    const authTag = Buffer.from(tag, 'base64url');
    // A shortened tag would still verify in Node's GCM unless the length is pinned.
    if (authTag.length !== 16) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAuthTag(authTag);
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
