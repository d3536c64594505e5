import type { KubeObject } from '../k8s/types';
import type { SearchQuery } from './query';

/**
 * Whether an object matches every term of a query, how well, and which of its labels made it
 * match (to show them). Names count more than labels: an exact name first, then a name that
 * starts with the text, then one that contains it, then a label match.
 */
export interface Match {
  score: number;
  /** Labels that matched a term, as [key, value], in the object's label order. */
  labels: [string, string][];
}

const SCORE = { exactName: 100, namePrefix: 60, nameContains: 40, labelText: 10, labelEquals: 20, labelNotEquals: 1 };

export function matchObject(q: SearchQuery, obj: KubeObject): Match | undefined {
  if (q.terms.length === 0) return undefined;
  const name = (obj.metadata.name ?? '').toLowerCase();
  const labels = obj.metadata.labels ?? {};
  const matched = new Set<string>();
  let score = 0;
  for (const t of q.terms) {
    if (t.kind === 'label') {
      const has = Object.prototype.hasOwnProperty.call(labels, t.key);
      if (t.op === '=') {
        if (!has || labels[t.key] !== t.value) return undefined;
        matched.add(t.key);
        score += SCORE.labelEquals;
      } else {
        if (has && labels[t.key] === t.value) return undefined;
        score += SCORE.labelNotEquals;
      }
      continue;
    }
    const text = t.text;
    let labelHit = false;
    for (const [k, v] of Object.entries(labels)) {
      if (k.toLowerCase().includes(text) || String(v).toLowerCase().includes(text)) {
        matched.add(k);
        labelHit = true;
      }
    }
    if (name === text) score += SCORE.exactName;
    else if (name.startsWith(text)) score += SCORE.namePrefix;
    else if (name.includes(text)) score += SCORE.nameContains;
    else if (labelHit) score += SCORE.labelText;
    else return undefined;
  }
  return { score, labels: Object.entries(labels).filter(([k]) => matched.has(k)) };
}
