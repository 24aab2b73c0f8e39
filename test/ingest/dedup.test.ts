import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { DedupIndex, dedupWords, estimateJaccard, fingerprint } from '../../src/ingest/dedup.ts';
import { U32MultiMap } from '../../src/ingest/u32map.ts';
import { arabicArticle } from './fixtures.ts';

// Own writing: one story, its re-publication by another outlet (new first line, a
// sentence changed, a tail added), and a different story on the same subject.
const STORY = `عقد وزير الخارجية اجتماعا مطولا مع نظيره القادم من العاصمة المجاورة صباح اليوم، وبحث الجانبان سبل تعزيز التبادل التجاري بين البلدين وتوسيع الرحلات الجوية المباشرة.
وقال الوزير في مؤتمر صحفي مشترك إن العلاقات الثنائية تمر بأفضل مراحلها، وإن البلدين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر لمتابعة تنفيذ الاتفاقيات الموقعة.
من جانبه، أعرب الضيف عن تقديره لحفاوة الاستقبال، مؤكدا أن بلاده ترغب في رفع حجم الاستثمارات المتبادلة خلال السنوات الخمس المقبلة، وأن الشركات الخاصة ستلعب دورا محوريا في ذلك.
وفي ختام اللقاء وقع الوزيران مذكرة تفاهم في مجال التعليم العالي تتيح تبادل الطلاب والأساتذة بين الجامعات.`;

const REPUBLISHED = `متابعات - وكالة الأنباء المحلية: عقد وزير الخارجية اجتماعا مطولا مع نظيره القادم من العاصمة المجاورة صباح اليوم الثلاثاء، وبحث الجانبان سبل تعزيز التبادل التجاري بين البلدين وتوسيع الرحلات الجوية المباشرة.
وقال الوزير في مؤتمر صحفي مشترك إن العلاقات الثنائية تمر بأفضل مراحلها، وإن البلدين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر لمتابعة تنفيذ الاتفاقيات الموقعة.
من جانبه، أعرب الضيف عن تقديره لحفاوة الاستقبال، مؤكدا أن بلاده ترغب في رفع حجم الاستثمارات المتبادلة خلال السنوات الخمس المقبلة، وأن الشركات الخاصة ستلعب دورا محوريا في ذلك.
وفي ختام اللقاء وقّع الوزيران مذكرة تفاهم في مجال التعليم العالي تتيح تبادل الطلاب والأساتذة بين الجامعات.
اقرأ المزيد: الوزير يستقبل سفراء الدول المعتمدين`;

const SAME_SUBJECT = `استقبل وزير الخارجية ضيفه في مقر الوزارة، حيث ناقشا ملفات التجارة والطيران. وأشار بيان رسمي صدر بعد اللقاء إلى أن الطرفين ينويان إنشاء لجنة للمتابعة، فيما قال مسؤول في الوفد الزائر إن الاستثمارات ستزداد. ولم يكشف البيان عن موعد الزيارة المقبلة، لكنه ذكر أن مذكرة في التعليم وقعت قبل مغادرة الضيف.`;

test('dedupWords folds diacritics, tatweel and letter variants', () => {
  assert.deepEqual(dedupWords('وقّع الـــوزيرُ مذكرةً، إلى أيّ'), ['وقع', 'الوزير', 'مذكره', 'الي', 'اي']);
});

/** dedupWords by its definition (regexes over the whole text): what the one-pass version must equal. */
function dedupWordsReference(text: string): string[] {
  const fold: Record<string, string> = {
    أ: 'ا',
    إ: 'ا',
    آ: 'ا',
    ٱ: 'ا',
    ى: 'ي',
    ة: 'ه',
    ؤ: 'و',
    ئ: 'ي',
    ک: 'ك',
    ی: 'ي',
  };
  const base = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text) ? text.normalize('NFKC') : text;
  const folded = base.replace(/[\p{M}\u0640أإآٱىةؤئکی]/gu, (c) => fold[c] ?? '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

test('dedupWords equals its regex definition: every code unit of the table, case and context (property)', () => {
  // Arabic with harakat, tatweel, ZWNJ and bidi marks, Latin with accents and capitals,
  // Greek capital sigma (context-dependent lower case), «İ» (two code units in lower case),
  // presentation forms (NFKC), an astral character, punctuation and spaces.
  const pool = [
    ...'وقّع الـــوزيرُ مذكرةً، إلى أيّ «الإمارات» ٱلله ؤ ئ ک ی ٠١٢٣ ۴۵',
    ...'Éric MÜLLER’s Café-au-lait, NAÏVE 42nd ΟΔΟΣ Σ. İstanbul ǅ ß ﷲ ﻻ 𝐀 🙂',
    '\u200c',
    '\u200f',
    '\u00a0',
    '\u0640',
    '\u0670',
    '\n',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (chars) => {
      const text = chars.join('');
      assert.deepEqual(dedupWords(text), dedupWordsReference(text));
    }),
    { numRuns: 3000 },
  );
  // Each code unit below the table's end alone and between letters (marks join words).
  for (let c = 0; c < 0x2200; c++) {
    const ch = String.fromCharCode(c);
    for (const text of [ch, `ab${ch}cd`, `با${ch}ﺏ`, `Σ${ch}`])
      assert.deepEqual(
        dedupWords(text),
        dedupWordsReference(text),
        `U+${c.toString(16)} in ${JSON.stringify(text)}`,
      );
  }
});

