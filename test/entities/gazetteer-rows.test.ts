import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isPhrase } from '../../scripts/gazetteer-filters.ts';
import { matchForm } from '../../src/text/normalize.ts';

interface Row {
  id: string;
  kind: string;
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
