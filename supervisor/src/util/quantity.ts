/**
 * Kubernetes resource quantities (apimachinery resource.Quantity): parse "500m", "2", "1.5Gi",
 * "1e3", "128974848" to a number of base units, and format back in a canonical suffix form.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = PATTERN.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

export function isQuantity(value: unknown): boolean {
  return parseQuantity(value) !== undefined;
}

function trim(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** Canonical-looking text: binary suffixes for byte-like amounts, milli-units for fractions. */
export function formatQuantity(n: number, kind: 'cpu' | 'bytes' | 'count' = 'count'): string {
  if (n === 0) return '0';
  if (kind === 'bytes') {
    for (const [suffix, factor] of Object.entries(BINARY).reverse()) if (n >= factor && n % factor === 0) return `${n / factor}${suffix}`;
    return trim(n);
  }
  if (!Number.isInteger(n)) return `${Math.round(n * 1000)}m`;
  return trim(n);
}

/** Which formatting a quota resource name calls for. */
export function quantityKind(resource: string): 'cpu' | 'bytes' | 'count' {
  if (/(^|\.)cpu$/.test(resource)) return 'cpu';
  if (/memory$|storage$|ephemeral-storage$/.test(resource)) return 'bytes';
  return 'count';
}
