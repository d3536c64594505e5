import { VM_KIND, VMS } from '../constants';
import { AGE, crd } from './crd';
import { root } from './schema';
import { vmSpecSchema } from './vm-spec-schema';
import { vmStatusSchema } from './vm-status-schema';

/** virtualmachines.vmoperator.vmware.com, with upstream's printer columns (three at -o wide). */
export const virtualMachineCrd = crd({
  kind: VM_KIND,
  plural: VMS,
  shortNames: ['vm'],
  schema: root('VirtualMachine is the schema for the virtualmachines API and represents the desired state and observed status of a virtualmachines resource.', vmSpecSchema, vmStatusSchema),
  printerColumns: [
    { jsonPath: '.status.powerState', name: 'Power-State', type: 'string' },
    { jsonPath: '.spec.className', name: 'Class', priority: 1, type: 'string' },
    { jsonPath: '.spec.image.name', name: 'Image', priority: 1, type: 'string' },
    { jsonPath: '.status.network.primaryIP4', name: 'Primary-IP4', priority: 1, type: 'string' },
    AGE,
  ],
});
