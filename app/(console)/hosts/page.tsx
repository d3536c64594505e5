import type { Metadata } from 'next';
import { ResourceList } from '@/components/resource/resource-list';

export const metadata: Metadata = { title: 'Hosts' };

/** The ESXi hosts (Nodes). */
export default function HostsPage() {
  return <ResourceList descriptorId="nodes" />;
}
