import { worst } from '../health/roll-up';
import type { Health } from '../resources/types';

/**
 * The supervisor's overall health: the worst of its hosts and key objects (VMs, pods, workloads,
 * operator-backed services), with one plain line per part that is not healthy, worst first.
 * Parts still loading make the result `unknown` only when nothing else is known.
 */
export interface HealthPart {
  /** Singular and plural names, e.g. "host" / "hosts". */
  one: string;
  many: string;
  /** Undefined while the part is loading. */
  health?: Record<Health, number>;
}

export interface OverallHealth {
  health: Health;
  reasons: string[];
  /** Parts not counted yet. */
  pending: number;
}

const ORDER: Exclude<Health, 'healthy'>[] = ['error', 'warning', 'progressing', 'unknown'];
const PHRASE: Record<Exclude<Health, 'healthy'>, string> = { error: 'in error', warning: 'with warnings', progressing: 'progressing', unknown: 'in an unknown state' };

export function overallHealth(parts: readonly HealthPart[]): OverallHealth {
  const known = parts.filter((p): p is HealthPart & { health: Record<Health, number> } => !!p.health);
  const pending = parts.length - known.length;
  if (known.length === 0) return { health: 'unknown', reasons: [], pending };
  const reasons: string[] = [];
  for (const h of ORDER) {
    for (const p of known) {
      const n = p.health[h];
      if (n > 0) reasons.push(`${n} ${n === 1 ? p.one : p.many} ${PHRASE[h]}`);
    }
  }
  const present = known.flatMap((p) => (Object.keys(p.health) as Health[]).filter((h) => p.health[h] > 0));
  return { health: worst(present), reasons, pending };
}

export const HEALTH_TITLE: Record<Health, string> = { healthy: 'Healthy', progressing: 'Progressing', warning: 'Warning', error: 'Error', unknown: 'Unknown' };
