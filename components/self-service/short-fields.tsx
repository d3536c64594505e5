'use client';

import { useId, useState, type ReactNode } from 'react';
import { labelClass } from '@/components/forms/field-template';
import { SelectField, TextField, type TextFieldProps } from '@/components/wizards/fields';

/**
 * Controls of the short forms, on top of the wizards' fields: a text field that keeps what is
 * being typed (the model may normalise it — trim a key, drop an empty value — and must not
 * fight the cursor) and follows the YAML when it changes there, a checkbox, and a select that
 * shows the server's refusals. Errors are tied to their control and announced.
 */
export function joinErrors(...lists: (readonly string[] | string | undefined)[]): string | undefined {
  const all = lists.flatMap((l) => (l === undefined ? [] : typeof l === 'string' ? [l] : [...l]));
  return all.length ? all.join(' ') : undefined;
}

/** A TextField whose text is a draft while focused; `revision` (the YAML's) resets it. */
export function DraftTextField({ value, revision, onChange, className, ...rest }: Omit<TextFieldProps, 'onChange'> & { revision: number; onChange(value: string): void }) {
  const [draft, setDraft] = useState<{ text: string; revision: number } | undefined>();
  const text = draft && draft.revision === revision ? draft.text : value;
  return (
    <div className={className} onBlur={() => setDraft(undefined)}>
      <TextField
        {...rest}
        value={text}
        onChange={(v) => {
          setDraft({ text: v, revision });
          onChange(v);
        }}
      />
    </div>
  );
}

export function CheckField({ label, checked, onChange, help, error, className }: { label: string; checked: boolean; onChange(checked: boolean): void; help?: ReactNode; error?: string; className?: string }) {
  const id = useId();
  return (
    <div className={`py-1 ${className ?? ''}`}>
      <label className="flex items-center gap-2 text-[13px]">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={[help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined} aria-invalid={error ? true : undefined} className="accent-accent dark:accent-accent-dark" />
        <span className={labelClass}>{label}</span>
      </label>
      {help ? (
        <div id={`${id}-help`} className="mt-0.5 pl-6 text-[11px] text-muted dark:text-muted-dark">
          {help}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-0.5 pl-6 text-[11px] text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { SelectField, TextField };
