import { connection } from 'next/server';
import { ClusterHome } from '@/components/home/cluster-home';
import { getClusterOverview } from '@/lib/k8s-server/cluster-overview';

/** Placeholder Overview: the supervisor's version and connection, until the real Overview lands. */
export default async function HomePage() {
  // The cluster is asked at request time, never while prerendering at build time.
  await connection();
  const overview = await getClusterOverview();
  return <ClusterHome overview={overview} />;
}
