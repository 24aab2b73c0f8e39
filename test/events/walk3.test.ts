// walk3: «اقتحام قوات … مدينة نابلس، … عقب مداهمة منازل»: the houses searched after the storming
// are that raid, one COERCE/raid (with the West Bank's towns now places, the storming has its
// target and both were coded). Every sentence here is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorCodes, pipelineEvents } from './pipeline.ts';

test('a raid recalled with «عقب» beside a raid of the same sentence is one raid', () => {
  const es = pipelineEvents(
    'أصيب شابان بجروح، فجر اليوم الخميس، خلال اقتحام قوات الاحتلال الإسرائيلي مدينة نابلس، فيما اعتقلت خمسة مواطنين عقب مداهمة منازلهم وتفتيشها.',
    '2026-12-03',
  );
  const raids = es.filter((e) => e.type === 'COERCE' && e.mode === 'raid');
  assert.equal(raids.length, 1, JSON.stringify(es.map((e) => [e.type, e.mode, e.trigger.text])));
  assert.deepEqual(actorCodes(raids[0]!.target), ['PSE/CVL']);
  assert.ok(es.some((e) => e.type === 'COERCE' && e.mode === 'arrest'));
});
