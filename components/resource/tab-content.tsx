'use client';

import type { ServedResource } from '@/components/data/use-discovery';
import type { KubeObject } from '@/lib/k8s/types';
import type { ObjectTab } from '@/lib/resources/links';
import { EventsTab } from './events-tab';
import { LogsTab } from './logs-tab';
import { RelatedTab } from './related-tab';
import { SummaryTab } from './summary-tab';
import { YamlTab } from './yaml-tab';

/** The active tab's panel; the others are not mounted (nothing hidden keeps streaming). */
export function TabContent({ tab, served, obj, limited }: { tab: ObjectTab; served: ServedResource; obj: KubeObject; limited: boolean }) {
  switch (tab) {
    case 'summary':
      return <SummaryTab served={served} obj={obj} limited={limited} />;
    case 'yaml':
      return <YamlTab obj={obj} />;
    case 'events':
      return <EventsTab served={served} obj={obj} />;
    case 'related':
      return <RelatedTab served={served} obj={obj} />;
    case 'logs':
      return <LogsTab served={served} pod={obj} />;
  }
}
