import { CONTENT_LIBRARIES } from '../constants';
import { AGE, crd } from './crd';
import { bool, conditions, enumStr, obj, root, str } from './schema';

/**
 * imageregistry.vmware.com ContentLibrary (vm-operator's external CRDs): the namespace-bound
 * library a VirtualMachinePublishRequest publishes to.
 */
export const contentLibraryCrd = crd({
  kind: 'ContentLibrary',
  plural: CONTENT_LIBRARIES,
  group: 'imageregistry.vmware.com',
  version: 'v1alpha1',
  shortNames: ['lib', 'library'],
  schema: root(
    'ContentLibrary is the schema for the content library API.',
    obj({
      uuid: str('UUID is the identifier of the vSphere content library.'),
      writable: bool('Writable allows publishing to this library.'),
      allowImport: bool(),
      resourceNamingStrategy: enumStr(['FROM_ITEM_ID', 'PREFER_ITEM_SOURCE_ID']),
    }),
    obj({
      name: str('Name is the display name of the library on vSphere.'),
      description: str(),
      type: enumStr(['Local', 'Subscribed']),
      storageBacking: obj({ type: enumStr(['Datastore', 'Other']), datastoreID: str() }),
      state: enumStr(['Active', 'InMaintenance']),
      conditions: conditions(),
    }),
  ),
  printerColumns: [
    { jsonPath: '.status.name', name: 'vSphereName', type: 'string' },
    { jsonPath: '.status.type', name: 'Type', type: 'string' },
    { jsonPath: '.spec.writable', name: 'Writable', type: 'boolean' },
    { jsonPath: '.spec.allowImport', name: 'AllowImport', type: 'boolean' },
    { jsonPath: ".status.conditions[?(@.type=='Ready')].status", name: 'Ready', type: 'string' },
    AGE,
  ],
});
