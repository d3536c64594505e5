import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { nextAction, PHASE, sacrificialInstance } from './decide';
import { clusterView, L } from './model';

/**
 * The CloudNativePG reconcile decision, step by step through a cluster's life: bootstrap,
 * primary promotion, replicas joining one at a time, scale-down and failover.
 */
const uid = 'c0ffee00-0000-4000-8000-000000000001';

function cluster(instances: number, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'orders-db', namespace: 'team-a', uid, generation: 1 },
    spec: { instances, storage: { size: '10Gi' } },
    status,
  };
}

const owner = [{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', name: 'orders-db', uid, controller: true }];

function pvc(serial: number, pvcStatus: 'initializing' | 'ready'): KubeObject {
  const name = `orders-db-${serial}`;
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'team-a', labels: { [L.cluster]: 'orders-db', [L.instanceName]: name, [L.pvcRole]: 'PG_DATA' }, annotations: { [L.pvcStatus]: pvcStatus }, ownerReferences: owner } };
}

function job(serial: number, role: 'initdb' | 'join', complete: boolean): KubeObject {
  const instance = `orders-db-${serial}`;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${instance}-${role}`, namespace: 'team-a', labels: { [L.cluster]: 'orders-db', [L.instanceName]: instance, [L.jobRole]: role }, ownerReferences: owner },
    status: complete ? { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } : { active: 1 },
  };
}

function pod(serial: number, role: 'primary' | 'replica', ready: boolean, phase = 'Running'): KubeObject {
  const name = `orders-db-${serial}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'team-a', labels: { [L.cluster]: 'orders-db', [L.instanceName]: name, [L.podRole]: 'instance', [L.instanceRole]: role }, ownerReferences: owner },
    status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }], podIP: `10.244.0.${serial}` },
  };
}

const decide = (c: KubeObject, pvcs: KubeObject[] = [], jobs: KubeObject[] = [], pods: KubeObject[] = []) => nextAction(clusterView(c, pvcs, jobs, pods));

