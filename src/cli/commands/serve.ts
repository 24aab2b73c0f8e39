import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app.ts';
import { fail } from '../../errors.ts';
import { isPostgresUrl, openStore, resolveDb } from '../../store/index.ts';
import { type Command, write } from '../context.ts';

const DEFAULT_WEB = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

function parse(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--(host|port|db|web|cache-ttl)(?:=(.*))?$/.exec(a);
    if (!m) throw fail('USAGE', `khabar serve: unknown argument "${a}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw fail('BAD_OPTION', `--${m[1]}`, 'needs a value');
    out[m[1]!] = value;
  }
  return out;
}

/**
 * Why the server could not listen, as an option error naming what to change; a wrong --host
 * used to end in Node's stack trace («Error: listen EADDRNOTAVAIL …», «getaddrinfo ENOTFOUND»).
 */
export function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  const hosts = 'use 127.0.0.1 (this machine only) or 0.0.0.0 (every network interface)';
  switch (err.code) {
    case 'EADDRINUSE':
      return fail('BAD_OPTION', '--port', `${port} is in use; pick another`);
    case 'EACCES':
      return fail(
        'BAD_OPTION',
        '--port',
        `${port} needs privileges this user lacks; pick one above 1024, such as 8080`,
      );
    case 'EADDRNOTAVAIL':
      return fail('BAD_OPTION', '--host', `${host} is no address of this machine; ${hosts}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail('BAD_OPTION', '--host', `${host} does not resolve to an address; ${hosts}`);
    default:
      return err;
  }
}

export const command: Command = {
  summary: 'serve the HTTP API and the web app: serve [--host 127.0.0.1] [--port 8080] [--db PATH|URL]',
  usage: [
    'khabar serve [--host 127.0.0.1] [--port 8080] [--db PATH|postgres://…] [--web DIR] [--lang ar|en]',
    '',
    'Serves the JSON API under /api (OpenAPI 3.1 at /api/openapi.json) and the web app.',
    '  --host   address to listen on (default 127.0.0.1)',
    '  --port   port (default 8080; 0 picks a free one)',
    '  --db     the archive (default: KHABAR_DB, then the user data folder)',
    '  --web    folder of the built web app (default: web/dist; build it with `npm run build:web`)',
    '  --cache-ttl  seconds a read answer may be reused (default 10; 0 turns the cache off);',
    '               ingest through the API clears the cache at once',
    "  --lang   language of error lines; the web app's own language is chosen in the app (Arabic until",
    '           switched there, then remembered by the browser): the server sets no default',
    'Environment: KHABAR_TOKEN enables POST /api/ingest for requests sending `Authorization: Bearer <token>`.',
  ].join('\n'),
  async run(argv, ctx) {
    const o = parse(argv);
    const host = o.host ?? '127.0.0.1';
    const port = Number(o.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw fail('BAD_OPTION', '--port', `must be a whole number 0–65535 (got "${o.port}")`);
    const ttl = Number(o['cache-ttl'] ?? 10);
    if (!Number.isFinite(ttl) || ttl < 0)
      throw fail('BAD_OPTION', '--cache-ttl', `must be a number of seconds ≥ 0 (got "${o['cache-ttl']}")`);
    const webRoot = o.web ?? DEFAULT_WEB;
    if (o.web && !existsSync(o.web)) throw fail('FILE_NOT_FOUND', o.web);
    const store = await openStore(o.db, { env: ctx.env, cwd: ctx.cwd });
    // A mistyped --db creates a new archive: an empty web app with no word about it looks broken.
    if ((await store.stats()).articles === 0) {
      const target = resolveDb(o.db, ctx.env);
      const file = target.replace(/^sqlite:/u, '');
      const where = isPostgresUrl(target)
        ? 'the PostgreSQL archive'
        : file === ':memory:'
          ? 'the in-memory archive'
          : `the archive at ${resolve(ctx.cwd, file)}`;
      write(
        ctx.stderr,
        `khabar: ${where} is empty: add articles with \`khabar ingest FILE${o.db ? ' --db …' : ''}\` (or \`npm start\` for the examples)`,
      );
    }
    const pkg = await import('../../../package.json', { with: { type: 'json' } });
    const token = ctx.env.KHABAR_TOKEN?.trim() || undefined;
    const app = createApp({
      store,
      webRoot,
      version: pkg.default.version,
      cache: ttl > 0 ? { ttlMs: ttl * 1000 } : false,
      ...(token ? { token } : {}),
    });
    const server = serve({ fetch: app.fetch, hostname: host, port });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, host, port)));
    });
    const addr = server.address() as AddressInfo;
    write(
      ctx.stdout,
      `khabar: serving http://${host}:${addr.port}/ (API /api, ${store.kind} store${token ? ', ingest enabled' : ''}${
        existsSync(webRoot) ? '' : '; web app not built: run npm run build:web'
      })`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await store.close();
    return 0;
  },
};
