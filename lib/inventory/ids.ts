import { parseConsolePath } from '../resources/links';
import { descriptorById } from '../resources/registry';

/**
 * Node ids of the inventory tree. An object's primary node (under its namespace's group) has a
 * canonical id; the same object shown again elsewhere (a pod under its Deployment, a VM under
 * its host) gets the parent's id as a prefix, so every id is unique in the tree.
 */
export const ROOT_ID = 'root';
export const HOSTS_ID = 'hosts';

export function namespaceId(ns: string): string {
  return `ns:${ns}`;
}

export function groupId(ns: string, group: string): string {
  return `${namespaceId(ns)}/group:${group}`;
}

export function objectId(descriptorId: string, ns: string | undefined, name: string): string {
  return `obj:${descriptorId}/${ns ?? ''}/${name}`;
}

export function hostId(node: string): string {
  return `host:${node}`;
}

/** The id of a secondary appearance of a node under another parent. */
export function nestedId(parentId: string, id: string): string {
  return `${parentId}>${id}`;
}

/**
 * The node that stands for the page at `pathname`, and the ancestors known from the id alone
 * (deeper ancestors, like a Job's CronJob, come from the built tree). Undefined for pages that
 * have no node (search, lists across namespaces).
 */
export function nodeForPath(pathname: string): { id: string; ancestors: string[] } | undefined {
  const loc = parseConsolePath(pathname);
  switch (loc.page) {
    case 'overview':
      return { id: ROOT_ID, ancestors: [] };
    case 'hosts':
      return { id: HOSTS_ID, ancestors: [ROOT_ID] };
    case 'host':
      return { id: hostId(loc.node), ancestors: [ROOT_ID, HOSTS_ID] };
    case 'namespace':
      return { id: namespaceId(loc.namespace), ancestors: [ROOT_ID] };
    case 'list': {
      const group = descriptorById(loc.descriptorId)?.tree?.group;
      if (!loc.namespace || !group) return undefined;
      return { id: groupId(loc.namespace, group), ancestors: [ROOT_ID, namespaceId(loc.namespace)] };
    }
    case 'object': {
      const group = descriptorById(loc.descriptorId)?.tree?.group;
      if (!loc.namespace || !group) return undefined;
      return { id: objectId(loc.descriptorId, loc.namespace, loc.name), ancestors: [ROOT_ID, namespaceId(loc.namespace), groupId(loc.namespace, group)] };
    }
    default:
      return undefined;
  }
}
