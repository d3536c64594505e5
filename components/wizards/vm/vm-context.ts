'use client';

import { useMemo } from 'react';
import { documentOfKind } from '@/lib/forms/sync-model';
import { valueAt, type ValuePath } from '@/lib/forms/value-diff';
import { cloudInitSecretIndex, claimIndexes, renameVm } from '@/lib/forms/wizards/vm';
import type { KubeObject } from '@/lib/k8s/types';
import type { SyncModel } from '@/components/forms/use-sync-model';
import type { NamespaceFacts } from '../use-namespace-facts';

/**
 * What every step of the VM wizard reads and writes: the model, the VM document (found by
 * kind, so the user may reorder documents in the YAML), the related documents, and setters
 * that write VM fields by path and keep derived names consistent.
 */
export interface VmWizardContext {
  model: SyncModel;
  vmIndex: number;
  vm: KubeObject | undefined;
  namespace: string;
  name: string;
  version: string;
  facts: NamespaceFacts;
  secretIndex: number;
  serviceIndex: number;
  claims: Map<string, number>;
  /** Sets a field of the VM (undefined deletes it). */
  setVm(path: ValuePath, value: unknown): void;
  get(path: ValuePath): unknown;
  rename(name: string): void;
  moveTo(namespace: string): void;
}

export function useVmContext(model: SyncModel, facts: NamespaceFacts, version: string): VmWizardContext {
  const { state } = model;
  return useMemo(() => {
    const vmIndex = documentOfKind(state, 'VirtualMachine');
    const vm = vmIndex >= 0 ? (state.values[vmIndex] as KubeObject) : undefined;
    const name = String(vm?.metadata?.name ?? '');
    const namespace = String(vm?.metadata?.namespace ?? '');
    return {
      model,
      vmIndex,
      vm,
      name,
      namespace,
      version: String(vm?.apiVersion ?? '').split('/')[1] || version,
      facts,
      secretIndex: vmIndex >= 0 ? cloudInitSecretIndex(state.values, vmIndex) : -1,
      serviceIndex: documentOfKind(state, 'VirtualMachineService'),
      claims: claimIndexes(state.values),
      setVm: (path, value) => vmIndex >= 0 && model.setField(vmIndex, path, value),
      get: (path) => valueAt(vm, path),
      rename: (next) => {
        const renamed = renameVm(state.values, name, next);
        renamed.forEach((v, i) => model.setValue(i, v));
      },
      moveTo: (ns) => state.values.forEach((v, i) => valueAt(v, ['metadata']) && model.setField(i, ['metadata', 'namespace'], ns)),
    };
  }, [state, model, facts, version]);
}
