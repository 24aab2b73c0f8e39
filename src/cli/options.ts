import { type ParseArgsConfig, parseArgs } from 'node:util';
import { fail } from '../errors.ts';

/**
 * `parseArgs` for the command `khabar NAME`: an unknown option, a missing value or a stray
 * argument becomes a USAGE error that names the command (`khabar NAME: …`), not Node's
 * TypeError with its stack.
 */
export function parseOptions<T extends ParseArgsConfig>(
  name: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw fail('USAGE', `khabar ${name}: ${(err as Error).message}`);
  }
}
