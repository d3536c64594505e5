/**
 * The status the server writes for a CRD after create/update, collapsing upstream's naming and
 * establishing controllers (`pkg/controller/status/naming_controller.go`,
 * `pkg/controller/establish/establishing_controller.go`) into one pure step:
 *
 * - each requested name is accepted unless another CRD of the same group has already accepted it
 *   (plurals, singulars and short names share one namespace, kinds and list kinds another); a
 *   name this CRD already accepted stays accepted;
 * - NamesAccepted is True/NoConflicts, or False with the reason of the last conflict found;
 * - Established becomes True/InitialNamesAccepted once names are accepted and then stays True,
 *   else it is False/NotAccepted;
 * - storedVersions accumulates the storage version;
 * - a condition keeps its lastTransitionTime unless its status changes; other conditions
 *   (e.g. Terminating) are kept as they are.
 */
import type { CrdCondition, CrdNames, CrdStatus, CustomResourceDefinition } from './crd-types';
import { defaultedNames } from './crd-versions';

/** RFC 3339 in UTC with seconds precision, the form metav1.Time serializes to. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface UsedNames {
  resources: Set<string>;
  kinds: Set<string>;
}

function namesUsedByOthers(crd: CustomResourceDefinition, existing: CustomResourceDefinition[]): UsedNames {
  const used: UsedNames = { resources: new Set(), kinds: new Set() };
  for (const other of existing) {
    if (other.metadata?.name === crd.metadata?.name || other.spec?.group !== crd.spec?.group) continue;
    const a = other.status?.acceptedNames ?? {};
    for (const n of [a.plural, a.singular, ...(a.shortNames ?? [])]) if (n) used.resources.add(n);
    for (const n of [a.kind, a.listKind]) if (n) used.kinds.add(n);
  }
  return used;
}

/** upstream's equalToAcceptedOrFresh: undefined when the name may be accepted. */
function conflict(requested: string, accepted: string | undefined, used: Set<string>): string | undefined {
  if (requested === accepted || !used.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

function acceptNames(crd: CustomResourceDefinition, used: UsedNames): { names: CrdNames; failure?: { reason: string; message: string } } {
  const requested = defaultedNames(crd.spec?.names);
  const accepted = crd.status?.acceptedNames ?? {};
  const names: CrdNames = { ...accepted };
  let failure: { reason: string; message: string } | undefined;
  const check = (field: 'plural' | 'singular' | 'kind' | 'listKind', reason: string, pool: Set<string>): void => {
    const message = conflict(requested[field], accepted[field], pool);
    if (message) failure = { reason, message };
    else names[field] = requested[field];
  };
  check('plural', 'PluralConflict', used.resources);
  check('singular', 'SingularConflict', used.resources);
  const acceptedShort = new Set(accepted.shortNames ?? []);
  const shortConflicts = requested.shortNames
    .filter((n) => !acceptedShort.has(n))
    .map((n) => conflict(n, '', used.resources))
    .filter((m): m is string => !!m);
  if (shortConflicts.length > 0) {
    failure = { reason: 'ShortNamesConflict', message: shortConflicts.length === 1 ? (shortConflicts[0] ?? '') : `[${shortConflicts.join(', ')}]` };
  } else {
    names.shortNames = requested.shortNames;
  }
  check('kind', 'KindConflict', used.kinds);
  check('listKind', 'ListKindConflict', used.kinds);
  names.categories = requested.categories;
  return { names: orderedNames(names), ...(failure ? { failure } : {}) };
}

/** Field order and omitempty as the v1 JSON serialization has them. */
function orderedNames(n: CrdNames): CrdNames {
  const out: CrdNames = {};
  if (n.plural) out.plural = n.plural;
  if (n.singular) out.singular = n.singular;
  if (n.shortNames?.length) out.shortNames = n.shortNames;
  if (n.kind) out.kind = n.kind;
  if (n.listKind) out.listKind = n.listKind;
  if (n.categories?.length) out.categories = n.categories;
  return out;
}

function setCondition(conditions: CrdCondition[], next: CrdCondition, now: string): CrdCondition[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, { ...next, lastTransitionTime: now }];
  const prev = conditions[i] as CrdCondition;
  const lastTransitionTime = prev.status === next.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  return conditions.map((c, j) => (j === i ? { ...next, lastTransitionTime } : c));
}

export function crdStatusFor(crd: CustomResourceDefinition, existingCrds: CustomResourceDefinition[], now: Date = new Date()): CrdStatus {
  const now3339 = timestamp(now);
  const { names, failure } = acceptNames(crd, namesUsedByOthers(crd, existingCrds));
  const namesAccepted: CrdCondition = failure
    ? { type: 'NamesAccepted', status: 'False', reason: failure.reason, message: failure.message }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  const previous = crd.status?.conditions ?? [];
  const wasEstablished = previous.some((c) => c.type === 'Established' && c.status === 'True');
  let conditions = setCondition(previous, namesAccepted, now3339);
  if (!wasEstablished) {
    const established: CrdCondition = failure
      ? { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' }
      : { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' };
    conditions = setCondition(conditions, established, now3339);
  }
  const storedVersions = [...(crd.status?.storedVersions ?? [])];
  const storage = crd.spec?.versions?.find((v) => v?.storage)?.name;
  if (storage && !storedVersions.includes(storage)) storedVersions.push(storage);
  return { ...crd.status, conditions, acceptedNames: names, storedVersions };
}

/** Whether the CRD is Established, i.e. its resource is being served. */
export function isCrdEstablished(crd: CustomResourceDefinition): boolean {
  return (crd.status?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
}
