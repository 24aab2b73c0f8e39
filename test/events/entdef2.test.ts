// entdef2 (helper, seventeenth session): a sponsor or a mediator («برعاية أمير قطر …», «بوساطة
// تركية») is the mediation's source, neither side of the meeting or the deal it sponsors, nor
// read as a person's name after a post. Sentences written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorStates, pipelineEvents } from './pipeline.ts';

const byMode = (text: string) => {
  const es = pipelineEvents(text, '2026-12-03');
  const one = (mode: string) => {
    const e = es.find((x) => x.mode === mode);
    assert.ok(e, JSON.stringify(es.map((x) => [x.type, x.mode])));
    return { source: actorStates(e.source).sort(), target: actorStates(e.target).sort() };
  };
  return one;
};

test('«اجتمع الرئيسان برعاية أمير قطر الشيخ تميم …»: the emir mediates, he is no side of the meeting', () => {
  const one = byMode('اجتمع الرئيس الجزائري ونظيره التونسي برعاية أمير قطر الشيخ تميم بن حمد آل ثاني.');
  assert.deepEqual(one('meet'), { source: ['DZA', 'TUN'], target: ['DZA', 'TUN'] });
  assert.deepEqual(one('mediate'), { source: ['QAT'], target: ['DZA', 'TUN'] });
});

test('«بوساطة سعودية» between the verb and its object: the meeting keeps its partner, the mediation both sides', () => {
  const one = byMode('عقد الرئيس الإريتري لقاء بوساطة سعودية مع رئيس الوزراء الإثيوبي.');
  assert.deepEqual(one('meet'), { source: ['ERI'], target: ['ETH'] });
  assert.deepEqual(one('mediate'), { source: ['SAU'], target: ['ERI', 'ETH'] });
  // «بوساطة» after a post is no person's name
  const two = byMode('التقى وزير الخارجية المغربي نظيره الجزائري بوساطة سعودية.');
  assert.deepEqual(two('meet'), { source: ['MAR'], target: ['DZA'] });
  assert.deepEqual(two('mediate'), { source: ['SAU'], target: ['DZA', 'MAR'] });
});

test('two sponsors joined by «و» both mediate; the sides of the talks are the targets', () => {
  const one = byMode(
    'وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا في جدة برعاية السعودية والولايات المتحدة.',
  );
  assert.deepEqual(one('mediate').source, ['SAU', 'USA']);
  assert.ok(!one('mediate').target.includes('USA'), JSON.stringify(one('mediate')));
});
