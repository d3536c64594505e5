import { describe, expect, it } from 'vitest';
import { cursorContext } from './yaml-cursor';

const TEXT = `spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: web
        ports:
        - containerPort: 80
      - name: side
        im
        imagePullPolicy: Al
`;

function at(needle: string): number {
  return TEXT.indexOf(needle) + needle.length;
}

describe('cursorContext (from indentation, works on half-typed text)', () => {
  it('finds the key whose value is typed', () => {
    expect(cursorContext(TEXT, at('replicas: 2'))).toMatchObject({ path: ['spec', 'replicas'], position: 'value', prefix: '2' });
    expect(cursorContext(TEXT, at('imagePullPolicy: Al'))).toMatchObject({ path: ['spec', 'template', 'spec', 'containers', 1, 'imagePullPolicy'], prefix: 'Al' });
  });

  it('counts sequence items in kubectl layout', () => {
    const c = cursorContext(TEXT, at('        im'));
    expect(c).toMatchObject({ path: ['spec', 'template', 'spec', 'containers', 1], position: 'key', prefix: 'im' });
    expect(c.siblings).toEqual(expect.arrayContaining(['name', 'imagePullPolicy']));
    expect(cursorContext(TEXT, at('- containerPort'))).toMatchObject({ path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 0] });
  });

  it('handles indented sequences, nested markers and an empty new item', () => {
    const a = 'spec:\n  containers:\n    - name: a\n    - name: b\n      ima';
    expect(cursorContext(a, a.length).path).toEqual(['spec', 'containers', 1]);
    const b = 'a:\n  b:\n  - - x: 1\n    - y';
    expect(cursorContext(b, b.length).path).toEqual(['a', 'b', 0, 1]);
    const c = 'items:\n- a: 1\n- b: 2\n- ';
    expect(cursorContext(c, c.length)).toMatchObject({ path: ['items', 2], position: 'key', prefix: '' });
  });

  it('is at the root on an empty text', () => {
    expect(cursorContext('', 0)).toMatchObject({ path: [], position: 'key' });
    expect(cursorContext('spec:\n  ', 8)).toMatchObject({ path: ['spec'], position: 'key' });
  });
});
