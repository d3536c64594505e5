import type { KubeObject } from '../../../api/types';
import type { CustomResourceDefinition } from '../../../crd/crd-types';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { stableStringify } from '../../../util/stable-json';
import { clusterVirtualMachineImageCrd, virtualMachineClassCrd, virtualMachineClassInstanceCrd, virtualMachineImageCrd } from './catalog-crds';
import { contentLibraryCrd } from './content-library';
import { virtualMachinePublishRequestCrd, virtualMachineSnapshotCrd, virtualMachineWebConsoleRequestCrd } from './request-crds';
import { virtualMachineServiceCrd, virtualMachineSetResourcePolicyCrd } from './service-crds';
import { virtualMachineCrd } from './virtualmachine';

/** Every CRD VM Service installs, in the order they are created. */
export const VM_SERVICE_CRDS: CustomResourceDefinition[] = [
  virtualMachineClassCrd,
  virtualMachineClassInstanceCrd,
  virtualMachineImageCrd,
  clusterVirtualMachineImageCrd,
  virtualMachineCrd,
  virtualMachineServiceCrd,
  virtualMachineSetResourcePolicyCrd,
  virtualMachineSnapshotCrd,
  virtualMachineWebConsoleRequestCrd,
  virtualMachinePublishRequestCrd,
  contentLibraryCrd,
];

const CRDS = 'customresourcedefinitions';
const CRD_API = 'apiextensions.k8s.io/v1';

/**
 * Creates the CRDs, or updates the ones whose spec differs from what this build defines (so a
 * data dir from an older build gets the current schemas). Returns how many were written.
 */
export function installCrds(client: SystemClient): number {
  let written = 0;
  for (const want of VM_SERVICE_CRDS) {
    const name = want.metadata.name ?? '';
    const have = client.get<CustomResourceDefinition>(CRD_API, CRDS, '', name);
    if (!have) {
      client.create(CRD_API, CRDS, structuredClone(want) as KubeObject);
      written++;
    } else if (stableStringify(comparable(have)) !== stableStringify(comparable(want))) {
      client.update(CRD_API, CRDS, { ...have, spec: structuredClone(want.spec) } as KubeObject);
      written++;
    }
  }
  return written;
}

/** The parts of a CRD this module owns (the server defaults the rest, e.g. conversion). */
function comparable(c: CustomResourceDefinition): unknown {
  const { group, names, scope, versions } = c.spec;
  return { group, names: { ...names, listKind: names?.listKind, singular: names?.singular }, scope, versions };
}
