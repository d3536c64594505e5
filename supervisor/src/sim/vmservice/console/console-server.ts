import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Clock } from '../../../controllers/kit/clock';
import type { ConsoleInfo } from './boot-transcript';
import { runConsole } from './console-session';
import type { Ticket, TicketBook } from './ticket';

/**
 * The web console endpoints the supervisor serves over WebSocket (HTTP upgrade):
 *
 * - `/ticket/<ticket>`: the WebMKS URL itself (`wss://<host>:<port>/ticket/<ticket>`, the
 *   decrypted VirtualMachineWebConsoleRequest response);
 * - `/vm/web-console/proxy?host=&port=&ticket=&uuid=&namespace=`: the Supervisor's console
 *   proxy, which also checks the request's UID and namespace, as `kubectl vsphere vm
 *   web-console` and the vSphere Client use it.
 *
 * A ticket is the only credential (browsers cannot send bearer tokens on WebSockets): it is
 * single-use and expires with its request.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface ConsoleTarget {
  info: ConsoleInfo;
  elapsedMs: number;
}

export interface ConsoleServerDeps {
  tickets: TicketBook;
  clock: Clock;
  /** The console of the ticket's VM, if it is running. */
  target: (t: Ticket) => ConsoleTarget | undefined;
}

function reject(socket: Duplex, code: number, text: string, message: string): void {
  socket.write(`HTTP/1.1 ${code} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
  socket.destroy();
}

export interface ConsoleServer {
  handle: UpgradeHandler;
  /** Closes every open console (the supervisor is stopping). */
  close(): void;
}

export function consoleServer(deps: ConsoleServerDeps): ConsoleServer {
  const wss = new WebSocketServer({ noServer: true });
  const handle: UpgradeHandler = (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'https://supervisor.invalid');
    let ticket: Ticket | undefined;
    const now = Date.now();
    if (url.pathname.startsWith('/ticket/')) {
      ticket = deps.tickets.redeem(decodeURIComponent(url.pathname.slice('/ticket/'.length)), now);
    } else if (url.pathname === '/vm/web-console/proxy') {
      const q = url.searchParams;
      ticket = deps.tickets.redeem(q.get('ticket') ?? '', now, (t) => t.requestUid === q.get('uuid') && t.namespace === q.get('namespace'));
    } else {
      return reject(socket, 404, 'Not Found', 'not found\n');
    }
    if (!ticket) return reject(socket, 401, 'Unauthorized', 'invalid or expired web console ticket\n');
    const target = deps.target(ticket);
    if (!target) return reject(socket, 409, 'Conflict', `virtual machine ${ticket.namespace}/${ticket.vmName} is not powered on\n`);
    wss.handleUpgrade(req, socket, head, (ws) => runConsole(ws, target.info, target.elapsedMs, deps.clock));
  };
  return {
    handle,
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
