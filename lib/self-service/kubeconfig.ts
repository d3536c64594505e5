import { stringify } from 'yaml';

/**
 * A kubeconfig for the signed-in user and one namespace, the way `kubectl vsphere login` writes
 * one: the cluster's server and CA (from the console's own kubeconfig, never its credentials),
 * the user's own bearer token, and a context named after the namespace that selects it.
 * Built with a YAML serializer, so no value can break out of its field.
 */
export interface KubeconfigInput {
  server: string;
  clusterName: string;
  /** Base64 PEM bundle. */
  caData?: string;
  skipTLSVerify?: boolean;
  tlsServerName?: string;
  username: string;
  token: string;
  namespace: string;
}

/** A namespace name (RFC 1123 label); anything else is refused before a kubeconfig is built. */
export function isNamespaceName(ns: unknown): ns is string {
  return typeof ns === 'string' && ns.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns);
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

export function kubeconfigUserName(i: Pick<KubeconfigInput, 'server' | 'username'>): string {
  return `wcp:${hostOf(i.server)}:${i.username}`;
}

export function buildKubeconfig(i: KubeconfigInput): string {
  const user = kubeconfigUserName(i);
  const cluster: Record<string, unknown> = { server: i.server };
  if (i.caData) cluster['certificate-authority-data'] = i.caData;
  if (i.skipTLSVerify) cluster['insecure-skip-tls-verify'] = true;
  if (i.tlsServerName) cluster['tls-server-name'] = i.tlsServerName;
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: i.clusterName, cluster }],
    users: [{ name: user, user: { token: i.token } }],
    contexts: [{ name: i.namespace, context: { cluster: i.clusterName, user, namespace: i.namespace } }],
    'current-context': i.namespace,
    preferences: {},
  };
  return stringify(doc, { lineWidth: 0 });
}

/** "supervisor-team-a.kubeconfig" (only safe file-name characters). */
export function kubeconfigFileName(clusterName: string, namespace: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
  return `${safe(clusterName)}-${safe(namespace)}.kubeconfig`;
}

/** The kubectl command that uses the downloaded file. */
export function kubectlCommand(fileName: string, namespace: string, args = 'get vm'): string {
  return `kubectl --kubeconfig ${fileName} ${args} -n ${namespace}`;
}
