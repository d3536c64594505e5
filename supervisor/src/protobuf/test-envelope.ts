/**
 * Test support: builds `k8s\0` + runtime.Unknown bodies from plain objects with the same schema
 * the decoder uses, for cases no kubectl command produces.
 */
import { lookupType, UNKNOWN_TYPE } from './schema';

export const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Encodes `message` (protobufjs field names, nested plain objects) as the given message type. */
export function encodeMessage(fullName: string, message: Record<string, unknown>): Uint8Array {
  const type = lookupType(fullName);
  return type.encode(type.fromObject(message)).finish();
}

export function envelope(apiVersion: string, kind: string, raw: Uint8Array, extra: Record<string, unknown> = {}): Buffer {
  const unknown = encodeMessage(UNKNOWN_TYPE, { typeMeta: { apiVersion, kind }, raw, ...extra });
  return Buffer.concat([MAGIC, unknown]);
}

/** A body for a built-in kind: `k8s.io.api.<pkg>.<Kind>` encoded from `message`. */
export function body(apiVersion: string, kind: string, messageType: string, message: Record<string, unknown>): Buffer {
  return envelope(apiVersion, kind, encodeMessage(messageType, message));
}
