import { TreeIconView } from '@/components/inventory/tree-icon';
import type { IconName } from '@/lib/resources/types';

/** A kind's icon, the same as in the inventory tree. Decorative. */
export function KindIcon({ icon, className = '' }: { icon: IconName; className?: string }) {
  return <TreeIconView icon={icon} className={className} />;
}
