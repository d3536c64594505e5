/**
 * apimachinery's semantic equality for JSON objects: Go decodes `null` to a zero value and
 * treats nil and empty slices and maps alike, so `{"metadata":{"creationTimestamp":null}}` (what
 * kubectl sends back in `rollout undo`) equals `{"metadata":{}}` and an absent field. Comparisons
 * and hashes of templates go through this normal form.
 */
export function semanticNormal(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(semanticNormal);
    return items.length ? items : undefined;
  }
  if (value === null || typeof value !== 'object') return value === null ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const n = semanticNormal(v);
    if (n !== undefined) out[k] = n;
  }
  return Object.keys(out).length ? out : undefined;
}
