// The events tokenizer's word cache (an open-addressing table keyed by a hash computed while the
// word is scanned) and the per-word test answers kept on it: the same answers as computing afresh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeAt } from '../../src/analyze/events/places.ts';
import { candidates, norm, tokenizeSpan } from '../../src/analyze/events/text.ts';
import { wordHas, wordTest } from '../../src/analyze/events/words.ts';

test('a word met again in another text shares its analysis; its surface is the text’s, in place', () => {
  const a = 'قال الوزير إن الاجتماع كان مثمرًا.';
  const b = 'وفي سياق آخر، قال الوزير: «الاجتماع مهم».';
  const ta = tokenizeSpan(a, 0, a.length);
  const tb = tokenizeSpan(b, 0, b.length);
  const find = (toks: ReturnType<typeof tokenizeSpan>, raw: string) => toks.find((t) => t.raw === raw)!;
  assert.equal(find(ta, 'الوزير').w, find(tb, 'الوزير').w);
  for (const [text, toks] of [
    [a, ta],
    [b, tb],
  ] as const)
    for (const t of toks) {
      assert.equal(t.raw, text.slice(t.start, t.end));
      // the surface comes from the cache, not cut out of the text again
      if (!t.punct) assert.equal(t.raw, t.w.raw);
    }
});

test('words one letter, one mark or one clitic apart get analyses of their own', () => {
  const words = ['قال', 'قالت', 'قَال', 'وقال', 'فقال', 'قآل', 'قاله', 'قالة', 'لقال'];
  const text = words.join(' ');
  const toks = tokenizeSpan(text, 0, text.length);
  assert.deepEqual(
    toks.map((t) => t.raw),
    words,
  );
  for (const t of toks) {
    assert.equal(t.n, norm(t.raw));
    assert.deepEqual(t.cands, candidates(norm(t.raw), t.raw.endsWith('ة')).cands);
  }
});

test('thousands of distinct words (the table grows) each find their own analysis again', () => {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const words: string[] = [];
  for (let k = 0; k < 6000; k++) {
    let w = '';
    for (let x = k + 29; x > 0; x = Math.floor(x / 29)) w += letters[x % 29];
    words.push(w);
  }
  const text = words.join(' ');
  const first = tokenizeSpan(text, 0, text.length);
  const again = tokenizeSpan(text, 0, text.length);
  assert.equal(first.length, words.length);
  first.forEach((t, k) => {
    assert.equal(t.raw, words[k]);
    assert.equal(t.n, norm(words[k]!));
    assert.equal(again[k]!.w, t.w);
  });
});

test('per-word tests answer as the test itself on every token, punctuation included', () => {
  const re = /^(?:ال)?(?:مفروض|مفروضه)$|^،$/;
  const imposed = wordTest(re);
  const inProtest = wordHas('احتجاجا');
  const text = 'رفع حظر التجول المفروض، والمفروضة احتجاجًا واحتجاجا؛ مفروض، (المفروض) احتجاج.';
  for (let round = 0; round < 2; round++)
    for (const t of tokenizeSpan(text, 0, text.length)) {
      assert.equal(imposed(t), re.test(t.n), t.raw);
      assert.equal(inProtest(t), t.cands.includes('احتجاجا'), t.raw);
    }
  assert.throws(() => wordTest(/مفروض/g), /keeps state/);
});

test('a place is found by its word’s cached candidate forms, clitics stripped, as before', () => {
  const text = 'وصل الوفد إلى بالمهدية ثم إلى سيدي بوزيد';
  const toks = tokenizeSpan(text, 0, text.length);
  for (let round = 0; round < 2; round++) {
    const found = toks.map((_, k) => placeAt(toks, k)).filter(Boolean);
    assert.deepEqual(
      found.map((p) => p!.country),
      ['TUN', 'TUN'],
    );
  }
});
