'use client';

import { ADDITIONAL_PROPERTY_FLAG, descriptionId, errorId, helpId, type DescriptionFieldProps, type FieldErrorProps, type FieldHelpProps, type FieldTemplateProps, type TitleFieldProps, type WrapIfAdditionalTemplateProps } from '@rjsf/utils';
import { useState } from 'react';

/**
 * How one field of a generated form looks: label above the control, the schema's description
 * as short help under it (collapsed to two lines with "More" when long), errors in red. The
 * control's `aria-describedby` (set by the widgets through RJSF's `ariaDescribedByIds`) points
 * at the description, help and error elements by their RJSF ids, and errors are announced.
 * Every text is rendered as text.
 */
export const labelClass = 'block text-xs font-medium text-slate-700 dark:text-slate-300';

export function HelpText({ id, text }: { id: string; text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 160;
  return (
    <div id={id} className="mt-0.5 text-[11px] leading-4 text-muted dark:text-muted-dark">
      <span className={long && !open ? 'line-clamp-2' : undefined}>{text}</span>
      {long ? (
        <button type="button" onClick={() => setOpen(!open)} className="text-accent hover:underline dark:text-accent-dark" aria-expanded={open}>
          {open ? 'Less' : 'More'}
        </button>
      ) : null}
    </div>
  );
}

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawHelp, rawDescription, hidden, required, displayLabel, schema, uiSchema, fieldPathId, registry } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const isContainer = schema.type === 'object' || schema.type === 'array';
  const isCheckbox = schema.type === 'boolean' && uiSchema?.['ui:widget'] !== 'select';
  const WrapIfAdditional = registry.templates.WrapIfAdditionalTemplate;
  const errors = (rawErrors ?? []).filter(Boolean);
  const help = typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : rawHelp;
  // Field help replaces the (often long) API description; otherwise the description is the help.
  const note = help || rawDescription;
  const noteId = help ? helpId(fieldPathId) : descriptionId(fieldPathId);
  return (
    <WrapIfAdditional {...props}>
      <div className={isContainer ? '' : 'py-1'}>
        {displayLabel && !isContainer && !isCheckbox ? (
          <label htmlFor={id} className={labelClass}>
            {label}
            {required ? <span className="text-red-700 dark:text-red-400" aria-hidden="true"> *</span> : null}
          </label>
        ) : null}
        {isContainer ? children : <div className="mt-0.5">{children}</div>}
        {!isContainer && note && displayLabel ? <HelpText id={noteId} text={note} /> : null}
        {errors.length ? (
          <ul id={errorId(fieldPathId)} role="alert" className="mt-0.5 text-[11px] text-red-700 dark:text-red-300">
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </WrapIfAdditional>
  );
}

/** Errors are rendered by FieldTemplate (one place, announced once). */
export function FieldErrorTemplate(_props: FieldErrorProps) {
  return null;
}

export function FieldHelpTemplate(_props: FieldHelpProps) {
  return null;
}

export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return typeof description === 'string' ? <HelpText id={id} text={description} /> : <div id={id}>{description}</div>;
}

export function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <span id={id} className="text-xs font-semibold text-slate-800 dark:text-slate-200">
      {title}
      {required ? <span className="text-red-700 dark:text-red-400" aria-hidden="true"> *</span> : null}
    </span>
  );
}

/** Map entries (labels, annotations, resource limits): key and value side by side, with Remove. */
export function WrapIfAdditionalTemplate(props: WrapIfAdditionalTemplateProps) {
  const { id, label, children, schema, onKeyRenameBlur, onRemoveProperty, readonly, disabled } = props;
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) return <>{children}</>;
  return (
    <div className="flex items-start gap-2 py-0.5">
      <input
        key={label}
        type="text"
        id={`${id}-key`}
        aria-label={`Key of ${label}`}
        defaultValue={label}
        onBlur={onKeyRenameBlur}
        readOnly={readonly}
        disabled={disabled}
        spellCheck={false}
        className="mt-1.5 h-7 w-2/5 min-w-0 rounded-sm border border-line bg-white px-2 font-mono text-xs dark:border-line-dark dark:bg-canvas-dark"
      />
      <div className="min-w-0 flex-1 [&_label]:sr-only">{children}</div>
      <button
        type="button"
        onClick={onRemoveProperty}
        disabled={readonly || disabled}
        aria-label={`Remove ${label}`}
        className="mt-1.5 h-7 rounded-sm px-2 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50 dark:text-red-300 dark:hover:bg-red-950/40"
      >
        Remove
      </button>
    </div>
  );
}
