import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, createGzip } from 'node:zlib';

/**
 * Response compression as kube-apiserver does it (APIResponseCompression): gzip at level 1
 * (best speed) when the client accepts gzip and the response is at least 128 KiB; watches are
 * never compressed. kubectl and client-go always accept gzip, so large lists reach them
 * compressed, as from a real API server.
 */
export const GZIP_THRESHOLD = 128 * 1024;

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return String(header)
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      if (name !== 'gzip' && name !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/**
 * A sink for a response body that is `firstBytes` long so far: the response itself, or a gzip
 * stream piped into it (headers say so). Call before writeHead; pass the result's headers.
 */
export function bodySink(req: IncomingMessage, res: ServerResponse, firstBytes: number): { out: NodeJS.WritableStream & { write(b: Buffer): boolean }; headers: Record<string, string> } {
  if (firstBytes < GZIP_THRESHOLD || !acceptsGzip(req)) return { out: res, headers: {} };
  const gz = createGzip({ level: 1, flush: constants.Z_NO_FLUSH });
  gz.pipe(res);
  res.on('close', () => gz.destroy());
  return { out: gz, headers: { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } };
}
