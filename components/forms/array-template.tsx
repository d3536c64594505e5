'use client';

import type { ArrayFieldItemButtonsTemplateProps, ArrayFieldItemTemplateProps, ArrayFieldTemplateProps, IconButtonProps, SubmitButtonProps } from '@rjsf/utils';
import { Disclosure } from './object-template';

/**
 * Lists in a generated form: a disclosure titled with the field (open when it has items), its
 * items one under the other with small text buttons (Up, Down, Remove — named for screen
 * readers with the item's position), and "Add" at the end.
 */
const SMALL = 'h-6 rounded-sm px-1.5 text-[11px] font-medium disabled:cursor-not-allowed disabled:opacity-40';

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, disabled, readonly, schema, uiSchema, registry, fieldPathId, required } = props;
  const { AddButton } = registry.templates.ButtonTemplates;
  const label = (uiSchema?.['ui:title'] as string | undefined) ?? title ?? String(fieldPathId.path[fieldPathId.path.length - 1] ?? 'Items');
  const body = () => (
    <>
      {items.length === 0 ? <p className="py-1 text-[11px] text-muted dark:text-muted-dark">None.</p> : null}
      <div className="space-y-1">{items}</div>
      {canAdd ? (
        <div className="pt-1">
          <AddButton onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} title={`Add to ${label}`} className="" />
        </div>
      ) : null}
    </>
  );
  return (
    <div className="py-1">
      <Disclosure title={`${label}${items.length ? ` (${items.length})` : ''}`} description={typeof schema.description === 'string' ? schema.description : undefined} defaultOpen={items.length > 0} level={fieldPathId.path.length} required={required}>
        {body}
      </Disclosure>
    </div>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry } = props;
  const Buttons = registry.templates.ArrayFieldItemButtonsTemplate;
  return (
    <div className="flex items-start gap-1 rounded-sm border-l-2 border-line pl-2 dark:border-line-dark">
      <div className="min-w-0 flex-1">{children}</div>
      {hasToolbar ? (
        <div className="flex shrink-0 gap-0.5 pt-1">
          <Buttons {...buttonsProps} />
        </div>
      ) : null}
    </div>
  );
}

export function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { hasMoveUp, hasMoveDown, hasRemove, onMoveUpItem, onMoveDownItem, onRemoveItem, disabled, readonly, index } = props;
  const n = index + 1;
  return (
    <>
      {hasMoveUp || hasMoveDown ? (
        <>
          <button type="button" className={`${SMALL} hover:bg-slate-100 dark:hover:bg-white/10`} disabled={disabled || readonly || !hasMoveUp} onClick={onMoveUpItem} aria-label={`Move item ${n} up`}>
            ↑
          </button>
          <button type="button" className={`${SMALL} hover:bg-slate-100 dark:hover:bg-white/10`} disabled={disabled || readonly || !hasMoveDown} onClick={onMoveDownItem} aria-label={`Move item ${n} down`}>
            ↓
          </button>
        </>
      ) : null}
      {hasRemove ? (
        <button type="button" className={`${SMALL} text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950/40`} disabled={disabled || readonly} onClick={onRemoveItem} aria-label={`Remove item ${n}`}>
          Remove
        </button>
      ) : null}
    </>
  );
}

export function AddButton({ onClick, disabled, title }: IconButtonProps) {
  return (
    <button type="button" onClick={onClick} disabled={disabled} className={`${SMALL} border border-line text-accent hover:bg-slate-100 dark:border-line-dark dark:text-accent-dark dark:hover:bg-white/10`}>
      {title ?? 'Add'}
    </button>
  );
}

export function NoButton(_props: IconButtonProps) {
  return null;
}

/** The console's pages have their own Create buttons; the form has none. */
export function SubmitButton(_props: SubmitButtonProps) {
  return null;
}
