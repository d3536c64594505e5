'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once every `ms` (the latest one wins). With `ms` 0 it is passed
 * on at once. Lets a page that aggregates huge live lists recompute once a second however
 * fast watch events arrive, while small clusters stay instant.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (ms <= 0 || Object.is(shown, value)) return;
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, Math.max(0, last.current + ms - Date.now()));
    return () => clearTimeout(timer);
  }, [value, ms, shown]);
  return ms <= 0 ? value : shown;
}
