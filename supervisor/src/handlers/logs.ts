import { errors } from '../api/errors';
import { isObject } from '../api/types';
import { viewObject } from '../core/views';
import type { LogRequest, ResourceRequest } from './core';

/**
 * pods/log: validates the container choice and the options as the API server does, then hands
 * the stream to the node agent's log provider.
 */
function containerNames(spec: Record<string, unknown>, list: string): string[] {
  const containers = spec[list];
  return Array.isArray(containers) ? containers.filter(isObject).map((c) => String(c.name)) : [];
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw errors.badRequest(`invalid ${name}: ${v}`);
  if (n < 0 || (name === 'sinceSeconds' && n < 1) || (name === 'limitBytes' && n < 1)) {
    throw errors.invalid('', 'PodLogOptions', '', [{ type: 'FieldValueInvalid', message: `Invalid value: ${n}: must be greater than 0`, field: name }]);
  }
  return n;
}

export function handleLog(r: ResourceRequest): void {
  const { core, rt, info, url, res, req } = r;
  const stored = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!stored) throw errors.notFound(rt, info.pathName);
  const pod = viewObject(rt, stored);
  const spec = isObject(pod.spec) ? pod.spec : {};
  const q = url.searchParams;
  const containers = containerNames(spec, 'containers');
  const all = [...containers, ...containerNames(spec, 'initContainers')];
  let container = q.get('container') ?? '';
  if (!container) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (annotated && all.includes(annotated)) container = annotated;
    else if (containers.length === 1) container = containers[0]!;
    else throw errors.badRequest(`a container name must be specified for pod ${info.pathName}, choose one of: [${containers.join(' ')}]`);
  }
  if (!all.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${info.pathName}`);
  if (q.has('sinceSeconds') && q.has('sinceTime')) {
    throw errors.invalid('', 'PodLogOptions', '', [{ type: 'FieldValueForbidden', message: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified', field: 'sinceSeconds' }]);
  }
  const request: LogRequest = {
    pod,
    container,
    follow: q.get('follow') === 'true',
    previous: q.get('previous') === 'true',
    timestamps: q.get('timestamps') === 'true',
    tailLines: intParam(q, 'tailLines'),
    sinceSeconds: intParam(q, 'sinceSeconds'),
    sinceTime: q.get('sinceTime') ?? undefined,
    limitBytes: intParam(q, 'limitBytes'),
  };
  if (!core.logs) throw errors.badRequest(`container "${container}" in pod "${info.pathName}" is waiting to start: ContainerCreating`);
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  core.logs.stream(request, res, abort.signal);
}
