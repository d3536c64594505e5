import type { Admission } from '../core/admission';
import type { Core } from '../handlers/core';
import type { ControllerContext } from './controller-context';
import { Clock } from './kit/clock';
import { startSimulation } from '../sim';
import { startNamespaceController } from './namespace-controller';
import { startGarbageCollector } from './garbage-collector';
import { startClusterRoleAggregation } from './clusterrole-aggregation';
import { startServiceAccountController } from './serviceaccount-controller';
import { startEventTtl } from './event-ttl';
import { startCrdController } from './crd-controller';
import { startQuotaController } from './quota-controller';
import type { QuotaEvaluators } from '../core/quota-usage';

/** Starts the control-plane controllers that every cluster has; returns a handle to stop them. */
export interface Controllers {
  stop(): void;
}

export function startControllers(core: Core, admission: Admission, caPem: string, quotas: QuotaEvaluators, fresh: boolean): Controllers {
  const stops: (() => void)[] = [];
  const clock = new Clock(core.config.timeScale);
  const ctx: ControllerContext = { core, admission, quotas, clock, fresh, onStop: (fn) => stops.push(fn) };
  stops.push(() => clock.stop());
  startCrdController(ctx);
  startNamespaceController(ctx);
  startGarbageCollector(ctx);
  startClusterRoleAggregation(ctx);
  startServiceAccountController(ctx, caPem);
  startEventTtl(ctx);
  startQuotaController(ctx);
  startSimulation(ctx);
  return {
    stop() {
      for (const s of stops.reverse()) s();
    },
  };
}
