import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { emptyAttrs, matchText, type Tally } from '../../src/eval/events.ts';
import type { EventRecord, PloverType } from '../../src/model.ts';
import { fakeContext, tempDir } from '../helpers.ts';

function sys(type: PloverType, country?: string, sector?: string): EventRecord {
  return {
    id: 'x',
    type,
    contexts: [],
    source: country ? [{ country, ...(sector ? { sector } : {}) }] : [],
    target: [],
    reciprocal: false,
    modality: 'happened',
    negated: false,
    background: false,
    confidence: 0.5,
    trigger: { text: 'x', span: [0, 1] },
    evidence: [[0, 1]],
  };
}

function tally(gold: Parameters<typeof matchText>[0], events: EventRecord[]): Tally {
  const per = new Map<string, Tally>();
  matchText(gold, events, per);
  const all: Tally = { gold: 0, found: 0, actor: 0, actorScored: 0, targetScored: 0, target: 0, pred: 0 };
  for (const t of per.values()) for (const k of Object.keys(all) as Array<keyof Tally>) all[k] += t[k];
  return all;
}

test('one-to-one matching: an event reported twice counts once as found and once as extra', () => {
  const t = tally(
    [{ type: 'AGREE', source: { country: 'IRN' } }],
    [sys('AGREE', 'IRN'), sys('AGREE', 'IRN')],
  );
  assert.deepEqual(t, { gold: 1, found: 1, actor: 1, actorScored: 1, targetScored: 0, target: 0, pred: 2 });
});

test('matching prefers the system event whose actors match', () => {
  const gold = [
    { type: 'ASSAULT', source: { country: 'ISR' } },
    { type: 'ASSAULT', source: { country: 'IRN' } },
  ];
  const t = tally(gold, [sys('ASSAULT', 'IRN'), sys('ASSAULT', 'ISR')]);
  assert.equal(t.actor, 2);
});

test('matching prefers the system event whose source and target both match, then the source alone', () => {
  // two marches by the same civilians: the gold march against GBR takes the system march against GBR
  const gold = [
    { type: 'PROTEST', source: null, target: { country: 'ARE' } },
    { type: 'PROTEST', source: { country: 'GBR', sector: 'CVL' }, target: { country: 'GBR' } },
  ];
  const march = (target: string): EventRecord => ({
    ...sys('PROTEST', 'GBR', 'CVL'),
    target: [{ country: target }],
  });
  const t = tally(gold, [march('ARE'), march('GBR')]);
  assert.deepEqual([t.found, t.actor, t.actorScored, t.target, t.targetScored], [2, 1, 1, 2, 2]);
});

test('a two-sided gold event takes the system event with both sides, not one that shares one side', () => {
  // the seed's shape: two AGREE of IRN–PAK (now) and a background AGREE of PAK–SAU; the system gives
  // IRN–PAK, PAK–SAU (background), IRN–PAK in text order. Matching on «one actor among the system's»
  // alone gave the second IRN–PAK gold event the PAK–SAU agreement (they share PAK), and the
  // background gold event the second IRN–PAK agreement, so its background flag was scored wrong.
  const two = (a: string, b: string, background: boolean): EventRecord => ({
    ...sys('AGREE'),
    source: [{ country: a }, { country: b }],
    target: [{ country: a }, { country: b }],
    reciprocal: true,
    background,
  });
  const pair = (a: string, b: string) => [{ country: a }, { country: b }];
  const gold = [
    { type: 'AGREE', source: pair('IRN', 'PAK'), target: pair('IRN', 'PAK') },
    { type: 'AGREE', source: pair('IRN', 'PAK'), target: pair('IRN', 'PAK') },
    { type: 'AGREE', background: true, source: pair('PAK', 'SAU'), target: pair('PAK', 'SAU') },
  ];
  const attrs = emptyAttrs();
  matchText(
    gold,
    [two('IRN', 'PAK', false), two('PAK', 'SAU', true), two('IRN', 'PAK', false)],
    new Map(),
    attrs,
  );
  assert.deepEqual(attrs.background, [1, 1]);
});

