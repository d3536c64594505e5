import { createHash } from 'node:crypto';
import type { Resources } from '../../contracts';
import { parseQuantity } from '../../../util/quantity';

/**
 * Deterministic resource usage for metrics.k8s.io: each container (or VM, or host base load)
 * gets a stable share of what it requests, from a hash of its identity, that drifts slowly with
 * wall-clock time (a 10-minute wave sampled at metrics-server's 15 s resolution). The same
 * inputs at the same time always give the same numbers, so node usage equals the sum of what
 * runs there.
 */
export const RESOLUTION_MS = 15_000;
const PERIOD_MS = 10 * 60_000;
const MI = 1024 * 1024;

/** A number in [0, 1) from a string. */
export function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/** The scrape time metrics are reported for: now rounded down to the resolution. */
export function scrapeTime(nowMs: number): number {
  return Math.floor(nowMs / RESOLUTION_MS) * RESOLUTION_MS;
}

/** A slow wave in [-1, 1] whose phase depends on the seed. */
function drift(seed: string, atMs: number): number {
  return Math.sin(((atMs / PERIOD_MS) + unit(`phase:${seed}`)) * 2 * Math.PI);
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * One container's usage at `atMs`: CPU between ~10% and ~70% of its request (or limit), memory
 * between ~35% and ~85%; a container without either gets a small footprint (2-30m, 16-112Mi).
 */
export function containerUsage(seed: string, container: Json, atMs: number): Resources {
  const res = isObj(container.resources) ? container.resources : {};
  const requests = isObj(res.requests) ? res.requests : {};
  const limits = isObj(res.limits) ? res.limits : {};
  const cpuRef = parseQuantity(requests.cpu ?? limits.cpu);
  const memRef = parseQuantity(requests.memory ?? limits.memory);
  const wave = drift(seed, atMs);
  const cpuShare = 0.1 + 0.45 * unit(`cpu:${seed}`) + 0.15 * wave;
  const memShare = 0.35 + 0.4 * unit(`mem:${seed}`) + 0.1 * wave;
  const cpu = cpuRef ? cpuRef * Math.max(0.02, cpuShare) : 0.002 + 0.028 * unit(`cpu:${seed}`) * (1 + 0.3 * wave);
  const memory = memRef ? memRef * memShare : (16 + 96 * unit(`mem:${seed}`)) * MI * (1 + 0.05 * wave);
  return { cpu, memory };
}

/** A powered-on VM's guest usage from its reservation: 5-55% CPU, 30-75% memory. */
export function consumerUsage(key: string, requests: Resources, atMs: number): Resources {
  const wave = drift(key, atMs);
  return {
    cpu: requests.cpu * Math.max(0.02, 0.05 + 0.4 * unit(`cpu:${key}`) + 0.1 * wave),
    memory: requests.memory * (0.3 + 0.4 * unit(`mem:${key}`) + 0.05 * wave),
  };
}

/** What ESXi, the spherelet and system VMs use on a host regardless of workloads. */
export function hostBaseUsage(node: string, atMs: number): Resources {
  const wave = drift(node, atMs);
  return { cpu: 0.35 + 0.25 * unit(`cpu:${node}`) + 0.05 * wave, memory: (2.5 + unit(`mem:${node}`)) * 1024 * MI };
}

/** metrics-server's wire format: CPU in nanocores, memory in Ki. */
export function formatUsage(r: Resources): { cpu: string; memory: string } {
  return { cpu: `${Math.max(0, Math.round(r.cpu * 1e9))}n`, memory: `${Math.max(0, Math.round(r.memory / 1024))}Ki` };
}
