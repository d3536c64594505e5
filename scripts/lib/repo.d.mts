export declare const ROOT: string;
export declare function resolveUserPath(value: string, cwd?: string, home?: string): string;
export declare function portFromEnv(value: string | undefined, fallback: number, name: string): number;
