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
