import type { NameRule, ResourceType, ScaleSpec, Strategy, ViewConversion } from '../resource-type';
import { ALL_VERBS } from '../resource-type';
import { builtinTypeSchema, builtinTypeResolver } from '../schemas';

/** Declares a built-in resource with upstream's defaults; each option mirrors a ResourceType field. */
export interface BuiltinOptions {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  subresources?: string[];
  table?: string;
  nameRule?: NameRule;
  strategy?: Strategy;
  view?: ViewConversion;
  scale?: ScaleSpec;
  virtual?: boolean;
  generation?: boolean;
}

export function builtin(o: BuiltinOptions): ResourceType {
  const subresources = o.subresources ?? [];
  return {
    group: o.group,
    version: o.version,
    resource: o.resource,
    kind: o.kind,
    listKind: `${o.kind}List`,
    singular: o.singular ?? o.kind.toLowerCase(),
    namespaced: o.namespaced,
    shortNames: o.shortNames ?? [],
    categories: o.categories ?? [],
    verbs: o.verbs ?? (o.virtual ? ['create'] : ALL_VERBS),
    subresources,
    table: o.table ?? `${o.group || 'core'}/${o.resource}`,
    storageVersion: o.version,
    nameRule: o.nameRule ?? 'subdomain',
    generation: o.generation ?? false,
    statusSubresource: subresources.includes('status'),
    strategicMerge: true,
    allowUnconditionalUpdate: true,
    virtual: o.virtual,
    strategy: o.strategy ?? {},
    view: o.view,
    scale: o.scale,
    schema: () => builtinTypeSchema(o.group, o.version, o.kind),
    resolver: builtinTypeResolver,
  };
}

export const REPLICAS_SCALE: ScaleSpec = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};
