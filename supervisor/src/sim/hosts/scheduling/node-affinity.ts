/**
 * Node selection by labels (kube-scheduler's NodeAffinity plugin): `spec.nodeSelector` plus
 * `affinity.nodeAffinity` required terms (ORed; each term's expressions ANDed) and preferred
 * terms (summed weights for scoring). Pure functions over plain label maps.
 */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface PreferredTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

export interface NodeAffinity {
  /** undefined: no required affinity; otherwise the node must match at least one term. */
  required?: NodeSelectorTerm[];
  preferred: PreferredTerm[];
}

export interface NodeLabels {
  name: string;
  labels: Readonly<Record<string, string>>;
}

const INT = /^-?\d+$/;

export function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !INT.test(value) || values.length !== 1 || !INT.test(values[0]!)) return false;
      const [a, b] = [BigInt(value), BigInt(values[0]!)];
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term with neither expressions nor fields matches no node (core/v1 NodeSelectorTerm). Only `metadata.name` is a field. */
export function termMatches(term: NodeSelectorTerm, node: NodeLabels): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  if (!exprs.every((r) => requirementMatches(r, node.labels[r.key]))) return false;
  return fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.name));
}

export function matchesNodeSelector(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function matchesRequiredAffinity(affinity: NodeAffinity | undefined, node: NodeLabels): boolean {
  if (!affinity?.required) return true;
  return affinity.required.some((term) => termMatches(term, node));
}

/** Sum of the weights of the preferred terms the node matches. */
export function preferredAffinityWeight(affinity: NodeAffinity | undefined, node: NodeLabels): number {
  let sum = 0;
  for (const p of affinity?.preferred ?? []) if (termMatches(p.preference, node)) sum += p.weight;
  return sum;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function terms(list: unknown): NodeSelectorTerm[] {
  return Array.isArray(list) ? (list.filter(isObj) as NodeSelectorTerm[]) : [];
}

/** Reads `spec.affinity.nodeAffinity` of a pod spec. */
export function nodeAffinityOf(spec: Record<string, unknown>): NodeAffinity | undefined {
  const na = isObj(spec.affinity) && isObj(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  if (!na) return undefined;
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  const preferred = Array.isArray(na.preferredDuringSchedulingIgnoredDuringExecution)
    ? na.preferredDuringSchedulingIgnoredDuringExecution.filter((p): p is PreferredTerm => isObj(p) && typeof p.weight === 'number' && isObj(p.preference))
    : [];
  return { required: isObj(req) ? terms(req.nodeSelectorTerms) : undefined, preferred };
}
