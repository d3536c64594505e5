import { ApiError } from '../api/errors';

/**
 * The ApiError that `fn` throws, for tests of rejections. Any other error is rethrown; returning
 * normally fails with "expected <what>".
 */
export function apiErrorOf(fn: () => unknown, what = 'an ApiError'): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`expected ${what}`);
}
