'use client';

import { useId, useState, type ReactNode } from 'react';
import { inputClass } from '@/components/forms/widgets';
import { labelClass } from '@/components/forms/field-template';

/**
 * The wizards' own controls, in the same look as generated forms: a labelled text field, a
 * select, a radio list with details per option (images, classes), and a list of strings (SSH
 * keys, packages, commands). Each has a visible label, help and error tied to the control with
 * aria-describedby, and errors announced.
 */
function Described({ id, help, error }: { id: string; help?: ReactNode; error?: string }) {
  return (
    <>
      {help ? (
        <div id={`${id}-help`} className="mt-0.5 text-[11px] leading-4 text-muted dark:text-muted-dark">
          {help}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-0.5 text-[11px] text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, help?: ReactNode, error?: string): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  help?: ReactNode;
  error?: string;
  placeholder?: string;
  mono?: boolean;
  required?: boolean;
  type?: 'text' | 'number';
  multiline?: number;
  className?: string;
}

export function TextField({ label, value, onChange, help, error: problem, placeholder, mono, required, type = 'text', multiline, className = '' }: TextFieldProps) {
  const id = useId();
  // A problem shows once the field was left or has text (not on an untouched, empty form).
  const [touched, setTouched] = useState(false);
  const error = touched || value !== '' ? problem : undefined;
  const common = {
    id,
    value,
    placeholder,
    required,
    spellCheck: false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, help, error),
    onBlur: () => setTouched(true),
    className: `${multiline ? inputClass.replace('h-7 ', '') : inputClass} ${mono ? 'font-mono text-xs' : ''} ${multiline ? 'py-1' : ''}`,
  };
  return (
    <div className={`py-1 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required ? <span aria-hidden="true" className="text-red-700 dark:text-red-400"> *</span> : null}
      </label>
      <div className="mt-0.5">
        {multiline ? <textarea {...common} rows={multiline} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} autoComplete="off" onChange={(e) => onChange(e.target.value)} />}
      </div>
      <Described id={id} help={help} error={error} />
    </div>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  help?: ReactNode;
  error?: string;
  placeholder?: string;
  className?: string;
}

export function SelectField({ label, value, options, onChange, help, error, placeholder, className = '' }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`py-1 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} className={`${inputClass} mt-0.5`}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Described id={id} help={help} error={error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Right-aligned facts (e.g. "2 CPU · 4 GiB"). */
  detail?: ReactNode;
  /** A second line (e.g. the OS). */
  note?: ReactNode;
  disabled?: boolean;
}

/** A radio list (one native radio per option, so arrows move within it). */
export function ChoiceList({ label, name, value, choices, onChange, help, error, empty }: { label: string; name: string; value: string; choices: Choice[]; onChange(value: string): void; help?: ReactNode; error?: string; empty?: string }) {
  const id = useId();
  return (
    <fieldset className="min-w-0 py-1" aria-describedby={describedBy(id, help, error)}>
      <legend className={labelClass}>{label}</legend>
      {choices.length === 0 ? <p className="mt-1 text-xs text-muted dark:text-muted-dark">{empty ?? 'Nothing to choose from.'}</p> : null}
      <div className="mt-1 max-h-80 divide-y divide-line overflow-auto rounded-sm border border-line dark:divide-line-dark dark:border-line-dark">
        {choices.map((c) => (
          <label key={c.value} className={`flex cursor-pointer items-center gap-2 px-2 py-1.5 text-[13px] has-[:checked]:bg-sky-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 dark:has-[:checked]:bg-sky-900/30 ${c.disabled ? '' : 'hover:bg-slate-50 dark:hover:bg-white/5'}`}>
            <input type="radio" name={name} value={c.value} checked={value === c.value} disabled={c.disabled} onChange={() => onChange(c.value)} className="accent-accent dark:accent-accent-dark" />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{c.label}</span>
              {c.note ? <span className="block text-[11px] text-muted dark:text-muted-dark">{c.note}</span> : null}
            </span>
            {c.detail ? <span className="shrink-0 text-xs text-muted tabular-nums dark:text-muted-dark">{c.detail}</span> : null}
          </label>
        ))}
      </div>
      <Described id={id} help={help} error={error} />
    </fieldset>
  );
}

/**
 * Lines of text edited as a list (one per line), e.g. packages or commands. While the box has
 * focus it keeps the text as typed (an empty new line would otherwise vanish on the round trip
 * through the model); outside changes show once it loses focus.
 */
export function LinesField({ label, values, onChange, help, placeholder, mono = true }: { label: string; values: string[]; onChange(values: string[]): void; help?: ReactNode; placeholder?: string; mono?: boolean }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? values.join('\n');
  return (
    <div onFocus={() => setDraft(values.join('\n'))} onBlur={() => setDraft(undefined)}>
      <TextField
        label={label}
        value={text}
        onChange={(t) => {
          setDraft(t);
          onChange(t === '' ? [] : t.split('\n'));
        }}
        help={help ?? 'One per line.'}
        placeholder={placeholder}
        mono={mono}
        multiline={Math.min(6, Math.max(2, text.split('\n').length + 1))}
      />
    </div>
  );
}

export function Section({ title, children, description }: { title: string; children: ReactNode; description?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="pt-2">
      <h3 id={id} className="text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">
        {title}
      </h3>
      {description ? <p className="text-[11px] text-muted dark:text-muted-dark">{description}</p> : null}
      {children}
    </section>
  );
}
