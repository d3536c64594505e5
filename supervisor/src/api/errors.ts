/**
 * The one error type of the supervisor: every failure leaves the server as a Kubernetes `Status`
 * whose reason, code and message follow apimachinery's `pkg/api/errors` so kubectl prints what it
 * prints against a real API server.
 */
export interface StatusCause {
  type?: string;
  message?: string;
  field?: string;
  reason?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toStatus(): Status {
    const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason, code: this.code };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** `resource` is the plural (e.g. "configmaps") and `group` the API group, as upstream puts in details. */
export interface Qualified {
  group: string;
  resource: string;
}

function qualifiedResource(q: Qualified): string {
  return q.group ? `${q.resource}.${q.group}` : q.resource;
}

export const errors = {
  notFound(q: Qualified, name: string): ApiError {
    return new ApiError(404, 'NotFound', `${qualifiedResource(q)} "${name}" not found`, { name, group: q.group, kind: q.resource });
  },
  pathNotFound(): ApiError {
    return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
  },
  alreadyExists(q: Qualified, name: string): ApiError {
    return new ApiError(409, 'AlreadyExists', `${qualifiedResource(q)} "${name}" already exists`, { name, group: q.group, kind: q.resource });
  },
  conflict(q: Qualified, name: string, why: string, causes?: StatusCause[]): ApiError {
    const details: StatusDetails = { name, group: q.group, kind: q.resource };
    if (causes) details.causes = causes;
    return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(q)} "${name}": ${why}`, details);
  },
  staleUpdate(q: Qualified, name: string): ApiError {
    return errors.conflict(q, name, 'the object has been modified; please apply your changes to the latest version and try again');
  },
  /** `kind` is the Kind (e.g. "ConfigMap"), as upstream puts in Invalid details. */
  invalid(group: string, kind: string, name: string, causes: StatusCause[]): ApiError {
    const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(', ');
    const summary = causes.length > 1 ? `[${list}]` : list;
    return new ApiError(422, 'Invalid', `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${summary}`, { name, group, kind, causes });
  },
  forbidden(q: Qualified, name: string, message: string): ApiError {
    const prefix = name ? `${qualifiedResource(q)} "${name}"` : qualifiedResource(q);
    return new ApiError(403, 'Forbidden', `${prefix} is forbidden: ${message}`, { name: name || undefined, group: q.group, kind: q.resource });
  },
  forbiddenPath(message: string): ApiError {
    return new ApiError(403, 'Forbidden', `forbidden: ${message}`, {});
  },
  unauthorized(): ApiError {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  },
  badRequest(message: string): ApiError {
    return new ApiError(400, 'BadRequest', message);
  },
  methodNotAllowed(message = 'the server does not allow this method on the requested resource'): ApiError {
    return new ApiError(405, 'MethodNotAllowed', message, {});
  },
  notAcceptable(message: string): ApiError {
    return new ApiError(406, 'NotAcceptable', message);
  },
  unsupportedMediaType(message: string): ApiError {
    return new ApiError(415, 'UnsupportedMediaType', message);
  },
  expired(message: string): ApiError {
    return new ApiError(410, 'Expired', message);
  },
  gone(message: string): ApiError {
    return new ApiError(410, 'Gone', message);
  },
  timeout(message: string, causes?: StatusCause[], retryAfterSeconds = 1): ApiError {
    const details: StatusDetails = { retryAfterSeconds };
    if (causes) details.causes = causes;
    return new ApiError(504, 'Timeout', message, details);
  },
  tooLarge(message: string): ApiError {
    return new ApiError(413, 'RequestEntityTooLarge', message);
  },
  tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
    return new ApiError(429, 'TooManyRequests', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  },
  internal(message: string): ApiError {
    return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
  },
};

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return errors.internal(message);
}

/** Field errors collected while validating one object; thrown as a single 422. */
export class FieldErrors {
  readonly causes: StatusCause[] = [];
  required(field: string, detail = ''): void {
    this.causes.push({ type: 'FieldValueRequired', message: `Required value${detail ? `: ${detail}` : ''}`, field });
  }
  invalid(field: string, value: unknown, detail: string): void {
    this.causes.push({ type: 'FieldValueInvalid', message: `Invalid value: ${formatValue(value)}: ${detail}`, field });
  }
  notSupported(field: string, value: unknown, supported: string[]): void {
    this.causes.push({ type: 'FieldValueNotSupported', message: `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`, field });
  }
  forbidden(field: string, detail: string): void {
    this.causes.push({ type: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field });
  }
  duplicate(field: string, value: unknown): void {
    this.causes.push({ type: 'FieldValueDuplicate', message: `Duplicate value: ${formatValue(value)}`, field });
  }
  tooLong(field: string, max: number): void {
    this.causes.push({ type: 'FieldValueTooLong', message: `Too long: may not be more than ${max} bytes`, field });
  }
  typeInvalid(field: string, value: unknown, detail: string): void {
    this.causes.push({ type: 'FieldValueTypeInvalid', message: `Invalid value: ${formatValue(value)}: ${detail}`, field });
  }
  get empty(): boolean {
    return this.causes.length === 0;
  }
  throwIfAny(group: string, kind: string, name: string): void {
    if (!this.empty) throw errors.invalid(group, kind, name, this.causes);
  }
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
