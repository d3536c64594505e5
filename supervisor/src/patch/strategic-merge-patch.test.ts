import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { identityResolver } from '../openapi/schema-node';
import { applyStrategicMergePatch } from './strategic-merge-patch';
import { configMapSchema, deploymentSchema, resolveFixture, serviceSchema } from './test-schemas';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test access to nested JSON

const deployment = (): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    labels: { app: 'web', tier: 'front' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', owner: 'team-a' },
    finalizers: ['example.com/a', 'example.com/b'],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.25',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx' }],
          },
          { name: 'side', image: 'busybox', args: ['sleep', '3600'] },
        ],
        volumes: [{ name: 'conf', configMap: { name: 'nginx-conf' } }],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
});

const smp = (original: Obj, patch: unknown) => applyStrategicMergePatch(original, patch, deploymentSchema, resolveFixture) as Obj;

function hasDirective(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasDirective);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.startsWith('$') || hasDirective(v));
  return false;
}

describe('applyStrategicMergePatch', () => {
  it('applies the body kubectl apply sends when a container is dropped', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              { image: 'nginx:1.27', name: 'nginx' },
              { $patch: 'delete', name: 'side' },
            ],
          },
        },
      },
    };
    const live = deployment();
    const out = smp(live, patch);
    const containers = out.spec.template.spec.containers;
    expect(containers).toHaveLength(1);
    expect(containers[0]).toEqual({ ...live.spec.template.spec.containers[0], image: 'nginx:1.27' });
    expect(out.spec.template.spec.volumes).toEqual(live.spec.template.spec.volumes);
    expect(hasDirective(out)).toBe(false);
    expect(live).toEqual(deployment());
  });

  it('merges metadata labels and annotations, deleting with null', () => {
    const out = smp(deployment(), { metadata: { labels: { tier: null, env: 'prod' }, annotations: { owner: null, 'example.com/x': 'y' } } });
    expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' });
    expect(out.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'example.com/x': 'y' });
  });

  it('drops rollingUpdate when $retainKeys switches the strategy to Recreate', () => {
    const out = smp(deployment(), { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    const viaRetainOnly = smp(deployment(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(viaRetainOnly.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('rejects a patch that sets a field $retainKeys does not list', () => {
    expect(() => smp(deployment(), { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 1 } } } })).toThrow(/retainKeys/);
  });

  it('switches a volume source with $retainKeys inside a merged list item', () => {
    const out = smp(deployment(), {
      spec: { template: { spec: { volumes: [{ name: 'conf', emptyDir: {}, $retainKeys: ['emptyDir', 'name'] }] } } },
    });
    expect(out.spec.template.spec.volumes).toEqual([{ name: 'conf', emptyDir: {} }]);
  });

  // Upstream's mergeSortedSlice puts a patched item that the live list lacks before the server-only
  // items that follow it, so new items land at the front unless $setElementOrder says otherwise.
  it('merges env by name and ports by containerPort, ordering items as upstream does', () => {
    const out = smp(deployment(), {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nginx',
                env: [
                  { name: 'C', value: '3' },
                  { name: 'A', value: 'one' },
                ],
                ports: [{ containerPort: 443, protocol: 'TCP' }],
              },
            ],
          },
        },
      },
    });
    const nginx = out.spec.template.spec.containers[0];
    expect(nginx.env).toEqual([
      { name: 'C', value: '3' },
      { name: 'A', value: 'one' },
      { name: 'B', value: '2' },
    ]);
    expect(nginx.ports).toEqual([
      { containerPort: 443, protocol: 'TCP' },
      { containerPort: 80, protocol: 'TCP' },
    ]);
    expect(out.spec.template.spec.containers[1].name).toBe('side');
  });

  it('reorders a merged list with $setElementOrder, keeping server-only items', () => {
    const out = smp(deployment(), {
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'nginx' }], containers: [{ name: 'side', image: 'busybox:1.36' }] } } },
    });
    expect(out.spec.template.spec.containers.map((c: Obj) => `${c.name}=${c.image}`)).toEqual(['side=busybox:1.36', 'nginx=nginx:1.25']);
  });

  it('replaces atomic lists (tolerations, args) wholesale', () => {
    const out = smp(deployment(), {
      spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Equal' }], containers: [{ name: 'side', args: ['sleep', '10'] }] } } },
    });
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Equal' }]);
    expect(out.spec.template.spec.containers[1].args).toEqual(['sleep', '10']);
  });

  it('merges primitive merge lists as sets and deletes with $deleteFromPrimitiveList', () => {
    const out = smp(deployment(), {
      metadata: { '$setElementOrder/finalizers': ['example.com/a', 'example.com/c'], finalizers: ['example.com/c'], '$deleteFromPrimitiveList/finalizers': ['example.com/b'] },
    });
    expect(out.metadata.finalizers).toEqual(['example.com/a', 'example.com/c']);
    const added = smp(deployment(), { metadata: { finalizers: ['example.com/a', 'example.com/z'] } });
    expect(added.metadata.finalizers).toEqual(['example.com/a', 'example.com/z', 'example.com/b']);
  });

  it('honours $patch: replace on a list and on a map, and $patch: delete on a list item', () => {
    const replacedList = smp(deployment(), { spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } } } });
    expect(replacedList.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    const replacedMap = smp(deployment(), { metadata: { labels: { $patch: 'replace', fresh: 'yes' } } });
    expect(replacedMap.metadata.labels).toEqual({ fresh: 'yes' });
    const deletedEnv = smp(deployment(), { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'A', $patch: 'delete' }] }] } } } });
    expect(deletedEnv.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
  });

  it('processes directives inside subtrees the original lacks', () => {
    const live = deployment();
    delete live.spec.template.spec.initContainers;
    const out = smp(live, {
      spec: { template: { spec: { '$setElementOrder/initContainers': [{ name: 'init' }], initContainers: [{ name: 'init', image: 'busybox', env: [{ name: 'X', value: null }] }] } } },
    });
    expect(out.spec.template.spec.initContainers).toEqual([{ name: 'init', image: 'busybox', env: [{ name: 'X' }] }]);
    expect(hasDirective(out)).toBe(false);
  });

  it('merges Service ports by port and replaces the atomic selector map', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web', tier: 'front' },
        ports: [
          { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
          { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' },
        ],
      },
    };
    const out = applyStrategicMergePatch(service, { spec: { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 9090 }] } }, serviceSchema, resolveFixture) as Obj;
    expect(out.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 9090, protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' },
    ]);
    expect(out.spec.selector).toEqual({ app: 'api', tier: 'front' });
  });

  it('with no schema, merges maps and replaces lists', () => {
    const out = applyStrategicMergePatch({ spec: { a: { b: 1 }, list: [1, 2] } }, { spec: { a: { c: 2 }, list: [3] } }, undefined, identityResolver);
    expect(out).toEqual({ spec: { a: { b: 1, c: 2 }, list: [3] } });
  });

  it('patches a ConfigMap like kubectl apply does for data changes', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'demo' }, data: { a: '1', b: '2' } };
    const out = applyStrategicMergePatch(cm, { data: { a: '10', b: null, c: '3' } }, configMapSchema, resolveFixture);
    expect(out.data).toEqual({ a: '10', c: '3' });
  });

  it.each([
    ['a list item without its merge key', { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }],
    ['a delete directive without its merge key', { spec: { template: { spec: { containers: [{ $patch: 'delete' }] } } } }],
    ['an unknown $patch value', { metadata: { labels: { $patch: 'explode' } } }],
    ['a $setElementOrder that contradicts the patch order', { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'side' }] } } } }],
    ['a non-object body', ['x']],
  ])('rejects %s with a 400', (_name, patch) => {
    try {
      smp(deployment(), patch);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(400);
    }
  });
});
