import type { KubeObject } from '../k8s/types';
import { get } from '../resources/format';
import { classFits, suggestClass, type ClassFit } from './class-fit';
import { classSize, objectsCost, vmSizeUsage, type Cost, type CostContext } from './object-cost';
import { previewQuota, type QuotaPreview } from './preview';

/**
 * The whole quota check of a create screen: what its objects cost, the namespace's quota after
 * them, and — when a powered-on VM does not fit — the nearest smaller class that would.
 */
export interface ObjectsPreview {
  cost: Cost;
  preview: QuotaPreview;
  /** The VM whose class could be changed (first powered-on VM with a known class). */
  vmClass?: string;
  suggestion?: ClassFit;
}

function isPoweredOnVm(o: KubeObject): boolean {
  return o.kind === 'VirtualMachine' && String(o.apiVersion ?? '').startsWith('vmoperator.vmware.com/') && (get(o, 'spec.powerState') ?? 'PoweredOn') === 'PoweredOn';
}

export function previewObjects(objects: readonly KubeObject[], quotas: readonly KubeObject[], ctx: CostContext): ObjectsPreview {
  const cost = objectsCost(objects, ctx);
  const preview = previewQuota(quotas, cost.usage, cost.unset);
  const vm = objects.find(isPoweredOnVm);
  const vmClass = vm ? (get(vm, 'spec.className') as string | undefined) : undefined;
  if (preview.fits || !vmClass) return { cost, preview, vmClass };
  const size = classSize(ctx.classes.get(vmClass));
  if (!size) return { cost, preview, vmClass };
  const own = vmSizeUsage(size);
  const other = Object.fromEntries(Object.entries(cost.usage).map(([k, v]) => [k, v - (own[k] ?? 0)]));
  const suggestion = suggestClass(classFits([...ctx.classes.values()], quotas, other), vmClass);
  return { cost, preview, vmClass, suggestion };
}
