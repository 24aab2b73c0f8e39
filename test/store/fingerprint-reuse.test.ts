/**
 * The near-duplicate fingerprint is computed once: ingest's dedup index computes it, `put`
 * receives it (`PutOptions.fingerprint`) and the store files the article under its bands
 * without computing it again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DedupIndex, fingerprint, NUM_HASHES } from '../../src/ingest/dedup.ts';
import type { IngestItem } from '../../src/ingest/article.ts';
import { runIngest } from '../../src/jobs/runner.ts';
import { openStore } from '../../src/store/index.ts';
import { articleRows, dedupRows } from '../../src/store/rows.ts';
import type { PutOptions, Store } from '../../src/store/store.ts';
import { docs } from './fixtures.ts';

test('articleRows takes the caller’s fingerprint for the near-duplicate rows instead of computing it', () => {
  for (const d of docs()) {
    const own = articleRows(d);
    const given = articleRows(d, undefined, fingerprint(d.article.text));
    assert.deepEqual(given.dedup, own.dedup, d.article.id);
    assert.deepEqual(given.dedup, dedupRows(d.article.text), d.article.id);
  }
  // A fingerprint that is not the text's own shows which one was used.
  const d = docs()[0]!;
  const fake = { hash: '0', hashHi: 0, hashLo: 0, sig: new Uint32Array(NUM_HASHES), words: 1000 };
  const rows = articleRows(d, undefined, fake);
  assert.equal(rows.dedup.minhash, '00'.repeat(NUM_HASHES));
  assert.notEqual(rows.dedup.minhash, articleRows(d).dedup.minhash);
});

test('runIngest with a dedup index hands put the fingerprint it computed for the text', async () => {
  const store = await openStore(':memory:');
  const seen: Array<{ text: string; opts?: PutOptions }> = [];
  const spy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'put')
        return (doc: Parameters<Store['put']>[0], opts?: PutOptions) => {
          seen.push({ text: doc.article.text, ...(opts ? { opts } : {}) });
          return target.put(doc, opts);
        };
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  try {
    const list = docs();
    async function* items(): AsyncIterable<IngestItem> {
      for (const d of list) yield { kind: 'article', article: d.article } as IngestItem;
    }
    const byText = new Map(list.map((d) => [d.article.text, d]));
    await runIngest({
      store: spy,
      items: items(),
      dedup: new DedupIndex(),
      process: (a) => byText.get(a.text)!,
    });
    assert.equal(seen.length, list.length);
    for (const s of seen) assert.deepEqual(s.opts?.fingerprint, fingerprint(s.text));
  } finally {
    await store.close();
  }
});