test('dedupWords equals its regex definition on every ANT article', (t) => {
  const path = new URL('../../../shared/data/ant/ant.jsonl', import.meta.url);
  if (!existsSync(path)) {
    t.skip('../shared/data/ant/ant.jsonl is absent (the ANT corpus lives in the shared data folder)');
    return;
  }
  let n = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text?: string; title?: string };
    for (const text of [r.text, r.title]) {
      if (!text) continue;
      assert.deepEqual(dedupWords(text), dedupWordsReference(text));
      n++;
    }
  }
  assert.ok(n > 10_000, `${n} texts compared`);
});

test('exact duplicate: same words, different diacritics and punctuation', () => {
  const idx = new DedupIndex();
  idx.add('a', fingerprint(STORY));
  const again = STORY.replace(/،/g, ' ,').replace('وقع', 'وقّع');
  assert.deepEqual(idx.check(fingerprint(again)), { kind: 'duplicate', of: 'a' });
  // under its own id it is the same article again (re-ingest)
  assert.deepEqual(idx.check(fingerprint(again), 'a'), { kind: 'same' });
  assert.deepEqual(
    idx.check(fingerprint(REPUBLISHED), 'a'),
    { kind: 'new' },
    'an updated text of the same id',
  );
});

test('the re-published story is a near-duplicate; a different story on the subject is not', () => {
  const idx = new DedupIndex();
  idx.add('story', fingerprint(STORY));
  const v = idx.check(fingerprint(REPUBLISHED));
  assert.equal(v.kind, 'near-duplicate');
  assert.equal(v.kind === 'near-duplicate' && v.of, 'story');
  assert.deepEqual(idx.check(fingerprint(SAME_SUBJECT)), { kind: 'new' });
});

test('generated articles are distinct from each other, each finds its own edited copy', () => {
  const idx = new DedupIndex();
  const n = 300;
  for (let i = 0; i < n; i++) idx.add(`g${i}`, fingerprint(arabicArticle(i, 6)));
  let falsePositives = 0;
  for (let i = n; i < 2 * n; i++)
    if (idx.check(fingerprint(arabicArticle(i, 6))).kind !== 'new') falsePositives++;
  assert.ok(falsePositives <= 3, `${falsePositives} unrelated articles flagged`);
  let found = 0;
  for (let i = 0; i < 50; i++) {
    const text = `${arabicArticle(i, 6)}\n\nتابعونا على مواقع التواصل الاجتماعي لمزيد من الأخبار.`;
    const v = idx.check(fingerprint(text));
    if (v.kind === 'near-duplicate' && v.of === `g${i}`) found++;
  }
  assert.ok(found >= 48, `only ${found}/50 edited copies found`);
});

test('MinHash estimate tracks true Jaccard (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 30 }), (seed, cut) => {
      const a = arabicArticle(seed, 6);
      const words = a.split(/\s+/);
      const b = words.slice(cut).join(' ');
      const fa = fingerprint(a);
      const fb = fingerprint(b);
      const sh = (ws: string[]) => {
        const s = new Set<string>();
        for (let i = 0; i + 3 <= ws.length; i++) s.add(ws.slice(i, i + 3).join(' '));
        return s;
      };
      const A = sh(dedupWords(a));
      const B = sh(dedupWords(b));
      let inter = 0;
      for (const x of A) if (B.has(x)) inter++;
      const j = inter / (A.size + B.size - inter);
      return Math.abs(estimateJaccard(fa.sig, fb.sig) - j) < 0.2;
    }),
    { numRuns: 60 },
  );
});

test('U32MultiMap keeps every value under a key across growth', () => {
  const m = new U32MultiMap(4);
  for (let i = 0; i < 5000; i++) m.add(i % 97, i);
  assert.equal(m.size, 5000);
  const got = m.get(5).sort((x, y) => x - y);
  assert.deepEqual(
    got,
    Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 97 === 5),
  );
  assert.deepEqual(m.get(1234), []);
});

test('the index keeps finding its articles as it grows (hex and other ids)', () => {
  const idx = new DedupIndex();
  const n = 3000;
  const id = (i: number) => (i % 3 === 0 ? `doc-${i}` : i.toString(16).padStart(16, '0'));
  for (let i = 0; i < n; i++) idx.add(id(i), fingerprint(arabicArticle(20_000 + i, 5)));
  assert.equal(idx.size, n);
  for (const i of [0, 1, 2, 1234, 2998, 2999]) {
    const text = arabicArticle(20_000 + i, 5);
    assert.deepEqual(idx.check(fingerprint(text), id(i)), { kind: 'same' });
    assert.deepEqual(idx.check(fingerprint(text)), { kind: 'duplicate', of: id(i) });
    const v = idx.check(fingerprint(`${text}\n\nتابعونا لمزيد من الأخبار والتقارير.`));
    assert.equal(v.kind === 'near-duplicate' && v.of, id(i));
  }
});
