import { listHref } from '../resources/links';
import type { ResourceDescriptor } from '../resources/types';

/**
 * A kind's list page narrowed the way the Overview's tiles and the search's "show all" links
 * mean it: `filter` is the list's text filter (name, status, any column), `labelSelector` its
 * label selector in Kubernetes syntax. Both travel as query parameters of the list URL.
 */
export const LIST_FILTER_PARAM = 'filter';
export const LIST_SELECTOR_PARAM = 'labelSelector';

export interface ListNarrowing {
  namespace?: string;
  filter?: string;
  labelSelector?: string;
}

export function filteredListHref(d: Pick<ResourceDescriptor, 'id' | 'namespaced'>, { namespace, filter, labelSelector }: ListNarrowing = {}): string {
  const q = new URLSearchParams();
  if (filter) q.set(LIST_FILTER_PARAM, filter);
  if (labelSelector) q.set(LIST_SELECTOR_PARAM, labelSelector);
  const s = q.toString();
  return s ? `${listHref(d, namespace)}?${s}` : listHref(d, namespace);
}
