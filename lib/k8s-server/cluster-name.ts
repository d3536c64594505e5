import 'server-only';
import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from './cluster-config';

/**
 * The cluster's name as the console's kubeconfig names it (the tree's root, file names), or
 * `fallback` when the kubeconfig names none or cannot be read: a page still renders then.
 */
export async function clusterName(fallback = 'Supervisor'): Promise<string> {
  try {
    return (await loadClusterConfig(readServerEnv().kubeconfigPath)).clusterName || fallback;
  } catch {
    return fallback;
  }
}
