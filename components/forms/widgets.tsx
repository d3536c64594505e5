'use client';

import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import type { ChangeEvent } from 'react';

/**
 * Controls of generated forms, dense and consistent with the console. Each is labelled by
 * FieldTemplate's `<label for>`, described by the description/help/error ids, and marked
 * invalid when it has errors. Quantity and int-or-string fields are text; int-or-string turns
 * a whole number back into a number, so `maxUnavailable: 1` stays a number in the YAML.
 */
export const inputClass =
  'h-7 w-full min-w-0 rounded-sm border border-line bg-white px-2 text-[13px] text-slate-900 placeholder:text-slate-400 read-only:bg-slate-50 read-only:text-slate-600 disabled:opacity-60 aria-invalid:border-red-500 dark:border-line-dark dark:bg-canvas-dark dark:text-slate-100 dark:read-only:bg-white/5 dark:read-only:text-slate-300';

function common(p: WidgetProps) {
  return {
    id: p.id,
    name: p.htmlName || p.id,
    disabled: p.disabled,
    readOnly: p.readonly,
    required: p.required,
    autoFocus: p.autofocus,
    'aria-invalid': p.rawErrors?.length ? true : undefined,
    'aria-describedby': ariaDescribedByIds(p.id),
    onBlur: (e: { target: { value: string } }) => p.onBlur(p.id, e.target.value),
    onFocus: (e: { target: { value: string } }) => p.onFocus(p.id, e.target.value),
  };
}

export function TextWidget(p: WidgetProps) {
  const type = p.schema.type === 'integer' || p.schema.type === 'number' ? 'number' : p.options.inputType === 'password' ? 'password' : 'text';
  const mono = p.schema.format === 'quantity' || p.schema.format === 'int-or-string' || /image|name$/i.test(p.id);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.target.value;
    if (raw === '') return p.onChange(p.options.emptyValue);
    if (type === 'number') {
      const n = Number(raw);
      return p.onChange(Number.isFinite(n) ? n : raw);
    }
    p.onChange(raw);
  };
  return (
    <input
      {...common(p)}
      type={type}
      step={p.schema.type === 'integer' ? 1 : undefined}
      min={typeof p.schema.minimum === 'number' ? p.schema.minimum : undefined}
      max={typeof p.schema.maximum === 'number' ? p.schema.maximum : undefined}
      value={p.value === undefined || p.value === null ? '' : String(p.value)}
      placeholder={p.placeholder}
      spellCheck={false}
      autoComplete="off"
      list={typeof p.list === 'string' ? p.list : undefined}
      onChange={onChange}
      className={`${inputClass} ${mono ? 'font-mono text-xs' : ''}`}
    />
  );
}

export function PasswordWidget(p: WidgetProps) {
  return <TextWidget {...p} options={{ ...p.options, inputType: 'password' }} />;
}

export function QuantityWidget(p: WidgetProps) {
  return <TextWidget {...p} placeholder={p.placeholder || 'e.g. 1Gi'} />;
}

export function IntOrStringWidget(p: WidgetProps) {
  return <TextWidget {...p} onChange={(v: unknown) => p.onChange(typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v)} />;
}

export function TextareaWidget(p: WidgetProps) {
  return (
    <textarea
      {...common(p)}
      value={p.value ?? ''}
      rows={(p.options.rows as number | undefined) ?? 4}
      spellCheck={false}
      onChange={(e) => p.onChange(e.target.value === '' ? p.options.emptyValue : e.target.value)}
      className={`${inputClass.replace('h-7 ', '')} py-1 font-mono text-xs`}
    />
  );
}

export function SelectWidget(p: WidgetProps) {
  const options = p.options.enumOptions ?? [];
  const index = options.findIndex((o) => o.value === p.value);
  return (
    <select
      {...common(p)}
      disabled={p.disabled || p.readonly}
      value={index < 0 ? '' : String(index)}
      onChange={(e) => p.onChange(e.target.value === '' ? p.options.emptyValue : options[Number(e.target.value)]?.value)}
      className={inputClass}
    >
      <option value="">{p.required ? 'Choose…' : '(not set)'}</option>
      {options.map((o, i) => (
        <option key={i} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A checkbox with its label beside it (FieldTemplate leaves the label to boolean widgets). */
export function CheckboxWidget(p: WidgetProps) {
  return (
    <label className="inline-flex items-center gap-2 text-[13px]">
      <input
        {...common(p)}
        type="checkbox"
        checked={p.value === true}
        disabled={p.disabled || p.readonly}
        onChange={(e) => p.onChange(e.target.checked)}
        className="size-3.5 accent-accent dark:accent-accent-dark"
      />
      <span>{p.label}</span>
    </label>
  );
}

/** OLM `booleanSwitch`: a switch role with the state in words. */
export function SwitchWidget(p: WidgetProps) {
  const on = p.value === true;
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        id={p.id}
        aria-checked={on}
        aria-describedby={ariaDescribedByIds(p.id)}
        disabled={p.disabled || p.readonly}
        onClick={() => p.onChange(!on)}
        className={`relative h-4 w-7 rounded-full transition-colors ${on ? 'bg-accent dark:bg-accent-dark' : 'bg-slate-300 dark:bg-white/20'}`}
      >
        <span className={`absolute top-0.5 size-3 rounded-full bg-white transition-all ${on ? 'left-3.5' : 'left-0.5'}`} />
        <span className="sr-only">{p.label}</span>
      </button>
      <span className="text-[13px]">
        {p.label}: {on ? 'on' : 'off'}
      </span>
    </div>
  );
}

/** OLM `podCount`: a number with − and + buttons. */
export function PodCountWidget(p: WidgetProps) {
  const n = typeof p.value === 'number' ? p.value : 0;
  const min = typeof p.schema.minimum === 'number' ? p.schema.minimum : 0;
  const step = (d: number) => p.onChange(Math.max(min, n + d));
  const btn = 'h-7 w-7 rounded-sm border border-line text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-line-dark dark:hover:bg-white/10';
  return (
    <div className="flex items-center gap-1">
      <button type="button" className={btn} onClick={() => step(-1)} disabled={p.disabled || p.readonly || n <= min} aria-label={`Decrease ${p.label}`}>
        −
      </button>
      <div className="w-20">
        <TextWidget {...p} />
      </div>
      <button type="button" className={btn} onClick={() => step(1)} disabled={p.disabled || p.readonly} aria-label={`Increase ${p.label}`}>
        +
      </button>
    </div>
  );
}
