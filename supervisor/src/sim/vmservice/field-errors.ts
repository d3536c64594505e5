import { formatValue } from '../../api/errors';

/**
 * k8s.io/apimachinery field.Error texts, as webhooks return them (`<path>: <type>: <detail>`),
 * and the Status an admission webhook denial becomes in the API server.
 */
export function invalid(path: string, value: unknown, detail: string): string {
  return `${path}: Invalid value: ${formatValue(value)}: ${detail}`;
}

export function required(path: string, detail = ''): string {
  return `${path}: Required value${detail ? `: ${detail}` : ''}`;
}

export function forbidden(path: string, detail: string): string {
  return `${path}: Forbidden: ${detail}`;
}

export function immutable(path: string, value: unknown): string {
  return invalid(path, value, 'field is immutable');
}
