/**
 * The 409 a server-side apply conflict produces, worded as apimachinery
 * `pkg/util/managedfields/internal/conflict.go` words it:
 *   Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.a
 *   Apply failed with 2 conflicts: conflicts with "m" using v1:\n- .data.a\n- .data.b
 * with one `FieldManagerConflict` cause per conflicting field and no name or kind in the details.
 */
import { ApiError, type StatusCause } from '../api/errors';
import { formatPath } from './field-path';
import type { FieldSet } from './field-set';
import { describeManager, managerIdentity, type ManagerRecord } from './managed-fields';

export interface ManagerConflict {
  manager: ManagerRecord;
  /** The conflicting paths that manager owns. */
  fields: FieldSet;
}

/** Builds the apply conflict error; managers are listed in the order of their identities, as upstream sorts them. */
export function applyConflictError(conflicts: readonly ManagerConflict[]): ApiError {
  const sorted = [...conflicts].sort((a, b) => {
    const ia = managerIdentity(a.manager);
    const ib = managerIdentity(b.manager);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const causes: StatusCause[] = [];
  const lines: string[] = [];
  for (const { manager, fields } of sorted) {
    const who = describeManager(manager);
    lines.push(`conflicts with ${who}:`);
    for (const path of fields.paths()) {
      const field = formatPath(path);
      causes.push({ type: 'FieldManagerConflict', message: `conflict with ${who}`, field });
      lines.push(`- ${field}`);
    }
  }
  const message =
    causes.length === 1
      ? `Apply failed with 1 conflict: ${causes[0]?.message}: ${causes[0]?.field}`
      : `Apply failed with ${causes.length} conflicts: ${lines.join('\n')}`;
  return new ApiError(409, 'Conflict', message, { causes });
}
