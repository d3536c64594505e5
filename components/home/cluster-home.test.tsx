import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterOverview } from '@/lib/k8s-server/cluster-overview';
import { ClusterHome } from './cluster-home';

// The retry button needs the App Router, which a static render does not mount.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));

const source = { kubeconfigPath: '/repo/.data/supervisor/kubeconfig', embedded: true };
const cluster = {
  server: 'https://127.0.0.1:6443',
  clusterName: 'supervisor',
  caData: 'Q0E=',
  skipTLSVerify: false,
  contextName: 'admin',
};

/** Text content of the markup, tags removed and whitespace collapsed. */
function text(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim();
}

describe('ClusterHome', () => {
  it('shows the version and the connection of a connected cluster', () => {
    const overview: ClusterOverview = {
      state: 'connected',
      source,
      cluster,
      version: { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' },
    };
    const markup = renderToStaticMarkup(<ClusterHome overview={overview} />);
    expect(text(markup)).toContain('Kubernetes version v1.32.4 Platform linux/amd64');
    expect(text(markup)).toContain('Server https://127.0.0.1:6443');
    expect(text(markup)).toContain('Connected');
    expect(markup).not.toContain('role="alert"');
  });

  it('explains an unreachable supervisor in an alert, with the reason', () => {
    const overview: ClusterOverview = {
      state: 'unreachable',
      source,
      cluster,
      reason: 'Connection refused: nothing is listening on 127.0.0.1:6443.',
    };
    const markup = renderToStaticMarkup(<ClusterHome overview={overview} />);
    expect(markup).toContain('role="alert"');
    expect(text(markup)).toContain('Cannot reach the supervisor Connection refused: nothing is listening on 127.0.0.1:6443.');
    expect(text(markup)).toContain('Unreachable');
    expect(text(markup)).not.toContain('Kubernetes version');
  });

  it('explains a missing configuration without inventing a cluster', () => {
    const overview: ClusterOverview = { state: 'misconfigured', reason: 'GLASSPANE_KUBECONFIG is not set.' };
    const markup = renderToStaticMarkup(<ClusterHome overview={overview} />);
    expect(text(markup)).toContain('The console has no usable cluster GLASSPANE_KUBECONFIG is not set.');
    expect(text(markup)).toContain('No cluster');
    expect(text(markup)).not.toContain('Server');
  });
});
