import type { KubeList, KubeObject, WatchEvent } from './types';
import { objectKey } from './types';

/**
 * Folds one watch event into a cached list, returning a new list (or the same one when nothing
 * changed, so React skips the render). resourceVersions are opaque: an event whose object has
 * the same resourceVersion as the cached one is a repeat and is ignored; nothing is compared by
 * order. BOOKMARKs only move the list's resourceVersion.
 */
export function applyWatchEvent<T extends KubeObject>(list: KubeList<T>, event: WatchEvent<T>): KubeList<T> {
  const rv = event.object?.metadata?.resourceVersion;
  const withRv = (items: T[]): KubeList<T> => ({ ...list, items, metadata: { ...list.metadata, ...(rv ? { resourceVersion: rv } : {}) } });
  if (event.type === 'BOOKMARK') return rv && rv !== list.metadata.resourceVersion ? withRv(list.items) : list;
  const key = objectKey(event.object);
  const index = list.items.findIndex((item) => objectKey(item) === key);
  if (event.type === 'DELETED') {
    if (index < 0) return withRv(list.items);
    return withRv([...list.items.slice(0, index), ...list.items.slice(index + 1)]);
  }
  if (index >= 0) {
    if (list.items[index]!.metadata.resourceVersion === rv) return list;
    const items = list.items.slice();
    items[index] = event.object;
    return withRv(items);
  }
  return withRv([...list.items, event.object]);
}

/**
 * Folds a burst of events into a list at once: one new list (and one render) for the burst
 * instead of one per event, with the same result as applying them one by one.
 */
export function applyWatchEvents<T extends KubeObject>(list: KubeList<T>, events: readonly WatchEvent<T>[]): KubeList<T> {
  if (events.length === 1) return applyWatchEvent(list, events[0]!);
  let items: (T | undefined)[] | undefined;
  let index: Map<string, number> | undefined;
  let rv = list.metadata.resourceVersion;
  for (const event of events) {
    const erv = event.object?.metadata?.resourceVersion;
    if (erv) rv = erv;
    if (event.type === 'BOOKMARK') continue;
    if (!items || !index) {
      items = list.items.slice();
      index = new Map(items.map((o, i) => [objectKey(o!), i]));
    }
    const key = objectKey(event.object);
    const at = index.get(key);
    if (event.type === 'DELETED') {
      if (at !== undefined) {
        items[at] = undefined;
        index.delete(key);
      }
    } else if (at !== undefined) items[at] = event.object;
    else {
      index.set(key, items.length);
      items.push(event.object);
    }
  }
  if (!items) return rv === list.metadata.resourceVersion ? list : { ...list, metadata: { ...list.metadata, resourceVersion: rv } };
  return { ...list, items: items.filter((o): o is T => o !== undefined), metadata: { ...list.metadata, ...(rv ? { resourceVersion: rv } : {}) } };
}
