import type { SupervisorServiceDef } from '../carvel/service-def';
import { tfjobCrds } from './crd';

/**
 * The Kubeflow training-operator packaged as a Supervisor Service (TFJob support): catalog
 * metadata, install values schema, and the operator workload of the upstream v1.8.1 manifest.
 */
export const TRAINING_OPERATOR_VERSION = '1.8.1';
const IMAGE = `kubeflow/training-operator:v${TRAINING_OPERATOR_VERSION}`;
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#3b2a12"/><path d="M32 8 12 19v12l20-11 20 11V19z" fill="#ff9f1c"/><path d="M29 24v32l7-4V28z" fill="#ffbf69"/><path d="M38 33l8-4v8l-8 4z" fill="#ff9f1c"/></svg>`;

export const trainingService: SupervisorServiceDef = {
  id: 'training-operator.fling.vsphere.vmware.com',
  short: 'training-operator',
  version: TRAINING_OPERATOR_VERSION,
  releasedAt: '2024-07-31T14:02:45Z',
  displayName: 'Kubeflow Training Operator',
  shortDescription: 'Run distributed TensorFlow training jobs (TFJob) on vSphere Pods.',
  longDescription:
    'The Kubeflow training-operator runs distributed machine-learning training. A `TFJob` (kubeflow.org/v1) describes chief, parameter-server, worker and evaluator replicas; the operator creates one pod and one headless service per replica, injects the TF_CONFIG cluster description, restarts failed replicas according to their restart policy, and reports the job as Created, Running, Succeeded or Failed.',
  providerName: 'VMware',
  maintainers: ['supervisor-services-labs.pdl@broadcom.com'],
  categories: ['Machine learning', 'AI'],
  supportDescription: 'Community supported (Supervisor Services Labs). The training-operator is part of the Kubeflow project.',
  iconSvg: ICON,
  licenses: ['Apache 2.0'],
  bundleImage: `projects.registry.vmware.com/vsphere-labs/training-operator:v${TRAINING_OPERATOR_VERSION}`,
  valuesSchema: {
    type: 'object',
    properties: {
      namespace: { type: 'string', default: 'kubeflow', description: 'The namespace in which to deploy the training-operator.' },
      image: { type: 'string', default: IMAGE, description: 'Image of the training-operator.' },
      enableSchemes: { type: 'array', items: { type: 'string', enum: ['tfjob', 'pytorchjob', 'mpijob', 'xgboostjob', 'paddlejob', 'jaxjob'] }, default: ['tfjob'], description: 'Job kinds the operator serves.' },
      gangScheduling: {
        type: 'object',
        description: 'Gang scheduling of job pods.',
        properties: {
          enabled: { type: 'boolean', default: false, description: 'Schedule all pods of a job together (requires a gang scheduler).' },
          schedulerName: { type: 'string', default: 'volcano', description: 'Name of the gang scheduler.' },
        },
      },
    },
  },
  values: { image: IMAGE, enableSchemes: ['tfjob'] },
  operator: {
    deployment: 'training-operator',
    serviceAccount: 'training-operator',
    image: IMAGE,
    command: ['/manager'],
    args: ['--enable-scheme=tfjob'],
    ports: [
      { name: 'monitoring-port', containerPort: 8080 },
      { name: 'webhook-server', containerPort: 9443 },
    ],
    labels: { 'control-plane': 'kubeflow-training-operator' },
    env: [{ name: 'MY_POD_NAMESPACE', value: 'svc-training-operator-domain-c8' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    services: [
      {
        name: 'training-operator',
        ports: [
          { name: 'monitoring-port', port: 8080, targetPort: 8080 },
          { name: 'webhook-server', port: 443, targetPort: 9443 },
        ],
      },
    ],
    probePort: 8081,
  },
  crds: tfjobCrds,
};
