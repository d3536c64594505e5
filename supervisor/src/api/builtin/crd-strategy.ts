import type { Strategy } from '../resource-type';
import type { KubeObject } from '../types';
import type { CustomResourceDefinition } from '../../crd/crd-types';
import { defaultCustomResourceDefinition, validateCustomResourceDefinition } from '../../crd/crd-validation';

/** CustomResourceDefinition defaulting and validation (apiextensions-apiserver's strategy). */
export const crdStrategy: Strategy = {
  prepareForCreate(obj) {
    const defaulted = defaultCustomResourceDefinition(obj as CustomResourceDefinition);
    obj.spec = defaulted.spec;
    obj.status = { acceptedNames: { plural: '', kind: '' }, conditions: [], storedVersions: [] };
  },
  prepareForUpdate(obj) {
    obj.spec = defaultCustomResourceDefinition(obj as CustomResourceDefinition).spec;
  },
  validate: (obj: KubeObject) => validateCustomResourceDefinition(obj as CustomResourceDefinition),
  validateUpdate: (obj: KubeObject, old: KubeObject) => validateCustomResourceDefinition(obj as CustomResourceDefinition, old as CustomResourceDefinition),
};
