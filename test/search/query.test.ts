import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { compileQuery, fts5, tsquery } from '../../src/search/compile.ts';
import { parseQuery } from '../../src/search/query.ts';

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

  it('warns about what it cannot read, and reads the rest', () => {
    const p = parseQuery('from:yesterday "غير مغلق');
    assert.equal(p.filters.from, undefined);
    assert.equal(p.warnings.length, 2);
    assert.deepEqual(p.node, { kind: 'phrase', text: 'غير مغلق' });
    // An unknown field is an ordinary word.
    assert.deepEqual(parseQuery('http:x').node, { kind: 'word', text: 'http:x', prefix: false });
  });

  it('a NOT inside OR is dropped with a warning', () => {
    const c = compileQuery(parseQuery('أ OR -ب').node, fts5);
    assert.ok(c.match);
    assert.equal(c.warnings.length, 1);
  });

  it('a purely negative query becomes an exclusion', () => {
    const c = compileQuery(parseQuery('-إيران -باكستان').node, fts5);
    assert.equal(c.match, undefined);
    assert.ok(c.exclude);
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
