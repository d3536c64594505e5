import { stringify } from 'yaml';

/**
 * Real-shaped manifests used across the conformance suite, as plain objects, plus `toYaml` for
 * feeding them to `kubectl apply -f -`. The Widget CRD mirrors a typical operator CRD: schema
 * bounds and an enum (validation), defaults, a status and a scale subresource, printer columns
 * (one wide-only), a short name and the `all` category.
 */
export type Manifest = Record<string, unknown>;

/** YAML 1.1 output, as kubectl's parser reads it: strings like "yes" or "on" get quoted. */
export function toYaml(...docs: Manifest[]): string {
  return docs.map((d) => stringify(d, { version: '1.1' })).join('---\n');
}

export function configMap(name: string, namespace: string, data: Record<string, string> = {}, metadata: Manifest = {}): Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...metadata }, data };
}

export interface ContainerSpec {
  name: string;
  image: string;
}

export function deployment(name: string, namespace: string, containers: ContainerSpec[], replicas = 1): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
  };
}

/** An owner reference to `owner` (a stored object with its uid). */
export function ownerRef(owner: { apiVersion: string; kind: string; metadata: { name: string; uid: string } }, blockOwnerDeletion = false): Manifest {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, ...(blockOwnerDeletion ? { blockOwnerDeletion: true } : {}) };
}

export interface CrdNames {
  group: string;
  plural: string;
  singular: string;
  kind: string;
  shortName: string;
}

export const WIDGETS: CrdNames = { group: 'example.com', plural: 'widgets', singular: 'widget', kind: 'Widget', shortName: 'wd' };

/** A namespaced CRD `<plural>.<group>` with schema validation, defaults, subresources and columns. */
export function widgetCrd(names: CrdNames = WIDGETS): Manifest {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${names.plural}.${names.group}` },
    spec: {
      group: names.group,
      scope: 'Namespaced',
      names: { plural: names.plural, singular: names.singular, kind: names.kind, listKind: `${names.kind}List`, shortNames: [names.shortName], categories: ['all'] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: {
            status: {},
            scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
          },
          additionalPrinterColumns: [
            { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
            { name: 'Mode', type: 'string', jsonPath: '.spec.mode', priority: 1 },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
          schema: {
            openAPIV3Schema: {
              type: 'object',
              description: `${names.kind} is a test resource.`,
              properties: {
                spec: {
                  type: 'object',
                  required: ['size'],
                  properties: {
                    size: { type: 'integer', minimum: 1, maximum: 5, description: 'How big the widget is.' },
                    replicas: { type: 'integer', minimum: 0, default: 1 },
                    mode: { type: 'string', enum: ['fast', 'safe'], default: 'safe' },
                    color: { type: 'string' },
                  },
                },
                status: {
                  type: 'object',
                  properties: { replicas: { type: 'integer' }, selector: { type: 'string' } },
                },
              },
            },
          },
        },
      ],
    },
  };
}

export function widget(name: string, namespace: string, spec: Manifest, names: CrdNames = WIDGETS): Manifest {
  return { apiVersion: `${names.group}/v1`, kind: names.kind, metadata: { name, namespace }, spec };
}
