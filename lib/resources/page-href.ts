import { hostHref, namespaceHref, objectHref, type ObjectTab } from './links';
import type { ResourceDescriptor } from './types';

/**
 * The page of an object of any served kind (CRDs included): hosts and namespaces have their own
 * pages, everything else the generic object page of the URL scheme.
 */
export function pageHref(d: Pick<ResourceDescriptor, 'id' | 'group' | 'kind' | 'namespaced'>, namespace: string | undefined, name: string, tab?: ObjectTab): string {
  if (d.group === '' && d.kind === 'Node') return tab ? `${hostHref(name)}?tab=${tab}` : hostHref(name);
  if (d.group === '' && d.kind === 'Namespace') return tab ? `${namespaceHref(name)}?tab=${tab}` : namespaceHref(name);
  return objectHref(d, namespace, name, tab);
}
