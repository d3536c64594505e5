/** Label and field selectors: parsing (upstream grammar and errors), matching and printing. */
export { parseLabelSelector } from './label-parser';
export {
  everythingSelector,
  nothingSelector,
  requirementMatches,
  requirementToString,
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
} from './label-requirement';
export {
  isEverything,
  labelSelectorFromObject,
  labelSelectorToString,
  matchesLabels,
  requiresExactMatch,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
} from './label-selector';
export {
  escapeFieldValue,
  everythingFieldSelector,
  fieldSelectorToString,
  matchesFields,
  parseFieldSelector,
  singleNameFromFieldSelector,
  type FieldRequirement,
  type FieldSelector,
} from './field-selector';
export { fieldGetterFor, objectMatchesFields, type FieldTable, type FieldValueGetter, type SelectableField } from './field-tables';
