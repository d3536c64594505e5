import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/types';
import { ConditionsPanel, HealthReasons } from './conditions-panel';
import { LabelsPanel } from './metadata-panels';
import { PodSection } from './sections/pod-section';
import { SecretSection } from './sections/secret-section';

/** Text content of the markup, tags removed and entities of <, >, & and quotes decoded. */
function text(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const evil: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'evil',
    namespace: 'team-a',
    labels: { app: 'web' },
    annotations: { evil: '<img src=x onerror=alert(1)>', link: 'javascript:alert(1)', runbook: 'https://runbooks.example.com/web', long: 'x'.repeat(300) },
  },
};

describe('LabelsPanel', () => {
  it('renders annotation values as text and links only http(s) URLs', () => {
    const html = renderToStaticMarkup(<LabelsPanel obj={evil} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<a href="https://runbooks.example.com/web" target="_blank" rel="noopener noreferrer"');
    expect(text(html)).toContain('javascript:alert(1)');
    expect(text(html)).toContain('app=web');
    expect(text(html)).toContain('(300 characters)');
  });
});

describe('ConditionsPanel and HealthReasons', () => {
  const pod: KubeObject = {
    metadata: { name: 'web-0' },
    status: {
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/4 nodes are available: 4 Insufficient cpu.', lastTransitionTime: '2026-01-01T10:00:00Z' },
        { type: 'MemoryPressure', status: 'False' },
      ],
    },
  };

  it('explains each condition in a table with a row header per type', () => {
    const html = renderToStaticMarkup(<ConditionsPanel obj={pod} />);
    expect(html).toContain('<th scope="row"');
    expect(text(html)).toContain('PodScheduled The pod has been placed on a host. False Unschedulable 0/4 nodes are available: 4 Insufficient cpu.');
    expect(html).toMatch(/data-health="warning"[^]*PodScheduled|PodScheduled[^]*data-health="warning"/);
    expect(text(html)).toContain('MemoryPressure The host is running low on memory.');
  });

  it('says why it is not healthy, and nothing when it is', () => {
    const html = renderToStaticMarkup(<HealthReasons label="vSphere pod" status={{ health: 'warning', text: 'Unschedulable', reasons: ['Not scheduled: 0/4 nodes are available'] }} />);
    expect(html).toContain('aria-label="Why is this vSphere pod not healthy?"');
    expect(text(html)).toContain('Not scheduled: 0/4 nodes are available');
    expect(renderToStaticMarkup(<HealthReasons label="pod" status={{ health: 'healthy', text: 'Running' }} />)).toBe('');
    expect(renderToStaticMarkup(<ConditionsPanel obj={{ metadata: {} }} />)).toBe('');
  });
});

describe('PodSection', () => {
  it('lists containers with image, state, restarts and ports', () => {
    const pod: KubeObject = {
      metadata: { name: 'web-0' },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      status: { containerStatuses: [{ name: 'nginx', ready: true, restartCount: 3, state: { running: { startedAt: '2026-01-01T10:00:00Z' } } }] },
    };
    expect(text(renderToStaticMarkup(<PodSection pod={pod} />))).toContain('nginx nginx:1.27 Running since 2026-01-01T10:00:00Z Yes 3 80/TCP');
  });
});

describe('SecretSection', () => {
  it('masks every value until it is revealed', () => {
    const secret: KubeObject = { kind: 'Secret', metadata: { name: 'db' }, data: { password: btoa('hunter2'), username: btoa('app') } };
    const html = renderToStaticMarkup(<SecretSection secret={secret} />);
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain(btoa('hunter2'));
    expect(text(html)).toContain('password •••••••• Reveal Copy');
    expect(html).toContain('aria-label="Reveal username"');
  });
});
