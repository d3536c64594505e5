import type { ClusterOverview } from '@/lib/k8s-server/cluster-overview';
import { AlertCard } from '../ui/alert-card';
import { RefreshButton } from '../ui/refresh-button';
import { StatusPill, type StatusTone } from '../ui/status-pill';
import { CommandLinePanel, ConnectionPanel, VersionPanel } from './cluster-panels';

const STATE_LABEL: Record<ClusterOverview['state'], { tone: StatusTone; label: string }> = {
  connected: { tone: 'ok', label: 'Connected' },
  unreachable: { tone: 'error', label: 'Unreachable' },
  misconfigured: { tone: 'warning', label: 'Not configured' },
};

function ClusterIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-8 shrink-0 text-accent dark:text-accent-dark" aria-hidden="true">
      <path
        d="M12 2.8 20 7.4v9.2L12 21.2 4 16.6V7.4L12 2.8Z"
        fill="currentColor"
        fillOpacity="0.12"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </svg>
  );
}

function Title({ overview }: { overview: ClusterOverview }) {
  const name = overview.state === 'misconfigured' ? 'No cluster' : overview.cluster.clusterName;
  const kind = overview.source?.embedded ? 'Embedded supervisor' : 'Kubernetes cluster';
  const { tone, label } = STATE_LABEL[overview.state];
  return (
    <div className="flex items-center gap-3">
      <ClusterIcon />
      <div className="min-w-0">
        <p className="text-[11px] uppercase tracking-wider text-muted dark:text-muted-dark">{kind}</p>
        <h1 className="truncate text-xl font-semibold leading-7">{name}</h1>
      </div>
      <StatusPill tone={tone} label={label} />
    </div>
  );
}

function Problem({ overview }: { overview: ClusterOverview }) {
  if (overview.state === 'connected') return null;
  const who = overview.source?.embedded ? 'the supervisor' : 'the cluster';
  if (overview.state === 'unreachable') {
    return (
      <AlertCard title={`Cannot reach ${who}`} actions={<RefreshButton />}>
        <p>{overview.reason}</p>
        <p className="text-red-900/80 dark:text-red-200/80">
          The console asked <span className="font-mono text-xs">{overview.cluster.server}/version</span>.{' '}
          {overview.source.embedded
            ? 'Check the [supervisor] lines in the terminal running npm start.'
            : 'Check that the cluster is up and reachable from this machine.'}
        </p>
      </AlertCard>
    );
  }
  return (
    <AlertCard title="The console has no usable cluster" actions={<RefreshButton />}>
      <p>{overview.reason}</p>
    </AlertCard>
  );
}

/** The home page: which cluster the console talks to, its version, or why it cannot. */
export function ClusterHome({ overview }: { overview: ClusterOverview }) {
  return (
    <div className="space-y-4 p-4">
      <Title overview={overview} />
      <Problem overview={overview} />
      {overview.state !== 'misconfigured' ? (
        <div className="grid items-start gap-4 lg:grid-cols-2">
          {overview.state === 'connected' ? <VersionPanel version={overview.version} /> : null}
          <ConnectionPanel source={overview.source} cluster={overview.cluster} />
        </div>
      ) : null}
      {overview.source ? <CommandLinePanel source={overview.source} /> : null}
    </div>
  );
}
