import 'server-only';
import { z } from 'zod';
import { anonymousGet, type AnonymousGetOptions } from './anonymous-get';
import type { ClusterConfig } from './cluster-config';
import { ClusterRequestError } from './connection-errors';

/** The `version.Info` document kube-apiserver serves at `/version`; unknown fields are dropped. */
const kubernetesVersionSchema = z.object({
  major: z.string(),
  minor: z.string(),
  gitVersion: z.string().min(1),
  gitCommit: z.string().optional(),
  gitTreeState: z.string().optional(),
  buildDate: z.string().optional(),
  goVersion: z.string().optional(),
  compiler: z.string().optional(),
  platform: z.string(),
});

export type KubernetesVersion = z.infer<typeof kubernetesVersionSchema>;

/** Parses a `/version` body. @throws ClusterRequestError when it is not a version document. */
export function parseVersionBody(body: string, url: string): KubernetesVersion {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ClusterRequestError(`The answer to /version is not JSON: ${body.slice(0, 120)}`, url);
  }
  const parsed = kubernetesVersionSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new ClusterRequestError(`The answer to /version is not a Kubernetes version (bad fields: ${fields}).`, url);
  }
  return parsed.data;
}

/**
 * Fetches the API server's version anonymously, as `kubectl version` does for the server half.
 * @throws ClusterRequestError describing why the server could not be asked or answered wrongly.
 */
export async function fetchServerVersion(
  cluster: ClusterConfig,
  options?: AnonymousGetOptions,
): Promise<KubernetesVersion> {
  const body = await anonymousGet(cluster, '/version', options);
  return parseVersionBody(body, `${cluster.server}/version`);
}
