'use client';

import type { FieldProps } from '@rjsf/utils';
import { useId } from 'react';
import { HelpText, labelClass } from './field-template';
import { inputClass } from './widgets';

/**
 * Fields a form cannot render from the schema: schemaless, recursive or very deep values are
 * edited in the YAML (the form says so and can point the editor at them), and OLM's
 * `resourceRequirements` is a compact requests/limits grid for CPU and memory.
 */
export interface FormContext {
  /** Scrolls the YAML editor to a field (the form's "Edit in YAML"). */
  revealPath?(path: (string | number)[]): void;
  /** The namespace the object is created in (object pickers list from it). */
  namespace?: string;
}

function summary(v: unknown): string {
  if (v === undefined || v === null) return 'Not set.';
  if (Array.isArray(v)) return `${v.length} ${v.length === 1 ? 'item' : 'items'} set.`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object);
    return keys.length ? `Set: ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}.` : 'Empty.';
  }
  return `Set to ${String(v)}.`;
}

export function YamlOnlyField({ schema, formData, fieldPathId, registry, uiSchema }: FieldProps) {
  const ctx = (registry.formContext ?? {}) as FormContext;
  const title = schema.title ?? String(fieldPathId.path[fieldPathId.path.length - 1] ?? '');
  const reason = (uiSchema?.['ui:options'] as { reason?: string } | undefined)?.reason;
  const descId = useId();
  return (
    <div className="py-1">
      <div className={labelClass}>{title}</div>
      <div className="mt-0.5 flex items-center gap-2 text-[11px] text-muted dark:text-muted-dark">
        <span>
          {summary(formData)} {reason === 'recursive' || reason === 'deep' ? 'This field nests too deeply for the form;' : 'This field has no fixed shape;'} edit it in the YAML.
        </span>
        {ctx.revealPath ? (
          <button type="button" aria-describedby={descId} onClick={() => ctx.revealPath!(fieldPathId.path)} className="shrink-0 text-accent hover:underline dark:text-accent-dark">
            Show in YAML
          </button>
        ) : null}
      </div>
      {schema.description ? <HelpText id={descId} text={schema.description} /> : null}
    </div>
  );
}

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown>; [k: string]: unknown };

export function ResourcesField({ formData, onChange, fieldPathId, schema, disabled, readonly }: FieldProps) {
  const value = (formData ?? {}) as Resources;
  const baseId = fieldPathId.$id;
  const set = (kind: 'requests' | 'limits', res: 'cpu' | 'memory', v: string) => {
    const section = { ...(value[kind] ?? {}) };
    if (v === '') delete section[res];
    else section[res] = v;
    const next: Resources = { ...value, [kind]: section };
    if (Object.keys(section).length === 0) delete next[kind];
    onChange(Object.keys(next).length ? next : undefined, fieldPathId.path);
  };
  const cell = (kind: 'requests' | 'limits', res: 'cpu' | 'memory') => {
    const id = `${baseId}_${kind}_${res}`;
    const v = value[kind]?.[res];
    return (
      <td className="px-1 py-0.5">
        <label htmlFor={id} className="sr-only">
          {`${res === 'cpu' ? 'CPU' : 'Memory'} ${kind === 'requests' ? 'request' : 'limit'}`}
        </label>
        <input
          id={id}
          type="text"
          value={v === undefined ? '' : String(v)}
          onChange={(e) => set(kind, res, e.target.value.trim())}
          placeholder={res === 'cpu' ? 'e.g. 500m' : 'e.g. 512Mi'}
          disabled={disabled}
          readOnly={readonly}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
        />
      </td>
    );
  };
  return (
    <fieldset className="py-1">
      <legend className={labelClass}>{schema.title ?? 'Resources'}</legend>
      <table className="mt-0.5 w-full max-w-md text-xs">
        <thead>
          <tr className="text-left text-muted dark:text-muted-dark">
            <th scope="col" className="w-24 font-normal" />
            <th scope="col" className="px-1 font-normal">
              CPU
            </th>
            <th scope="col" className="px-1 font-normal">
              Memory
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="text-left font-normal">
              Requests
            </th>
            {cell('requests', 'cpu')}
            {cell('requests', 'memory')}
          </tr>
          <tr>
            <th scope="row" className="text-left font-normal">
              Limits
            </th>
            {cell('limits', 'cpu')}
            {cell('limits', 'memory')}
          </tr>
        </tbody>
      </table>
    </fieldset>
  );
}
