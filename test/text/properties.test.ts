import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Strength, normalize, sentences, tokenize } from '../../src/text/index.ts';

/** Characters that stress the text core: Arabic letters, harakat, tatweel, controls, forms, digits, quotes. */
const ALPHABET = [
  ...'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةىٱ',
  ...'\u064B\u064E\u064F\u0650\u0651\u0652\u0670\u0640',
  ...'\u200B\u200C\u200D\u200E\u200F\u061C\u2066\u2069\u202B\u202C\uFEFF\u00AD',
  ...'\uFEFB\uFEF7\uFEF9\uFEF5\uFDF2\uFE8E\uFB8E\uFBFC\uFE70\uFC5E',
  ...'یکۀ٠١٢٣۴۵٫٬٪0123456789',
  ...'.,;:!?،؛؟«»"“”‘’\'()-#@_/',
  ...'abcXYZéw',
  ...' \n\t\u00A0',
  '\uD83D\uDE00',
  'http://',
  'www.',
  'د.',
  '12.5',
];
const arabicish = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((a) => a.join(''));
const anyText = fc.oneof(
  arabicish,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const strengths: Strength[] = ['display', 'match'];

test('token offsets slice the original text back exactly, in order, without overlap', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      let last = 0;
      for (const t of tokenize(text)) {
        assert.equal(text.slice(t.start, t.end), t.text);
        assert.ok(t.start >= last && t.end > t.start, `bad span ${t.start}-${t.end}`);
        last = t.end;
      }
    }),
    { numRuns: 2000 },
  );
});

test('tokens cover every character except white space and invisible format characters', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const covered = new Uint8Array(text.length);
      for (const t of tokenize(text)) covered.fill(1, t.start, t.end);
      for (let i = 0; i < text.length; i++) {
        if (covered[i]) continue;
        assert.match(
          text[i]!,
          /[\s\p{Cf}]/u,
          `uncovered ${JSON.stringify(text[i])} at ${i} in ${JSON.stringify(text)}`,
        );
      }
    }),
    { numRuns: 2000 },
  );
});

test('normalize is idempotent for both strengths', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom(...strengths), (text, strength) => {
      const once = normalize(text, { strength }).text;
      assert.equal(normalize(once, { strength }).text, once);
    }),
    { numRuns: 3000 },
  );
});

test('expansions (ﷺ, ﷲ, ﻻ) never lose text, even before a long plain tail', () => {
  const expanding = fc.array(fc.constantFrom('\uFDFA', '\uFDF2', '\uFEFB', 'ا', ' ', 'ـ'), { maxLength: 40 });
  fc.assert(
    fc.property(expanding, fc.nat({ max: 600 }), fc.constantFrom(...strengths), (parts, tail, strength) => {
      const all = [...parts, ...Array.from({ length: tail }, () => 'ب')];
      const text = all.join('');
      const n = normalize(text, { strength });
      const expected = all.map((p) => normalize(p, { strength }).text).join('');
      assert.equal(n.text, expected);
      assert.equal(n.map[n.text.length], text.length);
    }),
    { numRuns: 500 },
  );
});

test('the offset map is monotone, in range, ends at the input length, and spans map back', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom(...strengths), (text, strength) => {
      const n = normalize(text, { strength });
      assert.equal(n.map.length, n.text.length + 1);
      assert.equal(n.map[n.text.length], text.length);
      for (let i = 0; i < n.text.length; i++) {
        assert.ok(n.map[i]! >= 0 && n.map[i]! < text.length);
        assert.ok(n.map[i]! <= n.map[i + 1]!);
      }
      // every output token maps to a source span whose own normalization is the token
      for (const t of tokenize(n.text)) {
        const [s, e] = n.toSource([t.start, t.end]);
        assert.ok(s >= 0 && s < e && e <= text.length);
        assert.ok(normalize(text.slice(s, e), { strength }).text.includes(t.text));
      }
    }),
    { numRuns: 1500 },
  );
});

const clause = fc
  .array(fc.constantFrom(...'ابتسملنوي '), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''));

test('sentences never split inside a decimal number or inside «…»', () => {
  fc.assert(
    fc.property(clause, clause, clause, fc.constantFrom('.', '؟', '!', '؛', '?'), (a, b, c, mark) => {
      const decimal = `ب${a}12.5${b}`;
      const quoted = `«${a}${mark} ${b}${mark}»`;
      const text = `${decimal} ${quoted} ${c}.`;
      const spans = sentences(text);
      const d0 = text.indexOf('12.5');
      const q0 = text.indexOf('«');
      const q1 = text.indexOf('»');
      for (const s of spans) {
        assert.ok(!(s.start > d0 && s.start < d0 + 4), 'split inside 12.5');
        assert.ok(!(s.start > q0 && s.start <= q1), `split inside quotes: ${JSON.stringify(text)}`);
        assert.ok(!(s.end > q0 && s.end <= q1), `split inside quotes: ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 1000 },
  );
});

test('sentence spans are trimmed, non-empty, ordered and disjoint', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      let last = 0;
      for (const s of sentences(text)) {
        assert.ok(s.start >= last && s.end > s.start && s.end <= text.length);
        assert.doesNotMatch(text[s.start]!, /\s/u);
        assert.doesNotMatch(text[s.end - 1]!, /\s/u);
        last = s.end;
      }
    }),
    { numRuns: 2000 },
  );
});
