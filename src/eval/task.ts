/** The shape every `khabar eval TASK` scorer has: one file per task in src/eval/. */
export interface EvalOptions {
  /** `--data PATH` (or the positional argument). */
  data: string;
  /** Every other `--flag value` / `--flag` given on the command line. */
  flags: Record<string, string | boolean>;
}

export interface EvalReport {
  /** Printed as one JSON object with `--json`: `{"task": …, …figures}`. */
  json: Record<string, unknown> & { task: string };
  /** The readable table printed without `--json`. */
  table: string;
}

export interface EvalTask {
  summary: string;
  evaluate(opts: EvalOptions): Promise<EvalReport>;
}
