/**
 * Kubernetes `Status` objects and the one error type the console uses for API failures,
 * whether the failure came from the API server, from the console's proxy, or from the network.
 */
export interface StatusCause {
  type?: string;
  message?: string;
  field?: string;
  reason?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
}

export function statusOf(code: number, reason: string, message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

export class KubeError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly status: Status;

  constructor(status: Status) {
    super(status.message ?? status.reason ?? `request failed with ${status.code}`);
    this.name = 'KubeError';
    this.status = status;
    this.code = status.code;
    this.reason = status.reason ?? '';
  }

  /** Builds the error from a failed response body (a Status, or anything else). */
  static fromBody(code: number, body: unknown, fallback: string): KubeError {
    if (isStatus(body)) return new KubeError({ ...body, code: body.code || code });
    return new KubeError(statusOf(code, code === 0 ? 'ServiceUnavailable' : 'Unknown', fallback));
  }

  get causes(): StatusCause[] {
    return this.status.details?.causes ?? [];
  }
}
