import type { SchemaNode } from '../../../openapi/schema-node';

/**
 * Builders for the structural OpenAPI v3 schemas of the VM Service CRDs, so each kind's schema
 * reads like the upstream Go types it mirrors. Every node carries an explicit type (structural
 * schemas require it); `d` is the field's description as `kubectl explain` shows it.
 */
type Extra = Partial<SchemaNode>;

export function str(d?: string, extra: Extra = {}): SchemaNode {
  return { type: 'string', ...(d ? { description: d } : {}), ...extra };
}

export function enumStr(values: string[], d?: string, extra: Extra = {}): SchemaNode {
  return str(d, { enum: values, ...extra });
}

export function int(d?: string, extra: Extra = {}): SchemaNode {
  return { type: 'integer', ...(d ? { description: d } : {}), ...extra };
}

export function int32(d?: string, extra: Extra = {}): SchemaNode {
  return int(d, { format: 'int32', ...extra });
}

export function int64(d?: string, extra: Extra = {}): SchemaNode {
  return int(d, { format: 'int64', ...extra });
}

export function bool(d?: string, extra: Extra = {}): SchemaNode {
  return { type: 'boolean', ...(d ? { description: d } : {}), ...extra };
}

export function time(d?: string): SchemaNode {
  return str(d, { format: 'date-time' });
}

/** resource.Quantity: an int-or-string constrained to the quantity grammar. */
export function quantity(d?: string): SchemaNode {
  return {
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
    'x-kubernetes-int-or-string': true,
    ...(d ? { description: d } : {}),
  };
}

export function obj(properties: Record<string, SchemaNode>, d?: string, extra: Extra = {}): SchemaNode {
  return { type: 'object', ...(d ? { description: d } : {}), properties, ...extra };
}

/** An object whose contents are kept as given (schemaless upstream, or a trimmed subtree). */
export function opaque(d?: string): SchemaNode {
  return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, ...(d ? { description: d } : {}) };
}

export function arr(items: SchemaNode, d?: string, extra: Extra = {}): SchemaNode {
  return { type: 'array', items, ...(d ? { description: d } : {}), ...extra };
}

/** A list keyed by `keys` (+listType=map); the keys must be required in the items. */
export function mapList(items: SchemaNode, keys: string[], d?: string, extra: Extra = {}): SchemaNode {
  return arr(items, d, { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys, ...extra });
}

export function strMap(d?: string): SchemaNode {
  return { type: 'object', additionalProperties: { type: 'string' }, ...(d ? { description: d } : {}) };
}

export function strList(d?: string, extra: Extra = {}): SchemaNode {
  return arr({ type: 'string' }, d, extra);
}

/** metav1.Condition, as controller-gen emits it. */
export function conditions(d = 'Conditions describes the observed conditions of the resource.'): SchemaNode {
  return arr(
    obj(
      {
        lastTransitionTime: time('lastTransitionTime is the last time the condition transitioned from one status to another.'),
        message: str('message is a human readable message indicating details about the transition.', { maxLength: 32768 }),
        observedGeneration: int64('observedGeneration represents the .metadata.generation that the condition was set based upon.', { minimum: 0 }),
        reason: str('reason contains a programmatic identifier indicating the reason for the condition\'s last transition.', {
          maxLength: 1024,
          minLength: 1,
          pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$',
        }),
        status: enumStr(['True', 'False', 'Unknown'], 'status of the condition, one of True, False, Unknown.'),
        type: str('type of condition in CamelCase or in foo.example.com/CamelCase.', {
          maxLength: 316,
          pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
        }),
      },
      'Condition contains details for one aspect of the current state of this API Resource.',
      { required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'] },
    ),
    d,
  );
}

/** common.LocalObjectRef: a reference to an object in the same namespace. */
export function localObjectRef(d?: string): SchemaNode {
  return obj({ apiVersion: str('APIVersion of the referent.'), kind: str('Kind of the referent.'), name: str('Name of the referent.') }, d, {
    required: ['apiVersion', 'kind', 'name'],
  });
}

/** common.SecretKeySelector. */
export function secretKeySelector(d?: string): SchemaNode {
  return obj({ key: str('Key is the key in the secret that specifies the requested data.'), name: str('Name is the name of the secret.') }, d, {
    required: ['key', 'name'],
  });
}

/** The root schema of a kind: apiVersion, kind, metadata, spec and status. */
export function root(d: string, spec: SchemaNode | undefined, status: SchemaNode | undefined): SchemaNode {
  const properties: Record<string, SchemaNode> = {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata: { type: 'object' },
  };
  if (spec) properties.spec = spec;
  if (status) properties.status = status;
  return obj(properties, d);
}
