import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decode } from '../../src/ingest/decode.ts';

const ARABIC =
  'قال وزير الخارجية إن المحادثات مع الوفد الضيف كانت مثمرة، وإن الطرفين اتفقا على لقاء جديد في ظرف أسبوعين لبحث ملف الغاز والطاقة.';

for (const enc of ['windows-1256', 'iso-8859-6'] as const) {
  test(`decode: ${enc} Arabic is recognised and decoded, with an info message`, () => {
    const d = decode(iconv.encode(ARABIC, enc), 'a.txt');
    assert.equal(d.encoding, enc);
    assert.equal(d.text, ARABIC);
    assert.equal(d.messages[0]?.ruleId, 'ingest/encoding-converted');
    assert.equal(d.messages[0]?.severity, 'info');
    assert.match(d.messages[0]!.reason, /a\.txt.*UTF-8/);
  });
}

test('decode: UTF-8 plain and with BOM (BOM stripped, no message)', () => {
  const plain = decode(Buffer.from(ARABIC, 'utf8'), 'a');
  assert.deepEqual([plain.encoding, plain.text, plain.messages.length], ['utf-8', ARABIC, 0]);
  const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC, 'utf8')]), 'a');
  assert.equal(bom.text, ARABIC);
  assert.equal(bom.encoding, 'utf-8');
});

test('decode: UTF-16LE and UTF-16BE with BOM, and UTF-16LE without BOM', () => {
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const d = decode(iconv.encode(ARABIC, enc, { addBOM: true }), 'a');
    assert.equal(d.encoding, enc);
    assert.equal(d.text, ARABIC);
  }
  const nobom = decode(iconv.encode(ARABIC, 'utf-16le'), 'a');
  assert.equal(nobom.encoding, 'utf-16le');
  assert.equal(nobom.text, ARABIC);
});

test('decode: binary bytes are an error message with empty text', () => {
  const d = decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'p.png');
  assert.equal(d.encoding, 'binary');
  assert.equal(d.text, '');
  assert.equal(d.messages[0]?.severity, 'error');
});

test('decode: Latin-1 text is not mistaken for Arabic', () => {
  const s = 'café résumé à la carte, naïve façade, très bien';
  const d = decode(iconv.encode(s, 'latin1'), 'l.txt');
  assert.notEqual(d.encoding, 'windows-1256');
  assert.notEqual(d.encoding, 'iso-8859-6');
  assert.equal(d.text, s);
});

test('decode: UTF-8 with one broken byte stays UTF-8, with a warning', () => {
  const good = Buffer.from(ARABIC, 'utf8');
  let at = 41;
  while ((good[at]! & 0xc0) === 0x80) at++; // a character boundary
  const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
  const d = decode(bad, 'cut.txt');
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.messages[0]?.ruleId, 'ingest/invalid-utf8');
  assert.equal(d.text.replace('\uFFFD', ''), ARABIC);
});
