import { performance } from 'node:perf_hooks';
import { BenchClient, type Target } from './http-client';
import { smallConfigMap } from './fixtures';
import { summarize, type Summary } from './stats';

/**
 * The watch benchmark's load generator, run as a child process (forked with IPC) so its pacing
 * is not disturbed by the watchers' parsing. Creates ConfigMaps on a fixed timer schedule
 * (write k is due at start + k/rate), each carrying its sequence number and its send time
 * (`performance.timeOrigin + performance.now()`, epoch milliseconds with sub-ms resolution).
 *
 * Protocol: parent sends `{kind:'ping'}` (answered with this process's clock), one
 * `{kind:'warm', ...}` (opens the keep-alive connections up front, as a long-running client would
 * have them, so TLS handshakes do not land inside the measured window; answered `warmed`) and
 * one `{kind:'run', ...}`; the child answers with one `{kind:'done', ...}` and exits.
 */
export interface WriterWarm {
  kind: 'warm';
  target: Target;
  connections: number;
}

export interface WriterRun {
  kind: 'run';
  target: Target;
  namespace: string;
  rate: number;
  durationSec: number;
  maxInFlight: number;
}

export interface WriterAck {
  seq: number;
  rv: number;
  /** Send time, ms after the first write was due. */
  atMs: number;
  latencyMs: number;
}

export interface WriterDone {
  kind: 'done';
  acks: WriterAck[];
  failures: string[];
  planned: number;
  elapsedSec: number;
  /** How late each write left relative to its schedule (ms). */
  sendDelay: Summary;
  latency: Summary;
}

const now = (): number => performance.timeOrigin + performance.now();

let client: BenchClient | undefined;

async function warm(msg: WriterWarm): Promise<void> {
  client = new BenchClient(msg.target, msg.connections);
  const c = client;
  await Promise.all(Array.from({ length: msg.connections }, () => c.ok('GET', '/version')));
}

function run(msg: WriterRun): Promise<WriterDone> {
  client ??= new BenchClient(msg.target, msg.maxInFlight);
  const c = client;
  const planned = Math.round(msg.rate * msg.durationSec);
  const interval = 1000 / msg.rate;
  const acks: WriterAck[] = [];
  const failures: string[] = [];
  const delays: number[] = [];
  const latencies: number[] = [];
  const path = `/api/v1/namespaces/${msg.namespace}/configmaps`;
  let next = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  const start = performance.now();
  return new Promise((resolve) => {
    const finishIfDone = (): void => {
      if (next < planned || inFlight > 0) return;
      c.close();
      resolve({ kind: 'done', acks, failures, planned, elapsedSec: (performance.now() - start) / 1000, sendDelay: summarize(delays), latency: summarize(latencies) });
    };
    const send = (seq: number): void => {
      inFlight++;
      delays.push(performance.now() - (start + seq * interval));
      const sentAt = now();
      const sentLocal = performance.now();
      c
        .request('POST', path, { body: smallConfigMap(msg.namespace, seq, { seq: String(seq), sentAt: String(sentAt) }) })
        .then((res) => {
          latencies.push(res.ttlbMs);
          if (res.status === 201) {
            const obj = JSON.parse(res.body.toString('utf8')) as { metadata: { resourceVersion: string } };
            acks.push({ seq, rv: Number(obj.metadata.resourceVersion), atMs: sentLocal - start, latencyMs: res.ttlbMs });
          } else failures.push(`seq ${seq}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
        })
        .catch((e: unknown) => failures.push(`seq ${seq}: ${(e as Error).message}`))
        .finally(() => {
          inFlight--;
          if (timer === undefined) tick();
          finishIfDone();
        });
    };
    // Sends every write that is due (catching up after a late timer), then sleeps until the next one.
    const tick = (): void => {
      timer = undefined;
      const t = performance.now();
      while (next < planned && inFlight < msg.maxInFlight && start + next * interval <= t) send(next++);
      if (next >= planned) return finishIfDone();
      if (inFlight >= msg.maxInFlight) return; // resumed by a completing write
      timer = setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
}

process.on('message', (raw: unknown) => {
  const msg = raw as { kind: string };
  if (msg.kind === 'ping') {
    process.send!({ kind: 'pong', t: now() });
    return;
  }
  if (msg.kind === 'warm') {
    void warm(msg as WriterWarm).then(
      () => process.send!({ kind: 'warmed' }),
      (e: unknown) => process.send!({ kind: 'warmed', error: String(e) }),
    );
  }
  if (msg.kind === 'run') {
    void run(msg as WriterRun).then((done) => process.send!(done, () => process.exit(0)));
  }
});
process.on('disconnect', () => process.exit(0));
