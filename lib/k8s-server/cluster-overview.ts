import 'server-only';
import { EnvError, readServerEnv, type EnvSource } from '../env';
import { KubeconfigError, loadClusterConfig, type ClusterConfig } from './cluster-config';
import { ClusterRequestError } from './connection-errors';
import { fetchServerVersion, type KubernetesVersion } from './version';

/** Where the console's cluster came from. */
export interface ConnectionSource {
  kubeconfigPath: string;
  /** True when `npm start` launched the embedded supervisor for this console. */
  embedded: boolean;
}

/** What the home page shows: every failure is a state with a reason, never a thrown error. */
export type ClusterOverview =
  | { state: 'connected'; source: ConnectionSource; cluster: ClusterConfig; version: KubernetesVersion }
  | { state: 'unreachable'; source: ConnectionSource; cluster: ClusterConfig; reason: string }
  | { state: 'misconfigured'; source?: ConnectionSource; reason: string };

/** Reads the environment and kubeconfig, then asks the cluster for its version. */
export async function getClusterOverview(env: EnvSource = process.env): Promise<ClusterOverview> {
  let source: ConnectionSource;
  try {
    source = readServerEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return { state: 'misconfigured', reason: error.message };
    throw error;
  }

  let cluster: ClusterConfig;
  try {
    cluster = await loadClusterConfig(source.kubeconfigPath);
  } catch (error) {
    if (error instanceof KubeconfigError) return { state: 'misconfigured', source, reason: error.message };
    throw error;
  }

  try {
    const version = await fetchServerVersion(cluster);
    return { state: 'connected', source, cluster, version };
  } catch (error) {
    if (error instanceof ClusterRequestError) return { state: 'unreachable', source, cluster, reason: error.message };
    throw error;
  }
}
