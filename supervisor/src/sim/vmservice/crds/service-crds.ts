import { VM_SERVICES } from '../constants';
import { AGE, crd } from './crd';
import { arr, conditions, int32, obj, quantity, root, str, strList, strMap } from './schema';

/** VirtualMachineService and VirtualMachineSetResourcePolicy. */
export const virtualMachineServiceCrd = crd({
  kind: 'VirtualMachineService',
  plural: VM_SERVICES,
  shortNames: ['vmservice'],
  schema: root(
    'VirtualMachineService is the Schema for the virtualmachineservices API.',
    obj(
      {
        type: str('Type is the service type: ClusterIP, LoadBalancer or ExternalName.'),
        ports: arr(
          obj(
            {
              name: str('Name identifies this port.'),
              protocol: str('Protocol is the Layer 4 protocol: TCP, UDP or SCTP.'),
              port: int32('Port is the port the service exposes.'),
              targetPort: int32('TargetPort is the port on the VirtualMachines that Port maps to.'),
            },
            undefined,
            { required: ['name', 'port', 'protocol', 'targetPort'] },
          ),
          'Ports are the ports this service exposes.',
        ),
        selector: strMap('Selector selects the VirtualMachines (by label) that back this service.'),
        loadBalancerIP: str('Deprecated: LoadBalancerIP requests a load balancer IP.'),
        loadBalancerSourceRanges: strList('LoadBalancerSourceRanges restricts ingress to these CIDRs.'),
        clusterIp: str('ClusterIP is the service IP; "None" makes a headless service.'),
        externalName: str('ExternalName is the CNAME returned for an ExternalName service.'),
      },
      'VirtualMachineServiceSpec defines the desired state of VirtualMachineService.',
      { required: ['type'] },
    ),
    obj(
      { loadBalancer: obj({ ingress: arr(obj({ ip: str(), hostname: str() })) }, 'LoadBalancer is the status of the load balancer, if any.') },
      'VirtualMachineServiceStatus defines the observed state of VirtualMachineService.',
    ),
  ),
  printerColumns: [{ jsonPath: '.spec.type', name: 'Type', type: 'string' }, AGE],
});

const poolResources = obj({ cpu: quantity(), memory: quantity() });

export const virtualMachineSetResourcePolicyCrd = crd({
  kind: 'VirtualMachineSetResourcePolicy',
  plural: 'virtualmachinesetresourcepolicies',
  schema: root(
    'VirtualMachineSetResourcePolicy is the Schema for the virtualmachinesetresourcepolicies API.',
    obj({
      resourcePool: obj({ name: str(), reservations: poolResources, limits: poolResources }),
      folder: str(),
      clusterModuleGroups: strList(),
    }),
    obj({
      resourcePools: arr(obj({ clusterMoID: str(), childResourcePoolMoID: str() }, undefined, { required: ['childResourcePoolMoID', 'clusterMoID'] })),
      clustermodules: arr(obj({ groupName: str(), moduleUUID: str(), clusterMoID: str() }, undefined, { required: ['clusterMoID', 'groupName', 'moduleUUID'] })),
      conditions: conditions(),
    }),
  ),
});
