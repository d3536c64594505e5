/**
 * A set of field paths, shaped like structured-merge-diff's `fieldpath.Set`: at each level the
 * elements that are members (a path ending there) and the children sets (paths continuing below).
 * A path can be both a member and have children: a list item owned as a whole plus its fields.
 *
 * Set algebra returns new sets; `insert` mutates and is meant for building a set that is not yet shared.
 */
import { compareElements, type FieldPath, type PathElement } from './field-path';

export class FieldSet {
  private readonly members = new Set<PathElement>();
  private readonly children = new Map<PathElement, FieldSet>();

  static of(paths: Iterable<FieldPath>): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.insert(p);
    return set;
  }

  /** Adds `path` (builder use only). The empty path is ignored: the root is never a member. */
  insert(path: FieldPath): this {
    if (path.length === 0) return this;
    const [head, ...rest] = path as [PathElement, ...PathElement[]];
    if (rest.length === 0) {
      this.members.add(head);
      return this;
    }
    let child = this.children.get(head);
    if (!child) {
      child = new FieldSet();
      this.children.set(head, child);
    }
    child.insert(rest);
    return this;
  }

  has(path: FieldPath): boolean {
    if (path.length === 0) return false;
    const [head, ...rest] = path as [PathElement, ...PathElement[]];
    if (rest.length === 0) return this.members.has(head);
    return this.children.get(head)?.has(rest) ?? false;
  }

  isEmpty(): boolean {
    return this.members.size === 0 && this.children.size === 0;
  }

  /** True when `element` is a member at this level. */
  hasMember(element: PathElement): boolean {
    return this.members.has(element);
  }

  /** The paths below `element`, relative to it (empty when none). Do not insert into the result. */
  child(element: PathElement): FieldSet {
    return this.children.get(element) ?? new FieldSet();
  }

  /** Elements at this level that are members or have children, in structured-merge-diff order. */
  elements(): PathElement[] {
    return [...new Set([...this.members, ...this.children.keys()])].sort(compareElements);
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const m of other.members) out.members.add(m);
    for (const e of new Set([...this.children.keys(), ...other.children.keys()])) {
      const merged = this.child(e).union(other.child(e));
      if (!merged.isEmpty()) out.children.set(e, merged);
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (other.members.has(m)) out.members.add(m);
    for (const [e, c] of this.children) {
      const both = c.intersection(other.child(e));
      if (!both.isEmpty()) out.children.set(e, both);
    }
    return out;
  }

  /** Paths of this set that are not paths of `other` (exact paths only; descendants of removed members stay). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [e, c] of this.children) {
      const rest = c.difference(other.child(e));
      if (!rest.isEmpty()) out.children.set(e, rest);
    }
    return out;
  }

  /** Like `difference`, but a member of `other` also removes everything below it. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [e, c] of this.children) {
      if (other.members.has(e)) continue;
      const rest = c.recursiveDifference(other.child(e));
      if (!rest.isEmpty()) out.children.set(e, rest);
    }
    return out;
  }

  /** The subset of paths that start with `element`, kept under it. */
  restrictTo(element: PathElement): FieldSet {
    const out = new FieldSet();
    if (this.members.has(element)) out.members.add(element);
    const c = this.children.get(element);
    if (c && !c.isEmpty()) out.children.set(element, c);
    return out;
  }

  /** Every path, members of a level before its children, each level in structured-merge-diff order. */
  paths(): PathElement[][] {
    const out: PathElement[][] = [];
    for (const m of [...this.members].sort(compareElements)) out.push([m]);
    for (const e of [...this.children.keys()].sort(compareElements)) {
      for (const p of (this.children.get(e) as FieldSet).paths()) out.push([e, ...p]);
    }
    return out;
  }

  get size(): number {
    let n = this.members.size;
    for (const c of this.children.values()) n += c.size;
    return n;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }
}
