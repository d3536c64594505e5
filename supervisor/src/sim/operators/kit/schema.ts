import type { SchemaNode } from '../../../openapi/schema-node';

/**
 * Builders for structural OpenAPI v3 schemas as controller-gen writes them into CRDs. Every node
 * carries a type (or int-or-string / preserve-unknown-fields), and descriptions are kept because
 * a console builds its create/edit forms from them. Deep upstream subtrees that no simulated
 * controller reads (affinity, pod templates, probes) are `any()`: typed as objects whose unknown
 * fields are preserved, as the brief allows.
 */
type Extra = Partial<SchemaNode>;

export const S = {
  str(description: string, extra: Extra = {}): SchemaNode {
    return { type: 'string', description, ...extra };
  },
  enumOf(values: string[], description: string, extra: Extra = {}): SchemaNode {
    return { type: 'string', enum: values, description, ...extra };
  },
  int(description: string, extra: Extra = {}): SchemaNode {
    return { type: 'integer', description, ...extra };
  },
  int32(description: string, extra: Extra = {}): SchemaNode {
    return { type: 'integer', format: 'int32', description, ...extra };
  },
  bool(description: string, extra: Extra = {}): SchemaNode {
    return { type: 'boolean', description, ...extra };
  },
  time(description: string): SchemaNode {
    return { type: 'string', format: 'date-time', description };
  },
  obj(properties: Record<string, SchemaNode>, description?: string, required?: string[], extra: Extra = {}): SchemaNode {
    return { type: 'object', ...(description ? { description } : {}), properties, ...(required?.length ? { required } : {}), ...extra };
  },
  arr(items: SchemaNode, description?: string, extra: Extra = {}): SchemaNode {
    return { type: 'array', ...(description ? { description } : {}), items, ...extra };
  },
  strings(description?: string): SchemaNode {
    return S.arr({ type: 'string' }, description);
  },
  map(values: SchemaNode, description?: string): SchemaNode {
    return { type: 'object', ...(description ? { description } : {}), additionalProperties: values };
  },
  stringMap(description?: string): SchemaNode {
    return S.map({ type: 'string' }, description);
  },
  /** An object whose content is kept as given (a pod template, an affinity, a probe). */
  any(description?: string): SchemaNode {
    return { type: 'object', ...(description ? { description } : {}), 'x-kubernetes-preserve-unknown-fields': true };
  },
  anyList(description?: string): SchemaNode {
    return S.arr(S.any(), description);
  },
  quantity(description?: string): SchemaNode {
    return {
      ...(description ? { description } : {}),
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
      'x-kubernetes-int-or-string': true,
    };
  },
  resources(description = 'Compute resources (requests and limits) of the containers.'): SchemaNode {
    return S.obj(
      {
        claims: S.anyList('Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.'),
        limits: S.map(S.quantity(), 'Limits describes the maximum amount of compute resources allowed.'),
        requests: S.map(S.quantity(), 'Requests describes the minimum amount of compute resources required.'),
      },
      description,
    );
  },
  localRef(description: string): SchemaNode {
    return S.obj({ name: S.str('Name of the referent.') }, description, ['name']);
  },
  labelSelector(description?: string): SchemaNode {
    return S.obj(
      {
        matchExpressions: S.anyList('matchExpressions is a list of label selector requirements. The requirements are ANDed.'),
        matchLabels: S.stringMap('matchLabels is a map of {key,value} pairs.'),
      },
      description,
      undefined,
      { 'x-kubernetes-map-type': 'atomic' },
    );
  },
  metaCondition(): SchemaNode {
    return S.obj(
      {
        lastTransitionTime: S.time('lastTransitionTime is the last time the condition transitioned from one status to another.'),
        message: S.str('message is a human readable message indicating details about the transition.', { maxLength: 32768 }),
        observedGeneration: S.int('observedGeneration represents the .metadata.generation that the condition was set based upon.', { format: 'int64', minimum: 0 }),
        reason: S.str("reason contains a programmatic identifier indicating the reason for the condition's last transition.", { maxLength: 1024 }),
        status: S.enumOf(['True', 'False', 'Unknown'], 'status of the condition, one of True, False, Unknown.'),
        type: S.str('type of condition in CamelCase or in foo.example.com/CamelCase.', { maxLength: 316 }),
      },
      'Condition contains details for one aspect of the current state of this API Resource.',
      ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
    );
  },
};

/** The apiVersion/kind/metadata/spec/status envelope controller-gen puts around every kind. */
export function rootSchema(description: string, spec: SchemaNode, status?: SchemaNode, required: string[] = []): SchemaNode {
  return S.obj(
    {
      apiVersion: S.str('APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
      kind: S.str('Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
      metadata: { type: 'object' },
      spec,
      ...(status ? { status } : {}),
    },
    description,
    required,
  );
}
