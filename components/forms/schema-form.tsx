'use client';

// The package index also exports a test registry that imports @rjsf/validator-ajv8 (not
// installed: ajv compiles with `new Function`, which the CSP forbids); the Form alone does not.
import Form from '@rjsf/core/lib/components/Form.js';
import type { ErrorSchema, RegistryFieldsType, RegistryWidgetsType, RJSFSchema, TemplatesType, UiSchema } from '@rjsf/utils';
import { memo, useCallback, useMemo, useState } from 'react';
import { keyShape } from '@/lib/forms/value-diff';
import { schemaValidator } from '@/lib/forms/validator';
import { AddButton, ArrayFieldItemButtonsTemplate, ArrayFieldItemTemplate, ArrayFieldTemplate, NoButton, SubmitButton } from './array-template';
import { DescriptionFieldTemplate, FieldErrorTemplate, FieldHelpTemplate, FieldTemplate, TitleFieldTemplate, WrapIfAdditionalTemplate } from './field-template';
import { ObjectFieldTemplate } from './object-template';
import { ObjectRefWidget } from './object-ref-widget';
import { ResourcesField, YamlOnlyField, type FormContext } from './special-fields';
import { CheckboxWidget, IntOrStringWidget, PasswordWidget, PodCountWidget, QuantityWidget, SelectWidget, SwitchWidget, TextareaWidget, TextWidget } from './widgets';

/**
 * A form generated from a JSON Schema (see lib/forms/form-schema), in the console's look,
 * validated without code generation (lib/forms/validator). Controlled: `value` in, every change
 * out; it never creates defaults or empty sections on its own. `readOnly` freezes it (the YAML
 * beside it does not parse). Errors show when a field loses focus; `extraErrors` (e.g. from a
 * server dry run) show at once.
 */
const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  DescriptionFieldTemplate,
  TitleFieldTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  WrapIfAdditionalTemplate,
  ButtonTemplates: { AddButton, SubmitButton, CopyButton: NoButton, MoveUpButton: NoButton, MoveDownButton: NoButton, RemoveButton: NoButton, ClearButton: NoButton },
};

const widgets: RegistryWidgetsType = {
  TextWidget,
  text: TextWidget,
  PasswordWidget,
  password: PasswordWidget,
  TextareaWidget,
  textarea: TextareaWidget,
  SelectWidget,
  select: SelectWidget,
  CheckboxWidget,
  checkbox: CheckboxWidget,
  switch: SwitchWidget,
  podCount: PodCountWidget,
  number: TextWidget,
  updown: TextWidget,
  quantity: QuantityWidget,
  intOrString: IntOrStringWidget,
  objectRef: ObjectRefWidget,
};

const fields: RegistryFieldsType = { yamlOnly: YamlOnlyField, resources: ResourcesField };

export interface SchemaFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  value: unknown;
  onChange(value: unknown): void;
  readOnly?: boolean;
  formContext?: FormContext;
  extraErrors?: ErrorSchema;
  /** Prefix of the controls' ids (several forms on a page need different ones). */
  idPrefix?: string;
  /** Changes whenever the value was changed from outside the form (the YAML). */
  externalRevision?: number;
}

/**
 * A key that changes when the YAML (not the form) added or removed object keys: RJSF keeps the
 * list of map entries (labels, data…) it shows from mount and would not show new ones.
 */
function useRemountKey(value: unknown, revision: number): number {
  const shape = useMemo(() => keyShape(value), [value]);
  const [seen, setSeen] = useState({ revision, shape, key: 0 });
  if (revision !== seen.revision) setSeen({ revision, shape, key: shape !== seen.shape ? seen.key + 1 : seen.key });
  else if (shape !== seen.shape) setSeen({ ...seen, shape });
  return seen.key;
}

export const SchemaForm = memo(function SchemaForm({ schema, uiSchema, value, onChange, readOnly, formContext, extraErrors, idPrefix = 'form', externalRevision = 0 }: SchemaFormProps) {
  const remount = useRemountKey(value, externalRevision);
  const handle = useCallback((e: { formData?: unknown }) => onChange(e.formData), [onChange]);
  const context = useMemo(() => formContext ?? {}, [formContext]);
  return (
    <Form
      key={remount}
      tagName="div"
      schema={schema}
      uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
      formData={value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}}
      onChange={handle}
      validator={schemaValidator}
      templates={templates}
      widgets={widgets}
      fields={fields}
      formContext={context}
      readonly={readOnly}
      idPrefix={idPrefix}
      liveValidate="onBlur"
      showErrorList={false}
      extraErrors={extraErrors}
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults', arrayMinItems: { populate: 'never' }, allOf: 'skipDefaults' }}
    />
  );
});
