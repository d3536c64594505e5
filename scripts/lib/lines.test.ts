import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine } from './lines.mjs';

describe('forEachLine', () => {
  it('reassembles lines split across chunks and strips CRLF', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    forEachLine(stream, (line) => lines.push(line));
    stream.write('first\r\nsec');
    stream.write('ond\n\nthi');
    stream.end('rd');
    await new Promise((resolve) => stream.on('end', resolve));
    expect(lines).toEqual(['first', 'second', '', 'third']);
  });
});
