/**
 * rbac.authorization.k8s.io/v1 printers. RoleBinding and ClusterRoleBinding have their own columns
 * (printers.go `printRoleBinding`); Role and ClusterRole have none upstream and use the default
 * `Name` + `Created At` table (see registry.ts).
 */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, list, nameColumn, str } from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

/** rbac `SubjectsStrings`: users, groups and `namespace/name` service accounts. */
export function subjectStrings(subjects: unknown): { users: string[]; groups: string[]; serviceAccounts: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const s of list(subjects)) {
    const name = str(at(s, 'name'));
    switch (at(s, 'kind')) {
      case 'User':
        users.push(name);
        break;
      case 'Group':
        groups.push(name);
        break;
      case 'ServiceAccount':
        serviceAccounts.push(`${str(at(s, 'namespace'))}/${name}`);
        break;
    }
  }
  return { users, groups, serviceAccounts };
}

function bindingPrinter(what: string): Printer {
  return {
    columns: [
      nameColumn(),
      column('Role', 'string', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
      ageColumn(),
      column('Users', 'string', `Users in the ${what}`, 1),
      column('Groups', 'string', `Groups in the ${what}`, 1),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
    ],
    row(binding: KubeObject, now: number): TableCell[] {
      const { users, groups, serviceAccounts } = subjectStrings(at(binding, 'subjects'));
      return [
        str(binding.metadata.name),
        `${str(at(binding, 'roleRef', 'kind'))}/${str(at(binding, 'roleRef', 'name'))}`,
        timestampSince(binding.metadata.creationTimestamp, now),
        users.join(', '),
        groups.join(', '),
        serviceAccounts.join(', '),
      ];
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');
