/**
 * Test fixture: a trimmed CloudNativePG `clusters.postgresql.cnpg.io` CRD as the operator ships it
 * (controller-gen output shape: descriptions, CEL rules, conditions map list, scale subresource).
 */
import type { CustomResourceDefinition } from '../crd-types';

export function cnpgClusterCrd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'clusters.postgresql.cnpg.io', annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.1' } },
    spec: {
      group: 'postgresql.cnpg.io',
      names: { kind: 'Cluster', listKind: 'ClusterList', plural: 'clusters', singular: 'cluster' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          additionalPrinterColumns: [
            { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
            { description: 'Number of instances', jsonPath: '.status.instances', name: 'Instances', type: 'integer' },
            { description: 'Number of ready instances', jsonPath: '.status.readyInstances', name: 'Ready', type: 'integer' },
            { description: 'Cluster current status', jsonPath: '.status.phase', name: 'Status', type: 'string' },
            { description: 'Primary pod', jsonPath: '.status.currentPrimary', name: 'Primary', type: 'string' },
          ],
          subresources: {
            scale: { specReplicasPath: '.spec.instances', statusReplicasPath: '.status.instances' },
            status: {},
          },
          schema: {
            openAPIV3Schema: {
              description: 'Cluster defines the API schema for a highly available PostgreSQL database cluster',
              type: 'object',
              required: ['metadata', 'spec'],
              properties: {
                apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' },
                kind: { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' },
                metadata: { type: 'object' },
                spec: {
                  type: 'object',
                  required: ['instances'],
                  'x-kubernetes-validations': [{ rule: '!has(self.bootstrap) || !(has(self.bootstrap.initdb) && has(self.bootstrap.recovery))', message: 'only one bootstrap method' }],
                  properties: {
                    instances: { type: 'integer', minimum: 1, default: 1, description: 'Number of instances required in the cluster' },
                    imageName: { type: 'string' },
                    primaryUpdateStrategy: { type: 'string', enum: ['unsupervised', 'supervised'], default: 'unsupervised' },
                    storage: {
                      type: 'object',
                      properties: {
                        size: { type: 'string' },
                        storageClass: { type: 'string' },
                        resizeInUseVolumes: { type: 'boolean', default: true },
                        pvcTemplate: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                      },
                    },
                    postgresql: {
                      type: 'object',
                      properties: { parameters: { type: 'object', additionalProperties: { type: 'string' } } },
                    },
                    bootstrap: {
                      type: 'object',
                      properties: {
                        initdb: {
                          type: 'object',
                          properties: {
                            database: { type: 'string' },
                            owner: { type: 'string' },
                            secret: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
                          },
                        },
                        recovery: { type: 'object', properties: { source: { type: 'string' } } },
                      },
                    },
                  },
                },
                status: {
                  type: 'object',
                  properties: {
                    instances: { type: 'integer' },
                    readyInstances: { type: 'integer' },
                    phase: { type: 'string' },
                    currentPrimary: { type: 'string' },
                    conditions: {
                      type: 'array',
                      'x-kubernetes-list-type': 'map',
                      'x-kubernetes-list-map-keys': ['type'],
                      items: {
                        type: 'object',
                        required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
                        properties: {
                          lastTransitionTime: { type: 'string', format: 'date-time' },
                          message: { type: 'string', maxLength: 32768 },
                          observedGeneration: { type: 'integer', format: 'int64', minimum: 0 },
                          reason: { type: 'string', maxLength: 1024, minLength: 1, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' },
                          status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
                          type: { type: 'string', maxLength: 316 },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
}
