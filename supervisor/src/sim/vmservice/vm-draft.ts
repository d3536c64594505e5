import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { Condition } from './conditions';
import { conditionsOf } from './conditions';

/**
 * One reconcile of one VirtualMachine as data: the status being built, the metadata/spec merge
 * patch, the events to record and when to look at the VM again. The step functions only edit a
 * Draft; the controller applies it (status write, patch, events, timer) in one place.
 */
export type Json = Record<string, unknown>;

export interface DraftEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Recorded as vSphere HA rather than the VM controller. */
  ha?: boolean;
}

export interface Draft {
  vm: KubeObject;
  key: string;
  uid: string;
  status: Json;
  conds: Condition[];
  events: DraftEvent[];
  /** A JSON merge patch of the main resource (labels, annotations, spec fields). */
  patch?: Json;
  /** Simulated ms until the VM should be reconciled again. */
  wakeInMs?: number;
  now: Date;
  /** Wall-clock now, in epoch ms. */
  nowMs: number;
  /** SUPERVISOR_TIME_SCALE: simulated ms per real ms. */
  scale: number;
}

export function newDraft(vm: KubeObject, now: Date, scale = 1): Draft {
  const status = isObject(vm.status) ? (structuredClone(vm.status) as Json) : {};
  const ns = vm.metadata.namespace ?? '';
  return { vm, key: `${ns}/${vm.metadata.name ?? ''}`, uid: vm.metadata.uid ?? '', status, conds: conditionsOf(status), events: [], now, nowMs: now.getTime(), scale };
}

/** Simulated ms elapsed since a wall-clock instant. */
export function since(d: Draft, startMs: number): number {
  return (d.nowMs - startMs) * d.scale;
}

/** The wall-clock instant `simMs` simulated ms ago. */
export function backdate(d: Draft, simMs: number): number {
  return d.nowMs - simMs / d.scale;
}

export function wake(d: Draft, ms: number): void {
  const delay = Math.max(0, ms);
  d.wakeInMs = d.wakeInMs === undefined ? delay : Math.min(d.wakeInMs, delay);
}

export function emit(d: Draft, type: 'Normal' | 'Warning', reason: string, message: string, ha = false): void {
  d.events.push({ type, reason, message, ...(ha ? { ha } : {}) });
}

export function mergePatch(d: Draft, patch: Json): void {
  d.patch = deepMerge(d.patch ?? {}, patch);
}

function deepMerge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Json, v) : v;
  return out;
}

export function specOf(vm: KubeObject): Json {
  return isObject(vm.spec) ? vm.spec : {};
}

/** The finished status (conditions included) to write. */
export function finalStatus(d: Draft): Json {
  const out: Json = { ...d.status };
  if (d.conds.length) out.conditions = d.conds;
  else delete out.conditions;
  return out;
}

/**
 * What the controller remembers between reconciles with millisecond precision (condition
 * timestamps have one-second precision, too coarse at high time scales); after a restart the
 * condition timestamps stand in.
 */
export interface VmRuntime {
  opStart: Map<string, number>;
  bootStart: Map<string, number>;
  hostDownSince: Map<string, number>;
  revertStart: Map<string, number>;
  deleteStart: Map<string, number>;
}

export function newRuntime(): VmRuntime {
  return { opStart: new Map(), bootStart: new Map(), hostDownSince: new Map(), revertStart: new Map(), deleteStart: new Map() };
}

export function forget(rt: VmRuntime, uid: string): void {
  for (const m of Object.values(rt) as Map<string, number>[]) m.delete(uid);
}
