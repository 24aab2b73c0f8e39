/**
 * The command line of a script or benchmark: `--name VALUE` options and `--name` flags, read
 * from process.argv (or `args`, for a test).
 */
const ARGV = process.argv.slice(2);

/** The value after `--name`, or undefined when `--name` is not given (or is last). */
export function option(name: string, args: readonly string[] = ARGV): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether `--name` is given. */
export function flag(name: string, args: readonly string[] = ARGV): boolean {
  return args.includes(`--${name}`);
}

/**
 * Refuses a command line a long-running script does not take before it starts: `--help` prints
 * the options and exits 0; an unknown `--name` (a typo, or `--help` taken for an option, which
 * once started a 1,000,000-article load) prints them and exits 2. `values` take a value,
 * `flags` do not; `script` is the path the usage names (its top comment says more), followed by
 * the operands it takes when it takes any (`'bench/stories.ts [FILE]'`).
 */
export function checkArgs(
  script: string,
  values: readonly string[],
  flags: readonly string[] = [],
  args: readonly string[] = ARGV,
): void {
  const [path, ...operands] = script.split(' ');
  const usage = [
    `usage: node --import tsx ${[path, ...operands].join(' ')} ${[...values.map((v) => `[--${v} V]`), ...flags.map((f) => `[--${f}]`)].join(' ')}`,
    `(what each does: the comment at the top of ${path})`,
  ].join('\n');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) continue;
    const name = a.slice(2);
    if (values.includes(name)) i++;
    else if (!flags.includes(name)) {
      console.error(`${path}: unknown option ${a}\n${usage}`);
      process.exit(2);
    }
  }
}
