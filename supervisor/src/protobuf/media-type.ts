/** The media type of Kubernetes protobuf bodies (`runtime.ContentTypeProtobuf`). */
export const KUBERNETES_PROTOBUF = 'application/vnd.kubernetes.protobuf';

/**
 * Whether a Content-Type header names the Kubernetes protobuf media type. Parameters are allowed
 * (`application/vnd.kubernetes.protobuf; charset=binary`); the streaming variant
 * `;stream=watch` is not a request body format and is rejected.
 */
export function isKubernetesProtobuf(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType = '', ...params] = contentType.split(';');
  if (mediaType.trim().toLowerCase() !== KUBERNETES_PROTOBUF) return false;
  return !params.some((p) => p.trim().toLowerCase().replace(/\s*=\s*/, '=') === 'stream=watch');
}
