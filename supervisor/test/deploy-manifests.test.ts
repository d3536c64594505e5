import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { useSupervisor } from './harness';

/**
 * The console's deployment manifests (deploy/) are valid for a real API server: the server
 * accepts them in a dry run, and the Deployment grants the console no token and no rights.
 */
const DEPLOY = path.resolve(import.meta.dirname, '../../deploy');

describe('deploy/ manifests', () => {
  const sv = useSupervisor();

  it('pass a server-side dry run', async () => {
    expect(await sv().kubectl.ok(['apply', '--dry-run=server', '-f', path.join(DEPLOY, 'namespace.yaml')])).toBe('namespace/glasspane created (server dry run)\n');
    // A server-side dry run cannot create the namespace the other objects live in; create it for real.
    await sv().kubectl.ok(['apply', '-f', path.join(DEPLOY, 'namespace.yaml')]);
    const out = await sv().kubectl.ok(['apply', '--dry-run=server', '-f', path.join(DEPLOY, 'console.yaml')]);
    expect(out.trim().split('\n')).toEqual([
      'serviceaccount/glasspane-console created (server dry run)',
      'configmap/glasspane-kubeconfig created (server dry run)',
      'secret/glasspane-session created (server dry run)',
      'deployment.apps/glasspane-console created (server dry run)',
      'service/glasspane-console created (server dry run)',
      'poddisruptionbudget.policy/glasspane-console created (server dry run)',
    ]);
    expect(await sv().kubectl.ok(['get', 'deployments,serviceaccounts', '-n', 'glasspane', '-o', 'name'])).not.toContain('glasspane-console');
  });

  it('run as stateless replicas with no privileges of their own', async () => {
    const out = await sv().kubectl.ok(['create', '--dry-run=server', '-f', path.join(DEPLOY, 'console.yaml'), '-o', 'yaml']);
    const items = parseAllDocuments(out).map((d) => d.toJS() as { kind: string; spec?: Record<string, unknown>; automountServiceAccountToken?: boolean });
    expect(items.map((i) => i.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'Secret', 'Deployment', 'Service', 'PodDisruptionBudget']);
    const deployment = items.find((i) => i.kind === 'Deployment')!;
    const spec = deployment.spec as { replicas: number; template: { spec: { automountServiceAccountToken: boolean } } };
    expect(spec.replicas).toBeGreaterThan(1);
    expect(spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(items.find((i) => i.kind === 'ServiceAccount')!.automountServiceAccountToken).toBe(false);
    expect(items.some((i) => i.kind === 'RoleBinding' || i.kind === 'ClusterRoleBinding')).toBe(false);
  });
});