test('mode, modality, negation, background and reciprocity are scored where gold gives them, not where it does not', () => {
  const attrs = emptyAttrs();
  const e = { ...sys('AID', 'DEU'), mode: 'humanitarian', modality: 'intended' as const };
  matchText(
    [
      { type: 'AID', mode: 'humanitarian', modality: 'intended', negated: false, source: { country: 'DEU' } },
      { type: 'ASSAULT', reciprocal: true, background: null },
    ],
    [e, sys('ASSAULT')],
    new Map(),
    attrs,
  );
  assert.deepEqual(attrs, {
    mode: [1, 1],
    modality: [1, 1],
    negated: [1, 1],
    background: [0, 0],
    reciprocal: [0, 1],
  });
});

test('sources as list, object or null; sector compared only when gold gives it', () => {
  assert.equal(
    tally(
      [{ type: 'CONSULT', source: [{ country: 'PAK' }, { country: 'IRN' }] }],
      [sys('CONSULT', 'IRN', 'GOV')],
    ).actor,
    1,
  );
  assert.equal(
    tally([{ type: 'CONSULT', source: { country: 'IRN', sector: 'MIL' } }], [sys('CONSULT', 'IRN', 'GOV')])
      .actor,
    0,
  );
  const none = tally([{ type: 'CONSULT', source: null }], [sys('CONSULT', 'IRN')]);
  assert.deepEqual([none.found, none.actorScored], [1, 0], 'an unannotated source is not scored');
});

test('target accuracy: a gold target scored against the system target, an unannotated one not at all', () => {
  const aimed = (country: string): EventRecord => ({
    ...sys('CONSULT', 'EGY', 'GOV'),
    target: [{ country, sector: 'GOV' }],
  });
  const gold = [{ type: 'CONSULT', source: { country: 'EGY' }, target: { country: 'GRC', sector: 'GOV' } }];
  assert.deepEqual([tally(gold, [aimed('GRC')]).target, tally(gold, [aimed('GRC')]).targetScored], [1, 1]);
  assert.deepEqual([tally(gold, [aimed('EGY')]).target, tally(gold, [aimed('EGY')]).targetScored], [0, 1]);
  const open = tally([{ type: 'CONSULT', source: { country: 'EGY' }, target: null }], [aimed('EGY')]);
  assert.equal(open.targetScored, 0);
});

test('khabar eval events --exhaustive --json on an own JSONL file', async () => {
  const dir = tempDir('khabar-events-');
  const path = join(dir, 'gold.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({
        id: 'a',
        published: '2025-03-04',
        text: 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.',
        events: [{ type: 'CONSULT', source: { country: 'EGY', sector: 'GOV' }, target: { country: 'JOR' } }],
      }),
      JSON.stringify({
        text: 'قصفت الطائرات الروسية مدينة إدلب.',
        events: [{ type: 'ASSAULT', source: [{ country: 'RUS' }] }],
      }),
      JSON.stringify({ text: 'أكد الوزير أن العلاقات متينة.', events: [] }),
    ].join('\n'),
  );
  const { ctx, out } = fakeContext();
  assert.equal(await main(['eval', 'events', '--data', path, '--exhaustive', '--json'], ctx), 0);
  const r = JSON.parse(out());
  assert.equal(r.task, 'events');
  assert.equal(r.texts, 3);
  assert.deepEqual(
    [r.overall.gold, r.overall.found, r.overall.pred, r.overall.recall, r.overall.precision, r.overall.f1],
    [2, 2, 2, 1, 1, 1],
  );
  assert.equal(r.overall.actor_acc, 1);
  assert.ok(r.per_type.CONSULT && r.per_type.ASSAULT);
  assert.ok(r.texts_per_s > 0);
  const table = fakeContext();
  assert.equal(await main(['eval', 'events', '--data', path], table.ctx), 0);
  assert.match(table.out(), /overall/);
  assert.doesNotMatch(table.out(), /prec/, 'precision only with --exhaustive');
});

