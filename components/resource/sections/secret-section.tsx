'use client';

import { useState } from 'react';
import { Panel } from '@/components/ui/panel';
import type { KubeObject } from '@/lib/k8s/types';
import { decodeSecretValue, secretKeys } from '@/lib/resources/secret-data';

/**
 * A Secret's data: every value masked until "Reveal" is clicked for that key (then base64-
 * decoded and shown as text), with copy. Values are never logged and are forgotten when the
 * page is left.
 */
export function SecretSection({ secret }: { secret: KubeObject }) {
  const keys = secretKeys(secret);
  return (
    <Panel title="Data">
      {keys.length === 0 ? (
        <p className="text-muted dark:text-muted-dark">This secret holds no data.</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-left">
          <caption className="sr-only">Secret data</caption>
          <tbody>
            {keys.map((k) => (
              <SecretRow key={k} name={k} secret={secret} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function SecretRow({ name, secret }: { name: string; secret: KubeObject }) {
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);
  const encoded = (secret.data as Record<string, string> | undefined)?.[name];
  const plain = (secret.stringData as Record<string, string> | undefined)?.[name];
  const decoded = plain !== undefined ? { kind: 'text' as const, text: plain } : decodeSecretValue(encoded ?? '');
  const shown = decoded.kind === 'text' ? decoded.text : decoded.kind === 'binary' ? `(binary, ${decoded.bytes} bytes)` : '(not valid base64)';
  const copy = async () => {
    if (decoded.kind !== 'text') return;
    await navigator.clipboard.writeText(decoded.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <tr className="border-t border-line/60 align-top first:border-t-0 dark:border-line-dark/60">
      <th scope="row" className="w-1/4 py-1 pr-3 text-left font-mono text-xs font-normal break-all">
        {name}
      </th>
      <td className="py-1 pr-3 font-mono text-xs break-all whitespace-pre-wrap">{revealed ? shown : <span aria-label="Hidden value">••••••••</span>}</td>
      <td className="w-36 py-1 text-right whitespace-nowrap">
        <button type="button" onClick={() => setRevealed((r) => !r)} aria-label={`${revealed ? 'Hide' : 'Reveal'} ${name}`} className="rounded-sm border border-line px-2 text-xs hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
          {revealed ? 'Hide' : 'Reveal'}
        </button>{' '}
        <button type="button" onClick={copy} disabled={decoded.kind !== 'text'} aria-label={`Copy ${name}`} className="rounded-sm border border-line px-2 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-line-dark dark:hover:bg-white/10">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </td>
    </tr>
  );
}
