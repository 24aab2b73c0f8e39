import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  analyzeText,
  analyzeWord,
  IndexBuilder,
  indexColumns,
  loanKey,
  matchWord,
} from '../../src/search/analyze.ts';
import { makeSnippet } from '../../src/search/snippet.ts';

const stemOf = (w: string) => analyzeWord(w)!.stem;

describe('search analyzer', () => {
  it('morphological variants share a stem: article, clitics, plurals, adjectives', () => {
    for (const group of [
      ['الاستراتيجية', 'استراتيجي', 'والاستراتيجيات', 'استراتيجية', 'للاستراتيجية', 'استراتيجيًا'],
      ['العلاقات', 'علاقات', 'والعلاقات', 'علاقة', 'بالعلاقة'],
      ['الحكومة', 'حكومة', 'الحكومات', 'وللحكومة'],
      ['الاقتصادي', 'اقتصادية', 'والاقتصادية'],
    ]) {
      const stems = new Set(group.map(stemOf));
      assert.equal(stems.size, 1, `${group.join(' ')} → ${[...stems].join(' ')}`);
    }
  });

  it('hamza seats, taa marbuta, alef maqsura and harakat fold', () => {
    assert.equal(stemOf('مسئول'), stemOf('مسؤول'));
    assert.equal(stemOf('المسئولين'), stemOf('المسؤولون'));
    assert.equal(analyzeWord('مدرسة')!.form, analyzeWord('مدرسه')!.form);
    assert.equal(analyzeWord('إيران')!.form, analyzeWord('ايران')!.form);
    assert.equal(analyzeWord('مُسْتَشْفَى')!.form, analyzeWord('مستشفي')!.form);
    assert.equal(analyzeWord('وإيران')!.bare, analyzeWord('إيران')!.bare);
  });

  it('keeps words that only look like clitic + word whole', () => {
    assert.equal(analyzeWord('وزارة')!.bare, matchWord('وزارة'));
    assert.equal(analyzeWord('فرنسا')!.bare, matchWord('فرنسا'));
    assert.equal(analyzeWord('الله')!.bare, matchWord('الله'));
  });

  it('Latin names and their Arabic spelling share a key', () => {
    for (const [lat, ar] of [
      ['Larijani', 'لاريجاني'],
      ['Naqvi', 'نقوي'],
      ['Araghchi', 'عراقجي'],
      ['Pakistan', 'باكستان'],
      ['Muscat', 'مسقط'],
    ] as const) {
      assert.equal(analyzeWord(lat)!.latin, analyzeWord(ar)!.latin, `${lat} / ${ar}`);
    }
  });

  it('property: terms point back at their words, hold only letters and digits, and do not depend on context', () => {
    const word = fc
      .array(fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءَُِّْ'.split('')), {
        minLength: 1,
        maxLength: 8,
      })
      .map((xs) => xs.join(''));
    const text = fc
      .array(fc.oneof(word, fc.constantFrom('Ali', '12.5', '#وسم', '،', '-', '\n')), { maxLength: 12 })
      .map((xs) => xs.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const terms = analyzeText(t);
        const cols = indexColumns(terms);
        for (const col of [cols.forms, cols.bare, cols.stems])
          assert.equal(col ? col.split(' ').length : 0, terms.length);
        for (const term of terms) {
          const surface = t.slice(term.start, term.end);
          const alone = analyzeWord(surface, term.start)!;
          assert.deepEqual(alone, term);
          for (const x of [term.form, term.bare, term.stem]) assert.match(x, /^[\p{L}\p{N}]+$/u);
          assert.equal(matchWord(term.form), term.form);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('snippets cut around the hits and highlight them', () => {
    const text = `${'كلام تمهيدي طويل '.repeat(30)}ثم جاء ذكر الاستراتيجية الجديدة في آخر النص.`;
    const s = makeSnippet(text, [
      { form: 'استراتيجيه', bare: 'استراتيجيه', stem: stemOf('استراتيجية'), latin: '', prefix: false },
    ]);
    assert.ok(s.snippet.startsWith('… '));
    assert.equal(s.highlights.length, 1);
    const [a, b] = s.highlights[0]!;
    assert.equal(s.snippet.slice(a, b), 'الاستراتيجية');
  });

  it('a loanword key folds the letters writers swap, for words that look foreign only', () => {
    const key = (w: string) => analyzeWord(w)!.loan;
    for (const [a, b] of [
      ['جوتيريش', 'غوتيريش'],
      ['جوجل', 'غوغل'],
      ['قوقل', 'كوكل'],
      ['فولفو', 'ڤولفو'],
      ['بيتر', 'پيتر'],
      ['والجوجل', 'غوغل'],
    ]) {
      assert.notEqual(key(a!), '', a);
      assert.equal(key(a!), key(b!), `${a} / ${b}`);
    }
    // Arabic roots and derived patterns keep their letters: no key, so no swap.
    for (const w of [
      'قال',
      'جمال',
      'كمال',
      'الغرب',
      'جيش',
      'قوات',
      'جولة',
      'مقال',
      'إلغاء',
      'تشكيل',
      'غريبا',
      'يوجد',
    ])
      assert.equal(key(w), '', w);
    assert.equal(loanKey('ليلى'), '', 'no swapped letter, no key');
    // Two words written apart give the pair's key in the index.
    const cols = indexColumns(analyzeText('قالت فولكس فاجن اليوم'));
    assert.ok(cols.latin.split(' ').includes(analyzeWord('فولكسفاغن')!.loan), cols.latin);
  });

  it('snippets highlight a loanword in its other spelling', () => {
    const text = 'أطلقت شركة غوغل خدمة جديدة.';
    const t = analyzeWord('جوجل')!;
    const s = makeSnippet(text, [
      { form: t.form, bare: t.bare, stem: t.stem, latin: t.latin, loan: t.loan, prefix: false },
    ]);
    assert.equal(s.highlights.length, 1);
    const [a, b] = s.highlights[0]!;
    assert.equal(s.snippet.slice(a, b), 'غوغل');
  });
});

it('IndexBuilder.columnsAndForms: the columns and the forms from a term on, as columns() and formsFrom()', () => {
  const texts = [
    ['وزير الخارجية يزور عمّان', 'وقال الوزير للصحفيين إن 25 مسؤولا زاروا Kuala-Lumpur.'],
    ['...', 'نص بلا عنوان من كلمات.'],
    ['عنوان وحده', '!!! ...'],
    ['', ''],
    ['؟', '—'],
  ] as const;
  for (const [title, body] of texts) {
    const b = new IndexBuilder().add(title);
    const from = b.size;
    b.add(body);
    const got = b.columnsAndForms(from);
    assert.deepEqual(got.columns, b.columns(), `${title} | ${body}`);
    assert.equal(got.forms, b.formsFrom(from), `${title} | ${body}`);
  }
});
