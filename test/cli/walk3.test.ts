/**
 * walk3: eight short fictional articles of our own (fixtures/walk3: Gaza and the West Bank,
 * Yemen, Sudan, Lusail, the oil market, the EBRD, names in Latin letters) ingested, then read
 * back as an analyst does — `show`, `entities`, `export --what events-table`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const root = new URL('../..', import.meta.url).pathname;
const fixtures = join(root, 'fixtures/walk3');
const dir = tempDir('khabar-walk3-');
const db = join(dir, 'k.db');

async function run(args: string[]) {
  const f = fakeContext({ HOME: dir });
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
function csv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface Doc {
  dateline?: { text: string };
  lead: Array<{ text: string }>;
  entities: Array<{
    id: string;
    type: string;
    names: { ar: string };
    post?: { en: string };
    sector?: string;
  }>;
}

async function showOf(query: string): Promise<Doc> {
  const found = await run(['search', query, '--db', db, '--json']);
  const id = (JSON.parse(found.out) as { hits: Array<{ id: string }> }).hits[0]!.id;
  const r = await run(['show', id, '--db', db, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as Doc;
}

test('walk3 articles: places, orgs, posts, Latin names, datelines and an aligned events table', async () => {
  const ing = await run(['ingest', fixtures, '--db', db]);
  assert.equal(ing.code, 0, ing.err);

  const gaza = await showOf('لاهيا');
  assert.equal(gaza.dateline?.text, 'غزة - الثلاثاء 1 ديسمبر 2026');
  assert.ok(!gaza.lead.some((p) => p.text.includes('ديسمبر 2026')), JSON.stringify(gaza.lead));
  const gazaIds = gaza.entities.map((e) => e.id);
  for (const id of [
    'city:pse-khan-yunis',
    'city:pse-rafah',
    'city:pse-beit-lahia',
    'city:pse-jabalia',
    'city:pse-deir-al-balah',
    'org:msf',
  ])
    assert.ok(gazaIds.includes(id), `${id} not in ${gazaIds}`);
  assert.ok(!gaza.entities.some((e) => e.type === 'PERS'), 'no person in the Gaza article');

  const wb = (await showOf('طولكرم')).entities.map((e) => e.id);
  for (const id of [
    'city:pse-jenin',
    'city:pse-tulkarm',
    'city:pse-nablus',
    'region:west-bank',
    'post:mayor-pse',
  ])
    assert.ok(wb.includes(id), `${id} not in ${wb}`);

  const yemen = await showOf('صعدة');
  assert.ok(yemen.entities.some((e) => e.id === 'region:yem-marib'));
  assert.ok(yemen.entities.some((e) => e.id === 'region:yem-saada'));
  assert.equal(yemen.entities.find((e) => e.id.startsWith('post:'))?.sector, 'SPY');

  const sudan = (await showOf('كردفان')).entities.map((e) => e.id);
  for (const id of ['region:sdn-kordofan', 'region:sdn-gezira', 'post:head-of-intelligence-sdn'])
    assert.ok(sudan.includes(id), `${id} not in ${sudan}`);

  const lusail = await showOf('لوسيل');
  for (const id of ['city:qat-lusail', 'org:afc', 'org:fifa'])
    assert.ok(
      lusail.entities.some((e) => e.id === id),
      id,
    );
  assert.ok(!lusail.entities.some((e) => e.type === 'PERS'), '«عمدة لوسيل» is no person');

  const oil = await showOf('برنت');
  assert.ok(oil.entities.some((e) => e.id === 'org:aramco'));
  assert.ok(!oil.entities.some((e) => e.names.ar.includes('برنت')), 'Brent is the crude');

  assert.ok((await showOf('الانبعاثات')).entities.some((e) => e.id === 'org:ebrd'));

  const latin = await showOf('الهجرة');
  const smith = latin.entities.find((e) => e.names.ar === 'John Smith');
  assert.equal(smith?.type, 'PERS');
  assert.equal(smith?.post?.en, 'Spokesperson');
  assert.ok(latin.entities.some((e) => e.type === 'PERS' && e.names.ar === 'Marie Dubois'));

  // The events table: the n-th name, country and sector of a side are one actor's.
  const out = await run(['export', '--what', 'events-table', '--db', db]);
  assert.equal(out.code, 0, out.err);
  const [head, ...rows] = csv(out.out).filter((r) => r.length > 1);
  const col = (name: string) => head!.indexOf(name);
  let several = 0;
  for (const r of rows) {
    for (const side of ['source', 'target']) {
      const cells = ['names', 'countries', 'sectors'].map((c) => r[col(`${side}_${c}`)]!);
      const counts = cells.filter((c) => c !== '').map((c) => c.split('; ').length);
      assert.ok(new Set(counts).size <= 1, `${side} cells not aligned: ${JSON.stringify(cells)}`);
      if ((counts[0] ?? 0) > 1) several++;
    }
  }
  assert.ok(several > 0, 'some event has several actors on a side');
  const fight = rows.find((r) => r[col('source_names')]!.includes('أنصار الله'));
  assert.ok(fight, 'the Marib fight is in the table');
  const names = fight[col('source_names')]!.split('; ');
  const countries = fight[col('source_countries')]!.split('; ');
  const sectors = fight[col('source_sectors')]!.split('; ');
  const k = names.indexOf('أنصار الله');
  assert.equal(countries[k], 'YEM');
  assert.equal(sectors[k], 'REB');
});
