import type { ClusterConfig } from '@/lib/k8s-server/cluster-config';
import type { ConnectionSource } from '@/lib/k8s-server/cluster-overview';
import type { KubernetesVersion } from '@/lib/k8s-server/version';
import { Panel } from '../ui/panel';
import { PropertyTable, type Property } from '../ui/property-table';

export function VersionPanel({ version }: { version: KubernetesVersion }) {
  const items: Property[] = [
    { label: 'Kubernetes version', value: version.gitVersion },
    { label: 'Platform', value: version.platform },
  ];
  if (version.goVersion) items.push({ label: 'Go version', value: version.goVersion });
  if (version.buildDate) items.push({ label: 'Build date', value: version.buildDate, mono: true });
  if (version.gitCommit) items.push({ label: 'Git commit', value: version.gitCommit, mono: true });
  return (
    <Panel title="Version">
      <PropertyTable items={items} />
    </Panel>
  );
}

export function ConnectionPanel({ source, cluster }: { source: ConnectionSource; cluster: ClusterConfig }) {
  const items: Property[] = [
    { label: 'Server', value: cluster.server, mono: true },
    { label: 'Context', value: cluster.contextName },
    { label: 'Default namespace', value: cluster.namespace ?? 'default' },
    {
      label: 'Certificate',
      value: cluster.skipTLSVerify
        ? 'Not verified (insecure-skip-tls-verify)'
        : cluster.caData
          ? "Verified against the kubeconfig's CA"
          : 'Verified against the system CAs',
    },
    { label: 'Source', value: source.embedded ? 'Embedded supervisor (started by npm start)' : 'Kubeconfig' },
    { label: 'Kubeconfig', value: source.kubeconfigPath, mono: true },
  ];
  return (
    <Panel title="Connection">
      <PropertyTable items={items} />
    </Panel>
  );
}

/** How to reach the same cluster from a terminal; the embedded supervisor's contexts are fixed. */
export function CommandLinePanel({ source }: { source: ConnectionSource }) {
  const base = `kubectl --kubeconfig ${source.kubeconfigPath}`;
  return (
    <Panel title="Command line">
      <p className="mb-1.5 text-muted dark:text-muted-dark">The same cluster from a terminal:</p>
      <pre className="overflow-x-auto rounded-sm bg-canvas px-2.5 py-2 font-mono text-xs leading-5 dark:bg-canvas-dark">
        <code>{`${base} get namespaces`}</code>
        {source.embedded ? (
          <code>{`\n${base} --context developer get pods`}</code>
        ) : null}
      </pre>
      {source.embedded ? (
        <p className="mt-1.5 text-muted dark:text-muted-dark">
          Contexts: <strong className="font-medium text-current">admin</strong> (current),{' '}
          <strong className="font-medium text-current">devops</strong> and{' '}
          <strong className="font-medium text-current">developer</strong> (namespace team-a).
        </p>
      ) : null}
    </Panel>
  );
}
