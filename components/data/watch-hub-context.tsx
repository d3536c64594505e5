'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { WatchHub, type HubState } from '@/lib/k8s/watch-hub';

/** One WatchHub (one watch stream) per browser tab. */
const HubContext = createContext<WatchHub | null>(null);

export function WatchHubProvider({ children }: { children: ReactNode }) {
  const [hub] = useState(() => new WatchHub());
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}

export function useWatchHub(): WatchHub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useWatchHub must be used inside WatchHubProvider');
  return hub;
}

/** Whether live data is flowing; `since` says when it stopped. */
export function useHubState(): HubState {
  const hub = useWatchHub();
  const [state, setState] = useState<HubState>(hub.current);
  useEffect(() => hub.onState(setState), [hub]);
  return state;
}
