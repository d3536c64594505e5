/**
 * π to `digits` decimal places (Machin's formula in BigInt fixed point), for the classic Job
 * example `perl -Mbignum=bpi -wle 'print bpi(2000)'`. Results are cached per digit count.
 */
const cache = new Map<number, string>();

function arctanInverse(x: bigint, unity: bigint): bigint {
  let sum = unity / x;
  let term = sum;
  const x2 = x * x;
  for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
    term /= x2;
    sum += (sign * term) / n;
  }
  return sum;
}

export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(10_000, Math.floor(digits)));
  const cached = cache.get(n);
  if (cached) return cached;
  const guard = 10n;
  const unity = 10n ** BigInt(n - 1 + 10);
  const pi = 4n * (4n * arctanInverse(5n, unity) - arctanInverse(239n, unity));
  // bpi(N) prints N significant digits with the last one rounded, as Math::BigFloat does.
  const text = ((pi / guard ** 9n + 5n) / 10n).toString();
  const out = `${text[0]}.${text.slice(1, n)}`;
  cache.set(n, out);
  return out;
}
