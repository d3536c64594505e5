/**
 * Polls `check` every 10 ms until it returns something other than `undefined` or `false`, and
 * resolves to that value; rejects with "timed out waiting for <what>" after `timeoutMs`. Tests
 * wait on observable state this way instead of sleeping for a fixed time.
 */
export async function eventually<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