test('khabar eval events reads a richer gold reading of one article (seed.gold.json style), pretty-printed', async () => {
  const dir = tempDir('khabar-events-');
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'one.txt'), 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.\n');
  const gold = join(dir, 'gold', 'one.gold.json');
  mkdirSync(join(dir, 'gold'));
  writeFileSync(
    gold,
    JSON.stringify(
      {
        id: 'one',
        file: '../articles/one.txt',
        brief: { sections: [] },
        events: [
          {
            required: true,
            type: 'CONSULT',
            source: [{ name: 'x', country: 'EGY', sector: 'GOV' }],
            target: [{ country: 'JOR' }],
            date: 'the day of publication',
          },
        ],
      },
      null,
      2,
    ),
  );
  const { ctx, out } = fakeContext();
  assert.equal(await main(['eval', 'events', '--data', gold, '--published', '2025-03-04', '--json'], ctx), 0);
  const r = JSON.parse(out());
  assert.equal(r.texts, 1);
  assert.deepEqual([r.overall.gold, r.overall.found, r.overall.actor_acc], [1, 1, 1]);
  // a "file" that is not there, and a bad --published, are named
  writeFileSync(gold, JSON.stringify({ file: 'missing.txt', events: [] }));
  const bad = fakeContext();
  assert.notEqual(await main(['eval', 'events', '--data', gold], bad.ctx), 0);
  assert.match(bad.err(), /missing\.txt.*relative to the gold file/u);
  const date = fakeContext();
  assert.notEqual(await main(['eval', 'events', '--data', gold, '--published', 'Tuesday'], date.ctx), 0);
  assert.match(date.err(), /option --published: needs an ISO date such as 2025-09-30 \(got "Tuesday"\)/u);
});

test('khabar eval events names a bad line and what to do', async () => {
  const dir = tempDir('khabar-events-');
  const path = join(dir, 'bad.jsonl');
  writeFileSync(path, '{"text": "x", "events": []}\nnot json\n');
  const { ctx, err } = fakeContext();
  assert.notEqual(await main(['eval', 'events', '--data', path], ctx), 0);
  assert.match(err(), /bad\.jsonl:2: not JSON/);
});

test('khabar events prints each event beside its evidence; --json; bad --published', async () => {
  const dir = tempDir('khabar-events-');
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'التقى وزير الخارجية التركي نظيره اليوناني في أنقرة اليوم.');
  const t = fakeContext();
  assert.equal(await main(['events', path, '--published', '2025-10-07'], t.ctx), 0);
  assert.match(t.out(), /CONSULT\/meet/);
  assert.match(t.out(), /▸ «التقى وزير الخارجية التركي/);
  assert.match(t.out(), /2025-10-07/);
  const j = fakeContext();
  assert.equal(await main(['events', path, '--json'], j.ctx), 0);
  assert.equal(JSON.parse(j.out()).events[0].type, 'CONSULT');
  const bad = fakeContext();
  assert.equal(await main(['events', path, '--published', 'Tuesday'], bad.ctx), 2);
  assert.match(bad.err(), /--published: needs an ISO date/);
  // A date the calendar does not have is refused, not rolled over (30 February is not 2 March).
  const feb = fakeContext();
  assert.equal(await main(['events', path, '--published', '2025-02-30'], feb.ctx), 2);
  assert.match(feb.err(), /--published: 2025-02-30 is not on the calendar: /);
});

test('khabar relations adds articles up to dyads', async () => {
  const dir = tempDir('khabar-events-');
  const path = join(dir, 'news.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({
        published: '2025-01-10',
        text: 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.',
      }),
      JSON.stringify({ published: '2025-02-10', text: 'أشاد الرئيس المصري بموقف الأردن.' }),
    ].join('\n'),
  );
  const { ctx, out } = fakeContext();
  assert.equal(await main(['relations', path, '--json'], ctx), 0);
  const ds = JSON.parse(out());
  const d = ds.find((x: { source: string; target: string }) => x.source === 'EGY' && x.target === 'JOR');
  assert.ok(d, out());
  assert.equal(d.total, 2);
  assert.equal(d.periods.length, 2);
});

