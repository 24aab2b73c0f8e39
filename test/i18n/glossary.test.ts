import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Entity } from '../../src/model.ts';
import { PLOVER_TYPES } from '../../src/model.ts';
import {
  PLOVER_LABELS,
  SECTION_LABELS,
  SECTOR_LABELS,
  codeLabel,
  countryName,
  glossEntity,
  entityName,
  langFromEnv,
  parseLang,
  ploverLabel,
  sectionLabel,
  sectorLabel,
} from '../../src/i18n/glossary.ts';

const arabic = /^[\p{Script=Arabic}\s]+$/u;
const latin = /^[A-Za-z][A-Za-z \-']*$/;

test('every PLOVER type, sector and section kind has an English and an Arabic label', () => {
  assert.deepEqual(Object.keys(PLOVER_LABELS).sort(), [...PLOVER_TYPES].sort());
  for (const table of [PLOVER_LABELS, SECTOR_LABELS, SECTION_LABELS]) {
    for (const [code, l] of Object.entries(table)) {
      assert.match(l.en, latin, `${code} en`);
      assert.match(l.ar, arabic, `${code} ar`);
    }
  }
  const en = Object.values(PLOVER_LABELS).map((l) => l.en);
  const ar = Object.values(PLOVER_LABELS).map((l) => l.ar);
  assert.equal(new Set(en).size, 16, 'English PLOVER labels are distinct');
  assert.equal(new Set(ar).size, 16, 'Arabic PLOVER labels are distinct');
});

test('labels by code; unknown codes come back unchanged', () => {
  assert.equal(ploverLabel('ASSAULT', 'en'), 'Assault');
  assert.equal(ploverLabel('CONSULT', 'ar'), 'تشاور');
  assert.equal(sectorLabel('GOV', 'en'), 'Government');
  assert.equal(sectorLabel('GOV', 'ar'), 'حكومة');
  assert.equal(sectionLabel('why_it_matters', 'en'), 'Why it matters');
  assert.equal(ploverLabel('NOPE', 'en'), 'NOPE');
  assert.equal(sectorLabel('toString', 'en'), 'toString');
});

test('country names from the gazetteer', () => {
  assert.equal(countryName('IRN', 'en'), 'Iran');
  assert.equal(countryName('pak', 'en'), 'Pakistan');
  assert.equal(countryName('IRN', 'ar'), 'إيران');
  assert.equal(countryName('XXX', 'en'), undefined);
});

test('glossEntity: English name, post gloss, country and sector labels', () => {
  const e: Entity = {
    id: 'person:ali-larijani',
    type: 'PERS',
    names: { ar: 'علي لاريجاني', en: 'Ali Larijani', aliases: [] },
    country: 'IRN',
    sector: 'GOV',
    post: { ar: 'أمين المجلس الأعلى للأمن القومي', en: 'Secretary of the Supreme National Security Council' },
  };
  const en = glossEntity(e, 'en');
  assert.deepEqual(en, {
    display: 'Ali Larijani',
    name_en: 'Ali Larijani',
    type_label: 'Person',
    post: 'Secretary of the Supreme National Security Council',
    country: 'Iran',
    sector: 'Government',
  });
  const ar = glossEntity(e, 'ar');
  assert.equal(ar.display, 'علي لاريجاني');
  assert.equal(ar.name_en, 'Ali Larijani');
  assert.equal(ar.post, 'أمين المجلس الأعلى للأمن القومي');
  assert.equal(ar.country, 'إيران');
  assert.equal(ar.sector, 'حكومة');
});

test('glossEntity: transliteration when no English name is known; no empty fields', () => {
  const e: Entity = { id: 'person:x', type: 'PERS', names: { ar: 'محمد لاريجاني', aliases: [] } };
  const g = glossEntity(e, 'en');
  assert.match(g.display, /Larijani$/);
  assert.ok(!('post' in g) && !('country' in g) && !('sector' in g));
  const withLatin: Entity = { id: 'org:x', type: 'ORG', names: { ar: 'كذا', latin: 'Kadha', aliases: [] } };
  assert.equal(glossEntity(withLatin, 'en').display, 'Kadha');
});

test('glossEntity in English never returns Arabic script for an Arabic-only name', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[بتجدرسعفقلمنهوي]{2,7}( [بتجدرسعفقلمنهوي]{2,7})?$/), (ar) => {
      const g = glossEntity({ id: 'person:p', type: 'PERS', names: { ar, aliases: [] } }, 'en');
      assert.doesNotMatch(g.display, /\p{Script=Arabic}/u);
      assert.ok(g.display.length > 0);
    }),
  );
});

