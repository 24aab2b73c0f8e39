/**
 * `khabar start` (what `npm start` runs): the first-run experience. Creates the embedded
 * archive when it is empty by ingesting the example articles that ship with khabar,
 * builds the web app when it has not been built or its sources are newer, then serves both. Later runs reuse the
 * archive. No configuration and no network needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KhabarError, fail } from '../../errors.ts';
import { openStore, resolveDb } from '../../store/index.ts';
import { type CliContext, type Command, write } from '../context.ts';
import { loadCommand } from '../main.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = `${ROOT}examples/articles.jsonl`;
const WEB_DIST = `${ROOT}web/dist/index.html`;

function parse(argv: string[]): { db?: string; port?: string; host?: string; rebuild: boolean } {
  const out: { db?: string; port?: string; host?: string; rebuild: boolean } = { rebuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rebuild-web') out.rebuild = true;
    else if (a === '--db' || a === '--port' || a === '--host') {
      const v = argv[++i];
      if (v === undefined) throw fail('BAD_OPTION', a, 'needs a value');
      out[a.slice(2) as 'db' | 'port' | 'host'] = v;
    } else throw fail('USAGE', `khabar start: unknown argument "${a}"`);
  }
  return out;
}

async function runCommand(name: string, argv: string[], ctx: CliContext): Promise<number> {
  const cmd = await loadCommand(name);
  if (!cmd) throw new KhabarError('INTERNAL', `the ${name} command is missing from this install`);
  return cmd.run(argv, ctx);
}

/** Newest modification time of the web app's sources (web/, without dist). */
function newestSource(dir = `${ROOT}web`): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

/** Why web/dist must be built: missing, or older than a source (a checkout updated since). */
function webStale(): string | undefined {
  if (!existsSync(WEB_DIST)) return 'first run only';
  if (statSync(WEB_DIST).mtimeMs < newestSource()) return 'its sources changed since the last build';
  return undefined;
}

function buildWeb(ctx: CliContext, why: string): void {
  write(ctx.stderr, `khabar: building the web app (${why})…`);
  const vite = `${ROOT}node_modules/vite/bin/vite.js`;
  if (!existsSync(vite))
    throw new KhabarError(
      'WEB_BUILD',
      'vite is not installed: run `npm install` (it installs the dev dependencies).',
    );
  const r = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0)
    throw new KhabarError('WEB_BUILD', 'building the web app failed; run `npm run build:web` to see why.');
}

export const command: Command = {
  summary: 'first run: create the archive from the examples if empty, build the web app, serve it',
  usage: [
    'khabar start [--db PATH|URL] [--host 127.0.0.1] [--port 8080] [--rebuild-web]',
    '',
    'What `npm start` runs. On the first run it creates the embedded archive (default: the',
    'user data folder, or --db / KHABAR_DB) and ingests the example articles shipped in',
    'examples/articles.jsonl; it builds the web app if web/dist is missing or older than its',
    'sources (an updated checkout); then it serves',
    'the API and the web app (as `khabar serve`) and prints the address. Later runs reuse',
    'the archive. Works with no configuration and no network.',
  ].join('\n'),
  async run(argv, ctx) {
    const o = parse(argv);
    const db = resolveDb(o.db, ctx.env);
    const store = await openStore(db, { env: ctx.env, cwd: ctx.cwd });
    const { articles } = await store.stats();
    await store.close();
    if (articles === 0) {
      if (!existsSync(EXAMPLES)) throw fail('FILE_NOT_FOUND', EXAMPLES);
      write(ctx.stderr, `khabar: new archive at ${db}; ingesting the example articles…`);
      const code = await runCommand('ingest', [EXAMPLES, '--db', db, '--quiet'], ctx);
      if (code !== 0) return code;
    } else write(ctx.stderr, `khabar: using the archive at ${db} (${articles} articles)`);
    const stale = o.rebuild ? 'asked for' : webStale();
    if (stale) buildWeb(ctx, stale);
    return runCommand(
      'serve',
      ['--db', db, '--host', o.host ?? '127.0.0.1', '--port', o.port ?? ctx.env.PORT ?? '8080'],
      ctx,
    );
  },
};
