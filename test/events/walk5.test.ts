// walk5 (lead, seventeenth session): talks in Doha written for this test. In «وقال المتحدث باسم
// وزارة الخارجية القطرية ماجد الأنصاري إن …» the verb's nearest cue is the noun «المتحدث», and the
// spokesman's mention starts on it: the speaker was taken from the article's topic (Hamas).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pipelineEvents } from './pipeline.ts';

test('«وقال المتحدث باسم الخارجية … ماجد الأنصاري إن …»: the spokesman is the speaker', () => {
  const es = pipelineEvents(
    'أعلنت حركة حماس قبول المقترح. وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوسطاء "يعملون على تقريب وجهات النظر".',
    '2026-12-02',
  );
  const said = es.filter((e) => e.attribution?.verb === 'المتحدث');
  assert.ok(said.length > 0, JSON.stringify(es.map((e) => [e.type, e.attribution])));
  for (const e of said) assert.equal(e.attribution?.speaker?.entityId, 'person:majid-al-ansari');
});
