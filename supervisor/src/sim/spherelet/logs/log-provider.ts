import type { ServerResponse } from 'node:http';
import { ApiError, errors } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import type { LogProvider, LogRequest } from '../../../handlers/core';
import type { Store } from '../../../storage/store';
import { containerSpecs, instancePlan } from '../behavior';
import { restartPolicyOf } from '../pod-timeline';
import { imageFamily } from '../images';
import { kubeletTimestamp } from './log-format';
import { resolveInstance, type ResolvedInstance } from './log-instance';
import { LogSeries, selectLines, type LogLine } from './log-series';
import { scriptFor } from './scripts';

/**
 * pods/log for vSphere Pods: the lines of the requested container instance up to now (after
 * rotation, sinceTime/sinceSeconds, tailLines), `timestamps` prefixes, `limitBytes`, and
 * `follow`, which keeps the response open and writes each new line as soon as its (simulated)
 * time comes, until the container exits, the pod goes away, the client disconnects or the
 * supervisor stops. Nothing is buffered: every line is one write.
 */
export function seriesFor(pod: KubeObject, container: string, resolved: ResolvedInstance, scale: number): LogSeries {
  const init = containerSpecs(pod.spec, 'initContainers').find((c) => c.name === container);
  const spec = containerSpecs(pod.spec, 'containers').find((c) => c.name === container) ?? init ?? { name: container, image: 'unknown' };
  const status = isObject(pod.status) ? pod.status : {};
  const window = { ...resolved };
  if (resolved.finishedAt !== undefined) {
    // Stored times have whole seconds; a short run's exit is placed where its plan put it.
    const kind = init ? (init.restartPolicy === 'Always' ? 'sidecar' : 'init') : 'main';
    const plan = instancePlan(spec, pod.metadata.uid ?? '', restartPolicyOf(pod), kind, resolved.instance);
    const planned = !plan.forever && plan.exitCode === resolved.exitCode;
    window.finishedAt = planned ? resolved.startedAt + plan.runtimeMs / scale : Math.max(resolved.finishedAt, resolved.startedAt) + 999;
  }
  const script = scriptFor({
    podName: pod.metadata.name ?? '',
    namespace: pod.metadata.namespace ?? '',
    podUid: pod.metadata.uid ?? '',
    nodeName: isObject(pod.spec) ? String(pod.spec.nodeName ?? '') : '',
    labels: pod.metadata.labels ?? {},
    container: spec,
    family: imageFamily(spec.image),
    instance: resolved.instance,
    startedAt: resolved.startedAt,
    podIP: typeof status.podIP === 'string' ? status.podIP : '10.244.0.2',
  });
  return new LogSeries(script, window, scale, [pod.metadata.uid ?? '', container, resolved.instance]);
}

export function renderLine(line: LogLine, timestamps: boolean): string {
  return `${timestamps ? `${kubeletTimestamp(line.at, line.nanos)} ` : ''}${line.text}\n`;
}

/** Whether the spherelet of a host answers, and the address the API server would dial. */
export type HostLookup = (nodeName: string) => { exists: boolean; up: boolean; ip: string };

export class SphereletLogs implements LogProvider {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly scale: number,
    private readonly host: HostLookup = () => ({ exists: true, up: true, ip: '' }),
  ) {}

  /** Ends every open follow (supervisor shutdown). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }

  stream(req: LogRequest, res: ServerResponse, signal: AbortSignal): void {
    const pod = req.pod;
    const bound = isObject(pod.spec) && typeof pod.spec.nodeName === 'string' && pod.spec.nodeName !== '';
    // Like the API server, a pod without a host has no log location: an empty 200.
    if (!bound) {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
      res.end();
      return;
    }
    const nodeName = String((pod.spec as Record<string, unknown>).nodeName);
    const host = this.host(nodeName);
    if (!host.exists) throw errors.notFound({ group: '', resource: 'nodes' }, nodeName);
    if (!host.up) {
      // The API server cannot reach a failed host's kubelet port.
      const url = `https://${host.ip}:10250/containerLogs/${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}/${req.container}`;
      throw new ApiError(500, '', `Get "${url}": dial tcp ${host.ip}:10250: connect: no route to host`);
    }
    const resolved = resolveInstance(pod, req.container, req.previous);
    if (resolved instanceof ApiError) throw resolved;
    const now = Date.now();
    let series = seriesFor(pod, req.container, resolved, this.scale);
    const since = req.sinceTime !== undefined ? Date.parse(req.sinceTime) : req.sinceSeconds !== undefined ? now - req.sinceSeconds * 1000 : undefined;
    const { from, to } = selectLines(series, resolved.running ? now : Infinity, { tailLines: req.tailLines, since: Number.isNaN(since) ? undefined : since });
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
    res.socket?.setNoDelay(true);
    let budget = req.limitBytes ?? Infinity;
    /** Writes one line within the byte limit; false once the limit is reached. */
    const write = (line: LogLine): boolean => {
      const bytes = Buffer.from(renderLine(line, req.timestamps));
      if (bytes.length >= budget) {
        res.write(bytes.subarray(0, budget));
        budget = 0;
        return false;
      }
      budget -= bytes.length;
      res.write(bytes);
      return true;
    };
    let next = from;
    for (; next < to; next++) {
      if (!write(series.line(next))) {
        res.end();
        return;
      }
    }
    if (!req.follow || req.previous || !resolved.running) {
      res.end();
      return;
    }

    let timer: NodeJS.Timeout | undefined;
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
      this.open.delete(close);
      if (!res.writableEnded) res.end();
    };
    const flushUntil = (t: number): boolean => {
      const upTo = series.countAt(t);
      for (; next < upTo; next++) if (!write(series.line(next))) return false;
      return true;
    };
    const tick = (): void => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (closed) return;
      const current = this.store.get('core/pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '')?.obj;
      // A host that fails drops the connection: nothing more is written.
      if (!this.host(nodeName).up) return close();
      const ended = current ? endOf(current, req.container, resolved) : { gone: true as const };
      if ('gone' in ended) {
        flushUntil(Date.now());
        return close();
      }
      if (ended.finishedAt !== undefined) {
        series = seriesFor(current!, req.container, { ...resolved, ...ended, running: false }, this.scale);
        flushUntil(Infinity);
        return close();
      }
      if (!flushUntil(Date.now())) return close();
      const at = series.timeOf(next);
      if (at !== Infinity) timer = setTimeout(tick, Math.max(0, at - Date.now()) + 1);
    };
    const unsubscribe = this.store.subscribe('core/pods', (e) => {
      if (e.namespace === pod.metadata.namespace && e.name === pod.metadata.name && !closed) setImmediate(tick);
    });
    this.open.add(close);
    signal.addEventListener('abort', close, { once: true });
    res.on('close', close);
    tick();
  }
}

/** Whether the followed instance has ended: exited (with its exit time and code), or the pod is gone. */
function endOf(pod: KubeObject, container: string, followed: ResolvedInstance): { gone: true } | { finishedAt?: number; exitCode?: number } {
  const now = resolveInstance(pod, container, false);
  if (now instanceof ApiError) return { gone: true };
  if (now.containerID === followed.containerID) return now.running ? {} : { finishedAt: now.finishedAt, exitCode: now.exitCode };
  const prev = resolveInstance(pod, container, true);
  if (!(prev instanceof ApiError) && prev.containerID === followed.containerID) return { finishedAt: prev.finishedAt, exitCode: prev.exitCode };
  return { gone: true };
}
