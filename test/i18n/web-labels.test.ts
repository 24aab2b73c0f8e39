import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SECTION_LABELS, SECTOR_LABELS, codeLabel, countryName } from '../../src/i18n/glossary.ts';
import { gazetteer } from '../../src/analyze/gazetteer/index.ts';
import { actorLabel } from '../../web/src/components/EventDetail.tsx';
import { COUNTRY_EN, SECTION_EN, lang, localized, setLang } from '../../web/src/i18n.ts';
import { barTicks } from '../../web/src/components/Bars.tsx';
import { COMMON_COUNTRIES, countryAr, SECTOR_AR } from '../../web/src/labels.ts';

test("the web app's English labels are the server's (src/i18n/glossary.ts)", () => {
  const en = (t: Record<string, { en: string }>) =>
    Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.en]));
  // event types, sectors and entity types are the server's tables themselves (src/i18n/codes.ts)
  assert.deepEqual(SECTION_EN, en(SECTION_LABELS));
  for (const [code, name] of Object.entries(COUNTRY_EN)) assert.equal(name, countryName(code, 'en'), code);
});

test("the web app's Arabic country names are the gazetteer's, the API's and the CLI's (uidef3)", () => {
  // Oman was «عمان» in the relations table (the API's label) and «عُمان (حكومة)» among an
  // event's actors (the web's own table); the United Kingdom «بريطانيا» and «المملكة المتحدة».
  for (const code of COMMON_COUNTRIES) assert.equal(countryAr(code), countryName(code, 'ar'), code);
  for (const key of ['OMN/GOV', 'GBR/MIL'] as const) {
    const [country, sector] = key.split('/') as [string, string];
    assert.equal(actorLabel({ country, sector }, new Map()), codeLabel(key, 'ar'), key);
  }
  assert.equal(countryAr('OMN'), 'عمان');
  // Jordan's capital stays another name than Oman.
  assert.equal(gazetteer().byId.get('city:jor-amman')?.names.ar, 'عمّان');
});

test('an actor is said in the same words by the API and the CLI (codeLabel) and by the web app', () => {
  // the API and CLI said «مصر/حكومة» and «منظمة حكومية دولية», the web «مصر (حكومة)» and «منظمة دولية»
  const none = new Map();
  for (const [key, actor] of [
    ['EGY/GOV', { country: 'EGY', sector: 'GOV' }],
    ['EGY', { country: 'EGY' }],
    ['---/GOV', { sector: 'GOV' }],
    ['---/IGO', { sector: 'IGO' }],
    ['---/CVL', { sector: 'CVL' }],
  ] as const)
    assert.equal(actorLabel(actor, none), codeLabel(key, 'ar'), key);
  assert.equal(SECTOR_AR.IGO, SECTOR_LABELS.IGO.ar);
  assert.equal(SECTOR_AR.IGO, 'منظمة دولية');
});

test('localized tables answer in the interface language, falling back to Arabic', () => {
  // A stand-in for the browser's document; localStorage is absent (setLang tolerates it).
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = { documentElement: {} };
  try {
    const table = localized({ A: 'أ', B: 'ب' }, { A: 'a' });
    setLang('ar');
    assert.equal(table.A, 'أ');
    setLang('en');
    assert.equal(lang(), 'en');
    assert.equal(table.A, 'a');
    assert.equal(table.B, 'ب');
    assert.deepEqual(Object.keys(table), ['A', 'B']);
    const root = (g.document as { documentElement: { lang?: string; dir?: string } }).documentElement;
    assert.deepEqual([root.lang, root.dir], ['en', 'ltr']);
    setLang('ar');
    assert.deepEqual([root.lang, root.dir], ['ar', 'rtl']);
  } finally {
    g.document = saved;
  }
});

test('a country outside the web’s table is named in English from the API, never in Arabic', () => {
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = { documentElement: {} };
  try {
    setLang('en');
    // Spain is not in COUNTRY_EN: the relations table showed «إسبانيا → Morocco» in English.
    assert.equal(COUNTRY_EN.ESP, undefined);
    assert.equal(countryAr('ESP', 'إسبانيا', 'Spain'), 'Spain');
    assert.equal(countryAr('ESP', 'إسبانيا'), 'ESP', 'no English name: the code, not the Arabic');
    assert.equal(countryAr('MAR', 'المغرب', 'Morocco'), 'Morocco');
    setLang('ar');
    assert.equal(countryAr('ESP', 'إسبانيا', 'Spain'), 'إسبانيا');
  } finally {
    setLang('ar');
    g.document = saved;
  }
});

test('the bar chart says a whole year once, and gives the year again to the month after it', () => {
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = { documentElement: {} };
  setLang('en');
  try {
    assert.deepEqual(barTicks(['2015-03', '2016', '2016-01', '2016-04', '2017', 'unknown']), [
      { month: 'March', year: '2015' },
      { month: '2016' },
      { month: 'January', year: '2016' },
      { month: 'April' },
      { month: '2017' },
      { month: 'undated' },
    ]);
  } finally {
    setLang('ar');
    g.document = saved;
  }
});
