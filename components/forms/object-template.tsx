'use client';

import { canExpand, getUiOptions, type ObjectFieldTemplatePropertyType, type ObjectFieldTemplateProps } from '@rjsf/utils';
import { useId, useState, type ReactNode } from 'react';
import { isHollow } from '@/lib/forms/value-diff';
import { HelpText } from './field-template';

/**
 * Objects of a generated form. The root lays its sections out flat; metadata and spec are
 * titled sections; anything deeper is a disclosure (a button with aria-expanded) that starts
 * open only when it holds data — its fields are not even rendered while closed, so a
 * Deployment's hundreds of pod fields cost nothing until asked for. Fields named in a
 * `ui:options.groups` entry are shown together under the group's title (an "Advanced" group
 * starts closed).
 */
interface Group {
  title: string;
  fields: string[];
  collapsed?: boolean;
  description?: string;
}

export function Disclosure({ title, description, defaultOpen, children, level, required }: { title: ReactNode; description?: string; defaultOpen: boolean; children: () => ReactNode; level: number; required?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const descId = useId();
  return (
    <div className={`rounded-sm border border-line/70 dark:border-line-dark/70 ${level > 2 ? 'bg-slate-50/60 dark:bg-white/[0.02]' : ''}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={description ? descId : undefined}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-1.5 px-2 py-1 text-left text-xs font-semibold text-slate-800 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-white/5"
      >
        <svg viewBox="0 0 10 10" aria-hidden="true" className={`size-2.5 shrink-0 transition-transform ${open ? 'rotate-90' : ''}`}>
          <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span>{title}</span>
        {required ? <span className="text-red-700 dark:text-red-400" aria-hidden="true">*</span> : null}
      </button>
      {description ? (
        <div className="px-2 pb-1 [&>div]:mt-0">
          <HelpText id={descId} text={description} />
        </div>
      ) : null}
      {open ? (
        <div id={panelId} className="space-y-0.5 border-t border-line/70 px-2 pb-2 pt-1 dark:border-line-dark/70">
          {children()}
        </div>
      ) : null}
    </div>
  );
}

function visible(props: ObjectFieldTemplatePropertyType[]): ObjectFieldTemplatePropertyType[] {
  return props.filter((p) => !p.hidden);
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, uiSchema, fieldPathId, formData, schema, onAddProperty, readonly, disabled, required, registry } = props;
  const options = getUiOptions(uiSchema);
  const groups = (options.groups as Group[] | undefined) ?? [];
  const grouped = new Set(groups.flatMap((g) => g.fields));
  const depth = fieldPathId.path.length;
  const { AddButton } = registry.templates.ButtonTemplates;
  const help = typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : undefined;
  const descriptionText = help ?? (typeof description === 'string' ? description : typeof schema.description === 'string' ? schema.description : undefined);

  const body = () => (
    <>
      {visible(properties.filter((p) => !grouped.has(p.name))).map((p) => (
        <div key={p.name}>{p.content}</div>
      ))}
      {groups.map((g) => {
        const members = visible(properties.filter((p) => g.fields.includes(p.name)));
        if (members.length === 0) return null;
        const hasData = members.some((p) => !isHollow((formData as Record<string, unknown> | undefined)?.[p.name]));
        return (
          <div key={g.title} className="pt-1">
            <Disclosure title={g.title} description={g.description} defaultOpen={!g.collapsed || hasData} level={depth + 1}>
              {() => members.map((p) => <div key={p.name}>{p.content}</div>)}
            </Disclosure>
          </div>
        );
      })}
      {canExpand(schema, uiSchema, formData) ? (
        <div className="pt-1">
          <AddButton onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} title={title ? `Add to ${title}` : 'Add entry'} className="" />
        </div>
      ) : null}
    </>
  );

  if (depth === 0) return <div className="space-y-3">{body()}</div>;
  if (depth === 1) {
    return (
      <section aria-label={title || undefined} className="space-y-0.5">
        {title ? <h3 className="border-b border-line pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:border-line-dark dark:text-muted-dark">{title}</h3> : null}
        {body()}
      </section>
    );
  }
  const forceOpen = options.expanded === true;
  return (
    <div className="py-1">
      <Disclosure title={title || String(fieldPathId.path[fieldPathId.path.length - 1] ?? '')} description={descriptionText} defaultOpen={forceOpen || !isHollow(formData)} level={depth} required={required}>
        {body}
      </Disclosure>
    </div>
  );
}
