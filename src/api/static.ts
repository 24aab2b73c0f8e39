/** Serves the built web app (web/dist) with an SPA fallback to index.html. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

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

async function file(path: string): Promise<Buffer | undefined> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return undefined;
    return await readFile(path);
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
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
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
    return c.body(new Uint8Array(index), 200, {
      'Content-Type': TYPES['.html']!,
      'Cache-Control': 'no-cache',
    });
  };
}
