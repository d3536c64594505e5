'use client';

import { useNamespaces } from '@/components/data/use-namespaces';
import { SelectField } from './fields';

/**
 * The namespace to create in, from the namespaces the user may use (for a developer: those
 * found through the session's hints and access reviews). The current value stays selectable
 * even when it is not in the list (e.g. opened from a link).
 */
export function NamespaceField({ value, onChange, error }: { value: string; onChange(ns: string): void; error?: string }) {
  const { names, loading } = useNamespaces();
  const options = [...new Set([...names, ...(value ? [value] : [])])].sort().map((n) => ({ value: n, label: n }));
  return (
    <SelectField
      label="Namespace"
      value={value}
      options={options}
      onChange={onChange}
      placeholder={loading ? 'Loading namespaces…' : 'Choose a namespace'}
      error={error}
      help="The vSphere Namespace the new objects go in; its quota applies."
    />
  );
}
