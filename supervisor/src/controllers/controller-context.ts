import type { Core } from '../handlers/core';
import type { Admission } from '../core/admission';
import type { QuotaEvaluators } from '../core/quota-usage';
import type { Clock } from './kit/clock';
import { SystemClient } from './kit/system-client';
import { EventRecorder } from './kit/event-recorder';

/**
 * What each in-process controller is started with. Controllers act through `client(manager)`
 * (the ordinary object path, so every change is a real watch event), read through the store,
 * schedule through the scaled `clock`, and register `stop` functions.
 */
export interface ControllerContext {
  core: Core;
  admission: Admission;
  quotas: QuotaEvaluators;
  clock: Clock;
  /** True when the data dir was empty at start (nothing ever written): the seed runs only then. */
  fresh?: boolean;
  onStop(fn: () => void): void;
}

export function clientFor(ctx: ControllerContext, manager: string): SystemClient {
  return new SystemClient(ctx.core.registry, ctx.core.objects, ctx.core.store, manager);
}

export function recorderFor(ctx: ControllerContext, component: string, host?: string): EventRecorder {
  return new EventRecorder(clientFor(ctx, component), component, host);
}
