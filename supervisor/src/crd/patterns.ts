/**
 * `pattern` compilation, cached per pattern string for the life of the process (CRD schemas are
 * few and long-lived, and CR validation runs on every write).
 *
 * Patterns are ECMA-262 as OpenAPI says, but CRD authors often write them for Go's RE2 (which is
 * what upstream actually runs). The RE2-only leading flag group `(?i)`/`(?s)`/`(?m)` is translated to
 * JavaScript flags so such patterns still work; anything else JavaScript cannot compile is an error.
 */
const cache = new Map<string, RegExp | Error>();

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

export function compilePattern(pattern: string): RegExp | Error {
  let compiled = cache.get(pattern);
  if (compiled) return compiled;
  try {
    const flags = LEADING_FLAGS.exec(pattern);
    compiled = flags ? new RegExp(pattern.slice(flags[0].length), flags[1]) : new RegExp(pattern);
  } catch (e) {
    compiled = e instanceof Error ? e : new Error(String(e));
  }
  cache.set(pattern, compiled);
  return compiled;
}
