import 'server-only';

/**
 * A request to the cluster failed before a usable answer arrived. `message` is written for an
 * operator (what happened and where); `code` keeps the Node.js or TLS error code when there is one.
 */
export class ClusterRequestError extends Error {
  override readonly name = 'ClusterRequestError';
  constructor(
    message: string,
    readonly url: string,
    readonly details: { code?: string; status?: number } = {},
  ) {
    super(message);
  }
}

const UNTRUSTED_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

function codeOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  return error.name === 'AbortError' || error.name === 'TimeoutError' ? 'ABORT_ERR' : undefined;
}

/** Turns a Node.js socket, TLS or timeout error into one sentence naming the server. */
export function describeConnectionError(error: unknown, url: URL, timeoutMs: number): string {
  const code = codeOf(error);
  const host = url.host;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection refused: nothing is listening on ${host}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name ${url.hostname} cannot be resolved.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} is unreachable from the console's server.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${host} closed the connection before answering.`;
    case 'ABORT_ERR':
    case 'ETIMEDOUT':
      return `No answer from ${host} within ${timeoutMs / 1000} s.`;
    case 'CERT_HAS_EXPIRED':
      return `The TLS certificate of ${host} has expired.`;
    case 'CERT_NOT_YET_VALID':
      return `The TLS certificate of ${host} is not valid yet.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The TLS certificate of ${host} does not name ${url.hostname}: ${detail}`;
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return `${host} did not answer with TLS; check the scheme of the server URL.`;
  }
  if (code && UNTRUSTED_CERT_CODES.has(code)) {
    return `The TLS certificate of ${host} is not signed by the kubeconfig's certificate authority (${code}).`;
  }
  return code ? `${detail} (${code})` : detail;
}

/** Reads the `message` of a Kubernetes Status body, if the body is one. */
function statusMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'kind' in parsed && parsed.kind === 'Status') {
      return 'message' in parsed && typeof parsed.message === 'string' ? parsed.message : undefined;
    }
  } catch {
    // Not JSON: the status line alone describes the failure.
  }
  return undefined;
}

/** Describes a non-2xx answer, quoting the Kubernetes Status message when there is one. */
export function describeHttpFailure(status: number, body: string, url: URL): string {
  const quoted = statusMessage(body);
  const suffix = quoted ? `: ${quoted}` : '.';
  if (status === 401 || status === 403) {
    return (
      `${url.host} refused anonymous access to ${url.pathname} (HTTP ${status})${suffix} ` +
      'The console calls only anonymous endpoints until sign-in exists.'
    );
  }
  return `${url.host} answered ${url.pathname} with HTTP ${status}${suffix}`;
}
