import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isPhrase, isTranslatedName, latinSkeleton } from '../../scripts/gazetteer-filters.ts';
import { matchForm } from '../../src/text/normalize.ts';

interface Row {
  id: string;
  kind: string;
  country?: string;
  names: { ar: string; en?: string; aliases: string[] };
  forms: { ar: string }[];
}
const rows: Row[] = readFileSync(new URL('../../data/gazetteer/gazetteer.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

describe('gazetteer: rows of the cities file that are phrases, not names', () => {
  it('isPhrase: a line of verse or a translated word is a phrase; long transliterations and admin words are not', () => {
    const phrase = (ar: string, en: string) => isPhrase(matchForm(ar), en);
    assert.ok(phrase('المسكات عنب طيب الشذا', 'Muscat'));
    assert.ok(phrase('الطهي على نار هادئة', 'Simmering'));
    assert.ok(!phrase('مسقط', 'Muscat'));
    assert.ok(!phrase('بورت أو برنس', 'Port-au-Prince'));
    assert.ok(!phrase('منطقة بينهاي الجديدة', 'Binhai New Area'));
    assert.ok(!phrase('بلدية منطقة الساحل الغربي', 'West Coast'));
    assert.ok(!phrase('بلدية منطقة الدكتور كينيث كاوندا', 'Dr Kenneth Kaunda'));
  });

  it('the built gazetteer has no such city form; Muscat is «مسقط» without the verse', () => {
    const muscat = rows.find((r) => r.id === 'city:omn-muscat');
    assert.ok(muscat);
    assert.deepEqual(muscat.names.aliases, []);
    const phrases = rows
      .filter((r) => r.kind === 'city' || r.kind === 'capital')
      .flatMap((r) =>
        r.forms.filter((f) => isPhrase(matchForm(f.ar), r.names.en ?? '')).map((f) => `${r.id} ${f.ar}`),
      );
    assert.deepEqual(phrases, []);
  });
});

describe('gazetteer: city names translated as common words, outside the Arabic-speaking world', () => {
  it('isTranslatedName: an article or a consonant skeleton unlike the name marks a translation', () => {
    // Translations: article on a foreign name, or consonants unlike the name's.
    assert.ok(isTranslatedName('الوضوء', 'Wudu', 'CHN'));
    assert.ok(isTranslatedName('بلدية منطقة الجدي', 'Capricorn', 'ZAF'));
    assert.ok(isTranslatedName('حيلة', 'Ruse', 'BGR'));
    assert.ok(isTranslatedName('لا شيء', 'Nada', 'CHN'));
    assert.ok(isTranslatedName('قائد المئة', 'Centurion', 'ZAF'));
    // Transliterations stay, however they render the letters.
    for (const [ar, en, c] of [
      ['ميونخ', 'Munich', 'DEU'],
      ['بكين', 'Beijing', 'CHN'],
      ['تشيتشيهار', 'Qiqihar', 'CHN'],
      ['فروتسواف', 'Wrocław', 'POL'],
      ['كولونيا', 'Cologne', 'DEU'],
      ['إشبيلية', 'Seville', 'ESP'],
      ['لاهاي', 'The Hague', 'NLD'],
      ['كاكواكو', 'Cacuaco', 'AGO'],
      ['آلبورغ', 'Aalborg', 'DNK'],
      ['بلدية منطقة الساحل الغربي', 'Al Sahil', 'CHN'],
    ] as const) {
      assert.ok(!isTranslatedName(ar, en, c), `${ar} (${en}) read as a translation`);
    }
    // Arabic place names in the Arabic-speaking world, Israel, Palestine and Iran are not judged.
    assert.ok(!isTranslatedName('الخليل', 'Hebron', 'PSE'));
    assert.ok(!isTranslatedName('الأهواز', 'Ahvaz', 'IRN'));
    assert.ok(!isTranslatedName('مصر الجديدة', 'Heliopolis', 'EGY'));
    assert.ok(!isTranslatedName('حيلة', 'Ruse', ''));
    assert.equal(latinSkeleton('Provincia de Ica'), 'g');
  });

  it('the built gazetteer has no such city form', () => {
    const found = rows
      .filter((r) => r.kind === 'city' && r.country)
      .flatMap((r) =>
        r.forms
          .filter((f) => isTranslatedName(f.ar, r.names.en ?? '', r.country!))
          .map((f) => `${r.id} ${f.ar}`),
      );
    assert.deepEqual(found, []);
    for (const id of [
      'city:chn-wudu',
      'city:bgr-ruse',
      'city:chn-nada',
      'city:zaf-centurion',
      'city:zaf-capricorn',
    ]) {
      assert.equal(
        rows.find((r) => r.id === id),
        undefined,
        id,
      );
    }
  });
});
