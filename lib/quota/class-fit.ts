import type { KubeObject } from '../k8s/types';
import { addUsage, type Usage } from './amounts';
import { classSize, vmSizeUsage } from './object-cost';
import { previewQuota } from './preview';

/**
 * Which of a namespace's VM classes a powered-on VM could use within the quota, given what the
 * rest of the request already costs — so a refusal can offer the nearest smaller class.
 */
export interface ClassFit {
  name: string;
  cpus: number;
  memory: number;
  fits: boolean;
}

export function classFits(classes: readonly KubeObject[], quotas: readonly KubeObject[], otherCost: Usage): ClassFit[] {
  const out: ClassFit[] = [];
  for (const c of classes) {
    const size = classSize(c);
    if (!size) continue;
    const fits = previewQuota(quotas, addUsage(otherCost, vmSizeUsage(size))).fits;
    out.push({ name: c.metadata.name ?? '', ...size, fits });
  }
  return out.sort((a, b) => a.cpus - b.cpus || a.memory - b.memory || a.name.localeCompare(b.name));
}

/**
 * The class to suggest instead of `chosen`: the largest fitting class no bigger than it in CPU
 * and memory (same family first: "best-effort-" stays best-effort), else the smallest that fits.
 */
export function suggestClass(fits: readonly ClassFit[], chosen: string): ClassFit | undefined {
  const current = fits.find((f) => f.name === chosen);
  const ok = fits.filter((f) => f.fits && f.name !== chosen);
  if (!current) return ok[0];
  const family = (n: string) => n.replace(/-?[^-]*$/, '');
  const smaller = ok.filter((f) => f.cpus <= current.cpus && f.memory <= current.memory);
  const byRank = (list: ClassFit[]) => list[list.length - 1];
  return byRank(smaller.filter((f) => family(f.name) === family(chosen))) ?? byRank(smaller) ?? ok[0];
}
