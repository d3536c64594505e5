/**
 * Test fixture: a real-shaped `widgets.example.com` CRD exercising every schema feature the
 * supervisor supports (bounds, enum, map and set lists, preserved and embedded subtrees,
 * int-or-string, formats, defaults, nullable, scale/status subresources, printer columns).
 */
import type { SchemaNode } from '../../openapi/schema-node';
import type { CustomResourceDefinition } from '../crd-types';

export function widgetSchema(): SchemaNode {
  return {
    type: 'object',
    description: 'Widget is the Schema for the widgets API',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        required: ['size'],
        properties: {
          size: { type: 'integer', minimum: 1, maximum: 5 },
          replicas: { type: 'integer', format: 'int32', minimum: 0, default: 1 },
          mode: { type: 'string', enum: ['fast', 'safe'], default: 'safe' },
          name: { type: 'string', minLength: 3, maxLength: 10, pattern: '^[a-z]+$' },
          ratio: { type: 'number', multipleOf: 0.5, exclusiveMaximum: true, maximum: 10 },
          ports: {
            type: 'array',
            maxItems: 3,
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
            items: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                port: { type: 'integer', minimum: 1, maximum: 65535 },
                protocol: { type: 'string', default: 'TCP' },
              },
            },
          },
          tags: { type: 'array', minItems: 1, 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
          config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { level: { type: 'integer', default: 3 } } },
          labels: { type: 'object', maxProperties: 3, additionalProperties: { type: 'string', maxLength: 8 } },
          target: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
          createdAt: { type: 'string', format: 'date-time' },
          day: { type: 'string', format: 'date' },
          payload: { type: 'string', format: 'byte' },
          note: { type: 'string', nullable: true },
          count: { type: 'integer' },
        },
      },
      status: {
        type: 'object',
        properties: {
          replicas: { type: 'integer' },
          selector: { type: 'string' },
          phase: { type: 'string' },
        },
      },
    },
  };
}

export function widgetsCrd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'], categories: ['all'] },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: widgetSchema() },
          subresources: {
            status: {},
            scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' },
          },
          additionalPrinterColumns: [
            { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
            { name: 'Mode', type: 'string', jsonPath: '.spec.mode', priority: 1 },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
          selectableFields: [{ jsonPath: '.spec.mode' }],
        },
        {
          name: 'v1beta1',
          served: true,
          storage: false,
          deprecated: true,
          schema: { openAPIV3Schema: widgetSchema() },
        },
      ],
    },
  };
}

export function widget(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default' }, spec };
}
