import { describe, expect, it } from 'vitest';
import { withLines } from './problems-list';

describe('withLines', () => {
  it('numbers diagnostics by the line they start on', () => {
    const text = 'a: 1\nb: 2\n\nc: 3';
    const out = withLines(text, [
      { from: 0, to: 1, severity: 'error', message: 'first', source: 'yaml' },
      { from: 5, to: 6, severity: 'error', message: 'second', source: 'schema' },
      { from: 11, to: 12, severity: 'error', message: 'fourth', source: 'server' },
      { from: 10, to: 10, severity: 'error', message: 'empty third', source: 'server' },
    ]);
    expect(out.map((p) => p.line)).toEqual([1, 2, 4, 3]);
  });
});
