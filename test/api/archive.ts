/**
 * An API over a fresh SQLite archive in a temp folder, its articles posted through
 * POST /api/ingest as NDJSON (as a user's would be); the response cache off.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

export interface IngestedArchive {
  store: Store;
  app: Hono;
  close(): Promise<void>;
}

export async function ingestedArchive(name: string, ndjson: string): Promise<IngestedArchive> {
  const dir = mkdtempSync(join(tmpdir(), `khabar-${name}-`));
  const store = await openStore(join(dir, 'a.db'));
  const app = createApp({ store, token: 't', cache: false });
  const res = await app.request('/api/ingest', {
    method: 'POST',
    body: ndjson,
    headers: { 'Content-Type': 'application/x-ndjson', Authorization: 'Bearer t' },
  });
  assert.equal(res.status, 201, await res.clone().text());
  return {
    store,
    app,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
