/**
 * The trained tagger only adds: what the gazetteer reads is the same with the tagger off,
 * on windows, or on every sentence, and no tagger mention overlaps a gazetteer one.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';
import { DEFAULT_MODEL_PATH } from '../../src/analyze/tagger/index.ts';

const texts = [
  'أكد أمين المجلس الأعلى للأمن القومي الإيراني، علي لاريجاني، أن العلاقات بين طهران وإسلام آباد متينة.',
  'وسدد الهولندي روبن فان بيرسي كرة قوية، وقال المدرب فريد حسن إن الفريق سيلعب في الدوحة.',
  'قصف الاحتلال الإسرائيلي مواقع في غزة، وقال المتحدث باسم وزارة الخارجية الإيرانية إن العدوان مرفوض.',
  'صرح سفير باكستان لدى إيران، رحيم حياة قريشي، بأن العلاقات ممتازة. وأضاف قريشي أن الزيارة قريبة.',
];

test('the tagger adds people and organizations, and never changes what the gazetteer reads', (t) => {
  if (!existsSync(DEFAULT_MODEL_PATH)) return t.skip(`${DEFAULT_MODEL_PATH} is absent: no tagger to compare`);
  for (const text of texts) {
    const key = (m: { span: readonly [number, number]; entityId?: string }) =>
      `${m.span[0]}:${m.span[1]}:${m.entityId}`;
    const gazOnly = (mode: 'off' | 'auto' | 'all') =>
      findEntities(text, { tagger: mode })
        .mentions.filter((m) => m.via === 'gazetteer')
        .map(key);
    const off = gazOnly('off');
    assert.deepEqual(gazOnly('auto'), off, text);
    assert.deepEqual(gazOnly('all'), off, text);
    const all = findEntities(text, { tagger: 'all' }).mentions;
    for (const m of all.filter((x) => x.via === 'tagger')) {
      assert.ok(m.type === 'PERS' || m.type === 'ORG', `${m.text}: ${m.type}`);
      for (const g of all.filter((x) => x.via === 'gazetteer'))
        assert.ok(m.span[1] <= g.span[0] || g.span[1] <= m.span[0], `${m.text} overlaps ${g.text}`);
    }
  }
});

test('with the tagger off, results do not depend on the model', () => {
  const a = findEntities(texts[1]!, { tagger: 'off' });
  assert.ok(a.mentions.every((m) => m.via !== 'tagger'));
  assert.deepEqual(findEntities(texts[1]!, { tagger: 'off' }), a);
});
