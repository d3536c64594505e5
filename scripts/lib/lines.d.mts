export declare function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void;
export declare function prefixedWriter(
  name: string,
  options?: { out?: NodeJS.WriteStream; color?: 'cyan' | 'magenta' | 'yellow' | 'gray' },
): (line: string) => void;
