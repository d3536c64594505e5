import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from '@/lib/k8s-server/cluster-config';
import { guard } from '@/lib/k8s-server/request-guard';
import { statusResponse } from '@/lib/k8s-server/responses';
import { buildKubeconfig, isNamespaceName, kubeconfigFileName } from '@/lib/self-service/kubeconfig';

/**
 * `GET|POST /api/kubeconfig?namespace=<ns>`: a kubeconfig for the signed-in user and one
 * namespace (server and CA from the console's kubeconfig, the user's own bearer token from the
 * session), as an attachment that is never cached. It hands out a credential, so it is guarded
 * like a mutation whatever the method: the session, a same-origin request (Sec-Fetch-Site or
 * Origin) and the anti-CSRF header. A cross-site page can neither send that header (it needs a
 * CORS preflight the console never grants) nor read the response; a plain link or form cannot
 * trigger it. The browser fetches it and saves the body itself.
 */
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const checked = await guard(request, { mutation: true });
  if ('response' in checked) return checked.response;
  const namespace = new URL(request.url).searchParams.get('namespace');
  if (!isNamespaceName(namespace)) return statusResponse(400, 'BadRequest', 'namespace must be a namespace name (lower-case letters, digits and "-")');
  let cluster;
  try {
    cluster = await loadClusterConfig(readServerEnv().kubeconfigPath);
  } catch (e) {
    return statusResponse(503, 'ServiceUnavailable', e instanceof Error ? e.message : 'The console has no cluster configuration.');
  }
  const { session } = checked;
  const text = buildKubeconfig({ ...cluster, username: session.username, token: session.token, namespace });
  return new Response(text, {
    status: 200,
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${kubeconfigFileName(cluster.clusterName, namespace)}"`,
      'cache-control': 'no-store',
      pragma: 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}

export { handle as GET, handle as POST };
