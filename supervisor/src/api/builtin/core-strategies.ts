import type { StatusCause } from '../errors';
import type { Strategy } from '../resource-type';
import type { KubeObject } from '../types';
import { isObject } from '../types';

/** Defaulting and validation of core/v1 kinds other than Pod (pkg/apis/core/v1/defaults.go, validation.go). */
type Json = Record<string, unknown>;

const DATA_KEY = /^[-._a-zA-Z0-9]+$/;

function validateDataKeys(obj: KubeObject, fields: string[]): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const f of fields) {
    const data = obj[f];
    if (data === undefined || data === null) continue;
    if (!isObject(data)) {
      causes.push({ type: 'FieldValueTypeInvalid', message: 'Invalid value: must be a map of strings', field: f });
      continue;
    }
    for (const [k, v] of Object.entries(data)) {
      if (!DATA_KEY.test(k) || k.length > 253) {
        causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${k}": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`, field: `${f}[${k}]` });
      }
      if (typeof v !== 'string') causes.push({ type: 'FieldValueTypeInvalid', message: 'Invalid value: must be a string', field: `${f}[${k}]` });
      if (f === 'binaryData' || (obj.kind === 'Secret' && f === 'data')) {
        if (typeof v === 'string' && !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) causes.push({ type: 'FieldValueInvalid', message: 'Invalid value: illegal base64 data', field: `${f}[${k}]` });
      }
    }
  }
  return causes;
}

function immutableData(obj: KubeObject, old: KubeObject, fields: string[]): StatusCause[] {
  if (old.immutable !== true) return [];
  const changed = fields.some((f) => JSON.stringify(obj[f] ?? null) !== JSON.stringify(old[f] ?? null)) || obj.immutable !== true;
  return changed ? [{ type: 'FieldValueForbidden', message: 'Forbidden: field is immutable when `immutable` is set', field: 'data' }] : [];
}

export const configMapStrategy: Strategy = {
  validate: (obj) => validateDataKeys(obj, ['data', 'binaryData']),
  validateUpdate: (obj, old) => [...validateDataKeys(obj, ['data', 'binaryData']), ...immutableData(obj, old, ['data', 'binaryData'])],
};

function foldStringData(obj: KubeObject): void {
  if (isObject(obj.stringData)) {
    const data = (isObject(obj.data) ? obj.data : {}) as Json;
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    obj.data = data;
  }
  delete obj.stringData;
}

export const secretStrategy: Strategy = {
  prepareForCreate(obj) {
    foldStringData(obj);
    obj.type ??= 'Opaque';
  },
  prepareForUpdate(obj) {
    foldStringData(obj);
    obj.type ??= 'Opaque';
  },
  validate: (obj) => validateDataKeys(obj, ['data']),
  validateUpdate(obj, old) {
    const causes = [...validateDataKeys(obj, ['data']), ...immutableData(obj, old, ['data'])];
    if (obj.type !== old.type) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${String(obj.type)}": field is immutable`, field: 'type' });
    return causes;
  },
};

export const namespaceStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
    const labels = (obj.metadata.labels ??= {});
    labels['kubernetes.io/metadata.name'] = obj.metadata.name ?? '';
  },
  prepareForUpdate(obj, old) {
    if (!obj.spec) obj.spec = old.spec;
    const labels = (obj.metadata.labels ??= {});
    labels['kubernetes.io/metadata.name'] = obj.metadata.name ?? '';
  },
};

function randomClusterIP(): string {
  const n = 1 + Math.floor(Math.random() * (4096 * 256 - 2));
  return `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

export const serviceStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (spec.type !== 'ExternalName') {
      if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = randomClusterIP();
      spec.clusterIPs ??= [spec.clusterIP];
    }
    if (spec.type === 'LoadBalancer' || spec.type === 'NodePort') spec.externalTrafficPolicy ??= 'Cluster';
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    for (const p of ports) {
      if (!isObject(p)) continue;
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
      if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && p.nodePort === undefined) p.nodePort = 30000 + Math.floor(Math.random() * 2768);
    }
    obj.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    const spec = (obj.spec ??= {}) as Json;
    const oldSpec = (old.spec ?? {}) as Json;
    if (spec.clusterIP === undefined && oldSpec.clusterIP !== undefined) spec.clusterIP = oldSpec.clusterIP;
    if (spec.clusterIPs === undefined && oldSpec.clusterIPs !== undefined) spec.clusterIPs = oldSpec.clusterIPs;
    spec.type ??= oldSpec.type ?? 'ClusterIP';
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    for (const p of ports) if (isObject(p)) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
    }
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    if (!types.includes(String(spec.type))) causes.push({ type: 'FieldValueNotSupported', message: `Unsupported value: "${String(spec.type)}": supported values: ${types.map((t) => `"${t}"`).join(', ')}`, field: 'spec.type' });
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    if (ports.length === 0 && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') causes.push({ type: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' });
    ports.forEach((p, i) => {
      const port = isObject(p) ? p.port : undefined;
      if (typeof port !== 'number' || port < 1 || port > 65535) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(port ?? null)}: must be between 1 and 65535, inclusive`, field: `spec.ports[${i}].port` });
      if (ports.length > 1 && isObject(p) && !p.name) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: `spec.ports[${i}].name` });
    });
    return causes;
  },
  validateUpdate(obj, old) {
    const causes = serviceStrategy.validate!(obj, { user: { username: '', groups: [] }, now: new Date(), dryRun: false });
    const a = (obj.spec as Json | undefined)?.clusterIP;
    const b = (old.spec as Json | undefined)?.clusterIP;
    if (b !== undefined && a !== b) causes.push({ type: 'FieldValueInvalid', message: `Invalid value: "${String(a)}": field is immutable`, field: 'spec.clusterIP' });
    return causes;
  },
};

export const nodeStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.spec ??= {};
    obj.status ??= {};
  },
};

export const pvcStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.volumeMode ??= 'Filesystem';
    obj.status = { phase: 'Pending' };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) causes.push({ type: 'FieldValueRequired', message: 'Required value: at least 1 access mode is required', field: 'spec.accessModes' });
    const storage = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
    if (storage === undefined) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: 'spec.resources[storage]' });
    return causes;
  },
};

export const serviceAccountStrategy: Strategy = {};

export const eventStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.count ??= 1;
    obj.type ??= 'Normal';
  },
  validate(obj) {
    const causes: StatusCause[] = [];
    if (!isObject(obj.involvedObject)) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: 'involvedObject' });
    return causes;
  },
};
