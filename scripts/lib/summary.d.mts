export interface StepResult {
  step: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  exitCode?: number;
}
export declare function formatDuration(ms: number): string;
export declare function formatSummary(results: readonly StepResult[]): string;
