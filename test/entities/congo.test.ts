import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';

// «الكونغو», «الكونغولي» name both DR Congo (COD) and the Republic of the Congo (COG).
// Sentences written for this test.
const countryOf = (text: string, surface: string) => {
  const r = findEntities(text, { tagger: 'off' });
  const byId = new Map(r.entities.map((e) => [e.id, e] as const));
  return r.mentions.filter((m) => m.text === surface).map((m) => byId.get(m.entityId ?? '')?.country);
};

test('«الكونغو», «الكونغولي»: DR Congo unless the article names only the Republic of the Congo', () => {
  // no other cue: DR Congo, the likelier reading in news
  assert.deepEqual(countryOf('قال الرئيس الكونغولي إن قواته استعادت المدينة.', 'الكونغولي'), ['COD']);
  assert.deepEqual(countryOf('وصل اللاجئون من الكونغو أمس.', 'الكونغو'), ['COD']);
  // the article names DR Congo by its own name or capital
  assert.deepEqual(
    countryOf(
      'اتهمت الكونغو الديمقراطية رواندا بدعم المتمردين، وقال الجيش الكونغولي إنه صد الهجوم.',
      'الجيش الكونغولي',
    ),
    ['COD'],
  );
  assert.deepEqual(
    countryOf('وصل الوزير إلى كينشاسا، وقال إن الحكومة الكونغولية ترحب بالمبادرة.', 'الكونغولية'),
    ['COD'],
  );
  // it names only the Republic of the Congo: «الكونغو برازافيل», «برازافيل»
  assert.deepEqual(
    countryOf('وصل وزير خارجية الكونغو برازافيل إلى تونس، والتقى نظيره الكونغولي السابق.', 'الكونغولي'),
    ['COG'],
  );
  assert.deepEqual(countryOf('تستضيف برازافيل القمة، وقالت الحكومة إن الكونغو مستعدة.', 'الكونغو'), ['COG']);
  // it names both: the default
  assert.deepEqual(
    countryOf('التقى رئيس الكونغو الديمقراطية نظيره في برازافيل، وقال إن الكونغو تريد السلام.', 'الكونغو'),
    ['COD'],
  );
});

test('an army named by the shared demonym follows the same reading', () => {
  const ids = (text: string) =>
    findEntities(text, { tagger: 'off' })
      .mentions.filter((m) => m.text === 'الجيش الكونغولي')
      .map((m) => m.entityId);
  assert.deepEqual(ids('اتهم الجيش الكونغولي رواندا بدعم المتمردين.'), ['org:army-cod']);
  assert.deepEqual(ids('وصل وزير خارجية الكونغو برازافيل إلى تونس، واتهم الجيش الكونغولي المتمردين.'), [
    'org:army-cog',
  ]);
});
