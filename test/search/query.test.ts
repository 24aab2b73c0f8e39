import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { analyzeText, indexColumns } from '../../src/search/analyze.ts';
import { compileQuery, fts5, tsquery } from '../../src/search/compile.ts';
import { metaTerms } from '../../src/search/filter-terms.ts';
import {
  calendarProblem,
  checkQuery,
  mergeFilters,
  parseQuery,
  queryErrors,
} from '../../src/search/query.ts';

describe('parseQuery', () => {
  it('reads words, phrases, operators, prefixes and groups', () => {
    assert.deepEqual(parseQuery('إيران باكستان').node, {
      kind: 'and',
      items: [
        { kind: 'word', text: 'إيران', prefix: false },
        { kind: 'word', text: 'باكستان', prefix: false },
      ],
    });
    assert.deepEqual(parseQuery('إيران OR باكستان').node?.kind, 'or');
    assert.deepEqual(parseQuery('-إيران').node, {
      kind: 'not',
      item: { kind: 'word', text: 'إيران', prefix: false },
    });
    assert.deepEqual(parseQuery('NOT إيران').node, {
      kind: 'not',
      item: { kind: 'word', text: 'إيران', prefix: false },
    });
    assert.deepEqual(parseQuery('«الشراكة الاستراتيجية»').node, {
      kind: 'phrase',
      text: 'الشراكة الاستراتيجية',
    });
    assert.deepEqual(parseQuery('استراتيج*').node, { kind: 'word', text: 'استراتيج', prefix: true });
    const g = parseQuery('(أ OR ب) ج').node;
    assert.equal(g?.kind, 'and');
    assert.equal(g?.kind === 'and' ? g.items[0]?.kind : '', 'or');
  });

  it('takes filters out of the query, quoted values and lists included', () => {
    const p = parseQuery(
      'التعاون country:IRN,PAK outlet:"إيران برس" type:consult from:2025-10 to:2025 section:key_points actor:لاريجاني',
    );
    assert.deepEqual(p.node, { kind: 'word', text: 'التعاون', prefix: false });
    assert.deepEqual(p.filters, {
      country: ['IRN', 'PAK'],
      outlet: ['إيران برس'],
      type: ['CONSULT'],
      from: '2025-10',
      to: '2025',
      section: ['key_points'],
      actor: ['لاريجاني'],
    });
    assert.deepEqual(p.warnings, []);
  });

  it('several values after a quoted one, quoted or not', () => {
    const p = parseQuery('x outlet:"وكالة السهل","صحيفة الواحة",abc');
    assert.deepEqual(p.filters.outlet, ['وكالة السهل', 'صحيفة الواحة', 'abc']);
    assert.deepEqual(p.node, { kind: 'word', text: 'x', prefix: false });
    assert.deepEqual(parseQuery('outlet:"a b",c y').filters.outlet, ['a b', 'c']);
  });

  it('warns about what it cannot read, and reads the rest; a date filter that is no date is an error', () => {
    const p = parseQuery('from:yesterday "غير مغلق');
    assert.equal(p.filters.from, undefined);
    assert.equal(p.warnings.length, 1);
    assert.match(p.warnings[0]!, /unclosed quote/);
    assert.deepEqual(p.errors, [
      'from:yesterday is not a date: write from:YYYY, from:YYYY-MM or from:YYYY-MM-DD, e.g. from:2025-10.',
    ]);
    assert.deepEqual(p.node, { kind: 'phrase', text: 'غير مغلق' });
    // An unknown field is an ordinary word.
    assert.deepEqual(parseQuery('http:x').node, { kind: 'word', text: 'http:x', prefix: false });
  });

  it('dates must be on the calendar: month 01–12, a day the month has', () => {
    assert.equal(calendarProblem('2017-12'), undefined);
    assert.equal(calendarProblem('2017'), undefined);
    assert.equal(calendarProblem('2024-02-29'), undefined, 'a leap day');
    assert.equal(calendarProblem('2025-01-31T10:00:00Z'), undefined);
    assert.equal(calendarProblem('2017-13'), '13 is not a month (01–12)');
    assert.equal(calendarProblem('2017-00-10'), '00 is not a month (01–12)');
    assert.equal(calendarProblem('2025-02-29'), 'February 2025 has no day 29 (01–28)');
    assert.equal(calendarProblem('2025-04-31T10:00'), 'April 2025 has no day 31 (01–30)');
    assert.equal(calendarProblem('2025-04-00'), 'April 2025 has no day 00 (01–30)');
    assert.match(
      parseQuery('x from:2017-13').errors.join(),
      /^from:2017-13 is not a date: 13 is not a month \(01–12\); write from:YYYY/,
    );
    assert.match(
      parseQuery('x to:2025-02-30').errors.join(),
      /^to:2025-02-30 is not a date: February 2025 has no day 30/,
    );
    assert.equal(parseQuery('x from:2017-13').filters.from, undefined);
  });

  it('queryErrors: an unknown country with the nearest names, dates given apart, a query that only excludes', () => {
    const errs = (q: string, apart = {}) => {
      const p = parseQuery(q);
      return queryErrors(p, mergeFilters(p.filters, apart));
    };
    assert.deepEqual(errs('التعاون country:IRN,إيران,Iran,iran,irn,السعودية from:2025-02-28'), []);
    const [atlantis] = errs('x country:Atlantis');
    assert.match(
      atlantis!,
      /^country:Atlantis is not a country khabar knows: give an ISO 3166-1 alpha-3 code/,
    );
    assert.doesNotMatch(atlantis!, /did you mean/, 'nothing near «Atlantis»');
    assert.match(errs('x country:إيرن').join(), /did you mean إيران \(IRN\)\?/);
    assert.match(errs('x country:Irann').join(), /did you mean Iran \(IRN\)/);
    assert.match(errs('x country:Saud').join(), /did you mean Saudi Arabia \(SAU\)\?/);
    assert.match(errs('x country:IRA').join(), /did you mean Iran \(IRN\), Iraq \(IRQ\)/);
    assert.match(errs('x', { country: ['XYZ'] }).join(), /^country:XYZ is not a country khabar knows/);
    assert.match(errs('x', { from: '2017-13' }).join(), /^from=2017-13 is not a date: 13 is not a month/);
    for (const q of [
      'NOT إيران',
      '-إيران',
      '-إيران -باكستان',
      'NOT (إيران OR باكستان)',
      '(-إيران) OR -باكستان',
    ]) {
      assert.match(errs(q).join(), /only excludes \(NOT, -\): a NOT needs something to search for/, q);
    }
    // Beside a word, a phrase or a filter, a NOT narrows a search: no error.
    for (const q of [
      'الاتفاق NOT إيران',
      '"وقف إطلاق النار" -غزة',
      'NOT إيران country:SAU',
      '-إيران from:2025-01',
    ]) {
      assert.deepEqual(errs(q), [], q);
    }
    assert.deepEqual(errs('-إيران', { type: ['AGREE'] }), [], 'a filter given apart counts');
    // type: and section: values that are no PLOVER type or section kind, with the nearest
    assert.deepEqual(errs('x type:consult section:KEY_POINTS,lead'), []);
    assert.match(
      errs('x type:CONSULTS').join(),
      /^type:CONSULTS is not a PLOVER event type: write one of AGREE, CONSULT, .*; did you mean CONSULT\?$/,
    );
    assert.match(
      errs('x type:attack').join(),
      /^type:ATTACK is not a PLOVER event type: write one of .*ASSAULT\.$/,
    );
    assert.match(
      errs('x section:keypoints').join(),
      /^section:keypoints is not a section kind: write one of lead, why_it_matters, .*; did you mean key_points\?$/,
    );
    assert.match(errs('x section:why').join(), /did you mean why_it_matters\?$/);
    assert.match(errs('x', { section: ['summary'] }).join(), /^section:summary is not a section kind/);
    assert.throws(() => checkQuery(parseQuery('NOT إيران'), {}), { code: 'BAD_QUERY' });
  });

  it('a NOT inside OR is dropped with a warning', () => {
    const c = compileQuery(parseQuery('أ OR -ب').node, fts5);
    assert.ok(c.match);
    assert.equal(c.warnings.length, 1);
  });

  it('a mistyped filter, an inverted date range and a word with nothing to search for are said, not silent', () => {
    const typo = parseQuery('contry:EGY مصر');
    assert.deepEqual(typo.filters, {});
    assert.equal(typo.warnings.length, 1);
    assert.match(
      typo.warnings[0]!,
      /^contry: is not a filter \(actor:, country:, .*\); did you mean «country:»\?; «contry:EGY» is searched as words$/,
    );
    assert.match(
      parseQuery('author:x').warnings.join(),
      /^author: is not a filter \([^)]*\); «author:x» is searched as words$/,
    );
    // Links, times and the filters themselves are not warned about.
    for (const q of ['https://example.org', 'الساعة 10:30', 'country:EGY', 'x:'])
      assert.deepEqual(parseQuery(q).warnings, [], q);
    assert.deepEqual(parseQuery('from:2025-10 to:2025-09').warnings, [
      'from:2025-10 is after to:2025-09: no date is in between; swap them',
    ]);
    assert.deepEqual(parseQuery('from:2025-10-05 to:2025-10').warnings, []);
    assert.deepEqual(parseQuery('from:2025-09 to:2025-10').warnings, []);
    const dots = compileQuery(parseQuery('...').node, fts5);
    assert.equal(dots.match, undefined);
    assert.deepEqual(dots.warnings, [
      '«...» has no word to search for (punctuation, symbols or a link): ignored',
    ]);
    const mixed = compileQuery(parseQuery('"،" مصر').node, fts5);
    assert.ok(mixed.match);
    assert.equal(mixed.warnings.length, 1);
  });

  it('a purely negative query becomes an exclusion', () => {
    const c = compileQuery(parseQuery('-إيران -باكستان').node, fts5);
    assert.equal(c.match, undefined);
    assert.ok(c.exclude);
  });

  it('matchSet: a term the query asks for in several columns is read once', () => {
    // «شخص» is its own form, bare form and stem: the term alone (no column filter to check).
    assert.equal(compileQuery(parseQuery('شخص').node, fts5).matchSet, '"شخص"');
    assert.equal(
      compileQuery(parseQuery('شخص').node, fts5).match,
      '(forms : "شخص" OR bare : "شخص" OR stems : "شخص")',
    );
    // «اليوم»: form apart, bare and stem «يوم» together; a prefix in forms and bare.
    assert.equal(
      compileQuery(parseQuery('اليوم').node, fts5).matchSet,
      '(forms : "اليوم" OR {bare stems} : "يوم")',
    );
    assert.equal(compileQuery(parseQuery('تونس*').node, fts5).matchSet, '{forms bare} : "تونس" *');
    // Latin words keep their column filter: the latin column holds ASCII keys too. (A word of a
    // listed name, «larijani», searches for the Arabic word instead: entdef4.)
    assert.match(
      compileQuery(parseQuery('kowalski').node, fts5).matchSet!,
      /^\(\{forms bare stems\} : "kowalski" OR latin/u,
    );
    assert.equal(compileQuery(parseQuery('-شخص').node, fts5).excludeSet, '"شخص"');
    // PostgreSQL's lexemes carry their column: nothing to merge.
    assert.equal(compileQuery(parseQuery('شخص').node, tsquery).matchSet, undefined);
  });

  it('property: matchSet and excludeSet match the same articles as match and exclude', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(forms, bare, stems, latin, meta, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
    );
    const words = [
      'اليوم',
      'يوم',
      'وإيران',
      'لإيران',
      'لايران',
      'إيران',
      'الاستراتيجية',
      'استراتيجي',
      'والاستراتيجيات',
      'تقريرًا',
      'تقرير',
      'المسؤولون',
      'المسئولين',
      'حكومة',
      'الحكومه',
      'شخص',
      'أشخاص',
      'Larijani',
      'لاريجاني',
      'tunis',
      'تونس',
      'Oman',
      'عمان',
      'الأمن',
      '2025',
    ];
    const insert = db.prepare(
      'INSERT INTO t(rowid, forms, bare, stems, latin, meta) VALUES (?, ?, ?, ?, ?, ?)',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom(...words, '"', ' ', 'OR', '-', '*'), { minLength: 1, maxLength: 6 }),
        (texts, pieces) => {
          db.exec('DELETE FROM t');
          texts.forEach((ws, i) => {
            const c = indexColumns(analyzeText(ws.join(' ')));
            insert.run(i + 1, c.forms, c.bare, c.stems, c.latin, metaTerms('x', '2025-01-02'));
          });
          const c = compileQuery(parseQuery(pieces.join(' ')).node, fts5);
          const rows = (e: string) => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck().all(e);
          if (c.match) assert.deepEqual(rows(c.matchSet!), rows(c.match));
          if (c.exclude) assert.deepEqual(rows(c.excludeSet!), rows(c.exclude));
        },
      ),
      { numRuns: 300 },
    );
    db.close();
  });

  it('a Latin name the gazetteer knows searches for its Arabic names, not a loose consonant key', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(forms, bare, stems, latin, meta, content='', tokenize='unicode61 remove_diacritics 0')",
    );
    const docs = [
      'وصل الوزير إلى سلطنة عمان أمس',
      'بحث مجلس الأمن الوضع في المنطقة',
      'قال لاريجاني إن الزيارة مهمة',
      'وفد يزور مسقط والرياض',
    ];
    const insert = db.prepare(
      'INSERT INTO t(rowid, forms, bare, stems, latin, meta) VALUES (?, ?, ?, ?, ?, ?)',
    );
    docs.forEach((text, i) => {
      const c = indexColumns(analyzeText(text));
      insert.run(i + 1, c.forms, c.bare, c.stems, c.latin, metaTerms('x', '2025-01-02'));
    });
    const hits = (q: string) => {
      const c = compileQuery(parseQuery(q).node, fts5);
      return db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(c.match!);
    };
    // "Oman" alone keys to `mn`, as «الأمن» does: the gazetteer's «عمان» is meant.
    assert.deepEqual(hits('Oman'), [1]);
    assert.deepEqual(hits('"Muscat"'), [4]);
    // A word of a listed name searches for that word in Arabic.
    assert.deepEqual(hits('Larijani'), [3]);
    // A prefix stays a prefix of the Latin word.
    assert.deepEqual(hits('Oma*'), []);
    const c = compileQuery(parseQuery('Oman').node, fts5);
    assert.ok(
      c.highlight.some((h) => h.form === 'عمان'),
      'the Arabic name is highlighted',
    );
    db.close();
  });

  it('a short Latin name: "Saied" no longer finds «سدودها», "Oman" no longer Amman (entdef4)', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(forms, bare, stems, latin, meta, content='', tokenize='unicode61 remove_diacritics 0')",
    );
    const docs = [
      'امتلأت سدودها بمياه الأمطار هذا الشتاء',
      'قال الرئيس قيس سعيد إن الإصلاحات مستمرة',
      'وصل وزير الخارجية العماني إلى عمان قادما من مسقط',
      'افتتح معرض الكتاب في عمّان بحضور وزير الثقافة الأردني',
      'وقعت سلطنة عمان اتفاقا للطاقة',
    ];
    const insert = db.prepare(
      'INSERT INTO t(rowid, forms, bare, stems, latin, meta) VALUES (?, ?, ?, ?, ?, ?)',
    );
    docs.forEach((text, i) => {
      const c = indexColumns(analyzeText(text));
      insert.run(i + 1, c.forms, c.bare, c.stems, c.latin, metaTerms('x', '2025-01-02'));
    });
    const hits = (q: string) => {
      const c = compileQuery(parseQuery(q).node, fts5);
      return db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(c.match!);
    };
    // «Saied» of "Kais Saied": the Arabic word «سعيد», not the key `sd` of «سدودها».
    assert.deepEqual(hits('Saied'), [2]);
    assert.deepEqual(hits('Kais Saied'), [2]);
    // «عمان» is Oman beside «العماني»/«مسقط»/«سلطنة», Amman beside «الأردني».
    assert.deepEqual(hits('Oman'), [3, 5]);
    assert.deepEqual(hits('Amman'), [4]);
    db.close();
  });

  it('tsquery: column-prefixed lexemes, prefixes and phrases', () => {
    const c = compileQuery(parseQuery('"الشراكة الاستراتيجية" وزير*').node, tsquery);
    assert.match(c.match!, /'fالشراكه' <-> 'fالاستراتيجيه'/);
    assert.match(c.match!, /'sشراك' <-> 'sاستراتيج'/);
    assert.match(c.match!, /'fوزير':\*/);
    assert.doesNotMatch(c.match!, /:[ABCD]/u, 'no weight labels: GIN answers without rechecks');
  });

  it('property: any query string parses, and SQLite FTS5 accepts what it compiles to', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(forms, bare, stems, latin, content='', tokenize='unicode61 remove_diacritics 0')",
    );
    db.prepare('INSERT INTO t(rowid, forms, bare, stems, latin) VALUES (1, ?, ?, ?, ?)').run(
      'ا ب',
      'ا ب',
      'ا ب',
      'lrjn',
    );
    const match = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    const pieces = fc.constantFrom(
      'إيران',
      'و',
      '"',
      '«',
      '»',
      '(',
      ')',
      '-',
      '*',
      ' ',
      'OR',
      'AND',
      'NOT',
      ':',
      'country:',
      'x',
      '٣',
      '"a',
      'Larijani',
      '\u064e',
      '#',
      '@',
      '.',
    );
    const query = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 12 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(query, (q) => {
        const c = compileQuery(parseQuery(q).node, fts5);
        for (const e of [c.match, c.exclude, c.rank]) if (e) match.all(e);
      }),
      { numRuns: 500 },
    );
    db.close();
  });
});

