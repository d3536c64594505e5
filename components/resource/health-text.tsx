import { HealthBadge } from '@/components/inventory/health-badge';
import type { Health } from '@/lib/resources/types';

/** A status badge with its word, e.g. "✓ Running"; the word carries the meaning. */
export function HealthText({ health, text, className = '' }: { health: Health; text: string; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 ${className}`} data-health={health}>
      <HealthBadge health={health} />
      <span>{text || health}</span>
    </span>
  );
}
