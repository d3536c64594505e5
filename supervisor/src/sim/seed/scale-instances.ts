import type { KubeObject } from '../../api/types';
import { KUBEFLOW_V1 } from '../operators/tfjob/crd';
import { jobLabels, TF } from '../operators/tfjob/resources';

/**
 * Operator-backed service instances for the scale seed: TFJobs of the Kubeflow training
 * operator (a Supervisor Service), each one finished a while ago, in exactly the state its
 * controller leaves a succeeded job in: the Created, Running (False) and Succeeded conditions,
 * replica statuses, start, completion and last reconcile times, and with `cleanPodPolicy: All`
 * no pods or services left. The controller then finds nothing to write when it takes them over
 * (scale-instances.test.ts). Deterministic by index, like the rest of the scale seed.
 */
const APPS = ['web', 'api', 'worker', 'cache', 'batch', 'gateway', 'search', 'billing'];

export function scaleTfJob(namespace: string, i: number, started: string, finished: string): KubeObject {
  const name = `train-${i.toString(36).padStart(4, '0')}`;
  const id = `${namespace}/${name}`;
  const matchLabels = { ...jobLabels(name), [TF.replicaType]: 'worker' };
  const condition = (type: string, status: 'True' | 'False', reason: string, message: string, at: string) => ({ type, status, reason, message, lastUpdateTime: at, lastTransitionTime: at });
  return {
    apiVersion: KUBEFLOW_V1,
    kind: 'TFJob',
    metadata: { name, namespace, generation: 1, creationTimestamp: started, labels: { app: APPS[i % APPS.length]!, 'glasspane.io/seed': 'scale' } },
    spec: {
      runPolicy: { cleanPodPolicy: 'All' },
      tfReplicaSpecs: {
        Worker: {
          replicas: 1,
          restartPolicy: 'OnFailure',
          template: { spec: { containers: [{ name: 'tensorflow', image: 'kubeflow/tf-mnist-with-summaries:latest', command: ['python', '/var/tf_mnist/mnist_with_summaries.py', '--log_dir=/train/logs'], resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } } }] } },
        },
      },
    },
    status: {
      conditions: [
        condition('Created', 'True', 'TFJobCreated', `TFJob ${id} is created.`, started),
        condition('Running', 'False', 'TFJobRunning', `TFJob ${id} is running.`, finished),
        condition('Succeeded', 'True', 'TFJobSucceeded', `TFJob ${id} successfully completed.`, finished),
      ],
      replicaStatuses: { Worker: { succeeded: 1, labelSelector: { matchLabels }, selector: Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`).join(',') } },
      startTime: started,
      completionTime: finished,
      lastReconcileTime: finished,
    },
  };
}
