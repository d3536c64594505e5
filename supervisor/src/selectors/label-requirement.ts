/**
 * The label selector model: an AND of requirements, as apimachinery's `labels.Selector`.
 * Parsed selectors (query strings) and object selectors (`metav1.LabelSelector`) both end here,
 * so matching and printing behave the same whichever form a selector came in.
 */
import { aggregateMessages, fieldInvalid, labelValueErrors, qualifiedNameErrors } from './label-validation';

/** Operator spellings follow apimachinery's `selection.Operator` values. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Sorted and deduplicated for set operators; one value for `=`, `==`, `!=`, `gt`, `lt`; empty otherwise. */
  readonly values: readonly string[];
}

export interface LabelSelector {
  /** Sorted by key (stable), as upstream keeps them. Empty = matches everything. */
  readonly requirements: readonly LabelRequirement[];
  /** True only for upstream's `labels.Nothing()` (a nil `metav1.LabelSelector`): matches no object. */
  readonly matchesNothing: boolean;
}

export const everythingSelector: LabelSelector = Object.freeze({ requirements: Object.freeze([]), matchesNothing: false });
export const nothingSelector: LabelSelector = Object.freeze({ requirements: Object.freeze([]), matchesNothing: true });

const INT64_RE = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `strconv.ParseInt(s, 10, 64)`: undefined when Go would fail. */
export function parseInt64(s: string): bigint | undefined {
  if (!INT64_RE.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * Upstream `labels.NewRequirement`: validates the key, the value count for the operator and
 * each value; returns the error texts (aggregated by the caller) or the requirement.
 */
export function newRequirement(key: string, operator: LabelOperator, values: string[]): { requirement: LabelRequirement } | { error: string } {
  const errs: string[] = [];
  const keyErrs = qualifiedNameErrors(key);
  if (keyErrs.length > 0) errs.push(fieldInvalid('key', key, keyErrs.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(fieldInvalid('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(fieldInvalid('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(fieldInvalid('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(fieldInvalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(fieldInvalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  values.forEach((v, i) => {
    const valueErrs = labelValueErrors(v);
    if (valueErrs.length > 0) errs.push(fieldInvalid(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  if (errs.length > 0) return { error: aggregateMessages(errs) };
  return { requirement: { key, operator, values } };
}

/** Upstream `Requirement.Matches`; `!=` and `notin` match objects without the key. */
export function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (value === undefined || r.values.length !== 1) return false;
      const actual = parseInt64(value);
      const bound = parseInt64(r.values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

function sortedValues(values: readonly string[]): string {
  return [...values].sort().join(',');
}

/** Upstream `Requirement.String()`. */
export function requirementToString(r: LabelRequirement): string {
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${sortedValues(r.values)})`;
    case 'notin':
      return `${r.key} notin (${sortedValues(r.values)})`;
    case 'gt':
      return `${r.key}>${sortedValues(r.values)}`;
    case 'lt':
      return `${r.key}<${sortedValues(r.values)}`;
    default:
      return `${r.key}${r.operator}${sortedValues(r.values)}`;
  }
}

/** Stable sort by key, as upstream's `sort.Sort(ByKey(...))` orders requirements. */
export function sortByKey(requirements: LabelRequirement[]): LabelRequirement[] {
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
