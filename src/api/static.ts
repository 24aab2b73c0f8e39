/** Serves the built web app (web/dist) with an SPA fallback to index.html. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import type { CachedResponse } from './cache.ts';
import { finish, makeEntry } from './http-cache.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files read once (and again when they change), with their ETag and gzipped bytes. */
const memo = new Map<string, { mtimeMs: number; size: number; entry: CachedResponse }>();

async function file(path: string): Promise<CachedResponse | undefined> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return undefined;
    const m = memo.get(path);
    if (m && m.mtimeMs === s.mtimeMs && m.size === s.size) return m.entry;
    const entry = makeEntry(
      new Uint8Array(await readFile(path)),
      TYPES[extname(path)] ?? 'application/octet-stream',
    );
    if (memo.size > 500) memo.clear();
    memo.set(path, { mtimeMs: s.mtimeMs, size: s.size, entry });
    return entry;
  } catch {
    return undefined;
  }
}

/** A handler for GET requests outside /api: a file under `root`, else index.html. */
export function serveWeb(root: string) {
  const base = normalize(root + sep);
  return async (c: Context): Promise<Response> => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      rel = '/';
    }
    const target = normalize(join(base, rel));
    const inside = target.startsWith(base) && !rel.includes('\0');
    const body = inside && rel !== '/' ? await file(target) : undefined;
    if (body) {
      const immutable = rel.startsWith('/assets/');
      const headers = new Headers({
        'Content-Type': body.type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      finish(c, body, headers);
      return c.res;
    }
    // Missing assets are real 404s; any other path is a client-side route.
    if (rel.startsWith('/assets/') || extname(rel)) return c.text('Not Found', 404);
    const index = await file(join(base, 'index.html'));
    if (!index) {
      return c.text(
        'The web app is not built. Run `npm run build:web`, then restart `khabar serve`. The API is under /api.',
        503,
      );
    }
    finish(c, index, new Headers({ 'Content-Type': index.type, 'Cache-Control': 'no-cache' }));
    return c.res;
  };
}
