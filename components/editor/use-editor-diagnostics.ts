'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { KindSchema } from '@/lib/editor/openapi-schema';
import { parseYamlSafe, type ParseAllResult, type ParseResult } from '@/lib/editor/yaml-model';
import { validateDocument, yamlErrorDiagnostics, type EditorDiagnostic } from '@/lib/editor/yaml-schema';
import type { YamlEditorProps } from './editor-types';
import { useKindSchema } from './use-kind-schema';

/**
 * Parses the editor's text a moment after typing stops (longer for big texts) and turns the
 * result into diagnostics: parse errors, or schema problems when the text parses; the
 * caller's extra diagnostics are added. Each parse result also goes to `onParse`.
 */
function delayFor(text: string): number {
  return 150 + Math.min(850, Math.floor(text.length / 2000));
}

function schemaDiagnostics(result: ParseResult | ParseAllResult, schema: KindSchema | undefined, textLength: number): EditorDiagnostic[] {
  if (!result.ok) return yamlErrorDiagnostics(result.errors, textLength);
  if (!schema) return [];
  if ('doc' in result) return validateDocument(result.doc, schema);
  return result.documents.flatMap((d) => validateDocument(d.doc, schema));
}

/** `forText` is the text the diagnostics were computed for; they apply only while it is current. */
export function useEditorDiagnostics(
  text: string,
  props: Pick<YamlEditorProps, 'schema' | 'gvk' | 'diagnostics' | 'onParse' | 'single' | 'maxBytes'>,
): { diagnostics: EditorDiagnostic[]; forText: string | undefined; schema: KindSchema | undefined } {
  const loaded = useKindSchema(props.schema ? undefined : props.gvk);
  const schema = props.schema ?? loaded.schema;
  const [own, setOwn] = useState<{ forText?: string; list: EditorDiagnostic[] }>({ list: [] });
  const onParse = useRef(props.onParse);
  useEffect(() => {
    onParse.current = props.onParse;
  });
  const { single = true, maxBytes } = props;

  useEffect(() => {
    const timer = setTimeout(() => {
      const result = single ? parseYamlSafe(text, { maxBytes }) : parseYamlSafe(text, { single: false, maxBytes });
      setOwn({ forText: text, list: schemaDiagnostics(result, schema, text.length) });
      onParse.current?.(result);
    }, delayFor(text));
    return () => clearTimeout(timer);
  }, [text, schema, single, maxBytes]);

  const extra = props.diagnostics;
  const diagnostics = useMemo(() => (extra?.length ? [...own.list, ...extra] : own.list), [own, extra]);
  return { diagnostics, forText: own.forText, schema };
}
