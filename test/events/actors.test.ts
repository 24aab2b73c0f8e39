// Actors of events on own sentences, with the events lexicons alone (no entities stage): the act a
// reaction names has its own actors, a nominal's agent adjective, verb–subject agreement, and
// neighbours named by relation (data/events/neighbours.tsv).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import type { EventRecord } from '../../src/model.ts';

function events(text: string, published = '2025-06-10'): EventRecord[] {
  return extractEvents({ text, brief: parseBrief(text), mentions: [], entities: [], published }).events;
}
const of = (as: EventRecord['source']) => as.map((a) => a.country ?? a.sector).sort();
const byType = (es: EventRecord[], type: string) => es.filter((e) => e.type === type);

test('a condemned attack is not the condemner’s: its agent is the demonym after it', () => {
  const es = events('ندد الرئيس التركي بالهجوم الإسرائيلي على بلدة في جنوب لبنان.');
  const [accuse] = byType(es, 'ACCUSE');
  const [attack] = byType(es, 'ASSAULT');
  assert.deepEqual(of(accuse!.source), ['TUR']);
  assert.deepEqual(of(accuse!.target), ['ISR']);
  assert.deepEqual(of(attack!.source), ['ISR']);
  assert.deepEqual(of(attack!.target), ['LBN']);
  // «الغارات الجوية الإسرائيلية»: the agent past an adjective
  const [air] = byType(events('نددت الحكومة القطرية بالغارات الجوية الإسرائيلية على سوريا.'), 'ASSAULT');
  assert.deepEqual(of(air!.source), ['ISR']);
});

test('an attack with no agent named keeps no source, and the condemnation no target', () => {
  const es = events('أدانت الحكومة الأردنية الهجوم الذي استهدف مسجدًا في باكستان.');
  const [accuse] = byType(es, 'ACCUSE');
  const [attack] = byType(es, 'ASSAULT');
  assert.deepEqual(of(accuse!.source), ['JOR']);
  assert.deepEqual(accuse!.target, []);
  assert.deepEqual(attack!.source, []);
  assert.deepEqual(of(attack!.target), ['PAK']);
});

test('«مقتل … في قصف روسي» is one attack, the masdar after a preposition is a noun', () => {
  const es = events('أعلنت السلطات الأوكرانية مقتل خمسة مدنيين في قصف روسي على مدينة أوديسا الأوكرانية.');
  assert.deepEqual(
    es.map((e) => e.type),
    ['ASSAULT'],
  );
  assert.deepEqual(of(es[0]!.source), ['RUS']);
});

test('a masculine verb’s subject is not a state, a feminine verb’s not a masculine body', () => {
  const es = events('فرض الاتحاد الأوروبي عقوبات جديدة على روسيا، وطالب موسكو بالانسحاب من أوكرانيا.');
  const [req] = byType(es, 'REQUEST');
  assert.deepEqual(of(req!.source), ['IGO']);
  assert.deepEqual(of(req!.target), ['RUS']);
  const [call] = byType(events('أدانت سوريا الغارات، ودعت مجلس الأمن إلى التحرك.'), 'REQUEST');
  assert.deepEqual(of(call!.source), ['SYR']);
  assert.deepEqual(of(call!.target), ['IGO']);
  // agreement holds: the state after a feminine verb is its subject
  const [own] = byType(events('وطالبت موسكو الاتحاد الأوروبي برفع العقوبات.'), 'REQUEST');
  assert.deepEqual(of(own!.source), ['RUS']);
});

test('a neighbour named by its direction: «جارتها الشمالية», «جارة بلاده الغربية»', () => {
  const [a] = events('اتهمت كوريا الجنوبية جارتها الشمالية بإطلاق صاروخ باليستي.');
  assert.deepEqual(of(a!.target), ['PRK']);
  const [b] = events('اتهم وزير الخارجية الهندي جارة بلاده الغربية بدعم المسلحين.');
  assert.deepEqual(of(b!.source), ['IND']);
  assert.deepEqual(of(b!.target), ['PAK']);
  // no table line for the side: unresolved, not guessed
  const [c] = events('اتهمت البرازيل جارتها الشمالية بتهريب الأسلحة.');
  assert.deepEqual(c!.target, []);
});

test('a coordinated «V X بـ …» keeps the subject before; X is the one accused', () => {
  const es = events('أدانت الحكومة الأردنية الغارات، واتهمت إسرائيل بانتهاك القانون الدولي.');
  const acc = byType(es, 'ACCUSE');
  assert.ok(acc.length >= 1);
  for (const e of acc) assert.deepEqual(of(e.source), ['JOR']);
  assert.ok(acc.some((e) => of(e.target).includes('ISR')));
  // a new subject with an object of its own stays the subject: «ورحبت قطر بالاتفاق»
  const [sup] = byType(events('أدانت مصر الهجوم، ورحبت قطر بالاتفاق.'), 'SUPPORT');
  assert.deepEqual(of(sup!.source), ['QAT']);
});

test('a sector noun and the state after it are one actor: «قوات روسيا»', () => {
  const [e] = byType(events('قصفت قوات روسيا مواقع في مدينة خاركيف الأوكرانية.'), 'ASSAULT');
  assert.deepEqual(
    e!.source.map((a) => [a.country, a.sector]),
    [['RUS', 'MIL']],
  );
});

test('a short parenthetical between commas does not cut the clause; «وزير» is no «و» + word', () => {
  const [e] = events('التقى وزير الخارجية التركي، اليوم الثلاثاء، وزير الخارجية المصري في أنقرة.');
  assert.equal(e?.type, 'CONSULT');
  assert.deepEqual(of(e!.source), ['TUR']);
  assert.deepEqual(of(e!.target), ['EGY']);
  assert.equal(e!.reciprocal, false);
  const [r] = events('استقبل الرئيس التركي وزير الخارجية المصري في أنقرة.');
  assert.equal(r!.reciprocal, false);
  assert.deepEqual(of(r!.source), ['TUR']);
  assert.deepEqual(of(r!.target), ['EGY']);
});

test('the sides of a pair named with one state are of that state: «الحكومة الإثيوبية وجماعة جيش تحرير أورومو»', () => {
  const [e] = byType(
    events('أعلنت الحكومة الإثيوبية وجماعة جيش تحرير أورومو التوصل إلى اتفاق لوقف إطلاق النار في نيروبي.'),
    'AGREE',
  );
  assert.deepEqual(e!.source.map((a) => `${a.country}/${a.sector}`).sort(), ['ETH/GOV', 'ETH/REB']);
  assert.equal(e!.reciprocal, true);
});

test('a definite sector noun does not swallow the object after it: «اعتقلت الشرطة شخصًا»', () => {
  const [e] = byType(events('اعتقلت الشرطة التونسية شخصًا في مدينة صفاقس.'), 'COERCE');
  assert.deepEqual(
    e!.source.map((a) => a.sector),
    ['COP'],
  );
  assert.deepEqual(
    e!.target.map((a) => a.sector),
    ['CVL'],
  );
});
