/**
 * Where the scale seed puts its objects: object `i` of a kind goes to namespace `i mod N`
 * (round-robin). With `big` set, VMs instead fill the first namespace with exactly `big` of
 * them (all of them when there are fewer) and the rest go round-robin over the other
 * namespaces; with a single namespace everything lands there. Names stay those of the index,
 * so a VM's name is unique across the inventory whatever the spread.
 */
export function* roundRobin(count: number, namespaces: readonly string[]): Generator<[string, number]> {
  for (let i = 0; i < count; i++) yield [namespaces[i % namespaces.length]!, i];
}

export function* bigFirst(count: number, namespaces: readonly string[], big: number | undefined): Generator<[string, number]> {
  if (big === undefined || namespaces.length === 1) {
    yield* roundRobin(count, namespaces);
    return;
  }
  const first = Math.min(big, count);
  for (let i = 0; i < first; i++) yield [namespaces[0]!, i];
  const others = namespaces.slice(1);
  for (let i = first; i < count; i++) yield [others[(i - first) % others.length]!, i];
}
