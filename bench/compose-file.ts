/**
 * The compose benches' input: the first argument not starting with `--`, else
 * ../shared/data/easc/easc-dev.jsonl. When the file is absent the bench says so and exits 0
 * (a clean clone without ../shared skips rather than fails).
 */
import { existsSync } from 'node:fs';

export function composeBenchFile(args: string[] = process.argv.slice(2)): string {
  const file =
    args.find((a) => !a.startsWith('--')) ??
    new URL('../../shared/data/easc/easc-dev.jsonl', import.meta.url).pathname;
  if (!existsSync(file)) {
    console.log(`skipped: ${file} is absent (put shared/ beside the repo or pass a compose JSONL)`);
    process.exit(0);
  }
  return file;
}
