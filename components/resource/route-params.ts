/**
 * Route parameters as names: Next passes path segments still percent-encoded in some cases;
 * decoding twice is harmless for Kubernetes names (they never contain `%`).
 */
export function param(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
