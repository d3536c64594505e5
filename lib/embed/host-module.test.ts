import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { guestMessage, parseHostMessage, PROTOCOL } from './protocol';

/**
 * public/glasspane-host.js (plain JavaScript, served to host pages) run against a minimal fake
 * window: it must speak the contract of lib/embed/protocol.ts, post only to the console's
 * origin, and take messages only from its own frame on that origin, with the documented shape.
 */
const SOURCE = readFileSync(path.resolve(import.meta.dirname, '../../public/glasspane-host.js'), 'utf8');
const CONSOLE = 'http://127.0.0.1:3000';

interface Posted {
  message: unknown;
  origin: string;
}

function loadHostModule() {
  const listeners: ((e: { source: unknown; origin: string; data: unknown }) => void)[] = [];
  const posted: Posted[] = [];
  const frameWindow = { postMessage: (message: unknown, origin: string) => posted.push({ message: structuredClone(message), origin }) };
  const iframe = { src: '', title: '', style: { cssText: '', height: '' }, contentWindow: frameWindow, setAttribute() {}, remove() {} };
  const element = { appendChild: () => undefined };
  const win: Record<string, unknown> = {
    location: { origin: 'http://localhost:4100' },
    addEventListener: (type: string, fn: (typeof listeners)[number]) => type === 'message' && listeners.push(fn),
    removeEventListener: () => undefined,
  };
  const context = vm.createContext({ window: win, document: { createElement: () => iframe }, URL, Promise, Object, JSON, Math });
  vm.runInContext(SOURCE, context);
  const Glasspane = win.Glasspane as { mount(el: unknown, opts: Record<string, unknown>): { setTheme(t: string): void; setContext(c: unknown): void } };
  const deliver = (data: unknown, from: { source?: unknown; origin?: string } = {}) => {
    for (const l of listeners) l({ source: from.source ?? frameWindow, origin: from.origin ?? CONSOLE, data });
  };
  return { Glasspane, element, iframe, posted, deliver };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the host module', () => {
  it('mounts a view under /embed that knows its host, and answers ready with init', async () => {
    const { Glasspane, element, iframe, posted, deliver } = loadHostModule();
    Glasspane.mount(element, { origin: CONSOLE, view: 'object?tab=events', theme: 'dark', token: () => Promise.resolve('tok'), navigation: 'host' });
    const src = new URL(iframe.src);
    expect(`${src.origin}${src.pathname}`).toBe(`${CONSOLE}/embed/object`);
    expect(src.searchParams.get('tab')).toBe('events');
    expect(src.searchParams.get('hostOrigin')).toBe('http://localhost:4100');
    deliver(guestMessage({ type: 'ready', view: '/embed/object', url: iframe.src }));
    await flush();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.origin).toBe(CONSOLE);
    expect(parseHostMessage(posted[0]!.message)).toEqual({ protocol: PROTOCOL, version: 1, type: 'init', theme: 'dark', token: 'tok', navigation: 'host' });
  });

  it('sends valid theme and context messages', () => {
    const { Glasspane, element, posted } = loadHostModule();
    const view = Glasspane.mount(element, { origin: CONSOLE, view: 'inventory' });
    view.setTheme('light');
    view.setContext({ objects: [{ group: '', kind: 'Node', name: 'esx-01' }] });
    expect(posted.map((p) => parseHostMessage(p.message)?.type)).toEqual(['theme', 'context']);
  });

  it('takes navigate, resize and notify only from its frame, on the console origin, in the documented shape', () => {
    const { Glasspane, element, iframe, deliver } = loadHostModule();
    const seen: string[] = [];
    Glasspane.mount(element, { origin: CONSOLE, view: 'inventory', onNavigate: (m: { href: string }) => seen.push(m.href), onNotify: (m: { message: string }) => seen.push(m.message) });
    const nav = guestMessage({ type: 'navigate', target: { group: '', kind: 'Node', name: 'esx-01' }, href: `${CONSOLE}/hosts/esx-01` });
    deliver(nav, { origin: 'http://evil.test' });
    deliver(nav, { source: { other: true } });
    deliver({ ...nav, version: 2 });
    deliver({ type: 'navigate', href: 'x' });
    deliver(guestMessage({ type: 'resize', height: -5 } as never));
    expect(seen).toEqual([]);
    expect(iframe.style.height).toBe('');
    deliver(nav);
    deliver(guestMessage({ type: 'notify', level: 'info', message: 'hello' }));
    deliver(guestMessage({ type: 'resize', height: 420 }));
    expect(seen).toEqual([`${CONSOLE}/hosts/esx-01`, 'hello']);
    expect(iframe.style.height).toBe('420px');
  });

  it('refuses views that would leave /embed', () => {
    const { Glasspane, element } = loadHostModule();
    for (const view of ['../login', '//evil.test/x', 'a/../../login', 'https://evil.test']) expect(() => Glasspane.mount(element, { origin: CONSOLE, view })).toThrow(/invalid view/);
  });
});
