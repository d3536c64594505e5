import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CapacityBar } from './capacity-bar';

describe('CapacityBar', () => {
  it('is an image named by the whole sentence, with a bar as wide as the share allocated', () => {
    const markup = renderToStaticMarkup(<CapacityBar subject="esxi-01.vsphere.local" resource="cpu" usage={{ used: 12, total: 48 }} />);
    expect(markup).toContain('role="img"');
    expect(markup).toContain('aria-label="esxi-01.vsphere.local: CPU 12 of 48 cores allocated (25%)"');
    expect(markup).toContain('width:25%');
    expect(markup).toContain('bg-accent');
  });

  it('turns amber above 80% and red when over-committed, never wider than the track', () => {
    expect(renderToStaticMarkup(<CapacityBar subject="h" resource="cpu" usage={{ used: 45, total: 50 }} />)).toContain('bg-amber-500');
    const over = renderToStaticMarkup(<CapacityBar subject="h" resource="memory" usage={{ used: 2 * 2 ** 30, total: 2 ** 30 }} />);
    expect(over).toContain('bg-red-600');
    expect(over).toContain('width:100%');
    expect(over).toContain('aria-label="h: memory 2 GiB of 1 GiB allocated (200%)"');
  });
});
