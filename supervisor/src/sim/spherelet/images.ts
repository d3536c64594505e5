import { hexOf, unitOf } from './hash';

/**
 * What the simulated runtime knows about container images: reference normalization as
 * containerd reports it (`nginx:1.27` → `docker.io/library/nginx:1.27`), a deterministic digest,
 * a believable size per image family, how long a pull takes (bigger images take longer) and
 * which references cannot be pulled.
 */
export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = 'docker.io';
  let repository = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = rest.slice(slash + 1);
  } else if (slash < 0) {
    repository = `library/${rest}`;
  }
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, tag, digest };
}

/** The image as containerd reports it in `containerStatuses[].image`. */
export function normalizedImage(image: string): string {
  const r = parseImage(image);
  return r.digest ? `${r.registry}/${r.repository}@${r.digest}` : `${r.registry}/${r.repository}:${r.tag}`;
}

/** `containerStatuses[].imageID`: the repository with the (deterministic) manifest digest. */
export function imageId(image: string): string {
  const r = parseImage(image);
  const digest = r.digest ?? `sha256:${hexOf('image-digest', normalizedImage(image))}`;
  return `${r.registry}/${r.repository}@${digest}`;
}

export type ImageFamily =
  | 'nginx'
  | 'httpd'
  | 'postgres'
  | 'redis'
  | 'shell'
  | 'python'
  | 'tensorflow'
  | 'cassandra'
  | 'minio'
  | 'perl'
  | 'operator'
  | 'generic';

const FAMILY_RULES: readonly [RegExp, ImageFamily][] = [
  [/operator|controller|manager|cloudnative-pg\/cloudnative-pg/, 'operator'],
  [/tensorflow|(^|\/)tf-|mnist|kubeflow\/tf|keras|pytorch/, 'tensorflow'],
  [/cass-management-api|cassandra|(^|\/)dse/, 'cassandra'],
  [/postgres|cloudnative-pg|(^|\/)pg(\d|$)|postgis/, 'postgres'],
  [/redis|valkey/, 'redis'],
  [/minio/, 'minio'],
  [/nginx|openresty/, 'nginx'],
  [/httpd|apache/, 'httpd'],
  [/python|jupyter/, 'python'],
  [/(^|\/)perl$/, 'perl'],
  [/busybox|alpine|ubuntu|debian|centos|fedora|photon|bash|curl|toolbox|netshoot/, 'shell'],
];

/** The family decides the image's size and what its containers log. */
export function imageFamily(image: string): ImageFamily {
  const repo = parseImage(image.toLowerCase()).repository;
  for (const [re, family] of FAMILY_RULES) if (re.test(repo)) return family;
  return 'generic';
}

/** Typical compressed sizes (bytes) of the images of each family. */
const FAMILY_SIZE: Record<ImageFamily, number> = {
  nginx: 72_100_000,
  httpd: 58_300_000,
  postgres: 158_600_000,
  redis: 45_700_000,
  shell: 4_300_000,
  python: 386_400_000,
  tensorflow: 612_000_000,
  cassandra: 361_900_000,
  minio: 163_800_000,
  perl: 331_200_000,
  operator: 61_500_000,
  generic: 94_200_000,
};

/** Image size in bytes: the family's typical size ±12%, fixed per reference. */
export function imageSizeBytes(image: string): number {
  const family = imageFamily(image);
  const jitter = 0.88 + 0.24 * unitOf('image-size', normalizedImage(image));
  return Math.round(FAMILY_SIZE[family] * jitter);
}

/** Simulated milliseconds a pull takes: registry round trips, then ~55 MB/s, between 1.5 s and 15 s. */
export function pullDurationMs(image: string): number {
  const base = 1200 + (imageSizeBytes(image) / 55_000_000) * 1000 + 1200 * unitOf('pull-time', normalizedImage(image));
  return Math.round(Math.min(15_000, Math.max(1500, base)));
}

/** References that do not exist in any registry: `doesnotexist` anywhere, or the tag `invalid`. */
export function pullFails(image: string): boolean {
  const lower = image.toLowerCase();
  return lower.includes('doesnotexist') || parseImage(lower).tag === 'invalid';
}

/** The error containerd returns for an image that cannot be found, as the kubelet's Failed event shows it. */
export function pullErrorMessage(image: string): string {
  const ref = normalizedImage(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}
