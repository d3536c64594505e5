import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import * as clientNode from '@kubernetes/client-node';

/**
 * Build-time reader of @kubernetes/client-node's generated models: the runtime
 * `attributeTypeMap` gives each property's JSON name, type and format; the model's `.d.ts`
 * gives the JSDoc descriptions (class and properties) and which properties are required
 * (declared without `?`). Not imported at run time.
 */

export interface ModelAttribute {
  /** JSON property name. */
  name: string;
  /** client-node type: "string", "number", "Array<V1Container>", "{ [key: string]: string; }", "V1ObjectMeta", ... */
  type: string;
  format: string;
  description?: string;
  required: boolean;
}

export interface ModelInfo {
  name: string;
  description?: string;
  attributes: ModelAttribute[];
}

interface RawAttribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

const exportsByName = clientNode as unknown as Record<string, { attributeTypeMap?: RawAttribute[] } | undefined>;

function modelsDir(): string {
  const main = createRequire(import.meta.url).resolve('@kubernetes/client-node');
  return path.join(path.dirname(main), 'gen', 'models');
}

export function modelExists(name: string): boolean {
  return Array.isArray(exportsByName[name]?.attributeTypeMap);
}

/** The JSDoc text as written in the .d.ts, with the generator's quote escaping undone. */
function docText(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const comment = docs?.[docs.length - 1]?.comment;
  const text = typeof comment === 'string' ? comment : comment ? ts.getTextOfJSDocComment(comment) : undefined;
  if (!text) return undefined;
  return text.replace(/\\(["'\\])/g, '$1').trim() || undefined;
}

function readDeclarations(name: string): { description?: string; members: Map<string, { description?: string; optional: boolean }> } {
  const file = path.join(modelsDir(), `${name}.d.ts`);
  const members = new Map<string, { description?: string; optional: boolean }>();
  if (!existsSync(file)) return { members };
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let description: string | undefined;
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || statement.name?.text !== name) continue;
    description = docText(statement);
    for (const member of statement.members) {
      if (!ts.isPropertyDeclaration(member) || member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const key = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (key) members.set(key, { description: docText(member), optional: member.questionToken !== undefined });
    }
  }
  return { description, members };
}

const cache = new Map<string, ModelInfo>();

export function loadModel(name: string): ModelInfo {
  const cached = cache.get(name);
  if (cached) return cached;
  const raw = exportsByName[name]?.attributeTypeMap;
  if (!raw) throw new Error(`@kubernetes/client-node has no model ${name}`);
  const decl = readDeclarations(name);
  const model: ModelInfo = {
    name,
    description: decl.description,
    attributes: raw.map((a) => {
      const member = decl.members.get(a.name);
      return { name: a.baseName, type: a.type, format: a.format, description: member?.description, required: member ? !member.optional : false };
    }),
  };
  cache.set(name, model);
  return model;
}
