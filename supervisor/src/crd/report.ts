/**
 * A sink for the field errors of one validation walk. Paths passed in are relative to the walk's
 * root; `prefix` (e.g. `spec.versions[0].schema.openAPIV3Schema.properties[x].default`) is
 * prepended to the reported `field`, while messages keep the relative path the way kube-openapi
 * names values ("spec.size in body ...").
 */
import { FieldErrors, formatValue, type StatusCause } from '../api/errors';
import { child } from './field-path';

export class Report {
  readonly errs = new FieldErrors();

  constructor(readonly prefix = '') {}

  get causes(): StatusCause[] {
    return this.errs.causes;
  }

  get empty(): boolean {
    return this.errs.empty;
  }

  field(path: string): string {
    return this.prefix ? (path ? child(this.prefix, path) : this.prefix) : path;
  }

  /** kube-openapi's "<name> in body" subject; the root has no name, so only "in body" remains. */
  subject(path: string): string {
    return path ? `${path} in body` : 'in body';
  }

  fork(): Report {
    return new Report(this.prefix);
  }

  merge(other: Report): void {
    this.errs.causes.push(...other.causes);
  }

  invalid(path: string, value: unknown, detail: string): void {
    this.errs.invalid(this.field(path), value, detail);
  }

  typeInvalid(path: string, value: unknown, detail: string): void {
    this.errs.typeInvalid(this.field(path), value, detail);
  }

  required(path: string, detail = ''): void {
    this.errs.required(this.field(path), detail);
  }

  duplicate(path: string, value: unknown): void {
    this.errs.duplicate(this.field(path), value);
  }

  /** Like field.NotSupported: values are quoted as Go's strconv.Quote would (JSON string escaping). */
  notSupported(path: string, value: unknown, supported: string[]): void {
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    this.causes.push({ type: 'FieldValueNotSupported', message: `Unsupported value: ${formatValue(value)}: supported values: ${list}`, field: this.field(path) });
  }

  /** field.TooMany as kube-openapi reports maxItems/maxProperties. */
  tooMany(path: string, actual: number, max: number): void {
    const detail = `must have at most ${max} ${max === 1 ? 'item' : 'items'}`;
    this.causes.push({ type: 'FieldValueTooMany', message: `Too many: ${actual}: ${detail}`, field: this.field(path) });
  }

  /** field.TooLong as apimachinery 1.31+ words it (the value itself is omitted). */
  tooLong(path: string, max: number): void {
    this.causes.push({ type: 'FieldValueTooLong', message: `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`, field: this.field(path) });
  }

  forbidden(path: string, detail: string): void {
    this.errs.forbidden(this.field(path), detail);
  }
}