test('khabar relations FILE.jsonl: a bad line is skipped with a warning naming it, not the end of the run', async () => {
  const dir = tempDir('khabar-relations-bad-');
  const path = join(dir, 'dump.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({
        published: '10/01/2025',
        text: 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.',
      }),
      '{"published": "2025-01-11", "text": "broken',
      JSON.stringify({ published: '2025-01-12', title: 'بلا نص' }),
      JSON.stringify({ published: 'not a date', text: 'أشاد الرئيس المصري بموقف الأردن.' }),
    ].join('\n'),
  );
  const f = fakeContext();
  assert.equal(await main(['relations', path, '--lang', 'en'], f.ctx), 0, f.err());
  assert.match(f.err(), /dump\.jsonl:2: not JSON .*line skipped/);
  assert.match(f.err(), /dump\.jsonl:3: no "text" string; line skipped/);
  assert.match(f.err(), /dump\.jsonl:4: the published date "not a date" is not a date/);
  // The day-first date is read as ingest reads it (10 January), the unread one leaves its line undated.
  assert.match(f.out(), /^2 events → 1 dyad \(country level, per month\)/);
  assert.match(f.out(), /2025-01: \+\d+ \(1\)/);
  assert.match(f.out(), /undated: \+\d+ \(1\)/);
  const ar = fakeContext();
  assert.equal(await main(['relations', path, '--lang', 'ar'], ar.ctx), 0);
  assert.match(ar.out(), /^حدثان ← ثنائية واحدة /);
  // Nothing readable at all is still an error naming the file.
  writeFileSync(path, 'not json\n');
  const none = fakeContext();
  assert.equal(await main(['relations', path], none.ctx), 2);
  assert.match(none.err(), /dump\.jsonl: cannot be read \(no line is a JSON object with "text"/);
});

test('khabar relations --db: the dyads of an archive, with the filters of GET /api/relations', async () => {
  const dir = tempDir('khabar-relations-db-');
  const path = join(dir, 'news.jsonl');
  const db = join(dir, 'k.db');
  writeFileSync(
    path,
    [
      JSON.stringify({
        id: 'r1',
        published: '2025-01-10',
        text: 'استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة، وبحث معه العلاقات الثنائية بين البلدين.',
      }),
      JSON.stringify({
        id: 'r2',
        published: '2025-02-10',
        text: 'أشاد الرئيس المصري بموقف الأردن من القضايا الإقليمية، وأكد عمق العلاقات بين البلدين الشقيقين.',
      }),
    ].join('\n'),
  );
  const run = async (...args: string[]) => {
    const f = fakeContext({ HOME: dir });
    const code = await main(args, f.ctx);
    return { code, out: f.out(), err: f.err() };
  };
  assert.equal((await run('ingest', path, '--db', db)).code, 0);
  const fromFile = JSON.parse((await run('relations', path, '--json')).out);
  const all = await run('relations', '--db', db, '--json');
  assert.equal(all.code, 0, all.err);
  const key = (ds: { source: string; target: string; total: number }[]) =>
    ds.map((d) => `${d.source}→${d.target} ${d.total}`).sort();
  assert.deepEqual(key(JSON.parse(all.out)), key(fromFile), 'the archive gives the dyads the files give');
  const egyJor = (out: string) =>
    JSON.parse(out).find((d: { source: string; target: string }) => d.source === 'EGY' && d.target === 'JOR');
  assert.equal(egyJor(all.out)?.total, 2, all.out);
  assert.equal(egyJor((await run('relations', '--db', db, '--json', '--from', '2025-02')).out)?.total, 1);
  assert.equal(egyJor((await run('relations', '--db', db, '--json', '--actor', 'JOR')).out)?.total, 2);
  assert.equal(JSON.parse((await run('relations', '--db', db, '--json', '--actor', 'IRN')).out).length, 0);
  const table = await run('relations', '--db', db, '--lang', 'en');
  assert.match(table.out, /Egypt \[EGY\] → Jordan \[JOR\]\s+events 2/u);
  // Bad input names the option and what to do.
  const bad = await run('relations', '--db', db, '--from', '2025-13');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--from: not a date: 13 is not a month/u);
  assert.match((await run('relations', '--db', db, path)).err, /FILEs or --db \(an archive\), not both/u);
  assert.match(
    (await run('relations', '--actor', 'JOR', path)).err,
    /--actor: filters an archive: give --db PATH too/u,
  );
  assert.match((await run('relations', '--db', join(dir, 'none.db'))).err, /no archive at/u);
});
