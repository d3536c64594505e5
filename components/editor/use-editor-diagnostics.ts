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

export function useEditorDiagnostics(text: string, props: Pick<YamlEditorProps, 'schema' | 'gvk' | 'diagnostics' | 'onParse' | 'single' | 'maxBytes'>): { diagnostics: EditorDiagnostic[]; schema: KindSchema | undefined } {
  const loaded = useKindSchema(props.schema ? undefined : props.gvk);
  const schema = props.schema ?? loaded.schema;
  const [own, setOwn] = useState<EditorDiagnostic[]>([]);
  const onParse = useRef(props.onParse);
  useEffect(() => {
    onParse.current = props.onParse;
  });
  const { single = true, maxBytes } = props;

  useEffect(() => {
    const timer = setTimeout(() => {
      const result = single ? parseYamlSafe(text, { maxBytes }) : parseYamlSafe(text, { single: false, maxBytes });
      setOwn(schemaDiagnostics(result, schema, text.length));
      onParse.current?.(result);
    }, delayFor(text));
    return () => clearTimeout(timer);
  }, [text, schema, single, maxBytes]);

  const extra = props.diagnostics;
  const diagnostics = useMemo(() => (extra?.length ? [...own, ...extra] : own), [own, extra]);
  return { diagnostics, schema };
}
