/**
 * Line-oriented handling of child process output, so that output of several children can be
 * interleaved a line at a time under a `[name]` prefix.
 */

/**
 * Calls `onLine` for every complete line of a readable text stream, without the line break
 * (`\n` or `\r\n`). A last line without a break is delivered when the stream ends.
 * @param {NodeJS.ReadableStream} stream
 * @param {(line: string) => void} onLine
 */
export function forEachLine(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    let index;
    while ((index = pending.indexOf('\n')) >= 0) {
      onLine(pending.slice(0, index).replace(/\r$/, ''));
      pending = pending.slice(index + 1);
    }
  });
  stream.on('end', () => {
    if (pending) onLine(pending.replace(/\r$/, ''));
    pending = '';
  });
}

const COLORS = { cyan: 36, magenta: 35, yellow: 33, gray: 90 };

/**
 * Returns a writer that prints each line as `[name] line`, colouring the prefix when `out` is a
 * terminal and NO_COLOR is unset.
 * @param {string} name
 * @param {{ out?: NodeJS.WriteStream, color?: keyof typeof COLORS }} [options]
 * @returns {(line: string) => void}
 */
export function prefixedWriter(name, { out = process.stdout, color = 'gray' } = {}) {
  const useColor = Boolean(out.isTTY) && !process.env.NO_COLOR;
  const prefix = useColor ? `\u001b[${COLORS[color]}m[${name}]\u001b[0m` : `[${name}]`;
  return (line) => {
    out.write(`${prefix} ${line}\n`);
  };
}
