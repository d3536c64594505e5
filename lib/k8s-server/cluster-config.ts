import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * Where and how to reach the cluster named by a kubeconfig's current context. It deliberately
 * holds no user credentials: the console has no identity of its own, and later proxies each
 * signed-in user's own token. Only anonymous endpoints can be called with this alone.
 */
export interface ClusterConfig {
  /** API server URL without a trailing slash, e.g. `https://127.0.0.1:6443`. */
  server: string;
  /** The kubeconfig's name for the cluster, e.g. `supervisor`. */
  clusterName: string;
  /** Base64-encoded PEM bundle of the CAs to trust (inlined from `certificate-authority` files). */
  caData?: string;
  skipTLSVerify: boolean;
  /** Name to verify in the server certificate instead of the URL's host. */
  tlsServerName?: string;
  contextName: string;
  /** The context's default namespace, when it names one. */
  namespace?: string;
}

/** The kubeconfig cannot be used; the message names the file and what is wrong with it. */
export class KubeconfigError extends Error {
  override readonly name = 'KubeconfigError';
  constructor(
    message: string,
    readonly kubeconfigPath: string,
  ) {
    super(message);
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function describeReadError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES') return 'is not readable (permission denied)';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * Extracts the current context's cluster from kubeconfig text.
 * `caFile` references are left for the caller to inline; everything about users is dropped.
 * @throws KubeconfigError when the text is not a kubeconfig or the current context is unusable.
 */
export function clusterFromKubeconfigText(
  text: string,
  kubeconfigPath: string,
): ClusterConfig & { caFile?: string } {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KubeconfigError(`Kubeconfig ${kubeconfigPath} is not valid: ${reason}`, kubeconfigPath);
  }
  kc.makePathsAbsolute(path.dirname(kubeconfigPath));

  const contextName = kc.getCurrentContext();
  if (!contextName) {
    throw new KubeconfigError(`Kubeconfig ${kubeconfigPath} has no current-context`, kubeconfigPath);
  }
  const context = kc.getContextObject(contextName);
  if (!context) {
    throw new KubeconfigError(
      `Kubeconfig ${kubeconfigPath}: current-context "${contextName}" is not among its contexts`,
      kubeconfigPath,
    );
  }
  const cluster = kc.getCluster(context.cluster);
  if (!cluster) {
    throw new KubeconfigError(
      `Kubeconfig ${kubeconfigPath}: context "${contextName}" names cluster "${context.cluster}", which is not defined`,
      kubeconfigPath,
    );
  }
  return {
    server: cluster.server,
    clusterName: cluster.name,
    ...(cluster.caData ? { caData: cluster.caData } : {}),
    ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
    skipTLSVerify: cluster.skipTLSVerify,
    ...(cluster.tlsServerName ? { tlsServerName: cluster.tlsServerName } : {}),
    contextName,
    ...(context.namespace ? { namespace: context.namespace } : {}),
  };
}

/**
 * Loads the cluster of the kubeconfig's current context, as kubectl would pick it.
 * No exec or auth-provider plugin is ever run: credentials are not read at all.
 * @throws KubeconfigError when the file or the CA file it references cannot be used.
 */
export async function loadClusterConfig(kubeconfigPath: string): Promise<ClusterConfig> {
  let text: string;
  try {
    text = await readFile(kubeconfigPath, 'utf8');
  } catch (error) {
    throw new KubeconfigError(`Kubeconfig ${kubeconfigPath} ${describeReadError(error)}`, kubeconfigPath);
  }
  const { caFile, ...cluster } = clusterFromKubeconfigText(text, kubeconfigPath);
  if (cluster.caData || !caFile) return cluster;
  try {
    const pem = await readFile(caFile);
    return { ...cluster, caData: pem.toString('base64') };
  } catch (error) {
    throw new KubeconfigError(
      `Kubeconfig ${kubeconfigPath}: certificate-authority ${caFile} ${describeReadError(error)}`,
      kubeconfigPath,
    );
  }
}
