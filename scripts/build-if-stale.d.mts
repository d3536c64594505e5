export declare const BUILD_INPUTS: readonly string[];
export declare function newestInput(
  root: string,
  inputs?: readonly string[],
): Promise<{ mtimeMs: number; file: string | null }>;
export declare function buildStatus(root: string): Promise<{ stale: boolean; reason: string }>;
export declare function buildIfStale(options: {
  root: string;
  log?: (message: string) => void;
  force?: boolean;
}): Promise<boolean>;
