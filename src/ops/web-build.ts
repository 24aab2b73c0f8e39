/**
 * Building web/dist (vite build) — one build at a time for `khabar start` (npm start), the
 * browser tests and the benchmarks that serve the web app. Vite empties web/dist before it
 * writes it: two builds at once (two starts, a start beside the tests, the test runner's two
 * files on a fresh clone) could leave one server answering 404 for the page the other had
 * just built. The lock is a directory, web/.dist-lock (mkdir is atomic), holding the pid of
 * its taker; whoever waited for it looks again and, when web/dist is fresh by then, builds
 * nothing. A lock whose process is gone (killed mid-build) is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../errors.ts';

/** The checkout khabar runs from (web/, node_modules/ under it). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** web/.dist-lock: held while one process builds web/dist. */
export const LOCK = '.dist-lock';

/** Newest modification time of the web app's sources (web/ without dist, node_modules and the lock). */
function newestSource(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules' || name === LOCK) continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

/** Why web/dist must be built — missing, or older than a source (a checkout updated since) — else undefined. */
export function webStale(root = ROOT): string | undefined {
  const index = join(root, 'web/dist/index.html');
  if (!existsSync(index)) return 'first run only';
  if (statSync(index).mtimeMs < newestSource(join(root, 'web')))
    return 'its sources changed since the last build';
  return undefined;
}

/** Sleeps `ms` without spinning (the build is synchronous, as its callers are at that point). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The pid written in the lock, or 0 when it is not written yet (or the lock is gone). */
function lockPid(dir: string): number {
  try {
    return Number(readFileSync(join(dir, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Whether the process that took the lock in `dir` is gone (killed mid-build). */
function abandoned(dir: string): boolean {
  const pid = lockPid(dir);
  if (!pid) {
    // taken a moment ago, its pid not written yet — or left by a process killed in between
    try {
      return statSync(dir).mtimeMs < Date.now() - 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface WebBuildOptions {
  /** The checkout (default: this one). */
  root?: string;
  /** Build even when web/dist is fresh (`khabar start --rebuild-web`): the reason said. */
  force?: string;
  /** Said once before building, with why (`khabar start` prints it). */
  onBuild?: (why: string) => void;
  /** Said once when another process holds the lock, with its pid (0: not known yet). */
  onWait?: (pid: number) => void;
  /** 'inherit': vite's output goes to this process's; 'capture' (default): it goes into the error. */
  output?: 'inherit' | 'capture';
}

/**
 * Builds web/dist when it is missing or older than a source (or when `force` says so), under
 * web/.dist-lock. Returns whether this call built it. Throws a KhabarError (WEB_BUILD_NO_VITE)
 * when vite is not installed, WEB_BUILD_FAILED when the build fails.
 */
export function buildWeb(opts: WebBuildOptions = {}): boolean {
  const root = opts.root ?? ROOT;
  if (!opts.force && !webStale(root)) return false;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) throw fail('WEB_BUILD_NO_VITE', root);
  const lock = join(root, 'web', LOCK);
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else {
        if (!waited) opts.onWait?.(lockPid(lock));
        waited = true;
        sleep(200);
      }
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    // Whoever held the lock may have built it meanwhile: a forced build is not forced twice.
    const why = waited ? webStale(root) : (opts.force ?? webStale(root));
    if (!why) return false;
    opts.onBuild?.(why);
    const inherit = opts.output === 'inherit';
    const r = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
      cwd: root,
      encoding: 'utf8',
      stdio: inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    if (r.status !== 0)
      throw fail(
        'WEB_BUILD_FAILED',
        join(root, 'web'),
        inherit ? '' : `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim(),
      );
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
