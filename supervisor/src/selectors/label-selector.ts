/**
 * Matching and printing label selectors, and converting the object form (`metav1.LabelSelector`
 * in Deployments, ReplicaSets, Jobs, aggregation rules, ...) with upstream's
 * `metav1.LabelSelectorAsSelector` semantics: a missing selector matches nothing, an empty one
 * matches everything.
 */
import { errors } from '../api/errors';
import {
  everythingSelector,
  newRequirement,
  nothingSelector,
  requirementMatches,
  requirementToString,
  sortByKey,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-requirement';

export interface LabelSelectorRequirementObject {
  key: string;
  operator: string;
  values?: string[] | null;
}

/** `metav1.LabelSelector` as it appears in object JSON. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirementObject[] | null;
}

export function matchesLabels(selector: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (selector.matchesNothing) return false;
  for (const r of selector.requirements) {
    if (!requirementMatches(r, labels)) return false;
  }
  return true;
}

export function isEverything(selector: LabelSelector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0;
}

const EXPRESSION_OPERATORS = new Map<string, LabelOperator>([
  ['In', 'in'],
  ['NotIn', 'notin'],
  ['Exists', 'exists'],
  ['DoesNotExist', '!'],
]);

/**
 * Converts a `metav1.LabelSelector`; `null`/`undefined` yields a selector that matches nothing.
 * Invalid keys, values or operators throw a 400 `BadRequest` with upstream's error text.
 */
export function labelSelectorFromObject(obj: LabelSelectorObject | null | undefined): LabelSelector {
  if (obj === null || obj === undefined) return nothingSelector;
  const requirements: LabelRequirement[] = [];
  const add = (key: string, op: LabelOperator, values: string[]): void => {
    const result = newRequirement(key, op, values);
    if ('error' in result) throw errors.badRequest(result.error);
    requirements.push(result.requirement);
  };
  for (const expr of obj.matchExpressions ?? []) {
    const op = EXPRESSION_OPERATORS.get(expr.operator);
    if (!op) throw errors.badRequest(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    add(expr.key, op, [...(expr.values ?? [])]);
  }
  for (const [key, value] of Object.entries(obj.matchLabels ?? {})) add(key, '=', [value]);
  if (requirements.length === 0) return everythingSelector;
  return { requirements: sortByKey(requirements), matchesNothing: false };
}

/**
 * Upstream `Selector.String()`: requirements by key, joined by `,` (e.g. `app=web,tier in (a,b)`).
 * This is the form of the scale subresource's `status.selector`. A selector that matches
 * nothing prints as the empty string, as upstream's does.
 */
export function labelSelectorToString(selector: LabelSelector | LabelSelectorObject | null | undefined): string {
  const parsed = isParsed(selector) ? selector : labelSelectorFromObject(selector);
  if (parsed.matchesNothing) return '';
  return parsed.requirements.map(requirementToString).join(',');
}

function isParsed(s: LabelSelector | LabelSelectorObject | null | undefined): s is LabelSelector {
  return typeof s === 'object' && s !== null && Array.isArray((s as Partial<LabelSelector>).requirements);
}

/** The value a selector pins `key` to (`key=v`, `key==v` or `key in (v)`), as upstream's `RequiresExactMatch`. */
export function requiresExactMatch(selector: LabelSelector, key: string): string | undefined {
  for (const r of selector.requirements) {
    if (r.key !== key) continue;
    if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
    return undefined;
  }
  return undefined;
}
