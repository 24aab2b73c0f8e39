import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from './analyst.ts';

// walk4 (lead, sixteenth session): a foreign surname written with «أل» («ألباريس») refers back to
// the person named in full; an ال-word does not. Sentences written for this test.

test('a surname written «أل…» refers back to the person; an ال-surname of an unknown does not', () => {
  const r = run(
    'التقى الوزير المغربي ناصر بوريطة نظيره الإسباني خوسيه مانويل ألباريس. وقال ألباريس إن الزيارة ناجحة.',
  );
  const full = r.mentions.find((m) => m.text === 'خوسيه مانويل ألباريس');
  const alone = r.mentions.find((m) => m.text === 'ألباريس');
  assert.ok(full?.entityId && alone, JSON.stringify(r.mentions.map((m) => m.text)));
  assert.equal(alone.entityId, full.entityId);
  // «السوداني» as a surname of someone not on the list is too often the adjective: no coreference
  const s = run('استقبل الوزير أحمد السوداني الوفد. وقال الوفد السوداني إن المحادثات بناءة.');
  assert.ok(
    !s.mentions.some((m) => m.role === 'coref' && m.text === 'السوداني'),
    JSON.stringify(s.mentions.map((m) => [m.text, m.role])),
  );
});

test('the IEA is not the IAEA, and the Kuwait Petroleum Corporation is Kuwait’s', () => {
  const r = run(
    'حذرت وكالة الطاقة الدولية من فائض في المعروض. وزار مفتشو الوكالة الدولية للطاقة الذرية المنشأة. وأعلنت مؤسسة البترول الكويتية رفع الإنتاج.',
  );
  const ids = r.mentions.filter((m) => m.type === 'ORG').map((m) => [m.text, m.entityId]);
  assert.deepEqual(ids, [
    ['وكالة الطاقة الدولية', 'org:iea'],
    ['الوكالة الدولية للطاقة الذرية', 'org:iaea'],
    ['مؤسسة البترول الكويتية', 'org:kpc'],
  ]);
  assert.equal(r.entities.find((e) => e.id === 'org:kpc')?.country, 'KWT');
});
