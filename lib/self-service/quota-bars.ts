import type { KubeObject } from '../k8s/types';
import { formatAmount } from '../quota/amounts';
import { quotaState } from '../quota/preview';

/**
 * A namespace's quota as bars a developer reads at a glance: CPU, memory, storage (in total
 * and per storage class), VM count, pods and other object counts — each `used / hard` with a
 * percentage, in words as well as numbers (the bar's accessible text). Values come from the
 * ResourceQuota's status (what the quota controller counted).
 */
export type QuotaGroup = 'CPU' | 'Memory' | 'Storage' | 'Objects';

export interface QuotaBar {
  /** Unique within the namespace: `<quota>/<resource>`. */
  key: string;
  quota: string;
  resource: string;
  label: string;
  group: QuotaGroup;
  used: number;
  hard: number;
  /** Whole percent of hard used (0 when hard is 0 and nothing is used; 100+ when over). */
  percent: number;
  /** "9.45 / 16 (59%)". */
  text: string;
  /** "CPU requests: 9.45 of 16 used (59%), 6.55 left". */
  spoken: string;
  tone: 'ok' | 'high' | 'full';
}

const STORAGE_CLASS = /^(.+)\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/;

const LABELS: Record<string, [string, QuotaGroup]> = {
  'requests.cpu': ['CPU requests', 'CPU'],
  'limits.cpu': ['CPU limits', 'CPU'],
  cpu: ['CPU', 'CPU'],
  'requests.memory': ['Memory requests', 'Memory'],
  'limits.memory': ['Memory limits', 'Memory'],
  memory: ['Memory', 'Memory'],
  'requests.storage': ['Storage, all classes', 'Storage'],
  'requests.ephemeral-storage': ['Ephemeral storage requests', 'Storage'],
  'limits.ephemeral-storage': ['Ephemeral storage limits', 'Storage'],
  persistentvolumeclaims: ['Volumes', 'Storage'],
  'count/persistentvolumeclaims': ['Volumes', 'Storage'],
  'count/virtualmachines.vmoperator.vmware.com': ['Virtual machines', 'Objects'],
  pods: ['Pods', 'Objects'],
  'count/pods': ['Pods', 'Objects'],
  services: ['Services', 'Objects'],
  'count/services': ['Services', 'Objects'],
  'services.loadbalancers': ['Load balancers', 'Objects'],
  'services.nodeports': ['Node ports', 'Objects'],
  secrets: ['Secrets', 'Objects'],
  'count/secrets': ['Secrets', 'Objects'],
  configmaps: ['Config maps', 'Objects'],
  'count/configmaps': ['Config maps', 'Objects'],
};

export function quotaLabel(resource: string): { label: string; group: QuotaGroup } {
  const known = LABELS[resource];
  if (known) return { label: known[0], group: known[1] };
  const sc = STORAGE_CLASS.exec(resource);
  if (sc) return { label: sc[2] === 'requests.storage' ? `Storage, class ${sc[1]}` : `Volumes, class ${sc[1]}`, group: 'Storage' };
  if (resource.startsWith('count/')) return { label: `Count of ${resource.slice(6)}`, group: 'Objects' };
  return { label: resource, group: /cpu/.test(resource) ? 'CPU' : /memory/.test(resource) ? 'Memory' : /storage/.test(resource) ? 'Storage' : 'Objects' };
}

const ORDER: QuotaGroup[] = ['CPU', 'Memory', 'Storage', 'Objects'];
const RANK = Object.keys(LABELS);
const rank = (resource: string) => (RANK.includes(resource) ? RANK.indexOf(resource) : RANK.length);

export function quotaBars(quotas: readonly KubeObject[]): QuotaBar[] {
  const out: QuotaBar[] = [];
  for (const q of quotas) {
    const s = quotaState(q);
    for (const [resource, hard] of Object.entries(s.hard)) {
      const used = s.used[resource] ?? 0;
      const { label, group } = quotaLabel(resource);
      const percent = hard > 0 ? Math.round((used / hard) * 100) : used > 0 ? 100 : 0;
      const f = (n: number) => formatAmount(resource, n);
      const left = Math.max(0, hard - used);
      out.push({
        key: `${s.name}/${resource}`,
        quota: s.name,
        resource,
        label,
        group,
        used,
        hard,
        percent,
        text: `${f(used)} / ${f(hard)} (${percent}%)`,
        spoken: `${label}: ${f(used)} of ${f(hard)} used (${percent}%), ${f(left)} left`,
        tone: percent >= 100 ? 'full' : percent > 80 ? 'high' : 'ok',
      });
    }
  }
  return out.sort((a, b) => ORDER.indexOf(a.group) - ORDER.indexOf(b.group) || rank(a.resource) - rank(b.resource) || a.label.localeCompare(b.label) || a.quota.localeCompare(b.quota));
}