test('langFromEnv: LC_ALL, then LC_MESSAGES, then LANG; ar → Arabic, else English', () => {
  assert.equal(langFromEnv({}), 'en');
  assert.equal(langFromEnv({ LANG: 'ar_EG.UTF-8' }), 'ar');
  assert.equal(langFromEnv({ LANG: 'ar' }), 'ar');
  assert.equal(langFromEnv({ LANG: 'arn_CL.UTF-8' }), 'en');
  assert.equal(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ar_SA' }), 'en');
  assert.equal(langFromEnv({ LC_MESSAGES: 'ar_JO', LANG: 'en_GB' }), 'ar');
  assert.equal(langFromEnv({ LC_ALL: 'C.UTF-8' }), 'en');
});

test('parseLang', () => {
  assert.equal(parseLang('en'), 'en');
  assert.equal(parseLang('AR'), 'ar');
  assert.equal(parseLang('ar-EG'), 'ar');
  assert.equal(parseLang('fr'), undefined);
  assert.equal(parseLang(''), undefined);
  assert.equal(parseLang(undefined), undefined);
});

test('an actor key with no entity: «country (sector)», as the web app says it (not «Egypt/Government»)', () => {
  assert.equal(codeLabel('EGY/GOV', 'en'), 'Egypt (Government)');
  assert.equal(codeLabel('EGY/GOV', 'ar'), 'مصر (حكومة)');
  assert.equal(codeLabel('EGY', 'ar'), 'مصر');
  assert.equal(codeLabel('---/CVL', 'ar'), 'مدنيون', 'civilians need no state: the sector alone');
  assert.equal(codeLabel('---', 'en'), undefined);
  assert.equal(codeLabel('ZZZ/GOV', 'en'), undefined, 'a code the gazetteer does not know');
});

test('a state’s sector of unknown country says so: «حكومة (بلد غير معروف)», not a bare «حكومة» (no «?/Police»)', () => {
  assert.equal(codeLabel('---/GOV', 'ar'), 'حكومة (بلد غير معروف)');
  assert.equal(codeLabel('---/GOV', 'en'), 'Government (country unknown)');
  assert.equal(codeLabel('---/COP', 'en'), 'Police (country unknown)');
  assert.equal(codeLabel('---/MIL', 'ar'), 'جيش (بلد غير معروف)');
});

test('one wording for an intergovernmental body on every surface: «منظمة دولية»', () => {
  assert.equal(sectorLabel('IGO', 'ar'), 'منظمة دولية');
  assert.equal(codeLabel('---/IGO', 'ar'), 'منظمة دولية');
});

test('entityName: a post standing alone keeps its country in English, as its Arabic name does', () => {
  const post = (ar: string, en: string, country: string) => ({
    type: 'POST' as const,
    names: { ar, en, aliases: [] },
    country,
    post: { ar, en, country, span: [0, ar.length] as [number, number] },
  });
  assert.equal(
    entityName(post('وزير الخارجية المصري', 'Minister of Foreign Affairs', 'EGY'), 'en'),
    'Minister of Foreign Affairs of Egypt',
  );
  assert.equal(
    entityName(post('وزير الخارجية المصري', 'Minister of Foreign Affairs', 'EGY'), 'ar'),
    'وزير الخارجية المصري',
  );
  // already said: kept as it is
  const spokes = post('متحدث باسم الجيش الإسرائيلي', 'Spokesperson of the Army of Israel', 'ISR');
  assert.equal(entityName(spokes, 'en'), 'Spokesperson of the Army of Israel');
  // not a post: the display name
  assert.equal(
    entityName({ type: 'ORG', names: { ar: 'الأمم المتحدة', en: 'United Nations', aliases: [] } }, 'en'),
    'United Nations',
  );
});
