/**
 * The CLI's readable tables in Arabic and English (`--lang`, default from the locale), the
 * Hijri date beside the Gregorian, and English glosses in exports and `--json` with --lang en.
 * The archive is built from the example articles plus one of our own with a Hijri date.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { countryName } from '../../src/i18n/glossary.ts';
import { fakeContext } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'khabar-i18n-cli-'));
const db = join(dir, 'archive.db');
const hijri = join(dir, 'hijri.txt');

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const f = fakeContext({ HOME: dir, ...env });
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

const csv = (text: string) => text.trim().split('\n');

describe('CLI tables and exports in two languages', () => {
  before(async () => {
    writeFileSync(
      hijri,
      'وقّع وزير التجارة المصري ونظيره الأردني في عمّان يوم 5 ربيع الأول 1447 هـ اتفاقًا لتوسيع التبادل التجاري بين البلدين.\n\nأهمية الخبر: يأتي الاتفاق بعد تراجع التجارة بين البلدين.\n',
    );
    const r = await run(['ingest', join(root, 'examples/articles.jsonl'), hijri, '--db', db]);
    assert.equal(r.code, 0, r.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('khabar events: the date with the Hijri date the article gave beside it', async () => {
    const en = await run(['events', hijri, '--lang', 'en']);
    assert.match(en.out, /date: 2025-08-28 \(5 Rabi al-Awwal 1447 AH\) «5 ربيع الأول 1447 هـ»/);
    const ar = await run(['events', hijri, '--lang', 'ar']);
    assert.match(ar.out, /التاريخ: 2025-08-28 \(5 ربيع الأول 1447 هـ\)/);
    const json = JSON.parse((await run(['events', hijri, '--json'])).out);
    assert.equal(json.events[0].date.hijri, '1447-03-05');
    assert.equal(json.events[0].date.value, '2025-08-28');
    // a date inside the story's sentence dates the agreement, not the article (no dateline states it)
    assert.equal(json.published, undefined);
  });

  it('khabar search: the table in Arabic or English; --json --lang en adds label_en', async () => {
    const q = 'وزير';
    const en = await run(['search', q, '--facets', '--lang', 'en', '--db', db]);
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /^\d+ results/);
    assert.match(en.out, /\ncountries:\n/);
    assert.match(en.out, / IRN \(Iran\)/);
    assert.match(en.out, /event types:\n\s+\d+ {2}[A-Z]+ \([A-Z][a-z]+\)/);
    assert.doesNotMatch(en.out, /الدول:|نتيجة/);
    const ar = await run(['search', q, '--facets', '--db', db], { LANG: 'ar_EG.UTF-8' });
    assert.match(ar.out, /^(\d+ (نتيجة|نتائج)|نتيجتان|نتيجة واحدة) /);
    assert.match(ar.out, /\nالدول:\n/);
    assert.match(ar.out, / IRN \(إيران\)/);
    assert.doesNotMatch(ar.out, /results|countries:/);
    // The time it took, in Arabic units (polish12: «في 410.99 ms»).
    assert.match(ar.out.split('\n')[0]!, / في [\d.]+ ملي ثانية$/);
    assert.doesNotMatch(ar.out, /\bms\b/);
    assert.match(en.out.split('\n')[0]!, / in [\d.]+ ms$/);
    const j = JSON.parse((await run(['search', q, '--facets', '--json', '--lang', 'en', '--db', db])).out);
    assert.equal(j.facets.countries.find((v: { value: string }) => v.value === 'IRN').label_en, 'Iran');
    assert.ok(
      j.facets.actors.every(
        (v: { label_en?: string }) => v.label_en && !/\p{Script=Arabic}/u.test(v.label_en),
      ),
    );
    const plain = JSON.parse((await run(['search', q, '--facets', '--json', '--db', db])).out);
    assert.equal(plain.facets.countries[0].label_en, undefined, 'codes and Arabic only without --lang en');
  });

  it('khabar status: Arabic from the locale or --lang ar; English otherwise', async () => {
    const ar = await run(['status', '--db', db], { LC_ALL: 'ar_SA.UTF-8' });
    assert.match(ar.out, /الأخبار\s+13/);
    assert.match(ar.out, /الحجر: فارغ/);
    assert.doesNotMatch(ar.out, /articles|quarantine/);
    const en = await run(['status', '--db', db, '--lang', 'en'], { LANG: 'ar_EG.UTF-8' });
    assert.match(en.out, /articles\s+13/);
    assert.match(en.out, /quarantine: empty/);
  });

  it('khabar relations: names in the table language; --json --lang gains source_label/target_label', async () => {
    const file = join(root, 'examples/articles.jsonl');
    const en = await run(['relations', file, '--lang', 'en']);
    assert.match(en.out, /events → \d+ dyads \(country level, per month\)/);
    assert.match(en.out, /Jordan \[JOR\] → Israel \[ISR\] {2}events \d+/);
    const ar = await run(['relations', file, '--lang', 'ar']);
    assert.match(ar.out, /الأردن \[JOR\] → إسرائيل \[ISR\] {2}الأحداث \d+/);
    const actors = await run(['relations', file, '--level', 'actor', '--lang', 'en']);
    assert.match(actors.out, /Abbas Araghchi \[person:[^\]]+\] → Oman \[[^\]]*OMN\]/);
    // A post keeps its country in English, as its Arabic name does («الوزير السوداني»).
    assert.match(actors.out, /^Minister of Sudan \[post:minister-sdn\] → /mu);
    assert.doesNotMatch(actors.out, /^Minister \[post:/mu);
    const j = JSON.parse((await run(['relations', file, '--json', '--lang', 'en'])).out);
    const d = j.find((x: { source: string; target: string }) => x.source === 'JOR' && x.target === 'ISR');
    assert.deepEqual([d.source_label, d.target_label], ['Jordan', 'Israel']);
    const plain = JSON.parse((await run(['relations', file, '--json'])).out);
    assert.equal(plain[0].source_label, undefined);
  });

  it('khabar stories: the list and a comparison in Arabic', async () => {
    const ar = await run(['stories', '--db', db, '--lang', 'ar']);
    assert.equal(ar.code, 0, ar.err);
    assert.match(
      ar.out,
      /^story:\S+ {2}(خبران|\d+ أخبار|\d+ خبرًا|\d+ خبر)، (منفذ واحد|منفذان|\d+ منافذ|\d+ منفذًا|\d+ منفذ) /mu,
    );
    assert.match(ar.out, /المنافذ: /);
    const id = /^(story:\S+)/m.exec(ar.out)?.[1];
    assert.ok(id, ar.out);
    const one = await run(['stories', '--story', id, '--db', db, '--lang', 'ar']);
    assert.match(one.out, /الأحداث: /);
    const en = await run(['stories', '--db', db, '--lang', 'en']);
    assert.match(en.out, /^story:\S+ {2}\d+ articles?, \d+ outlets? /mu);
  });

  it('khabar export --lang en: gloss columns beside the codes, gloss fields in JSONL; the Hijri date column', async () => {
    const plain = csv((await run(['export', '--what', 'events-table', '--db', db])).out);
    assert.match(plain[0]!, /^date,date_hijri,type,mode,/);
    assert.doesNotMatch(plain[0]!, /_en|type_label/);
    assert.ok(
      plain.some((l) => l.startsWith('2025-08-28,1447-03-05,AGREE,')),
      'the Hijri-dated event',
    );
    // The names columns are Arabic: a post or an organization by its Arabic name («وزير
    // الخارجية المصري», «الحكومة اللبنانية»), not the English gloss its event carries («Government of Lebanon»).
    const plainHead = plain[0]!.split(',');
    const nameCells = plain
      .slice(1)
      .flatMap((l) => {
        const c = l.split(',');
        return [c[plainHead.indexOf('source_names')]!, c[plainHead.indexOf('target_names')]!];
      })
      .flatMap((x) => x.split('; '))
      .filter(Boolean);
    assert.ok(nameCells.length > 5, nameCells.join(' | '));
    for (const n of nameCells)
      assert.doesNotMatch(n, /[A-Za-z]{3}/u, `an English name in the Arabic column: ${n}`);
    assert.ok(nameCells.includes('الحكومة اللبنانية'), nameCells.join(' | '));
    const en = csv((await run(['export', '--what', 'events-table', '--lang', 'en', '--db', db])).out);
    const head = en[0]!.split(',');
    for (const [code, gloss] of [
      ['type', 'type_label'],
      ['source_names', 'source_names_en'],
      ['source_countries', 'source_countries_en'],
      ['target_sectors', 'target_sectors_en'],
    ])
      assert.equal(head.indexOf(gloss!), head.indexOf(code!) + 1, `${gloss} after ${code}`);
    const row = en.find((l) => l.startsWith('2025-08-28,1447-03-05,AGREE,Agree,'));
    assert.ok(row, 'the Hijri-dated event with its English type');
    // Each country code beside its English name, in the same order.
    const cells = row.split(',');
    const codes = cells[head.indexOf('source_countries')]!.split('; ');
    assert.ok(codes.length > 0 && codes[0] !== '');
    assert.deepEqual(
      cells[head.indexOf('source_countries_en')]!.split('; '),
      codes.map((c) => countryName(c, 'en')),
    );
    const araghchi = en.find((l) => l.includes(',CONSULT,Consult,') && l.includes('Abbas Araghchi'));
    assert.ok(araghchi, 'actor names in English');

    const ents = (await run(['export', '--what', 'entities', '--lang', 'en', '--db', db])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const person = ents.find((e) => e.type === 'PERS' && e.post?.en);
    assert.ok(person, 'a person with a post');
    assert.equal(person.post_en, person.post.en);
    assert.doesNotMatch(person.display, /\p{Script=Arabic}/u);
    const entCsv = csv(
      (await run(['export', '--what', 'entities', '--format', 'csv', '--lang', 'en', '--db', db])).out,
    );
    assert.match(
      entCsv[0]!,
      /type,type_label,name_ar,name_en,latin,display_en,aliases,country,country_en,sector,sector_en,post,post_en/,
    );

    const evs = (await run(['export', '--what', 'events', '--lang', 'en', '--db', db])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(evs.every((e) => typeof e.type_label === 'string'));
    const hj = evs.find((e) => e.date?.hijri);
    assert.equal(hj.date.hijri, '1447-03-05');
    assert.equal(hj.source[0].country_name, countryName(hj.source[0].country, 'en'));
    const evsAr = (await run(['export', '--what', 'events', '--db', db])).out.split('\n')[0]!;
    assert.equal(JSON.parse(evsAr).type_label, undefined);

    const briefs = csv(
      (await run(['export', '--what', 'briefs', '--format', 'csv', '--lang', 'en', '--db', db])).out,
    );
    assert.match(briefs[0]!, /,label,label_en,/);
    assert.ok(briefs.some((l) => l.includes(',Why it matters,')));
  });

  it('khabar ingest and khabar import: the summary in Arabic', async () => {
    const other = join(dir, 'other.db');
    const ing = await run(['ingest', hijri, '--db', other, '--quiet'], { LANG: 'ar_JO.UTF-8' });
    assert.equal(ing.code, 0, ing.err);
    // One item is «عنصر واحد», not «1 عنصرًا» («1 item», not «1 items»).
    assert.match(ing.out, /^أُدخل عنصر واحد في [\d.]+ ث \(\d+(\.\d)? عنصر\/ث\)/);
    const ingEn = await run(['ingest', hijri, '--db', join(dir, 'other-en.db'), '--quiet', '--lang', 'en']);
    assert.match(ingEn.out, /^ingested 1 item in [\d.]+ s \(\d+(\.\d)? items\/s\)/);
    assert.match(ing.out, /أُضيف\s+1/);
    const exported = join(dir, 'export.jsonl');
    assert.equal((await run(['export', '--db', other, '--out', exported])).code, 0);
    const imp = await run(['import', exported, '--db', join(dir, 'third.db'), '--lang', 'ar']);
    assert.equal(imp.code, 0, imp.err);
    // One article, then the archive's other records (its entities).
    assert.match(imp.out, /الأسطر\s+\d+/);
    // Every entity record is read; none adds anything, the article already rebuilt them.
    assert.match(imp.out, /سجلات الكيانات المقروءة\s+[1-9]\d*/);
    assert.match(imp.out, /كيانات استُكملت بها\s+0/);
    assert.match(imp.out, /أُضيف\s+1/);
    const en = await run(['import', exported, '--db', join(dir, 'third.db'), '--lang', 'en']);
    assert.match(en.out, /unchanged\s+1/);
  });

  it('--lang with anything but ar or en is a clear error', async () => {
    for (const args of [
      ['status', '--lang', 'fr', '--db', db],
      ['search', 'x', '--lang', 'fr', '--db', db],
      ['export', '--lang', 'fr', '--db', db],
      ['relations', hijri, '--lang=fr'],
      ['stories', '--lang', 'fr', '--db', db],
      ['ingest', hijri, '--lang', 'fr', '--db', join(dir, 'x.db')],
      ['import', hijri, '--lang', 'fr', '--db', join(dir, 'x.db')],
    ]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /--lang: needs ar or en \(got "fr"\)/, args.join(' '));
    }
  });
});
