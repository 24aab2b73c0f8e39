import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliContext } from '../src/cli/context.ts';

/** A CLI context with captured output, for in-process command tests. */
export function fakeContext(env: NodeJS.ProcessEnv = {}): {
  ctx: CliContext;
  out: () => string;
  err: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d) => {
    o += d;
  });
  stderr.on('data', (d) => {
    e += d;
  });
  const ctx: CliContext = { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd(), isTTY: false };
  return { ctx, out: () => o, err: () => e };
}

/** Runs `khabar ARGS` in process; asserts it exits 0 (with its stderr as the message) and returns its stdout. */
export async function runCli(args: string[]): Promise<string> {
  const { main } = await import('../src/cli/main.ts');
  const { ctx, out, err } = fakeContext();
  const code = await main(args, ctx);
  assert.equal(code, 0, err());
  return out();
}

const temps: string[] = [];
/**
 * A new folder under the system's temp folder (`prefix` + random), removed with everything in it
 * when the test process exits — test files that make archives and inputs leave nothing behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (temps.length === 0) {
    process.on('exit', () => {
      for (const d of temps) rmSync(d, { recursive: true, force: true });
    });
  }
  temps.push(dir);
  return dir;
}