it('country: and the API read a country name with «و»/«ف» and a preposition or the article before it', async () => {
  const { knownCountry } = await import('../../src/search/countries.ts');
  // «والأردن», «بالأردن», «للأردن»: the list keeps «الأردن» with its article.
  for (const w of ['والأردن', 'بالأردن', 'للأردن', 'وللأردن']) assert.equal(knownCountry(w), 'JOR', w);
  for (const w of ['ومصر', 'بمصر']) assert.equal(knownCountry(w), 'EGY', w);
  assert.equal(knownCountry('وإيران'), 'IRN');
  assert.equal(knownCountry('وفلسطين'), 'PSE');
  // Names that begin with those letters stay themselves; common words stay unknown.
  assert.equal(knownCountry('فرنسا'), 'FRA');
  assert.equal(knownCountry('لبنان'), 'LBN');
  assert.equal(knownCountry('بلجيكا'), 'BEL');
  assert.equal(knownCountry('وزير'), undefined);
  assert.equal(knownCountry('والي'), undefined);
});

// polish9: «وزير OR» was searched as «وزير» without a word — the half after OR was lost unseen.
it('an OR or a NOT with nothing after it is ignored with a note', () => {
  assert.deepEqual(parseQuery('وزير OR').warnings, ['"OR" has nothing after it: ignored']);
  assert.deepEqual(parseQuery('(وزير OR) سفير').warnings, ['"OR" has nothing after it: ignored']);
  assert.deepEqual(parseQuery('وزير NOT').warnings, ['"NOT" has nothing after it: ignored']);
  assert.deepEqual(parseQuery('وزير OR OR سفير').warnings, ['"OR" has nothing after it: ignored']);
  for (const q of ['وزير OR سفير', 'وزير NOT سفير', 'NOT (وزير)', 'وزير country:IRN OR country:EGY'])
    assert.deepEqual(parseQuery(q).warnings, [], q);
  // Beside a filter, an OR is an AND and a NOT is void: said so, once.
  for (const q of ['وزير OR country:IRN', 'country:IRN OR وزير', 'وزير OR country:IRN سفير'])
    assert.deepEqual(
      parseQuery(q).warnings,
      [
        '"OR" beside country:IRN is read as AND: filters apply to the whole query (several values of one filter, country:IRN,EGY, mean any of them)',
      ],
      q,
    );
  assert.deepEqual(parseQuery('وزير NOT country:IRN').warnings, [
    '"NOT" before country:IRN is ignored: a filter cannot be excluded, it narrows the results to its value',
  ]);
  // The words beside it keep their meaning.
  assert.deepEqual(parseQuery('وزير OR country:IRN سفير').node, parseQuery('وزير OR سفير').node);
});
