'use client';

import type { ReactNode } from 'react';
import { SessionProvider, useSession } from '@/components/data/session-context';
import { WatchHubProvider } from '@/components/data/watch-hub-context';
import { InventoryPane } from '@/components/inventory/inventory-pane';
import { AppHeader } from './app-header';
import { SplitPane } from './split-pane';
import { StaleBanner } from './stale-banner';
import { UserMenu } from './user-menu';

/**
 * Every signed-in page: header, stale-data banner, the inventory tree in a resizable left pane
 * and the page on the right. Nothing renders until the session is known (a missing session
 * sends the user to /login), so no request goes out without the anti-CSRF token.
 */
function SignedIn({ clusterName, children }: { clusterName: string; children: ReactNode }) {
  const session = useSession();
  return (
    <WatchHubProvider>
      <div className="flex h-dvh flex-col">
        <AppHeader user={<UserMenu username={session.username} />} />
        <StaleBanner />
        <SplitPane leftLabel="Inventory" left={<InventoryPane clusterName={clusterName} />} right={children} />
      </div>
    </WatchHubProvider>
  );
}

function Pending() {
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader />
      <p role="status" className="p-4 text-muted dark:text-muted-dark">
        Loading your session…
      </p>
    </div>
  );
}

export function ConsoleShell({ clusterName, children }: { clusterName: string; children: ReactNode }) {
  return (
    <SessionProvider fallback={<Pending />}>
      <SignedIn clusterName={clusterName}>{children}</SignedIn>
    </SessionProvider>
  );
}
