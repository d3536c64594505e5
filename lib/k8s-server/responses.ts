import 'server-only';
import { statusOf } from '../k8s/status';
import { API_SECURITY_HEADERS } from '../security/proxy-policy';

/** Kubernetes Status responses from the console's own routes, so the browser handles one error shape. */
export function statusResponse(code: number, reason: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(statusOf(code, reason, message), { status: code, headers: { 'cache-control': 'no-store', ...API_SECURITY_HEADERS, ...headers } });
}

export const unauthorized = (message = 'Your session has ended; sign in again.') => statusResponse(401, 'Unauthorized', message);
export const forbidden = (message: string) => statusResponse(403, 'Forbidden', message);
