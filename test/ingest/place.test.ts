import assert from 'node:assert/strict';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lineAt, placeState } from '../../src/ingest/place.ts';
import { Readable } from 'node:stream';
import { countJsonlItems, jsonlSource, scanLines, textLines } from '../../src/ingest/sources/jsonl.ts';
import { mulberry32 } from '../../src/text/random.ts';
import { tempDir } from '../helpers.ts';
import { arabicArticle } from './fixtures.ts';

test('lineAt reads line N as the JSONL reader (textLines) numbers it: \\n, \\r\\n and a lone \\r end a line', async () => {
  const dir = tempDir('khabar-line-at-');
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(file, '\uFEFF{"a":1}\r\n\n{"b":"ب"}\r{"c":3}\n\r\n{"d":"\u2028"}\r\n{"e":5}');
  const lines: string[] = [];
  for await (const l of textLines(createReadStream(file))) lines.push(l);
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

test('scanLines splits and judges blank lines as the JSONL reader does, whatever the chunk size; countJsonlItems is what jsonlSource yields', async () => {
  const dir = tempDir('khabar-scan-lines-');
  const file = join(dir, 'x.jsonl');
  const pieces = [
    '{"text":"خبر"}',
    'ب',
    ' ',
    '\t',
    '\n',
    '\r',
    '\r\n',
    '\u00a0',
    '\uFEFF',
    '\u2028',
    '\u3000',
    'x',
    '\f',
  ];
  const r = mulberry32(7);
  for (let round = 0; round < 150; round++) {
    let content = '';
    const len = Math.floor(r() * 25);
    for (let k = 0; k < len; k++) content += pieces[Math.floor(r() * pieces.length)];
    writeFileSync(file, content);
    const want: string[] = [];
    for await (const l of textLines(createReadStream(file)))
      want.push(`${JSON.stringify(l)}:${!l.replace(/^\uFEFF/u, '').trim()}`);
    const bytes = Buffer.from(content);
    for (const chunk of [1, 2, 3, 5, 64]) {
      const got: string[] = [];
      await scanLines(
        file,
        (s, e, blank) => got.push(`${JSON.stringify(bytes.subarray(s, e).toString('utf8'))}:${blank}`),
        chunk,
      );
      assert.deepEqual(got, want, `${JSON.stringify(content)} in chunks of ${chunk}`);
    }
    let items = 0;
    for await (const _ of jsonlSource({ stream: createReadStream(file), name: file })) items++;
    assert.equal(await countJsonlItems(file), items, JSON.stringify(content));
  }
});

test('textLines: \\n, \\r\\n and a lone \\r end a line, whatever the chunks; U+2028 and U+2029 do not (Node 24 readline cut there)', async () => {
  const content = '\uFEFF{"a":"x\u2028y"}\r\n\n{"b":"\u2029"}\r{"c":3}\n\r\n{"d":"ب"}\r';
  const want = ['\uFEFF{"a":"x\u2028y"}', '', '{"b":"\u2029"}', '{"c":3}', '', '{"d":"ب"}'];
  const bytes = Buffer.from(content);
  for (const size of [1, 2, 3, 7, 1000]) {
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    const got: string[] = [];
    for await (const l of textLines(Readable.from(chunks))) got.push(l);
    assert.deepEqual(got, want, `chunks of ${size}`);
  }
  // a JSONL record holding a raw U+2028 in a string is one record, not two halves refused
  const dir = tempDir('khabar-u2028-');
  const file = join(dir, 'a.jsonl');
  writeFileSync(
    file,
    `${JSON.stringify({ text: `${arabicArticle(1200, 2)}\u2028${arabicArticle(1201, 1)}` })}\n`,
  );
  const items = [];
  for await (const item of jsonlSource({ stream: createReadStream(file), name: file })) items.push(item);
  assert.deepEqual(
    items.map((i) => i.kind),
    ['article'],
  );
});
