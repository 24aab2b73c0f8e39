import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/index.ts';
import { fakeContext } from '../helpers.ts';
import { makeDoc } from './fixtures.ts';
import { loadArchive } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-store-'));
const dbA = join(dir, 'a.db');

async function run(args: string[]) {
  const f = fakeContext({ HOME: dir });
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

describe('khabar search / export / import / status', () => {
  before(async () => {
    const s = await openStore(dbA);
    await loadArchive(s);
    await s.quarantine({
      source: 'bad.jsonl:3',
      ruleId: 'ingest/bad-json',
      reason: 'line 3 is not JSON',
      at: '2026-01-02T00:00:00Z',
    });
    await s.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search prints hits with snippets; --json gives the SearchResponse', async () => {
    const r = await run(['search', 'الاستراتيجية', '--db', dbA]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^3 results/);
    assert.match(r.out, /الشراكة الاستراتيجية على طاولة البحث/);
    const j = await run(['search', 'Larijani', '--db', dbA, '--json', '--facets']);
    const resp = JSON.parse(j.out);
    assert.equal(resp.total, 1);
    assert.equal(resp.hits[0].id, 't-larijani');
    assert.ok(resp.facets.countries.length > 0);
    // Without --facets the JSON has no facets (not empty lists, which would say "none").
    const bare = JSON.parse((await run(['search', 'Larijani', '--db', dbA, '--json'])).out);
    assert.equal(bare.total, 1);
    assert.ok(!('facets' in bare), Object.keys(bare).join(' '));
  });

  it('an untitled hit is named by its first words, cut between words with «…»', async () => {
    const db = join(dir, 'untitled.db');
    const s = await openStore(db);
    const text =
      'اجتمع وزراء الزراعة في المنطقة اليوم لبحث خطة مشتركة لمواجهة الجفاف الذي أضر بالمحاصيل في السنوات الأخيرة.';
    await s.put(makeDoc({ id: 't-untitled', text }));
    await s.close();
    const r = await run(['search', 'الجفاف', '--db', db]);
    assert.equal(r.code, 0, r.err);
    const title = /^1\. (.*)$/mu.exec(r.out)?.[1] ?? '';
    assert.ok(title.endsWith('…') && title.length <= 81, title);
    const shown = title.slice(0, -1).split(' ');
    assert.deepEqual(shown, text.split(' ').slice(0, shown.length), `whole words: «${title}»`);
  });

  it('search without a query or with a bad option says what to do', async () => {
    const r = await run(['search', '--db', dbA]);
    assert.equal(r.code, 2);
    assert.match(r.err, /needs a QUERY/);
    const s = await run(['search', 'x', '--sort', 'size', '--db', dbA]);
    assert.match(s.err, /--sort: use relevance or date/);
  });

  it('a query word starting with «-» is a word, not an option', async () => {
    const all = JSON.parse((await run(['search', 'from:2024', '--db', dbA, '--json'])).out).total;
    for (const args of [['-استراتيجي', 'from:2024'], ['-استراتيجي from:2024']]) {
      const r = await run(['search', ...args, '--db', dbA, '--json']);
      assert.equal(r.code, 0, r.err);
      assert.equal(JSON.parse(r.out).total, all - 3, args.join(' '));
    }
    assert.match(
      (await run(['search', 'x', '--limit', '-1', '--db', dbA])).err,
      /--limit: give a whole number/,
    );
  });

  it('a query that cannot be searched as asked fails with the reason and what to write, and prints no results', async () => {
    for (const [query, reason] of [
      [
        'استراتيجي from:2017-13',
        /from:2017-13 is not a date: 13 is not a month \(01–12\); write from:YYYY, from:YYYY-MM or from:YYYY-MM-DD/,
      ],
      [
        'NOT استراتيجي',
        /only excludes \(NOT, -\): a NOT needs something to search for beside it — a word, a phrase or a filter/,
      ],
      ['country:Irann', /country:Irann is not a country khabar knows: .*did you mean Iran \(IRN\)/],
    ] as const) {
      const r = await run(['search', query, '--db', dbA]);
      assert.equal(r.code, 2, query);
      assert.match(r.err, reason, query);
      assert.equal(r.out, '', query);
    }
  });

  // polish9: `export --out` into a folder that does not exist ended in an unhandled ENOENT with
  // Node's stack trace (exit 1).
  it('export --out to a path that cannot be written says so (exit 2) and writes nothing', async () => {
    const r = await run(['export', '--db', dbA, '--out', join(dir, 'no-such-folder', 'a.jsonl')]);
    assert.equal(r.code, 2, r.err);
    assert.match(
      r.err,
      /--out .*no-such-folder\/a\.jsonl: cannot be written \(no such folder\)\. Check the path/,
    );
    assert.doesNotMatch(r.err, /at .*\.ts:\d+|ENOENT/);
    assert.ok(!existsSync(join(dir, 'no-such-folder')));
    const folder = await run(['export', '--db', dbA, '--out', dir]);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /cannot be written \(it is a folder\)/);
    const ok = await run(['export', '--db', dbA, '--what', 'events-table', '--out', join(dir, 'events.csv')]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(readFileSync(join(dir, 'events.csv'), 'utf8'), /^date,date_hijri,type,/);
  });

  it('search, status, export and stories on a path with no archive say so and create nothing', async () => {
    const missing = join(dir, 'typo', 'archive.db');
    for (const args of [['search', 'تونس'], ['status'], ['export'], ['stories']]) {
      const r = await run([...args, '--db', missing]);
      assert.equal(r.code, 2, `${args[0]}: ${r.out}`);
      assert.match(r.err, /no archive at .*typo\/archive\.db\. Check --db or KHABAR_DB/, args[0]);
      assert.equal(r.out, '', `${args[0]} printed no results`);
    }
    assert.ok(!existsSync(join(dir, 'typo')), 'no folder or empty archive left behind');
  });

  it('export → import into a fresh archive → export again gives the same', async () => {
    const first = await run(['export', '--db', dbA]);
    assert.equal(first.code, 0, first.err);
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, first.out);
    const dbB = join(dir, 'b.db');
    const imp = await run(['import', file, '--db', dbB]);
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /inserted\s+6/);
    // polish9: every count in one column — «entities completed by them» (26 characters, the
    // column 20) pushed its count 8 places right of the others.
    const ends = imp.out
      .trimEnd()
      .split('\n')
      .filter((l) => /\d$/.test(l))
      .map((l) => l.length);
    assert.ok(ends.length >= 10, imp.out);
    assert.equal(new Set(ends).size, 1, imp.out);
    const again = await run(['export', '--db', dbB]);
    assert.equal(again.out, first.out);
    // Importing again changes nothing.
    assert.match((await run(['import', file, '--db', dbB])).out, /unchanged\s+6/);
    for (const what of ['briefs', 'entities', 'events']) {
      const a = await run(['export', '--what', what, '--db', dbA]);
      const b = await run(['export', '--what', what, '--db', dbB]);
      assert.equal(b.out, a.out, what);
    }
  });

  it('search shows no range when no hit is on the page (--limit 0 counts; --offset past the end says so)', async () => {
    const zero = await run(['search', 'الاستراتيجية', '--limit', '0', '--db', dbA, '--lang', 'en']);
    assert.equal(zero.code, 0, zero.err);
    assert.match(zero.out, /^3 results in /);
    assert.doesNotMatch(zero.out, /\(1–0\)/);
    const past = await run(['search', 'الاستراتيجية', '--offset', '10', '--db', dbA, '--lang', 'en']);
    assert.match(past.out, /^3 results in /);
    assert.doesNotMatch(past.out, /11–10/);
    assert.match(past.out, /note: --offset 10 is past the last result \(3\)/);
    const page2 = await run([
      'search',
      'الاستراتيجية',
      '--offset',
      '1',
      '--limit',
      '1',
      '--db',
      dbA,
      '--lang',
      'en',
    ]);
    assert.match(page2.out, /^3 results \(2–2\) in /);
    assert.doesNotMatch(page2.out, /past the last/);
    // Arabic counts agree with the number: «3 نتائج», «نتيجتان», not «3 نتيجة».
    assert.match(
      (await run(['search', 'الاستراتيجية', '--db', dbA, '--lang', 'ar'])).out,
      /^3 نتائج \(1–3\) في /,
    );
  });

  it('import quarantines lines that are not processed documents, with their line numbers', async () => {
    const file = join(dir, 'mixed.jsonl');
    const good = (await run(['export', '--db', dbA])).out.split('\n')[0]!;
    writeFileSync(file, `${good}\n{not json\n{"id":"x","text":"خبر"}\n`);
    const dbC = join(dir, 'c.db');
    const r = await run(['import', file, '--db', dbC]);
    assert.match(r.out, /inserted\s+1/);
    assert.match(r.out, /quarantined\s+2/);
    const st = await run(['status', '--db', dbC]);
    assert.match(st.out, /mixed\.jsonl:2/);
    assert.match(st.out, /line 3: no "article"/);
  });

  it('import refuses a JSONL of raw articles up front and points to ingest, quarantining nothing', async () => {
    const file = join(dir, 'raw.jsonl');
    writeFileSync(
      file,
      `\n{"id":"r1","outlet":"منفذ","text":"أعلنت الحكومة خطة جديدة للنقل."}\n{"id":"r2","html":"<p>خبر</p>"}\n`,
    );
    const dbR = join(dir, 'r.db');
    const r = await run(['import', file, '--db', dbR]);
    assert.equal(r.code, 2);
    assert.match(r.err, /raw\.jsonl: line 2 is a raw article/);
    assert.match(r.err, /khabar ingest .*raw\.jsonl/);
    const st = await run(['status', '--db', dbR]);
    assert.match(st.out, /quarantined\s+0/);
    // A CSV export (or any text file) is not JSONL at all.
    const csv = join(dir, 'articles.csv');
    writeFileSync(csv, (await run(['export', '--format', 'csv', '--db', dbA])).out);
    const c = await run(['import', csv, '--db', dbR]);
    assert.equal(c.code, 2);
    assert.match(
      c.err,
      /articles\.csv: line 1 is not JSON, not a line of `khabar export`; nothing was imported/,
    );
    assert.match((await run(['status', '--db', dbR])).out, /quarantined\s+0/);
  });

  it('events-table is a flat CSV, one row per event, with the evidence text', async () => {
    const r = await run(['export', '--what', 'events-table', '--db', dbA]);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^date,date_hijri,type,mode,contexts,modality/);
    const consult = lines.find((l) => l.includes('CONSULT'))!;
    assert.match(consult, /^2025-11-04,,CONSULT,/, 'date, no Hijri date, type');
    assert.match(consult, /علي لاريجاني,IRN,GOV,محسن نقوي,PAK,GOV,t-larijani/);
    assert.match(consult, /التقى$/);
  });

  it('export --format csv quotes fields with commas and line breaks', async () => {
    const r = await run(['export', '--format', 'csv', '--db', dbA]);
    const text = r.out;
    assert.match(text.split('\n')[0]!, /^id,outlet,url,title,published,language,byline,text$/);
    // The Larijani article's text has a line break: its field is quoted.
    assert.match(text, /t-larijani,وكالة السهل,,لقاء أمني في طهران,[^,]+,ar,,"التقى/);
  });

  it("export --format csv: a title or outlet a spreadsheet would run as a formula starts with '", async () => {
    const db = join(dir, 'formula.db');
    const s = await openStore(db);
    // own writing; a hostile feed's title and outlet
    const doc = makeDoc({
      id: 't-formula',
      text: 'أعلنت الوزارة افتتاح مدرسة جديدة في المدينة تتسع لألف تلميذ.',
    });
    doc.article.title = '=HYPERLINK("http://evil.example","اضغط")';
    doc.article.outlet = '@SUM(1+1)';
    await s.put(doc);
    await s.close();
    const r = await run(['export', '--format', 'csv', '--db', db]);
    assert.equal(r.code, 0, r.err);
    const row = r.out.split('\n').find((l) => l.startsWith('t-formula,'))!;
    assert.ok(row, r.out);
    assert.match(row, /^t-formula,'@SUM\(1\+1\),,"'=HYPERLINK\(""http:\/\/evil\.example"",""اضغط""\)",/u);
    // JSONL keeps the text as written (it is data for programs, and import reads it back).
    const j = await run(['export', '--db', db]);
    assert.equal(JSON.parse(j.out.split('\n')[0]!).article.title, doc.article.title);
  });

  it('export --out writes a file; status shows counts and the quarantine with reasons', async () => {
    const out = join(dir, 'ents.jsonl');
    assert.equal((await run(['export', '--what', 'entities', '--out', out, '--db', dbA])).code, 0);
    const ents = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(ents.some((e) => e.id === 'country:IRN' && e.articles === 2));
    const st = await run(['status', '--db', dbA]);
    assert.match(st.out, /articles\s+6/);
    assert.match(st.out, /ingest\/bad-json\s+bad\.jsonl:3/);
    assert.match(st.out, /line 3 is not JSON/);
    const j = JSON.parse((await run(['status', '--db', dbA, '--json'])).out);
    assert.equal(j.quarantine.total, 1);
  });

  it('status shows the feed items waiting for their page, with their link, feed, tries and last failure (ingdef2)', async () => {
    const db = join(dir, 'waiting.db');
    const s = await openStore(db);
    await s.fetchRetries!.save({
      feed: 'https://example.test/rss',
      item: 'g-7',
      link: 'https://example.test/n/7',
      fetches: 2,
      firstAt: '2026-12-03T08:00:00.000Z',
      nextAt: '2026-12-03T08:20:00.000Z',
      ruleId: 'ingest/fetch-failed',
      reason: 'https://example.test/n/7: HTTP 503',
      data: '{}',
    });
    await s.close();
    const en = await run(['status', '--db', db, '--lang', 'en']);
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /^ {2}waiting +1 {3}\(feed items whose page could not be fetched yet/mu);
    assert.match(en.out, /waiting for their page \(1 of 1, oldest first/u);
    assert.match(en.out, /^ {2}https:\/\/example\.test\/n\/7$/mu);
    assert.match(
      en.out,
      /feed https:\/\/example\.test\/rss; 2 failed since 2026-12-03T08:00:00.000Z; next after 2026-12-03T08:20:00.000Z/u,
    );
    assert.match(en.out, /HTTP 503/u);
    assert.match((await run(['status', '--db', db, '--lang', 'ar'])).out, /بانتظار الجلب +1/u);
    const j = JSON.parse((await run(['status', '--db', db, '--json'])).out);
    assert.equal(j.stats.pendingFetches, 1);
    assert.equal(j.pendingFetches.total, 1);
    assert.equal(j.pendingFetches.items[0].link, 'https://example.test/n/7');
    assert.equal(j.pendingFetches.items[0].data, undefined);
    // none waiting: no row, no list
    assert.doesNotMatch((await run(['status', '--db', dbA])).out, /waiting/u);
  });

  it('status counts articles without an outlet on an explicit «(outlet unknown)» line', async () => {
    const db = join(dir, 'unknown-outlet.db');
    const s = await openStore(db);
    await loadArchive(s);
    await s.put(makeDoc({ id: 't-no-outlet', text: 'خبر كتب لهذا الاختبار ولا يذكر الجهة التي نشرته.' }));
    await s.close();
    const en = await run(['status', '--db', db, '--lang', 'en']);
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /^ +1 {2}\(outlet unknown\)$/mu);
    const listed = en.out
      .split('\n\n')
      .find((b) => b.startsWith('outlets:'))!
      .split('\n')
      .slice(1)
      .reduce((n, l) => n + Number(l.trim().split(/\s+/u)[0]), 0);
    assert.equal(listed, 7, 'every article is counted under some outlet line');
    assert.match((await run(['status', '--db', db, '--lang', 'ar'])).out, /^ +1 {2}\(مصدر غير معروف\)$/mu);
    const j = JSON.parse((await run(['status', '--db', db, '--json'])).out);
    assert.equal(j.stats.outletUnknown, 1);
  });

  it('status --optimize merges the full-text index into one segment; searches answer the same', async () => {
    const db = join(dir, 'opt.db');
    const s = await openStore(db);
    // One article per transaction: several level-0 segments.
    await loadArchive(s);
    await s.close();
    const segments = () => {
      const raw = new Database(db, { readonly: true });
      try {
        return (raw.prepare('SELECT COUNT(DISTINCT segid) AS n FROM articles_fts_idx').get() as { n: number })
          .n;
      } finally {
        raw.close();
      }
    };
    const queries = ['الاستراتيجية', '"الشراكة الاستراتيجية"', 'تونس OR إيران', 'Larijani'];
    const answers = async () => {
      const out: string[] = [];
      for (const q of queries) out.push((await run(['search', q, '--db', db, '--json', '--facets'])).out);
      return out.map((o) => {
        const r = JSON.parse(o);
        delete r.tookMs;
        return r;
      });
    };
    const before = await answers();
    assert.ok(segments() > 1, `segments before: ${segments()}`);
    const r = await run(['status', '--db', db, '--optimize']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /full-text index optimized \(articles_fts, sections_fts: one segment each\)/);
    assert.equal(segments(), 1);
    assert.deepEqual(await answers(), before);
    const j = JSON.parse((await run(['status', '--db', db, '--optimize', '--json'])).out);
    assert.deepEqual(j.optimized.tables, ['articles_fts', 'sections_fts']);
  });
});
