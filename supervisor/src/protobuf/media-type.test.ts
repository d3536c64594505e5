import { describe, expect, it } from 'vitest';
import { isKubernetesProtobuf } from './media-type';

describe('isKubernetesProtobuf', () => {
  it('accepts the protobuf media type, with parameters and any case', () => {
    expect(isKubernetesProtobuf('application/vnd.kubernetes.protobuf')).toBe(true);
    expect(isKubernetesProtobuf('application/vnd.kubernetes.protobuf; charset=binary')).toBe(true);
    expect(isKubernetesProtobuf(' Application/VND.Kubernetes.Protobuf ;x=y')).toBe(true);
  });

  it('rejects other media types, the watch stream variant and a missing header', () => {
    expect(isKubernetesProtobuf(undefined)).toBe(false);
    expect(isKubernetesProtobuf('')).toBe(false);
    expect(isKubernetesProtobuf('application/json')).toBe(false);
    expect(isKubernetesProtobuf('application/vnd.kubernetes.protobuf+json')).toBe(false);
    expect(isKubernetesProtobuf('application/com.github.proto-openapi.spec.v2.v1.0+protobuf')).toBe(false);
    expect(isKubernetesProtobuf('application/vnd.kubernetes.protobuf;stream=watch')).toBe(false);
  });
});
