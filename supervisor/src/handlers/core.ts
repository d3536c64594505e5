import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject, UserInfo } from '../api/types';
import type { Registry } from '../api/registry';
import type { Objects } from '../core/objects';
import type { Store } from '../storage/store';
import type { Attributes, Decision } from '../auth/rbac-types';
import type { TokenAuthenticator } from '../auth/tokens';
import type { RequestInfo } from '../http/request-info';
import type { SupervisorConfig } from '../config';

export interface LogRequest {
  pod: KubeObject;
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
}

/** Serves pods/log; the simulated node agent provides it. */
export interface LogProvider {
  stream(req: LogRequest, res: ServerResponse, signal: AbortSignal): void;
}

/**
 * What every handler can reach: the registry, the object API and store, authorization, and the
 * pluggable parts later issues add (pod logs, metrics).
 */
export interface Core {
  config: SupervisorConfig;
  registry: Registry;
  store: Store;
  objects: Objects;
  tokens: TokenAuthenticator;
  authorize(attrs: Attributes): Decision;
  forbiddenMessage(attrs: Attributes): string;
  /** The rules a user has in a namespace (SelfSubjectRulesReview). */
  rulesFor(user: UserInfo, namespace: string): unknown;
  logs?: LogProvider;
  version: Record<string, string>;
  /** Resolves handlers for non-resource paths registered by other modules (openapi, metrics...). */
  extraRoutes: Map<string, (req: IncomingMessage, res: ServerResponse, url: URL, user: UserInfo) => Promise<void> | void>;
  /**
   * HTTP upgrade (WebSocket) handlers by path prefix, e.g. the VM web console. They run before
   * authentication and must authenticate the request themselves (a console ticket); other
   * upgrade requests are served as ordinary requests.
   */
  upgradeRoutes?: Map<string, (req: IncomingMessage, socket: Duplex, head: Buffer) => void>;
  /** `host:port` the API is served on, set once listening (addresses handed out to clients). */
  address?: string;
}

export interface ResourceRequest {
  core: Core;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: RequestInfo;
  rt: ResourceType;
  user: UserInfo;
}
