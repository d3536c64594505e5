'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useWatchHub } from '@/components/data/watch-hub-context';
import { nextOutage, RECOVERY_MS, settleOutage, type Outage } from './outage';

/**
 * The current outage of live data (see outage.ts), for the stale banner. When an outage ends,
 * every query on screen that failed meanwhile (lists, access reviews) is fetched again at once
 * instead of waiting for its back-off, so the page catches up as soon as the API is back.
 */
export function useOutage(): Outage | undefined {
  const hub = useWatchHub();
  const client = useQueryClient();
  const [outage, setOutage] = useState<Outage | undefined>(undefined);
  const hadOutage = useRef(false);

  useEffect(() => hub.onState((s) => setOutage((prev) => nextOutage(prev, s, Date.now()))), [hub]);

  const upAt = outage?.upAt;
  useEffect(() => {
    if (upAt === undefined) return;
    const timer = setTimeout(() => setOutage((prev) => settleOutage(prev, Date.now())), Math.max(0, upAt + RECOVERY_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [upAt]);

  const over = outage === undefined;
  useEffect(() => {
    if (!over) {
      hadOutage.current = true;
      return;
    }
    if (!hadOutage.current) return;
    hadOutage.current = false;
    void client.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' || q.state.fetchFailureCount > 0 });
  }, [over, client]);

  return outage;
}
