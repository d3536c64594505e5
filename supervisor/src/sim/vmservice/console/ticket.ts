import { constants, createPublicKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The web console ticket, as vm-operator's vSphere provider issues it
 * (pkg/providers/vsphere/virtualmachine/webconsole.go): the WebMKS URL
 * `wss://<host>:<port>/ticket/<ticket>` encrypted with the requester's RSA public key using
 * RSA-OAEP with SHA-512, base64-encoded. Upstream expects a "PUBLIC KEY" PEM block holding a
 * PKCS#1 key (what `kubectl vsphere` generates); PKIX/SPKI keys and "RSA PUBLIC KEY" blocks are
 * accepted too.
 */
export class TicketKeyError extends Error {}

export function parsePublicKey(pem: string): KeyObject {
  const m = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END (RSA )?PUBLIC KEY-----/.exec(pem);
  if (!m) throw new TicketKeyError('failed to decode PEM block containing public key');
  const der = Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64');
  const attempts: ('pkcs1' | 'spki')[] = m[1] ? ['pkcs1'] : ['pkcs1', 'spki'];
  for (const type of attempts) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType === 'rsa') return key;
    } catch {
      // try the next encoding
    }
  }
  throw new TicketKeyError('x509: failed to parse public key (use an RSA public key in PEM format)');
}

export function encryptTicket(publicKeyPem: string, plaintext: string): string {
  const key = parsePublicKey(publicKeyPem);
  try {
    return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha512' }, Buffer.from(plaintext, 'utf8')).toString('base64');
  } catch {
    throw new TicketKeyError('crypto/rsa: message too long for RSA key size');
  }
}

export function newTicket(): string {
  return randomBytes(16).toString('hex');
}

/** The WebMKS URL a ticket is redeemed at. */
export function ticketUrl(address: string, ticket: string): string {
  const [host, port] = splitAddress(address);
  return `wss://${host}:${port}/ticket/${ticket}`;
}

/** `host:port` (or `[v6]:port`, or a bare host meaning 443) as host and port. */
export function splitAddress(address: string): [string, number] {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(address);
  if (v6) return [`[${v6[1]}]`, Number(v6[2] ?? 443)];
  const i = address.lastIndexOf(':');
  if (i > 0 && /^\d+$/.test(address.slice(i + 1))) return [address.slice(0, i), Number(address.slice(i + 1))];
  return [address, 443];
}

export interface Ticket {
  ticket: string;
  namespace: string;
  vmName: string;
  /** The VirtualMachineWebConsoleRequest's UID (what the console proxy checks). */
  requestUid: string;
  expiresAt: number;
}

/** Issued tickets: single use, valid until they expire. */
export class TicketBook {
  private readonly tickets = new Map<string, Ticket>();

  issue(t: Ticket): void {
    this.tickets.set(t.ticket, t);
  }

  /** Takes a valid ticket out of the book (a ticket is redeemed once). */
  redeem(ticket: string, now: number, check?: (t: Ticket) => boolean): Ticket | undefined {
    const t = this.tickets.get(ticket);
    if (!t) return undefined;
    if (t.expiresAt <= now) {
      this.tickets.delete(ticket);
      return undefined;
    }
    if (check && !check(t)) return undefined;
    this.tickets.delete(ticket);
    return t;
  }

  revokeFor(requestUid: string): void {
    for (const [k, t] of this.tickets) if (t.requestUid === requestUid) this.tickets.delete(k);
  }

  /** When the request's ticket expires (ms precision), if it is still in the book. */
  expiryOf(requestUid: string): number | undefined {
    return [...this.tickets.values()].find((t) => t.requestUid === requestUid)?.expiresAt;
  }
}
