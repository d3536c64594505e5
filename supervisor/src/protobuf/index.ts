export { isKubernetesProtobuf, KUBERNETES_PROTOBUF } from './media-type';
export { decodeKubernetesProtobuf, type DecodedObject } from './decode';
