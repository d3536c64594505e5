import type { CustomResourceVersionInput } from '../custom-resource-document';

/** The CronTab CRD of the Kubernetes docs, as a CRD version hands it over. */
export const CRON_TAB: CustomResourceVersionInput = {
  group: 'stable.example.com',
  version: 'v1',
  kind: 'CronTab',
  listKind: 'CronTabList',
  plural: 'crontabs',
  namespaced: true,
  schema: {
    type: 'object',
    description: 'CronTab runs a command on a schedule.',
    properties: {
      metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } },
      spec: {
        type: 'object',
        description: 'The desired schedule.',
        properties: {
          cronSpec: { type: 'string', description: 'A cron expression such as "*/5 * * * *".', pattern: '^(\\S+\\s){4}\\S+$' },
          image: { type: 'string', description: 'The image to run.' },
          replicas: { type: 'integer', minimum: 1 },
          port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        },
        required: ['cronSpec'],
      },
      status: { type: 'object', properties: { replicas: { type: 'integer' }, labelSelector: { type: 'string' } } },
    },
  },
  subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
};
