import { DEF } from './definition-names';
import { ATTACH_PARAMETERS, EXEC_PARAMETERS, LOG_PARAMETERS, PORTFORWARD_PARAMETERS } from './parameters';
import type { GroupVersionKindRef, OpenAPIParameter } from './types';

/**
 * How each known subresource appears in the documents. `self` means the parent kind is the
 * request and response body (status, finalize); otherwise a fixed kind with its own GVK
 * (scale → autoscaling/v1 Scale, as discovery's `deployments/scale` entry advertises).
 * Unknown subresource names are left out of the documents.
 */
export type SubresourceSpec =
  | { type: 'object'; verbs: ('read' | 'replace' | 'patch')[]; body: 'self' | FixedKind }
  | { type: 'create'; body: FixedKind }
  | { type: 'text'; parameters: OpenAPIParameter[]; mediaTypes: string[]; description: string }
  | { type: 'connect'; parameters: OpenAPIParameter[]; optionsKind: string };

export interface FixedKind {
  def: string;
  gvk: GroupVersionKindRef;
}

export const SCALE_KIND: FixedKind = { def: DEF.scale, gvk: { group: 'autoscaling', version: 'v1', kind: 'Scale' } };
export const EVICTION_KIND: FixedKind = { def: DEF.eviction, gvk: { group: 'policy', version: 'v1', kind: 'Eviction' } };
export const BINDING_KIND: FixedKind = { def: DEF.binding, gvk: { group: '', version: 'v1', kind: 'Binding' } };
export const TOKEN_REQUEST_KIND: FixedKind = {
  def: DEF.tokenRequest,
  gvk: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
};

/** Kinds that only subresources use; the schema generator gives each a component. */
export const SUBRESOURCE_KINDS: readonly FixedKind[] = [SCALE_KIND, EVICTION_KIND, BINDING_KIND, TOKEN_REQUEST_KIND];

export const SUBRESOURCES: Readonly<Record<string, SubresourceSpec>> = {
  status: { type: 'object', verbs: ['read', 'replace', 'patch'], body: 'self' },
  scale: { type: 'object', verbs: ['read', 'replace', 'patch'], body: SCALE_KIND },
  ephemeralcontainers: { type: 'object', verbs: ['read', 'replace', 'patch'], body: 'self' },
  resize: { type: 'object', verbs: ['read', 'replace', 'patch'], body: 'self' },
  finalize: { type: 'object', verbs: ['replace'], body: 'self' },
  binding: { type: 'create', body: BINDING_KIND },
  eviction: { type: 'create', body: EVICTION_KIND },
  token: { type: 'create', body: TOKEN_REQUEST_KIND },
  log: { type: 'text', parameters: LOG_PARAMETERS, mediaTypes: ['text/plain', 'application/json', 'application/yaml'], description: 'read log of the specified' },
  exec: { type: 'connect', parameters: EXEC_PARAMETERS, optionsKind: 'PodExecOptions' },
  attach: { type: 'connect', parameters: ATTACH_PARAMETERS, optionsKind: 'PodAttachOptions' },
  portforward: { type: 'connect', parameters: PORTFORWARD_PARAMETERS, optionsKind: 'PodPortForwardOptions' },
};

/** Connect operations stream arbitrary bytes (upgraded to SPDY or WebSocket). */
export const CONNECT_MEDIA_TYPES = ['*/*'];

/** "portforward" → "Portforward", as upstream operation ids spell subresources. */
export function subresourceIdentifier(name: string): string {
  return name[0]!.toUpperCase() + name.slice(1);
}
