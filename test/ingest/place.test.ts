import assert from 'node:assert/strict';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { lineAt, placeState } from '../../src/ingest/place.ts';
import { tempDir } from '../helpers.ts';
import { arabicArticle } from './fixtures.ts';

test('lineAt reads line N as the JSONL reader (readline) numbers it: \\n, \\r\\n and a lone \\r end a line', async () => {
  const dir = tempDir('khabar-line-at-');
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(file, '\uFEFF{"a":1}\r\n\n{"b":"ب"}\r{"c":3}\n\r\n{"d":"\u2028"}\r\n{"e":5}');
  const lines: string[] = [];
  for await (const l of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  }))
    lines.push(l);
  assert.equal(lines.length, 7);
  for (let n = 1; n <= lines.length; n++) assert.equal(await lineAt(file, n), lines[n - 1], `line ${n}`);
  assert.equal(await lineAt(file, 8), undefined);
  assert.equal(await lineAt(file, 0), undefined);
  // the file changed: the index is built again
  writeFileSync(file, 'x\ny\n');
  assert.deepEqual([await lineAt(file, 2), await lineAt(file, 3)], ['y', undefined]);
});

test('placeState: gone, other, same, remote', async () => {
  const dir = tempDir('khabar-place-');
  const text = arabicArticle(961, 3);
  const a = { text };
  writeFileSync(join(dir, 'a.txt'), text);
  writeFileSync(join(dir, 'b.txt'), arabicArticle(962, 3));
  writeFileSync(
    join(dir, 'd.jsonl'),
    `${JSON.stringify({ text: arabicArticle(962, 3) })}\n${JSON.stringify({ text })}\n`,
  );
  assert.equal(await placeState(join(dir, 'a.txt'), 'text', a), 'same');
  assert.equal(await placeState(join(dir, 'b.txt'), 'text', a), 'other');
  assert.equal(await placeState(join(dir, 'c.txt'), 'text', a), 'gone');
  assert.equal(await placeState(join(dir, 'd.jsonl:2'), 'jsonl', a), 'same');
  assert.equal(await placeState(join(dir, 'd.jsonl:1'), 'jsonl', a), 'other');
  assert.equal(await placeState(join(dir, 'd.jsonl:3'), 'jsonl', a), 'other');
  assert.equal(await placeState(join(dir, 'e.jsonl:2'), 'jsonl', a), 'gone');
  assert.equal(await placeState('https://news.example/a', 'html', a), 'remote');
  assert.equal(await placeState('-', 'text', a), 'remote');
  assert.equal(await placeState('-:3', 'jsonl', a), 'remote');
});
