import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from './analyst.ts';

// walk5 (lead, seventeenth session): a Doha-mediated round of talks, written for this test.
// «بوساطة مصرية وأمريكية» made a person «Busata» of «ب» + «وساطة».

test('«بوساطة مصرية», «بإشراف أممي»: a preposition on a common noun is no one-word name', () => {
  for (const tagger of ['auto', 'off'] as const) {
    for (const text of [
      'ستستضيف الدوحة جولة مفاوضات بوساطة مصرية وأمريكية.',
      'عقد الاجتماع بإشراف أممي ومصري.',
    ]) {
      const r = run(text, tagger);
      const people = r.mentions.filter((m) => m.type === 'PERS').map((m) => m.text);
      assert.deepEqual(people, [], `${tagger}: ${text}`);
      // the demonyms still name their states
      assert.ok(
        r.entities.some((e) => e.id === 'country:EGY'),
        `${tagger}: ${text}`,
      );
    }
  }
  // a one-word name that starts with «ب» is still read («بلحاج»)
  const r = run('قال بلحاج إن الحكومة ستعمل على ذلك.');
  assert.deepEqual(
    r.mentions.filter((m) => m.type === 'PERS').map((m) => m.text),
    ['بلحاج'],
  );
});

test('«رئيس الوزراء الكويتي بالإنابة محمد الأحمد»: «بالإنابة» is acting, as «بالنيابة»', () => {
  const r = run('قال رئيس الوزراء الكويتي بالإنابة محمد الأحمد إن الحكومة ستستقيل.');
  const e = r.entities.find((x) => x.type === 'PERS');
  assert.equal(e?.names.ar, 'محمد الأحمد');
  assert.equal(e?.post?.en, 'Acting Prime Minister');
  assert.equal(e?.country, 'KWT');
});

test('envoys: «المبعوث الأممي إلى ليبيا», «المبعوثة الأممية بالإنابة», «المبعوث الأممي الخاص إلى اليمن», «المبعوثة الأمريكية»', () => {
  const post = (text: string, name: string) => {
    const r = run(text);
    const e = r.entities.find((x) => x.type === 'PERS' && x.names.ar === name);
    return e?.post?.en;
  };
  assert.equal(
    post('التقى المبعوث الأممي إلى ليبيا عبد الله باتيلي الوفد.', 'عبد الله باتيلي'),
    'UN Envoy to Libya',
  );
  assert.equal(
    post('التقت المبعوثة الأممية بالإنابة ستيفاني خوري الوفد.', 'ستيفاني خوري'),
    'Acting UN Envoy',
  );
  assert.equal(
    post('التقى المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ الوفد.', 'هانس غروندبرغ'),
    'UN Special Envoy to Yemen',
  );
  assert.equal(post('التقت المبعوثة الأمريكية مورغان أورتاغوس الوفد.', 'مورغان أورتاغوس'), 'Envoy');
  const un = run('التقى المبعوث الأممي إلى ليبيا عبد الله باتيلي الوفد.').entities.find(
    (x) => x.type === 'PERS',
  );
  assert.equal(un?.sector, 'IGO');
});

test('«المبعوث الأمريكي ستيف ويتكوف»: a surname in «و» no table knows is the name’s, not «و» + a word', () => {
  const r = run('التقى المبعوث الأمريكي ستيف ويتكوف الوفد الإسرائيلي.');
  assert.deepEqual(
    r.mentions.filter((m) => m.type === 'PERS').map((m) => m.text),
    ['ستيف ويتكوف'],
  );
  // a second person after «و» stays apart
  const two = run('التقى المبعوث الأمريكي ستيف ووزير الخارجية الوفد.');
  assert.ok(!two.mentions.some((m) => m.text.includes('ووزير')));
});

test('«منسق الأمم المتحدة للشؤون الإنسانية توم فليتشر»: the office and its field', () => {
  const r = run('قال منسق الأمم المتحدة للشؤون الإنسانية توم فليتشر إن الوضع كارثي.');
  const e = r.entities.find((x) => x.type === 'PERS');
  assert.equal(e?.names.ar, 'توم فليتشر');
  assert.equal(e?.post?.en, 'Coordinator of the United Nations for Humanitarian Affairs');
  assert.equal(e?.sector, 'IGO');
});