describe('CloudNativePG reconcile decisions', () => {
  it('bootstraps a new cluster with the initdb job of instance 1', () => {
    expect(decide(cluster(3))).toEqual({ action: { kind: 'create-primary', serial: 1 }, phase: PHASE.firstPrimary, phaseReason: 'Creating primary instance orders-db-1' });
  });

  it('waits for initdb, then marks the PVC ready and creates the primary pod', () => {
    const c = cluster(3, { latestGeneratedNode: 1, targetPrimary: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'initializing')], [job(1, 'initdb', false)])).toMatchObject({ action: { kind: 'none' }, phase: PHASE.firstPrimary });
    expect(decide(c, [pvc(1, 'initializing')], [job(1, 'initdb', true)]).action).toEqual({ kind: 'pvc-ready', instance: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'ready')], [job(1, 'initdb', true)]).action).toEqual({ kind: 'create-pod', instance: 'orders-db-1', role: 'primary' });
    expect(decide(c, [pvc(1, 'ready')], [job(1, 'initdb', true)], [pod(1, 'primary', false)])).toMatchObject({ action: { kind: 'none' }, phase: PHASE.waitingActive });
  });

  it('promotes the target primary once it is ready', () => {
    const c = cluster(1, { latestGeneratedNode: 1, targetPrimary: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'ready')], [job(1, 'initdb', true)], [pod(1, 'primary', true)]).action).toEqual({ kind: 'promote', instance: 'orders-db-1' });
    const promoted = cluster(1, { latestGeneratedNode: 1, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    expect(decide(promoted, [pvc(1, 'ready')], [job(1, 'initdb', true)], [pod(1, 'primary', true)])).toEqual({ action: { kind: 'none' }, phase: PHASE.healthy, phaseReason: '' });
  });

  it('adds replicas one at a time through join jobs', () => {
    const c = cluster(3, { latestGeneratedNode: 1, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'ready')], [], [pod(1, 'primary', true)])).toEqual({ action: { kind: 'create-replica', serial: 2 }, phase: PHASE.creatingReplica, phaseReason: 'Creating replica orders-db-2-join' });
    const joining = cluster(3, { latestGeneratedNode: 2, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    expect(decide(joining, [pvc(1, 'ready'), pvc(2, 'initializing')], [job(2, 'join', false)], [pod(1, 'primary', true)])).toEqual({ action: { kind: 'none' }, phase: PHASE.creatingReplica, phaseReason: 'Creating replica orders-db-2-join' });
    const next = decide(joining, [pvc(1, 'ready'), pvc(2, 'ready')], [job(2, 'join', true)], [pod(1, 'primary', true), pod(2, 'replica', true)]);
    expect(next.action).toEqual({ kind: 'create-replica', serial: 3 });
  });

  it('uses serials above the latest generated node, never reusing a removed one', () => {
    const c = cluster(2, { latestGeneratedNode: 5, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'ready')], [], [pod(1, 'primary', true)]).action).toEqual({ kind: 'create-replica', serial: 6 });
  });

  it('scales down by removing the highest-serial replica, never the primary', () => {
    const c = cluster(1, { latestGeneratedNode: 3, targetPrimary: 'orders-db-3', currentPrimary: 'orders-db-3' });
    const view = clusterView(c, [pvc(1, 'ready'), pvc(2, 'ready'), pvc(3, 'ready')], [], [pod(1, 'replica', true), pod(2, 'replica', true), pod(3, 'primary', true)]);
    expect(sacrificialInstance(view)?.name).toBe('orders-db-2');
    expect(nextAction(view)).toEqual({ action: { kind: 'scale-down', instance: 'orders-db-2' }, phase: PHASE.healthy, phaseReason: '' });
  });

  it('fails over to the lowest-serial ready replica when the primary pod is gone', () => {
    const c = cluster(3, { latestGeneratedNode: 3, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    const d = decide(c, [pvc(1, 'ready'), pvc(2, 'ready'), pvc(3, 'ready')], [], [pod(2, 'replica', true), pod(3, 'replica', true)]);
    expect(d).toEqual({ action: { kind: 'failover', from: 'orders-db-1', to: 'orders-db-2' }, phase: PHASE.failOver, phaseReason: 'Failing over from orders-db-1 to orders-db-2' });
  });

  it('after a failover, promotes the new primary and recreates the old one as a replica', () => {
    const c = cluster(3, { latestGeneratedNode: 3, targetPrimary: 'orders-db-2', currentPrimary: 'orders-db-1' });
    const pvcs = [pvc(1, 'ready'), pvc(2, 'ready'), pvc(3, 'ready')];
    expect(decide(c, pvcs, [], [pod(2, 'replica', true), pod(3, 'replica', true)]).action).toEqual({ kind: 'create-pod', instance: 'orders-db-1', role: 'replica' });
    expect(decide(c, pvcs, [], [pod(1, 'replica', false), pod(2, 'replica', true), pod(3, 'replica', true)]).action).toEqual({ kind: 'promote', instance: 'orders-db-2' });
    const promoted = cluster(3, { latestGeneratedNode: 3, targetPrimary: 'orders-db-2', currentPrimary: 'orders-db-2' });
    expect(decide(promoted, pvcs, [], [pod(1, 'replica', true), pod(2, 'replica', true), pod(3, 'replica', true)]).action).toEqual({ kind: 'relabel', instance: 'orders-db-2', role: 'primary' });
  });

  it('rolls a new image out to the replicas first, then restarts the primary in place without failing over', () => {
    const withImage = (p: KubeObject, image: string): KubeObject => ({ ...p, spec: { containers: [{ name: 'postgres', image }] } });
    const old = 'ghcr.io/cloudnative-pg/postgresql:16.4';
    const c: KubeObject = { ...cluster(2, { latestGeneratedNode: 2, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1', phase: PHASE.healthy }), spec: { instances: 2, imageName: 'ghcr.io/cloudnative-pg/postgresql:16.6' } };
    const pvcs = [pvc(1, 'ready'), pvc(2, 'ready')];
    expect(decide(c, pvcs, [], [withImage(pod(1, 'primary', true), old), withImage(pod(2, 'replica', true), old)])).toEqual({
      action: { kind: 'upgrade-pod', instance: 'orders-db-2' },
      phase: PHASE.upgrade,
      phaseReason: `Restarting instance orders-db-2, because: the instance is using a different image: ${old} -> ghcr.io/cloudnative-pg/postgresql:16.6`,
    });
    const replicaDone = [withImage(pod(1, 'primary', true), old), withImage(pod(2, 'replica', true), 'ghcr.io/cloudnative-pg/postgresql:16.6')];
    expect(decide(c, pvcs, [], replicaDone)).toMatchObject({ action: { kind: 'upgrade-pod', instance: 'orders-db-1' }, phase: PHASE.inplacePrimaryRestart });
    const restarting = { ...c, status: { ...(c.status as object), phase: PHASE.inplacePrimaryRestart } };
    expect(decide(restarting, pvcs, [], replicaDone.slice(1))).toMatchObject({ action: { kind: 'create-pod', instance: 'orders-db-1', role: 'primary' }, phase: PHASE.inplacePrimaryRestart });
  });

  it('deletes an instance pod that terminated so it is recreated', () => {
    const c = cluster(1, { latestGeneratedNode: 1, targetPrimary: 'orders-db-1', currentPrimary: 'orders-db-1' });
    expect(decide(c, [pvc(1, 'ready')], [], [pod(1, 'primary', false, 'Failed')]).action).toEqual({ kind: 'delete-pod', instance: 'orders-db-1' });
  });

  it('reports an unrecoverable cluster when every PVC of a bootstrapped cluster is gone', () => {
    expect(decide(cluster(1, { latestGeneratedNode: 2 }))).toMatchObject({ action: { kind: 'none' }, phase: PHASE.unrecoverable });
  });

  it('counts only PGDATA claims as instances', () => {
    const other = { ...pvc(1, 'ready'), metadata: { ...pvc(1, 'ready').metadata, labels: { [L.cluster]: 'orders-db', [L.instanceName]: 'orders-db-1', [L.pvcRole]: 'PG_WAL' } } };
    expect(decide(cluster(1), [other]).action).toEqual({ kind: 'create-primary', serial: 1 });
  });
});
