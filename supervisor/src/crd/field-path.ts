/**
 * Field paths rendered like apimachinery's `field.Path`: `.child`, `[index]`, `[key]`.
 * Paths are plain strings; the empty string is the root.
 */
export function child(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

export function index(parent: string, i: number): string {
  return `${parent}[${i}]`;
}

export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}
