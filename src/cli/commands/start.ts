/**
 * `khabar start` (what `npm start` runs): the first-run experience. Creates the embedded
 * archive when it is empty by ingesting the example articles that ship with khabar,
 * builds the web app when it has not been built or its sources are newer, then serves both. Later runs reuse the
 * archive. No configuration and no network needed.
 */
import { existsSync } from 'node:fs';
import { fail } from '../../errors.ts';
import { buildWeb, ROOT } from '../../ops/web-build.ts';
import { openStore, resolveDb } from '../../store/index.ts';
import { type CliContext, type Command, write } from '../context.ts';
import { loadCommand } from '../main.ts';

const EXAMPLES = `${ROOT}examples/articles.jsonl`;

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
  if (!cmd) throw fail('COMMAND_MISSING', name);
  return cmd.run(argv, ctx);
}

export const command: Command = {
  summary: 'first run: create the archive from the examples if empty, build the web app, serve it',
  usage: [
    'khabar start [--db PATH|URL] [--host 127.0.0.1] [--port 8080] [--rebuild-web] [--lang ar|en]',
    '',
    'What `npm start` runs. On the first run it creates the embedded archive (default: the',
    'user data folder, or --db / KHABAR_DB) and ingests the example articles shipped in',
    'examples/articles.jsonl; it builds the web app if web/dist is missing or older than its',
    'sources (an updated checkout); then it serves',
    'the API and the web app (as `khabar serve`) and prints the address. Later runs reuse',
    'the archive. Works with no configuration and no network.',
    "--lang ar|en: language of error lines; the web app's own language is chosen in the app (Arabic until",
    '  switched there, then remembered by the browser): the server sets no default',
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
    // Under web/.dist-lock, the lock the browser tests take too (src/ops/web-build.ts).
    buildWeb({
      ...(o.rebuild ? { force: 'asked for' } : {}),
      onWait: (pid) =>
        write(ctx.stderr, `khabar: waiting for another build of the web app (process ${pid || '?'})…`),
      onBuild: (why) => write(ctx.stderr, `khabar: building the web app (${why})…`),
      output: 'inherit',
    });
    return runCommand(
      'serve',
      ['--db', db, '--host', o.host ?? '127.0.0.1', '--port', o.port ?? ctx.env.PORT ?? '8080'],
      ctx,
    );
  },
};
