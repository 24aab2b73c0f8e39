/**
 * The one test suite every Store implementation passes (SQLite and PostgreSQL run it).
 * `fresh()` must give a new, empty, migrated store each call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { articleId } from '../../src/ingest/ids.ts';
import { openSource } from '../../src/ingest/sources/index.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { runIngest } from '../../src/jobs/runner.ts';
import { analyzeText } from '../../src/search/analyze.ts';
import { exportRecords } from '../../src/store/export.ts';
import { importJsonl } from '../../src/store/import.ts';
import type { SearchRequest, Store } from '../../src/store/store.ts';
import { tempDir } from '../helpers.ts';
import { arabicArticle } from '../ingest/fixtures.ts';
import { DOCS, docs, LARIJANI, makeDoc, NAQVI } from './fixtures.ts';

export interface SuiteOptions {
  fresh: () => Promise<Store>;
  /** Why the suite cannot run here (then every test skips with it). */
  skip?: string;
}

export async function loadArchive(store: Store): Promise<void> {
  for (const d of docs()) await store.put(d);
}

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

export function storeSuite(name: string, opts: SuiteOptions): void {
  describe(`Store suite: ${name}`, { skip: opts.skip ?? false }, () => {
    let store: Store;
    const q = (req: string | SearchRequest) =>
      store.search(typeof req === 'string' ? { q: req, limit: 50 } : req);

    before(async () => {
      if (opts.skip) return;
      store = await opts.fresh();
      await loadArchive(store);
    });
    after(async () => {
      if (!opts.skip) await store?.close();
    });

    describe('writing', () => {
      it('migrate is safe to run again', async () => {
        await store.migrate();
        assert.equal((await store.stats()).articles, DOCS.length);
      });

      it('put: inserted, then unchanged for the same input, updated when it changes', async () => {
        const s = await opts.fresh();
        try {
          const d = makeDoc(DOCS[0]!);
          assert.deepEqual(await s.put(d), { id: d.article.id, status: 'inserted' });
          // A re-ingest differs only in ingest time: unchanged.
          const again = structuredClone(d);
          again.article.provenance.ingestedAt = '2030-01-01T00:00:00.000Z';
          assert.equal((await s.put(again)).status, 'unchanged');
          const changed = structuredClone(d);
          changed.article.text += '\nوأضاف أن المفاوضات ستستأنف قريبا.';
          assert.equal((await s.put(changed)).status, 'updated');
          assert.equal((await s.stats()).articles, 1);
          assert.equal((await s.search({ q: 'المفاوضات' })).total, 1);
          assert.equal((await s.get(d.article.id))?.article.text, changed.article.text);
        } finally {
          await s.close();
        }
      });

      it('an exact duplicate under another id is linked, not stored twice; near-duplicate hints are kept', async () => {
        const s = await opts.fresh();
        try {
          const d = makeDoc(DOCS[1]!);
          await s.put(d);
          const copy = structuredClone(d);
          copy.article.id = 'copy-1';
          copy.article.url = 'https://example.org/other';
          // Same words, other harakat and spacing: still the same normalized text.
          copy.article.text = copy.article.text.replace('الخطط', 'الخُطط').replace(' ', '  ');
          assert.deepEqual(await s.put(copy), {
            id: 'copy-1',
            status: 'duplicate',
            duplicateOf: d.article.id,
          });
          assert.equal((await s.put(copy)).status, 'duplicate');
          assert.equal(await s.get('copy-1'), undefined);
          const near = makeDoc({
            ...DOCS[1]!,
            id: 'near-1',
            text: `${DOCS[1]!.text} وأضافت أن التنفيذ يبدأ العام المقبل.`,
          });
          assert.deepEqual(await s.put(near, { nearDuplicateOf: d.article.id }), {
            id: 'near-1',
            status: 'near-duplicate',
            duplicateOf: d.article.id,
          });
          const st = await s.stats();
          assert.equal(st.articles, 2);
          assert.equal(st.duplicates, 1);
          assert.equal(st.nearDuplicates, 1);
        } finally {
          await s.close();
        }
      });

      it('a near-duplicate of a stored article is linked without a hint (the archive keeps MinHash keys)', async () => {
        const s = await opts.fresh();
        try {
          // Near-duplicates need at least 20 words; the fixtures are shorter.
          const long = `${DOCS[1]!.text} وقال المتحدث باسم الوزارة إن الخطة تشمل شراء حافلات جديدة وتوسيع خطوط القطار الخفيف وبناء مواقف للسيارات عند أطراف المدن، على أن يبدأ التنفيذ في الربع الأول من العام المقبل.`;
          const d = makeDoc({ ...DOCS[1]!, text: long });
          await s.put(d);
          const text = `${long} وأضافت أن الميزانية أقرت أمس.`;
          assert.deepEqual(await s.put(makeDoc({ ...DOCS[1]!, id: 'near-2', text })), {
            id: 'near-2',
            status: 'near-duplicate',
            duplicateOf: d.article.id,
          });
          // An unrelated article is not linked.
          assert.equal((await s.put(makeDoc(DOCS[3]!))).status, 'inserted');
          assert.equal((await s.stats()).nearDuplicates, 1);
        } finally {
          await s.close();
        }
      });

      it('sixty near-identical articles dated MM/DD/YYYY, put at once: one stored, the rest linked; dated order (the reported hang)', async () => {
        const s = await opts.fresh();
        try {
          const base =
            'أعلنت وزارة الزراعة في جمهورية الواحة الخيالية اليوم عن خطة جديدة لدعم المزارعين الصغار في المناطق الجنوبية، وقالت إن الخطة تشمل قروضا ميسرة وبذورا محسنة وتدريبا على الري الحديث.';
          const pad = (n: number) => String(n).padStart(2, '0');
          const many = Array.from({ length: 60 }, (_, i) =>
            makeDoc({
              id: `mdy-${i}`,
              outlet: 'صحيفة الواحة',
              published: `${pad(1 + (i % 12))}/${pad(1 + (i % 28))}/2017`,
              text: `${base} رقم ${i}`,
            }),
          );
          const rs = await Promise.all(many.map((d) => s.put(d)));
          const count = (st: string) => rs.filter((r) => r.status === st).length;
          assert.deepEqual([count('inserted'), count('near-duplicate')], [1, 59]);
          const again = await Promise.all(many.map((d) => s.put(d)));
          assert.ok(again.every((r) => r.status === 'unchanged'));
          // Such a date is no calendar day (no date filter matches it) but still sorts.
          const newest = await s.search({ q: 'الزراعة', sort: 'date', limit: 2 });
          assert.equal(newest.total, 60);
          assert.deepEqual(
            newest.hits.map((h) => h.published),
            ['12/24/2017', '12/20/2017'],
          );
          assert.equal((await s.search({ q: 'الزراعة from:2017' })).total, 0);
        } finally {
          await s.close();
        }
      });

      it('relocate: a moved article gets its new path, the old one kept in movedFrom; a put of it again is unchanged', async () => {
        const s = await opts.fresh();
        try {
          const d = makeDoc(DOCS[2]!);
          const id = d.article.id;
          const first = d.article.provenance.source;
          await s.put(d);
          assert.equal(await s.relocate?.(id, { from: first, to: '/news/b.txt' }), true);
          const got = await s.get(id);
          assert.equal(got?.article.provenance.source, '/news/b.txt');
          assert.deepEqual(got?.article.provenance.movedFrom, [first]);
          // stale (another writer moved it first) or unknown: nothing changes
          assert.equal(await s.relocate?.(id, { from: first, to: '/news/c.txt' }), false);
          assert.equal(await s.relocate?.('no-such-id', { from: first, to: '/news/c.txt' }), false);
          assert.equal(await s.relocate?.(id, { from: '/news/b.txt', to: '/news/c.txt' }), true);
          const moved = await s.get(id);
          assert.deepEqual(moved?.article.provenance.movedFrom, [first, '/news/b.txt']);
          // the content hash was taken again: the moved document put again is unchanged
          assert.ok(moved);
          moved.article.provenance.ingestedAt = '2031-01-01T00:00:00.000Z';
          assert.equal((await s.put(moved)).status, 'unchanged');
          const st = await s.stats();
          assert.deepEqual([st.articles, st.duplicates], [1, 0]);
        } finally {
          await s.close();
        }
      });

      it('ingest: a file renamed in its folder and ingested again is counted moved (its path updated), not a duplicate; a copy stays a duplicate', async () => {
        const s = await opts.fresh();
        const dir = tempDir('khabar-moved-');
        try {
          const text = arabicArticle(5150, 3);
          writeFileSync(join(dir, 'a.txt'), text);
          const run = () => runIngest({ store: s, items: openSource(dir), process: processArticle });
          assert.equal((await run()).inserted, 1);
          renameSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
          const moved = await run();
          assert.deepEqual([moved.moved, moved.duplicates, moved.unchanged, moved.inserted], [1, 0, 0, 0]);
          const id = articleId({ text });
          assert.equal((await s.get(id))?.article.provenance.source, join(dir, 'b.txt'));
          assert.deepEqual((await s.get(id))?.article.provenance.movedFrom, [join(dir, 'a.txt')]);
          const again = await run();
          assert.deepEqual([again.moved, again.unchanged], [0, 1]);
          // a copy next to it (b.txt still there): an exact duplicate, as before
          writeFileSync(join(dir, 'c.txt'), text);
          const copy = await run();
          assert.deepEqual([copy.moved, copy.unchanged, copy.duplicates], [0, 1, 1]);
          const st = await s.stats();
          assert.deepEqual([st.articles, st.duplicates], [1, 1]);
        } finally {
          await s.close();
        }
      });

      // ingdef4: an entity only an edited article's earlier text named stayed in `status`, the
      // entity list and the export with 0 articles.
      it('an entity only the earlier text of an edited file or record named leaves the archive; one another article names stays', async () => {
        const s = await opts.fresh();
        const dir = tempDir('khabar-unnamed-');
        try {
          const visit = (guest: string, says: string) =>
            `التقى وزير الخارجية المصري سامح شكري ${guest} في القاهرة اليوم لبحث التطورات في المنطقة.\n\nوقال شكري إن البلدين يعملان على تنسيق المواقف بشأن القضايا الإقليمية.\n\n${says}`;
          writeFileSync(
            join(dir, 'a.txt'),
            visit('نظيره الأردني أيمن الصفدي', 'وأضاف الصفدي أن الأردن يدعم جهود التهدئة.'),
          );
          writeFileSync(
            join(dir, 'b.txt'),
            'أعلنت الحكومة الأردنية اليوم خطة لدعم المزارعين في وادي الأردن، وقالت إن الخطة تشمل قروضا ميسرة للمزارعين الصغار.',
          );
          const run = () => runIngest({ store: s, items: openSource(dir), process: processArticle });
          await run();
          const named = async () => (await s.entities({ limit: 100 })).items.map((e) => e.entity.id);
          const before = await named();
          assert.ok(before.includes('person:ayman-al-safdi'), before.join(' '));
          assert.ok(before.includes('country:JOR'), before.join(' '));
          writeFileSync(
            join(dir, 'a.txt'),
            visit('نظيره السعودي فيصل بن فرحان', 'وأضاف بن فرحان أن السعودية تدعم جهود التهدئة.'),
          );
          assert.equal((await run()).updated, 1);
          const after = await s.entities({ limit: 100 });
          assert.deepEqual(
            after.items.filter((e) => e.articles === 0).map((e) => e.entity.id),
            [],
            'no entity with 0 articles',
          );
          const ids2 = after.items.map((e) => e.entity.id);
          assert.ok(!ids2.includes('person:ayman-al-safdi'), ids2.join(' '));
          assert.ok(ids2.includes('person:faisal-bin-farhan'), ids2.join(' '));
          assert.ok(ids2.includes('country:JOR'), 'b.txt still names Jordan');
          assert.equal((await s.stats()).entities, after.total);
          assert.equal(await s.entity('person:ayman-al-safdi'), undefined);
          assert.equal((await s.entities({ q: 'أيمن الصفدي' })).total, 0, 'its lookup keys went too');
          // a record changed under its id: the same
          const rec = (text: string) =>
            processArticle({
              id: 'rec-1',
              text,
              language: 'ar',
              provenance: { source: 'feed.jsonl:1', format: 'jsonl', ingestedAt: '2026-12-03T00:00:00Z' },
              warnings: [],
            });
          await s.put(
            rec(visit('نظيره العماني بدر البوسعيدي', 'وأضاف البوسعيدي أن سلطنة عمان تدعم جهود التهدئة.')),
          );
          const oman = (await named()).filter((id) => !ids2.includes(id));
          assert.ok(oman.length > 0, 'the record named someone new');
          assert.equal(
            (
              await s.put(
                rec(visit('نظيره السعودي فيصل بن فرحان', 'وأضاف بن فرحان أن السعودية تدعم جهود التهدئة.')),
              )
            ).status,
            'updated',
          );
          const left = await named();
          assert.deepEqual(
            oman.filter((id) => left.includes(id)),
            [],
          );
        } finally {
          await s.close();
        }
      });

      it('ingest: a file edited in place is its edited article; the earlier one is kept as superseded (version, export, import), out of lists and search; unchanged again changes nothing', async () => {
        const s = await opts.fresh();
        const dir = tempDir('khabar-edited-');
        try {
          const body = arabicArticle(5170, 3);
          const town = (name: string) => `${body}\n\nوقال المتحدث إن الاجتماع المقبل سيعقد في مدينة ${name}.`;
          const [t1, t2, t3] = [town('القيروان'), town('المنستير'), town('بنزرت')];
          writeFileSync(join(dir, 'a.txt'), t1);
          writeFileSync(join(dir, 'b.txt'), arabicArticle(5171, 3));
          const run = () => runIngest({ store: s, items: openSource(dir), process: processArticle });
          assert.equal((await run()).inserted, 2);
          writeFileSync(join(dir, 'a.txt'), t2);
          const edited = await run();
          // was: inserted 1 (a near-duplicate of its earlier self), both versions listed and found
          assert.deepEqual(
            [edited.updated, edited.unchanged, edited.inserted, edited.nearDuplicates, edited.duplicates],
            [1, 1, 0, 0, 0],
          );
          const [id1, id2, id3] = [t1, t2, t3].map((text) => articleId({ text }));
          assert.equal(await s.get(id1!), undefined);
          assert.equal((await s.get(id2!))?.article.text, t2);
          const old = await s.version?.(id1!);
          assert.equal(old?.article.text, t1);
          assert.equal(old?.article.superseded?.supersededBy, id2);
          assert.deepEqual(
            (await s.versions?.(id2!))?.map((v) => v.id),
            [id1],
          );
          let st = await s.stats();
          assert.deepEqual([st.articles, st.superseded, st.nearDuplicates], [2, 1, 0]);
          assert.equal((await s.list()).total, 2);
          assert.equal((await s.search({ q: 'القيروان' })).total, 0);
          assert.deepEqual(ids(await s.search({ q: 'المنستير' })), [id2]);
          // the unchanged folder again: nothing changes
          const again = await run();
          assert.deepEqual([again.unchanged, again.updated, again.inserted], [2, 0, 0]);
          st = await s.stats();
          assert.deepEqual([st.articles, st.superseded], [2, 1]);
          // edited once more: a chain of versions
          writeFileSync(join(dir, 'a.txt'), t3);
          assert.equal((await run()).updated, 1);
          assert.equal((await s.version?.(id2!))?.article.superseded?.supersededBy, id3);
          assert.equal((await s.stats()).superseded, 2);
          // a file moved away, another written at its old path: the moved one is not superseded
          renameSync(join(dir, 'b.txt'), join(dir, 'c.txt'));
          assert.equal((await run()).moved, 1);
          writeFileSync(join(dir, 'b.txt'), arabicArticle(5172, 3));
          const other = await run();
          assert.deepEqual([other.inserted, other.updated], [1, 0]);
          assert.equal((await s.stats()).articles, 3);
          // export and import keep the earlier versions
          const lines: string[] = [];
          for await (const r of exportRecords(s, 'articles', 'jsonl')) lines.push(JSON.stringify(r));
          assert.equal(lines.filter((l) => l.startsWith('{"record":"version"')).length, 2);
          const b = await opts.fresh();
          try {
            const sum = await importJsonl(
              b,
              (async function* () {
                yield* lines;
              })(),
              { source: 'export.jsonl' },
            );
            assert.equal(sum.versions, 2);
            // a.txt, b.txt (the new file) and c.txt (the moved one)
            assert.equal(sum.places, 3);
            const again = await importJsonl(
              b,
              (async function* () {
                yield* lines;
              })(),
              { source: 'export.jsonl' },
            );
            assert.equal(again.places, 0, 'importing again writes no place twice');
            assert.equal((await b.version?.(id1!))?.article.text, t1);
            const bs = await b.stats();
            assert.deepEqual([bs.articles, bs.superseded], [3, 2]);
            // a file edited after the import is an edit of the imported article (was: inserted, a
            // near-duplicate of it, both listed — the import had not filled the places)
            const t4 = town('صفاقس');
            writeFileSync(join(dir, 'a.txt'), t4);
            const after = await runIngest({ store: b, items: openSource(dir), process: processArticle });
            assert.deepEqual([after.updated, after.inserted, after.nearDuplicates], [1, 0, 0]);
            assert.equal(
              (await b.version?.(id3!))?.article.superseded?.supersededBy,
              articleId({ text: t4 }),
            );
            assert.equal((await b.stats()).articles, 3);
          } finally {
            await b.close();
          }
        } finally {
          await s.close();
        }
      });

      it('ingest: a feed teaser whose page cannot be fetched is stored partial; the page read later supersedes it, and the teaser never writes over the page', async () => {
        const s = await opts.fresh();
        const dir = tempDir('khabar-teaser-');
        let up = false;
        const page = (n: number, canonical: string) =>
          `<html><head><title>خبر ${n}</title>${canonical}</head><body><article><h1>خبر ${n}</h1>${arabicArticle(
            5190 + n,
            3,
          )
            .split('\n\n')
            .map((p) => `<p>${p}</p>`)
            .join('')}</article></body></html>`;
        const server = createServer((req, res) => {
          if (up && req.url === '/n/1')
            // its canonical url is another than the item's link: another id than the teaser's
            res
              .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
              .end(page(1, '<link rel="canonical" href="/story/1?utm_source=site">'));
          else if (up && req.url === '/n/2')
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(2, ''));
          else res.writeHead(404).end();
        });
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
          const teasers = [
            'أعلن وزير الزراعة في مؤتمر صحفي أن الحكومة ستطلق برنامجا جديدا لدعم المزارعين في ولاية القصرين.',
            'قال محافظ البنك المركزي إن أسعار الفائدة ستبقى على حالها حتى نهاية العام الجاري.',
          ];
          const item = (n: number, desc?: string) =>
            `<item><title>عنوان الخبر ${n}</title><link>${base}/n/${n}${n === 1 ? '?utm_source=feed&amp;utm_medium=rss' : ''}</link><guid>g${n}</guid>${desc ? `<description>${desc}</description>` : ''}</item>`;
          const feed = join(dir, 'feed.xml');
          writeFileSync(
            feed,
            `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>صحيفة المثال</title>${item(1, teasers[0])}${item(2, teasers[1])}${item(3)}</channel></rss>`,
          );
          const run = () => runIngest({ store: s, items: openSource(feed), process: processArticle });
          const first = await run();
          // was: 3 quarantined (ingest/fetch-failed), nothing stored
          assert.deepEqual([first.inserted, first.quarantined], [2, 1]);
          let st = await s.stats();
          assert.deepEqual([st.articles, st.partial], [2, 2]);
          assert.equal((await s.search({ q: 'القصرين' })).total, 1, 'the teaser is found by its words');
          const outlet = 'صحيفة المثال';
          const [t1, t2] = [1, 2].map((n) => articleId({ outlet, url: `${base}/n/${n}`, text: '' }));
          const teaser = (await s.get(t1!))!.article;
          assert.equal(teaser.partial, 'teaser');
          assert.equal(teaser.text, teasers[0]);
          assert.equal(teaser.title, 'عنوان الخبر 1');
          assert.equal(teaser.url, `${base}/n/1`, 'stored without its tracking parameters');
          const why = teaser.warnings.find((w) => w.ruleId === 'feed/teaser-only');
          assert.match(why?.reason ?? '', /HTTP 404.*teaser.*stored, marked partial/su);
          // the item with no text of its own stays quarantined, with both reasons
          const q = (await s.quarantined()).items;
          assert.deepEqual(
            q.map((e) => [e.source, e.ruleId]),
            [[`${base}/n/3`, 'ingest/fetch-failed']],
          );
          assert.match(q[0]!.reason, /HTTP 404.*no text of its own/su);
          // still down: nothing changes
          const again = await run();
          assert.deepEqual([again.unchanged, again.inserted, again.updated], [2, 0, 0]);
          // the pages can be read now: each supersedes its teaser (one under another id, one under the same)
          up = true;
          const later = await run();
          assert.deepEqual([later.updated, later.inserted, later.nearDuplicates], [2, 0, 0]);
          const p1 = articleId({ outlet, url: `${base}/story/1`, text: '' });
          assert.notEqual(p1, t1);
          const full = (await s.get(p1))!.article;
          assert.equal(full.partial, undefined);
          assert.equal(full.url, `${base}/story/1`);
          assert.equal(full.text, arabicArticle(5191, 3));
          assert.equal(await s.get(t1!), undefined);
          assert.equal((await s.version?.(t1!))?.article.superseded?.supersededBy, p1);
          assert.equal((await s.get(t2!))?.article.text, arabicArticle(5192, 3));
          assert.equal((await s.get(t2!))?.article.partial, undefined);
          assert.equal((await s.versions?.(t2!))?.length, 1);
          st = await s.stats();
          assert.deepEqual([st.articles, st.partial, st.superseded], [2, 0, 2]);
          assert.equal((await s.search({ q: 'القصرين' })).total, 0, "the teaser's words are not found twice");
          // down again: the teasers do not write over the pages
          up = false;
          const down = await run();
          assert.deepEqual([down.unchanged, down.inserted, down.updated], [2, 0, 0]);
          st = await s.stats();
          assert.deepEqual([st.articles, st.partial, st.superseded], [2, 0, 2]);
          assert.equal((await s.get(p1))?.article.text, arabicArticle(5191, 3));
          assert.equal((await s.get(t2!))?.article.text, arabicArticle(5192, 3));
        } finally {
          server.close();
          await s.close();
        }
      });

      it('ingest --follow: a feed item waiting for its page is kept in the archive; a restarted --follow and a plain ingest fetch it again (ingdef2)', async () => {
        const s = await opts.fresh();
        const up = new Set<string>();
        const asked: Record<string, number> = {};
        let listed = [1, 2, 3];
        const teaser = (n: number) =>
          `قالت هيئة الأرصاد إن موجة من الأمطار الغزيرة ستبلغ المنطقة ${['الشمالية', 'الساحلية', 'الجبلية'][n - 1]} خلال الأيام المقبلة.`;
        const server = createServer((req, res) => {
          const url = req.url ?? '/';
          if (url === '/feed') {
            const items = listed.map(
              (n) =>
                `<item><title>أمطار ${n}</title><link>${base}/p/${n}</link><guid>r${n}</guid><description>${teaser(n)}</description></item>`,
            );
            res
              .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
              .end(
                `<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة الطقس</title>${items.join('')}</channel></rss>`,
              );
            return;
          }
          asked[url] = (asked[url] ?? 0) + 1;
          if (!up.has(url)) return void res.writeHead(503).end();
          const n = Number(url.slice(3));
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
            `<html><head><title>أمطار ${n}</title></head><body><article><h1>أمطار ${n}</h1>${arabicArticle(
              6300 + n,
              3,
            )
              .split('\n\n')
              .map((p) => `<p>${p}</p>`)
              .join('')}</article></body></html>`,
          );
        });
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const feed = `${base}/feed`;
        /** An ingest of the feed; with `polls`, following it until that many polls are done. */
        const run = (polls?: number) => {
          const controller = new AbortController();
          let done = 0;
          return runIngest({
            store: s,
            process: processArticle,
            signal: controller.signal,
            items: openSource(feed, {
              ...(polls ? { follow: true, intervalMs: 10 } : {}),
              signal: controller.signal,
              retries: s.fetchRetries!,
              onPoll: () => {
                if (++done === polls) controller.abort();
              },
            }),
          });
        };
        try {
          // every page down: the follow run stops (a restart, an interrupt) with all three waiting
          const first = await run(1);
          assert.deepEqual([first.inserted, first.quarantined], [0, 0]);
          let waiting = await s.fetchRetries!.list(feed);
          assert.deepEqual(
            waiting.map((p) => [p.item, p.link, p.fetches, p.ruleId]),
            [1, 2, 3].map((n) => [`r${n}`, `${base}/p/${n}`, 1, 'ingest/fetch-failed']),
          );
          assert.match(waiting[0]!.reason, /HTTP 503/u);
          assert.equal((await s.stats()).pendingFetches, 3);
          // the feed no longer lists item 1, and its page answers now: a new --follow still reads it
          listed = [2, 3];
          up.add('/p/1');
          // past their next attempt (one interval after the failure): all due at the first poll
          await new Promise((r) => setTimeout(r, 30));
          const second = await run(2);
          assert.deepEqual([second.inserted, second.quarantined], [1, 0]);
          assert.equal((await s.search({ q: 'أمطار' })).total, 1);
          assert.deepEqual(
            asked,
            { '/p/1': 2, '/p/2': 2, '/p/3': 2 },
            'each fetched once by each run, not again as a new item',
          );
          waiting = await s.fetchRetries!.list(feed);
          assert.deepEqual(
            waiting.map((p) => [p.item, p.fetches]),
            [
              ['r2', 2],
              ['r3', 2],
            ],
          );
          assert.ok(Date.parse(waiting[0]!.nextAt) > Date.parse(waiting[0]!.firstAt));
          // a plain ingest: what still waits is tried at once; a page that answers is stored, one
          // that does not keeps its teaser (partial) — nothing waits any more, nothing is lost
          up.add('/p/2');
          const third = await run();
          assert.deepEqual([third.inserted, third.quarantined], [2, 0]);
          assert.equal((await s.fetchRetries!.list(feed)).length, 0);
          const st = await s.stats();
          assert.deepEqual([st.articles, st.partial, st.pendingFetches], [3, 1, 0]);
          const kept = (await s.search({ q: 'الجبلية' })).hits[0];
          assert.ok(kept);
          const why = (await s.get(kept.id))!.article.warnings.find((w) => w.ruleId === 'feed/teaser-only');
          assert.match(why?.reason ?? '', /HTTP 503.*tried 3 times since \d{4}-\d{2}-\d{2}T.*given up/su);
          // save writes over, drop removes
          const p = { ...waiting[0]!, fetches: 4 };
          await s.fetchRetries!.save(p);
          await s.fetchRetries!.save({ ...p, fetches: 5 });
          assert.deepEqual(
            (await s.fetchRetries!.list()).map((w) => w.fetches),
            [5],
          );
          await s.fetchRetries!.drop(p.feed, p.item);
          assert.deepEqual(await s.fetchRetries!.list(), []);
        } finally {
          server.close();
          await s.close();
        }
      });

      it('ingest: a JSONL record changed under the same id or url is updated in place, its earlier text kept as superseded', async () => {
        const s = await opts.fresh();
        const dir = tempDir('khabar-record-');
        try {
          const file = join(dir, 'news.jsonl');
          const rec = (town: string) => [
            JSON.stringify({ id: 'r1', text: `${arabicArticle(5180, 2)} وسيعقد الاجتماع في ${town}.` }),
            JSON.stringify({ url: 'https://example.org/n/2', text: `${arabicArticle(5181, 2)} في ${town}.` }),
          ];
          writeFileSync(file, rec('صفاقس').join('\n'));
          const run = () => runIngest({ store: s, items: openSource(file), process: processArticle });
          assert.equal((await run()).inserted, 2);
          writeFileSync(file, rec('قابس').join('\n'));
          const changed = await run();
          assert.deepEqual([changed.updated, changed.inserted], [2, 0]);
          const st = await s.stats();
          // was: the earlier texts replaced and lost (superseded 0)
          assert.deepEqual([st.articles, st.superseded], [2, 2]);
          assert.equal((await s.search({ q: 'صفاقس' })).total, 0);
          assert.equal((await s.search({ q: 'قابس' })).total, 2);
          for (const hit of (await s.search({ q: 'قابس' })).hits) {
            const vs = (await s.versions?.(hit.id)) ?? [];
            assert.equal(vs.length, 1, hit.id);
            const v = await s.version?.(vs[0]!.id);
            assert.match(v?.article.text ?? '', /صفاقس/u);
            assert.equal(v?.article.superseded?.supersededBy, hit.id);
          }
          assert.deepEqual([(await run()).unchanged, (await s.stats()).superseded], [2, 2]);
        } finally {
          await s.close();
        }
      });

      it('concurrent puts of the same article store it once', async () => {
        const s = await opts.fresh();
        try {
          const d = makeDoc(DOCS[2]!);
          const rs = await Promise.all([s.put(d), s.put(d), s.put(d), s.put(d)]);
          assert.deepEqual(rs.map((r) => r.status).sort(), [
            'inserted',
            'unchanged',
            'unchanged',
            'unchanged',
          ]);
          assert.equal((await s.stats()).articles, 1);
        } finally {
          await s.close();
        }
      });

      it('entities are upserted by id and their aliases merged', async () => {
        const view = await store.entity('country:IRN');
        assert.ok(view, 'Iran stored');
        assert.ok(view.entity.names.aliases.includes('الجمهورية الإسلامية'));
        assert.ok(
          view.entity.names.aliases.includes('طهران الرسمية'),
          'alias from the second article merged',
        );
        assert.equal(view.articles, 2);
        // Lookup keys of an alias merged later are added to those the entity already had.
        for (const q of ['طهران الرسمية', 'الجمهورية الإسلامية', 'إيران'])
          assert.ok(
            (await store.entities({ q })).items.some((e) => e.entity.id === 'country:IRN'),
            `Iran found by «${q}»`,
          );
        const list = await store.entities({ q: 'Larijani' });
        assert.deepEqual(
          list.items.map((e) => e.entity.id),
          ['person:ali-larijani'],
        );
        assert.equal(
          (await store.entities({ country: 'PAK', type: 'PERS' })).items[0]?.entity.id,
          'person:mohsin-naqvi',
        );
      });

      it('quarantine keeps rejected inputs with their reasons', async () => {
        const s = await opts.fresh();
        try {
          await s.quarantine({
            source: 'a.bin',
            ruleId: 'ingest/binary',
            reason: 'looks binary',
            at: '2026-01-01T00:00:00Z',
          });
          await s.quarantine({
            source: 'feed.jsonl:7',
            ruleId: 'ingest/bad-json',
            reason: 'line 7 is not JSON',
            at: '2026-01-01T00:00:01Z',
            raw: '{oops',
          });
          const q1 = await s.quarantined();
          assert.equal(q1.total, 2);
          assert.equal(q1.items[0]?.ruleId, 'ingest/bad-json');
          assert.equal(q1.items[0]?.raw, '{oops');
          assert.equal((await s.stats()).quarantined, 2);
        } finally {
          await s.close();
        }
      });

      it('export → import rebuilds the whole archive: links, quarantine, merged entities, outlets', async () => {
        const a = await opts.fresh();
        const b = await opts.fresh();
        try {
          await loadArchive(a);
          // An exact copy (linked, not stored) and a near-duplicate (stored, linked).
          const orig = makeDoc(DOCS[1]!);
          const copy = structuredClone(orig);
          copy.article.id = 'copy-1';
          copy.article.url = 'https://example.org/copy';
          assert.equal((await a.put(copy)).status, 'duplicate');
          const near = makeDoc({
            ...DOCS[1]!,
            id: 'near-1',
            text: `${DOCS[1]!.text} وأضافت أن التنفيذ يبدأ العام المقبل.`,
          });
          assert.equal((await a.put(near, { nearDuplicateOf: orig.article.id })).status, 'near-duplicate');
          // An article rewritten with another alias: the stored entity keeps both (merged).
          const spec = DOCS.find((d) => d.mentions?.some((m) => m.entity.id === LARIJANI.id))!;
          const other = { ...LARIJANI, names: { ...LARIJANI.names, aliases: ['الدكتور لاريجاني'] } };
          const rewritten = makeDoc({
            ...spec,
            text: `${spec.text}\nوقال مصدر إن المحادثات كانت مثمرة.`,
            mentions: spec.mentions!.map((m) => (m.entity.id === LARIJANI.id ? { ...m, entity: other } : m)),
          });
          assert.equal((await a.put(rewritten)).status, 'updated');
          assert.deepEqual((await a.entity(LARIJANI.id))?.entity.names.aliases.sort(), [
            'الدكتور لاريجاني',
            'لاريجاني',
          ]);
          // An article without an outlet, and the quarantine.
          await a.put(makeDoc({ id: 'no-outlet', text: 'خبر قصير بلا مصدر معروف كتب لهذا الاختبار.' }));
          await a.quarantine({
            source: 'x.bin',
            ruleId: 'ingest/binary',
            reason: 'looks binary',
            at: '2026-01-01T00:00:00Z',
          });
          await a.quarantine({
            source: 'f.jsonl:3',
            ruleId: 'ingest/bad-json',
            reason: 'line 3 is not JSON',
            at: '2026-01-01T00:00:01Z',
            raw: '{oops',
          });
          // A feed item waiting for its page (`ingest --follow`): an import must keep it waiting.
          const waiting = {
            feed: 'https://example.org/feed.xml',
            item: 'guid-7',
            link: 'https://example.org/news/7',
            fetches: 2,
            firstAt: '2026-12-01T09:00:00Z',
            nextAt: '2026-12-01T09:20:00Z',
            ruleId: 'ingest/fetch-timeout',
            reason: 'https://example.org/news/7: no answer in 20 s',
            data: JSON.stringify({ title: 'عنوان الخبر', link: 'https://example.org/news/7' }),
          };
          await a.fetchRetries!.save(waiting);

          const dump = async (s: Store) => {
            const lines: string[] = [];
            for await (const r of exportRecords(s, 'articles', 'jsonl')) lines.push(JSON.stringify(r));
            return lines;
          };
          async function* each(xs: string[]) {
            yield* xs;
          }
          const all = async <T>(it: AsyncIterable<T>) => {
            const out: T[] = [];
            for await (const x of it) out.push(x);
            return out;
          };
          const first = await dump(a);
          const sum = await importJsonl(b, each(first), { source: 'export.jsonl' });
          assert.equal(sum.quarantined, 0);

          const sa = await a.stats();
          const sb = await b.stats();
          assert.deepEqual(sb, sa);
          assert.equal(sb.duplicates, 1);
          assert.equal(sb.nearDuplicates, 1);
          assert.equal(sb.quarantined, 2);
          assert.equal(sb.pendingFetches, 1);
          assert.equal(sum.pendingFetches, 1);
          assert.deepEqual(await b.fetchRetries!.list(), [waiting]);
          assert.deepEqual(await all(b.archive!.links()), await all(a.archive!.links()));
          assert.equal(sum.links, 2);
          assert.equal(sum.quarantine, 2);
          assert.deepEqual(await all(b.archive!.quarantineLog()), await all(a.archive!.quarantineLog()));
          assert.deepEqual(await all(b.archive!.entityLog()), await all(a.archive!.entityLog()));
          assert.deepEqual((await b.entity(LARIJANI.id))?.entity.names.aliases.sort(), [
            'الدكتور لاريجاني',
            'لاريجاني',
          ]);
          assert.deepEqual(await b.list({ limit: 50 }), await a.list({ limit: 50 }));
          // The entity's lookup keys came back too: an actor search by the old alias finds it.
          assert.deepEqual(
            (await b.entities({ q: 'لاريجاني' })).total,
            (await a.entities({ q: 'لاريجاني' })).total,
          );
          assert.deepEqual(await dump(b), first);
          // Importing again changes nothing.
          const again = await importJsonl(b, each(first), { source: 'export.jsonl' });
          assert.deepEqual(
            [again.links, again.quarantine, again.entities, again.inserted, again.pendingFetches],
            [0, 0, 0, 0, 0],
          );
          assert.deepEqual(await b.stats(), sa);
          // An item that waited longer in the export is written back as exported, its first failure too.
          await b.fetchRetries!.save({ ...waiting, fetches: 1, firstAt: '2026-12-02T00:00:00Z' });
          const over = await importJsonl(b, each(first), { source: 'export.jsonl' });
          assert.equal(over.pendingFetches, 1);
          assert.deepEqual(await b.fetchRetries!.list(), [waiting]);
        } finally {
          await a.close();
          await b.close();
        }
      });

      it('import: a record line it cannot write back is quarantined with its reason', async () => {
        const s = await opts.fresh();
        try {
          async function* lines() {
            yield JSON.stringify({ record: 'link', id: 'x', kind: 'exact', at: '2026-01-01T00:00:00Z' });
            yield JSON.stringify({ record: 'story', id: 'x' });
            yield JSON.stringify({
              record: 'pending-fetch',
              feed: 'https://example.org/f',
              item: 'i',
              fetches: 1,
            });
          }
          const sum = await importJsonl(s, lines(), { source: 'bad.jsonl' });
          assert.equal(sum.quarantined, 3);
          const q = (await s.quarantined()).items.map((i) => i.reason).sort();
          assert.match(q[0]!, /line 1: link: "duplicateOf" is missing/);
          assert.match(q[1]!, /line 2: unknown record "story"/);
          assert.match(q[2]!, /line 3: pending-fetch: "link" is missing/);
          assert.deepEqual(await s.fetchRetries!.list(), []);
        } finally {
          await s.close();
        }
      });
    });

    describe('reading', () => {
      it('get returns the stored document as it was put', async () => {
        assert.deepEqual(await store.get('t-larijani'), makeDoc(DOCS[3]!));
        assert.equal(await store.get('nope'), undefined);
      });

      it('list pages newest first and filters by outlet and dates', async () => {
        const all = await store.list({ limit: 2 });
        assert.equal(all.total, DOCS.length);
        assert.deepEqual(
          all.items.map((i) => i.id),
          ['t-larijani', 't-strategy-adj'],
        );
        const next = await store.list({ limit: 2, offset: 2 });
        assert.deepEqual(
          next.items.map((i) => i.id),
          ['t-strategy-plural', 't-strategy-exact'],
        );
        assert.equal((await store.list({ outlet: 'وكالة السهل' })).total, 3);
        assert.equal((await store.list({ from: '2025-10', to: '2025-10' })).total, 2);
      });

      it('iterate yields every article in ingest order', async () => {
        const seen: string[] = [];
        for await (const d of store.iterate()) seen.push(d.article.id);
        assert.deepEqual(
          seen,
          DOCS.map((d) => d.id),
        );
      });

      it('events filter by type, country, actor, dates and article; dyads count them', async () => {
        assert.equal((await store.events()).total, 2);
        assert.equal((await store.events({ type: ['CONSULT'] })).items[0]?.articleId, 't-larijani');
        assert.equal((await store.events({ country: 'EGY' })).items[0]?.type, 'AGREE');
        assert.equal((await store.events({ actor: 'person:mohsin-naqvi' })).total, 1);
        assert.equal((await store.events({ from: '2025-01-01' })).total, 1);
        assert.equal((await store.events({ articleId: 't-cooperation-egypt' })).total, 1);
        const dy = await store.dyads({ level: 'country' });
        const irnPak = dy.find((d) => d.source === 'IRN' && d.target === 'PAK');
        assert.equal(irnPak?.counts.CONSULT, 1);
        assert.equal(irnPak?.periods[0]?.period, '2025-11');
      });

      it('eventsUpTo reads the events of a filter as events pages them, in one read, with their total', async () => {
        // An entity's page reads them so (uidef4): page by page, each page sorted and counted the whole match again.
        assert.ok(store.eventsUpTo);
        for (const f of [{}, { country: 'EGY' }, { actor: 'person:mohsin-naqvi' }, { country: 'ZZZ' }]) {
          const paged = await store.events({ ...f, limit: 100 });
          assert.deepEqual(await store.eventsUpTo(f, 20_000), paged);
          const one = await store.eventsUpTo(f, 1);
          assert.equal(one.total, paged.total, 'the total counts them all past the cap');
          assert.deepEqual(one.items, paged.items.slice(0, 1));
        }
        // a page past the end counts them still
        assert.deepEqual(await store.events({ limit: 10, offset: 5 }), { total: 2, items: [] });
        assert.equal((await store.events({ limit: 1, offset: 1 })).total, 2);
      });
    });

    describe('search', () => {
      it('«الاستراتيجية» finds «استراتيجي», «والاستراتيجيات» and «استراتيجيا»; the exact form ranks first', async () => {
        const r = await q('الاستراتيجية');
        assert.deepEqual(
          new Set(ids(r)),
          new Set(['t-strategy-exact', 't-strategy-plural', 't-strategy-adj']),
        );
        assert.equal(r.hits[0]?.id, 't-strategy-exact');
        assert.equal((await q('استراتيجي')).total, 3);
        assert.equal((await q('والاستراتيجيات')).total, 3);
      });

      it('hamza seats, taa marbuta and definite article do not matter', async () => {
        // t-hamza writes «المسئولون» and «مسؤولة»; others write «المسؤولون», «مسؤول».
        const hamza = ids(await q('المسؤولون'));
        assert.ok(hamza.includes('t-hamza'), hamza.join());
        assert.equal(hamza[0], 't-cooperation-egypt', 'the same spelling ranks first');
        assert.ok(ids(await q('مسئولة')).includes('t-hamza'));
        assert.deepEqual(ids(await q('مدرسه')), ['t-hamza']);
        assert.deepEqual(ids(await q('المدارس')), ['t-hamza']);
      });

      it('a foreign name in either spelling: ج/غ (ك/ق) for /g/, ف/ڤ, ب/پ, written as one word or two', async () => {
        // Our own sentences; each loanword spelt one way in the archive, searched the other way.
        const s = await opts.fresh();
        try {
          const put = (id: string, text: string, day: string) =>
            s.put(
              makeDoc({
                id,
                text,
                title: 'خبر',
                outlet: 'وكالة السهل',
                published: `2025-06-${day}T09:00:00Z`,
              }),
            );
          await put('g-gh', 'قال الأمين العام أنطونيو غوتيريش إن المفاوضات ستستأنف الأسبوع المقبل.', '01');
          await put('g-j', 'أطلقت شركة جوجل خدمة جديدة لترجمة النصوص القصيرة.', '02');
          await put('vw-one', 'أعلنت فولكسفاغن عن سيارة كهربائية صغيرة للمدن.', '03');
          await put('vw-two', 'قالت شركة فولكس فاجن إن مصنعها الجديد يفتح أبوابه في الربيع.', '04');
          await put('v-p', 'زار الوفد مصنع ڤولفو ثم التقى پيتر مدير المبيعات.', '05');
          await put('native', 'تحدث كمال عن القرب من الأسواق والجيش والقوات في الجبل.', '06');
          const found = async (query: string) => ids(await s.search({ q: query, limit: 50 })).sort();
          assert.deepEqual(await found('جوتيريش'), ['g-gh']);
          assert.deepEqual(await found('غوغل'), ['g-j']);
          assert.deepEqual(await found('قوقل'), ['g-j'], 'ق for /g/ too');
          assert.deepEqual(await found('فولكسفاغن'), ['vw-one', 'vw-two'], 'one word finds two');
          assert.deepEqual(await found('فولكس فاجن'), ['vw-one', 'vw-two'], 'two words find one');
          assert.deepEqual(await found('"فولكس فاغن"'), ['vw-one', 'vw-two']);
          assert.equal(
            ids(await s.search({ q: 'فولكسفاغن', limit: 50 }))[0],
            'vw-one',
            'the exact spelling first',
          );
          assert.deepEqual(await found('فولفو'), ['v-p'], 'ف for ڤ');
          assert.deepEqual(await found('بيتر'), ['v-p'], 'ب for پ');
          // Native words keep their letters: «جمال» is not «كمال», «الغرب» is not «القرب»…
          for (const native of ['جمال', 'الغرب', 'الكيش', 'الغوات', 'القبل'])
            assert.deepEqual(await found(native), [], `«${native}» finds nothing`);
        } finally {
          await s.close();
        }
      });

      it('a Latin-script name finds the Arabic one', async () => {
        assert.deepEqual(ids(await q('Larijani')), ['t-larijani']);
        assert.deepEqual(ids(await q('"Ali Larijani"')), ['t-larijani']);
      });

      it('phrases, AND / OR / NOT, -word, prefix and parentheses', async () => {
        assert.deepEqual(ids(await q('"الشراكة الاستراتيجية"')), ['t-strategy-exact']);
        assert.equal((await q('"الاستراتيجية الشراكة"')).total, 0, 'a phrase keeps word order');
        assert.deepEqual(ids(await q('استراتيجي AND الزراعة')), ['t-strategy-adj']);
        assert.deepEqual(ids(await q('استراتيجي الزراعة')), ['t-strategy-adj'], 'side by side means AND');
        assert.deepEqual(
          new Set(ids(await q('الزراعة OR النقل'))),
          new Set(['t-strategy-adj', 't-strategy-plural']),
        );
        assert.deepEqual(
          new Set(ids(await q('استراتيجي -الزراعة'))),
          new Set(['t-strategy-exact', 't-strategy-plural']),
        );
        assert.deepEqual(
          new Set(ids(await q('استراتيجي NOT الزراعة'))),
          new Set(['t-strategy-exact', 't-strategy-plural']),
        );
        // A NOT beside a filter narrows it; alone it is an error (below).
        assert.equal((await q('-استراتيجي from:2024')).total, DOCS.length - 3);
        assert.equal((await q('NOT استراتيجي from:2024')).total, DOCS.length - 3);
        assert.deepEqual(ids(await q('المزارع*')), ['t-strategy-adj']);
        assert.deepEqual(
          new Set(ids(await q('(الزراعة OR النقل) AND الوزارة'))),
          new Set(['t-strategy-plural']),
        );
      });

      it('prefixes of 2 to 5 letters find the same articles (the SQLite index has prefixes of 2–4)', async () => {
        const strategy = new Set(['t-strategy-exact', 't-strategy-plural', 't-strategy-adj']);
        // «اس*» matches «استراتيجيا» by its form and «الاستراتيجية», «والاستراتيجيات» by their bare form.
        for (const p of ['اس*', 'است*', 'استر*', 'استرا*']) {
          assert.deepEqual(new Set(ids(await q(p))), strategy, p);
        }
        assert.deepEqual(ids(await q('مز*')), ['t-strategy-adj']);
        const one = await q('ا*');
        assert.match((one.warnings ?? []).join(' '), /at least two letters/);
        assert.equal(one.total, 0, 'searched as the one-letter word «ا», which no article has');
      });

      it('total is exact up to the cap, then a lower bound with totalExact false', async () => {
        const capped = store as unknown as { totalCap: number };
        const was = capped.totalCap;
        capped.totalCap = 2;
        try {
          const many = await q('-استراتيجي from:2024');
          assert.deepEqual([many.total, many.totalExact], [2, false]);
          assert.equal(many.hits.length, Math.min(50, DOCS.length - 3), 'pages go on past the cap');
          assert.deepEqual(
            [(await q('الاستراتيجية')).total, (await q('الاستراتيجية')).totalExact],
            [2, false],
          );
          const two = await q('"الشراكة الاستراتيجية" OR المزارع*');
          assert.deepEqual([two.total, two.totalExact], [2, true], 'exactly the cap is exact');
          const one = await q('Larijani');
          assert.deepEqual([one.total, one.totalExact], [1, true]);
          // With facets the newest matches up to the cap are counted, and the total says so.
          const withFacets = await q({ q: 'الاستراتيجية', facets: true });
          assert.deepEqual([withFacets.total, withFacets.totalExact], [2, false]);
          const months = withFacets.facets!.months.reduce((n, m) => n + m.count, 0);
          assert.equal(months, 2, 'facets count the matches counted in the total');
          assert.deepEqual(
            withFacets.facets!.months.map((m) => m.value),
            ['2025-10'],
            'the two newest stored (t-strategy-plural, t-strategy-adj)',
          );
          const under = await q({ q: '"الشراكة الاستراتيجية" OR المزارع*', facets: true });
          assert.deepEqual([under.total, under.totalExact], [2, true]);
        } finally {
          capped.totalCap = was;
        }
      });

      it('outlet and date filters with words: day, month and year grains, open ends, several outlets', async () => {
        const all = new Set(['t-strategy-exact', 't-strategy-plural', 't-strategy-adj']);
        const got = async (s: string) => new Set(ids(await q(`استراتيجي ${s}`)));
        assert.deepEqual(
          await got('from:2025-10-02 to:2025-10-15'),
          new Set(['t-strategy-plural', 't-strategy-adj']),
        );
        assert.deepEqual(await got('from:2025-10-03 to:2025-10-15'), new Set(['t-strategy-adj']));
        assert.deepEqual(await got('from:2025-09-10 to:2025-10-01'), new Set(['t-strategy-exact']));
        assert.deepEqual(await got('from:2025-09-11'), new Set(['t-strategy-plural', 't-strategy-adj']));
        assert.deepEqual(await got('to:2025-10-14'), new Set(['t-strategy-exact', 't-strategy-plural']));
        assert.deepEqual(await got('from:2024 to:2025'), all);
        assert.deepEqual(await got('from:2024-12 to:2025-09'), new Set(['t-strategy-exact']));
        assert.deepEqual(await got('from:2026'), new Set());
        assert.deepEqual(await got('from:2025-11 to:2025-10'), new Set(), 'an empty range');
        assert.deepEqual(await got('outlet:"وكالة السهل"'), new Set(['t-strategy-adj']));
        assert.deepEqual(await got('outlet:"وكالة السهل" outlet:"صحيفة الواحة"'), all);
        assert.deepEqual(await got('outlet:"صحيفة الواحة" from:2025-10'), new Set(['t-strategy-plural']));
        assert.deepEqual(await got('outlet:"وكالة"'), new Set(), 'the outlet as stored, not part of it');
        // The same filters without words read the articles table: the same articles.
        assert.equal((await q('from:2025-10-02 to:2025-10-15')).total, 2);
        // Relevance order and date order agree on what matches.
        const byDate = await q({ q: 'استراتيجي from:2025-10', sort: 'date', limit: 50 });
        assert.deepEqual(ids(byDate), ['t-strategy-adj', 't-strategy-plural']);
      });

      it("date order of a common word: newest first by UTC time, though the days are the outlets' own", async () => {
        const s = await opts.fresh();
        // Walk the days for any match count (2,000 by default).
        (s as unknown as { walkFrom: number }).walkFrom = 1;
        try {
          // Z is a day newer than Y by its local day, and 22 hours older in UTC. Nine older
          // articles f13…f21 (one a day, 13–21 December) make the first window of the walk
          // for two hits 7 days (2 × 2 hits × 19 days / 12 matches): 25–31 December, which
          // holds X and Z; Y comes from the two days read past it.
          const specs = [
            { id: 'x', published: '2025-12-31T10:00:00+00:00' },
            { id: 'y', published: '2025-12-24T23:00:00-10:00' },
            { id: 'z', published: '2025-12-25T01:00:00+14:00' },
            ...Array.from({ length: 9 }, (_, k) => ({
              id: `f${13 + k}`,
              published: `2025-12-${13 + k}T08:00:00+00:00`,
            })),
          ];
          for (const [i, sp] of specs.entries()) {
            await s.put(
              makeDoc({ ...sp, text: `اجتمع المجلس البلدي في جلسته رقم ${i + 1} لمناقشة الميزانية.` }),
            );
          }
          const page = async (limit: number, offset = 0) =>
            ids(await s.search({ q: 'الميزانية', sort: 'date', limit, offset }));
          assert.deepEqual(await page(2), ['x', 'y']);
          assert.deepEqual(await page(5), ['x', 'y', 'z', 'f21', 'f20']);
          assert.deepEqual(await page(2, 2), ['z', 'f21']);
          assert.deepEqual(await page(5, 10), ['f14', 'f13']);
          assert.deepEqual(ids(await s.search({ q: 'الميزانية from:2025-12-22', sort: 'date' })), [
            'x',
            'y',
            'z',
          ]);
          // A `to:` or `from:` bound starts or stops the walk there: Y (its own day 24
          // December, 25 December in UTC) is in `to:2025-12-24` and sorts first by UTC time.
          const dated = async (q: string, limit = 3) => ids(await s.search({ q, sort: 'date', limit }));
          assert.deepEqual(await dated('الميزانية to:2025-12-24'), ['y', 'f21', 'f20']);
          assert.deepEqual(await dated('الميزانية from:2025-12-14 to:2025-12-16', 10), ['f16', 'f15', 'f14']);
          assert.deepEqual(await dated('الميزانية to:2025-12', 12), await page(12));
          assert.deepEqual(await dated('الميزانية from:2025 to:2025'), ['x', 'y', 'z']);
          assert.deepEqual(await dated('الميزانية to:2025-11'), []);
        } finally {
          await s.close();
        }
      });

      it('filters: outlet, dates, country by code or Arabic name, type, actor, section', async () => {
        assert.equal((await q('outlet:"وكالة السهل"')).total, 3);
        assert.deepEqual(
          new Set(ids(await q('استراتيجي from:2025-10'))),
          new Set(['t-strategy-plural', 't-strategy-adj']),
        );
        assert.deepEqual(ids(await q('استراتيجي to:2025-09-30')), ['t-strategy-exact']);
        assert.deepEqual(
          new Set(ids(await q('country:IRN'))),
          new Set(['t-larijani', 't-cooperation-egypt']),
        );
        assert.deepEqual(
          new Set(ids(await q('country:إيران'))),
          new Set(['t-larijani', 't-cooperation-egypt']),
        );
        assert.deepEqual(ids(await q('التعاون country:EGY')), ['t-cooperation-egypt']);
        assert.deepEqual(ids(await q('type:consult')), ['t-larijani']);
        assert.deepEqual(ids(await q('actor:person:ali-larijani')), ['t-larijani']);
        assert.deepEqual(ids(await q('actor:لاريجاني')), ['t-larijani']);
        assert.deepEqual(ids(await q('actor:Larijani')), ['t-larijani']);
        // «التعاون» is in both key points; «توتر» only outside them.
        assert.deepEqual(ids(await q('التعاون section:key_points')), ['t-larijani']);
        assert.equal((await q('توتر section:key_points')).total, 0);
        assert.deepEqual(ids(await q('توتر section:why_it_matters')), ['t-larijani']);
        assert.deepEqual(
          new Set(ids(await q('section:key_points'))),
          new Set(['t-larijani', 't-cooperation-egypt']),
        );
        const viaRequest = await store.search({ q: 'استراتيجي', filters: { outlet: ['وكالة السهل'] } });
        assert.deepEqual(ids(viaRequest), ['t-strategy-adj']);
      });

      it('an empty answer says which actor: or outlet: value the archive does not know', async () => {
        const none = await q('actor:Nobody outlet:"وكالة لا توجد"');
        assert.equal(none.total, 0);
        assert.equal(none.warnings?.length, 2, String(none.warnings));
        assert.match(none.warnings![0]!, /^actor:Nobody names no actor of the archive/u);
        assert.match(none.warnings![1]!, /^outlet:"وكالة لا توجد" is no outlet of the archive/u);
        // Known values that only match nothing together with the words: no such note.
        const known = await q('كلمةغيرموجودة actor:Larijani outlet:"وكالة السهل"');
        assert.equal(known.total, 0);
        assert.equal(known.warnings, undefined);
      });

      it('actor: a family name alone finds the person (no alias needed); a given name or a piece of an id does not', async () => {
        // Entities as the pipeline makes them: full names, no «family name» alias.
        const s = await opts.fresh();
        try {
          const haddad = {
            id: 'person:samir-haddad',
            type: 'PERS' as const,
            names: { ar: 'سمير حداد', en: 'Samir Haddad', latin: 'Samir Haddad', aliases: [] },
          };
          const abdallah = {
            id: 'person:hani-abd-allah',
            type: 'PERS' as const,
            names: { ar: 'هاني عبد الله', en: 'Hani Abd Allah', aliases: [] },
          };
          await s.put(
            makeDoc({
              id: 'f-haddad',
              outlet: 'وكالة السهل',
              published: '2025-11-05T10:00:00Z',
              title: 'لقاء في المدينة',
              text: 'التقى سمير حداد رئيس البلدية هاني عبد الله في المدينة اليوم.',
              mentions: [
                { surface: 'سمير حداد', entity: haddad },
                { surface: 'هاني عبد الله', entity: abdallah },
              ],
            }),
          );
          const found = async (v: string) => ids(await s.search({ q: `actor:${v}` }));
          for (const v of ['person:samir-haddad', 'حداد', 'Haddad', 'haddad', '"سمير حداد"', '"عبد الله"']) {
            assert.deepEqual(await found(v), ['f-haddad'], v);
          }
          for (const v of ['سمير', 'Samir', 'الله', 'person', 'haddad-samir', 'person:samir', 'hani-abd']) {
            assert.deepEqual(await found(v), [], v);
          }
          assert.deepEqual(
            (await s.entities({ q: 'حداد' })).items.map((e) => e.entity.id),
            ['person:samir-haddad'],
          );
        } finally {
          await s.close();
        }
      });

      it('a mention of two entities («الطرفان» → both parties) counts for each of them', async () => {
        const s = await opts.fresh();
        try {
          const d = makeDoc({
            id: 'f-both',
            published: '2025-11-05T10:00:00Z',
            text: 'التقى علي لاريجاني محسن نقوي، واتفق الطرفان على تعزيز التعاون.',
            mentions: [
              { surface: 'علي لاريجاني', entity: LARIJANI },
              { surface: 'محسن نقوي', entity: NAQVI },
            ],
          });
          const at = d.article.text.indexOf('الطرفان');
          d.analysis.mentions.push({
            span: [at, at + 'الطرفان'.length],
            text: 'الطرفان',
            type: 'PERS',
            entityId: LARIJANI.id,
            entityIds: [LARIJANI.id, NAQVI.id],
            role: 'coref',
            via: 'coref',
            confidence: 0.7,
          });
          await s.put(d);
          assert.equal((await s.entity(LARIJANI.id))?.mentions, 2);
          assert.equal((await s.entity(NAQVI.id))?.mentions, 2);
          assert.equal((await s.entity(NAQVI.id))?.articles, 1);
          const listed = (await s.entities({ type: 'PERS' })).items.map((e) => [e.entity.id, e.mentions]);
          assert.deepEqual(listed, [
            [LARIJANI.id, 2],
            [NAQVI.id, 2],
          ]);
          // Written again, nothing doubles.
          await s.put(d);
          assert.equal((await s.entity(NAQVI.id))?.mentions, 2);
        } finally {
          await s.close();
        }
      });

      it('entity counts kept at write time equal those of an archive written with the final texts (uidef3)', async () => {
        // GET /api/entities grouped every mention of the archive on each call; the counts are
        // now kept as articles are written, changed and superseded. An archive that saw an
        // article change (fewer mentions, another entity) counts as one that only saw the end.
        const a = await opts.fresh();
        const b = await opts.fresh();
        try {
          const all = docs();
          for (const d of all) await a.put(d);
          const at = DOCS.findIndex((d) => (d.mentions?.length ?? 0) >= 2);
          const spec = DOCS[at]!;
          const changed = makeDoc({
            ...spec,
            text: `${spec.text}\nوأضاف المصدر أن المحادثات ستستأنف.`,
            mentions: spec.mentions!.slice(0, 1),
          });
          assert.equal((await a.put(changed)).status, 'updated');
          for (const d of all) await b.put(d.article.id === spec.id ? changed : d);
          const view = async (s: Store) =>
            (await s.entities({ limit: 500 })).items.map((v) => [v.entity.id, v.mentions, v.articles]);
          // (an entity only the first version named leaves the archive: SqlStore.dropUnnamed)
          const counted = await view(a);
          assert.deepEqual(counted, await view(b));
          assert.ok(counted.filter(([, m]) => Number(m) > 0).length >= 3, JSON.stringify(counted));
          // most mentioned first, ties by id
          const order = [...counted].sort(
            ([x, mx], [y, my]) => Number(my) - Number(mx) || (String(x) < String(y) ? -1 : 1),
          );
          assert.deepEqual(counted, order);
          for (const [id, m, n] of counted) {
            const one = await a.entity(String(id));
            assert.deepEqual([one?.mentions, one?.articles], [m, n], String(id));
          }
        } finally {
          await a.close();
          await b.close();
        }
      });

      it('facets count countries, actors, types, outlets and months over all matches', async () => {
        assert.ok(!('facets' in (await store.search({ q: 'التعاون' }))), 'not asked: no facets');
        const r = await store.search({ q: 'التعاون', facets: true, limit: 1 });
        assert.equal(r.total, 2);
        assert.equal(r.hits.length, 1);
        const count = (list: { value: string; count: number }[], v: string) =>
          list.find((x) => x.value === v)?.count;
        assert.equal(count(r.facets!.countries, 'IRN'), 2);
        assert.equal(count(r.facets!.countries, 'PAK'), 1);
        assert.equal(r.facets!.countries.find((x) => x.value === 'IRN')?.label, 'إيران');
        assert.equal(count(r.facets!.actors, 'person:ali-larijani'), 1);
        assert.equal(count(r.facets!.types, 'AGREE'), 1);
        assert.equal(count(r.facets!.outlets, 'صحيفة الواحة'), 1);
        assert.deepEqual(
          r.facets!.months.map((m) => m.value),
          ['2025-11', '2024-12'],
        );
      });

      it('places (cities, regions, towns) are a facet of their own, not actors (polish11)', async () => {
        const s = await opts.fresh();
        try {
          const amman = {
            id: 'city:jor-amman',
            type: 'LOC' as const,
            names: { ar: 'عمّان', en: 'Amman', aliases: [] },
            country: 'JOR',
          };
          const town = {
            id: 'place:tall-alward',
            type: 'LOC' as const,
            names: { ar: 'تل الورد', aliases: [] },
          };
          await s.put(
            makeDoc({
              id: 'f-places',
              published: '2025-11-05T10:00:00Z',
              text: 'استقبل علي لاريجاني في عمّان وفدًا من بلدة تل الورد لبحث مشروع الري الجديد.',
              mentions: [
                { surface: 'علي لاريجاني', entity: LARIJANI },
                { surface: 'عمّان', entity: amman },
                { surface: 'تل الورد', entity: town },
              ],
            }),
          );
          const f = (await s.search({ q: 'الري', facets: true })).facets!;
          assert.deepEqual(
            f.actors.map((a) => a.value),
            ['person:ali-larijani'],
            'no city or town among the actors',
          );
          assert.deepEqual(
            f.places.map((a) => [a.value, a.label]),
            [
              ['city:jor-amman', 'عمّان'],
              ['place:tall-alward', 'تل الورد'],
            ],
          );
          // The actor: filter takes a place's id, as the facet's button gives it.
          assert.equal((await s.search({ q: 'الري actor:city:jor-amman' })).total, 1);
        } finally {
          await s.close();
        }
      });

      it('facets follow writes: a new article, then the same article rewritten', async () => {
        const s = await opts.fresh();
        try {
          const facetsOf = async () => (await s.search({ q: 'المفاوضات', facets: true })).facets!;
          const d = makeDoc({
            id: 'f-1',
            outlet: 'منبر الغد',
            published: '2025-03-04T10:00:00Z',
            text: 'استؤنفت المفاوضات في الصباح بين الجانبين.',
          });
          await s.put(d);
          assert.deepEqual((await facetsOf()).outlets, [{ value: 'منبر الغد', count: 1 }]);
          await s.put(makeDoc({ ...DOCS[0]!, id: 'f-2', text: 'تعثرت المفاوضات مرة أخرى.' }));
          assert.deepEqual((await facetsOf()).outlets, [
            { value: 'صحيفة الواحة', count: 1 },
            { value: 'منبر الغد', count: 1 },
          ]);
          // Rewritten in place (same rid): its old outlet and month are gone.
          const moved = structuredClone(d);
          moved.article.outlet = 'نشرة المساء';
          moved.article.published = '2024-01-02T10:00:00Z';
          assert.equal((await s.put(moved)).status, 'updated');
          const f = await facetsOf();
          assert.deepEqual(
            f.outlets.map((o) => o.value),
            ['صحيفة الواحة', 'نشرة المساء'],
          );
          assert.deepEqual(
            f.months.map((m) => m.value),
            ['2025-09', '2024-01'],
          );
        } finally {
          await s.close();
        }
      });

      it('snippets highlight the words that matched', async () => {
        const r = await q('استراتيجي');
        for (const h of r.hits) {
          assert.ok(h.highlights.length > 0, `${h.id} has a highlight`);
          for (const [a, b] of h.highlights) {
            const word = h.snippet.slice(a, b);
            const t = analyzeText(word)[0];
            assert.ok(t, `highlight «${word}» is a word`);
            assert.equal(t.stem, analyzeText('استراتيجي')[0]!.stem, `«${word}» shares the stem`);
          }
        }
      });

      it("snippets leave out the template's dateline and labels («أهمية الخبر)»)", async () => {
        const s = await opts.fresh();
        try {
          const text = [
            'اجتمع وزراء الزراعة في المنطقة اليوم لبحث خطة مشتركة لمواجهة الجفاف.',
            '',
            'المدينة - خاص: أهمية الخبر) تأتي الخطة بعد موسم جفاف طويل أضر بالمحاصيل.',
            '',
            'الصورة العامة) اتفق الوزراء على إنشاء صندوق للطوارئ يموّل آبار الري.',
          ].join('\n');
          const d = makeDoc({ id: 't-template', text });
          await s.put(d);
          const r = await s.search({ q: 'الخطة' });
          assert.equal(r.total, 1);
          const h = r.hits[0]!;
          assert.match(h.snippet, /تأتي الخطة بعد موسم جفاف/);
          for (const debris of ['أهمية الخبر', 'الصورة العامة', 'خاص:', ')'])
            assert.ok(!h.snippet.includes(debris), `«${debris}» is not in «${h.snippet}»`);
          for (const [a, b] of h.highlights) assert.match(h.snippet.slice(a, b), /خطة/);
        } finally {
          await s.close();
        }
      });

      it('sorts by date and pages', async () => {
        const r = await store.search({ q: 'استراتيجي', sort: 'date' });
        assert.deepEqual(ids(r), ['t-strategy-adj', 't-strategy-plural', 't-strategy-exact']);
        const p2 = await store.search({ q: 'استراتيجي', sort: 'date', limit: 1, offset: 1 });
        assert.equal(p2.total, 3);
        assert.deepEqual(ids(p2), ['t-strategy-plural']);
      });

      it('odd queries never throw: unbalanced quotes and brackets, a mistyped filter', async () => {
        for (const s of ['"غير مغلق', '(استراتيجي', 'استراتيجي)', 'a:b', 'استراتيجي OR', 'استراتيجي ؟!،']) {
          const r = await q(s);
          assert.ok(r.total >= 0);
        }
      });

      it('a query of operators or signs only is a BAD_QUERY naming it, not the whole archive unasked', async () => {
        for (const s of ['OR', 'AND NOT', '*', '- -', '"" ()', '؟!،']) {
          await assert.rejects(q(s), (err: Error & { code?: string }) => {
            assert.equal(err.code, 'BAD_QUERY', s);
            assert.ok(err.message.includes(`the query «${s}» has nothing to search for`), err.message);
            return true;
          });
        }
        // Beside a filter an operator is harmless: the filter is the search.
        assert.ok((await q('OR country:IRN')).total >= 0);
      });

      it('what cannot be searched as asked is a BAD_QUERY error naming it: a date off the calendar, an unknown country, a query that only excludes', async () => {
        const rejects = (req: string | SearchRequest, message: RegExp) =>
          assert.rejects(q(req), (err: Error & { code?: string }) => {
            assert.equal(err.code, 'BAD_QUERY');
            assert.match(err.message, message);
            return true;
          });
        await rejects(
          'استراتيجي from:2017-13',
          /from:2017-13 is not a date: 13 is not a month \(01–12\); write from:YYYY, from:YYYY-MM or from:YYYY-MM-DD/,
        );
        await rejects('استراتيجي to:2025-02-30', /to:2025-02-30 is not a date: February 2025 has no day 30/);
        await rejects('استراتيجي from:x', /from:x is not a date/);
        await rejects({ q: 'استراتيجي', filters: { from: '2025-13' } }, /from=2025-13 is not a date/);
        await rejects(
          'country:Atlantis',
          /country:Atlantis is not a country khabar knows: give an ISO 3166-1 alpha-3 code \(IRN\) or a name/,
        );
        await rejects('country:إيرن', /did you mean إيران \(IRN\)\?/);
        await rejects(
          { q: 'التعاون', filters: { country: ['XYZ'] } },
          /country:XYZ is not a country khabar knows/,
        );
        await rejects(
          'NOT استراتيجي',
          /only excludes \(NOT, -\): a NOT needs something to search for beside it/,
        );
        await rejects('type:FIGHT', /type:FIGHT is not a PLOVER event type: write one of AGREE/);
        await rejects(
          'التعاون section:keypoints',
          /section:keypoints is not a section kind: .*did you mean key_points\?/,
        );
        await rejects('-استراتيجي', /only excludes/);
        await rejects('-استراتيجي -الزراعة', /only excludes/);
      });
    });
  });
}
