// Events that generalize, round 6 (issue 4, worktree evtune, 2026-11-30): constructions read from the
// misses of heldout-9 and ANT real-heldout-4 (tuning sets since they were scored), each pinned by
// sentences of our own writing, run through the whole pipeline as ingest runs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2026-05-12'): EventRecord[] =>
  pipelineEvents(text, published, '2026-05-12T00:00:00Z');

const code = actorCodes;
const show = (es: EventRecord[]) =>
  JSON.stringify(es.map((e) => [e.type, e.mode, e.trigger.text, code(e.source), code(e.target)]));
const of = (es: EventRecord[], type: string) => es.filter((e) => e.type === type);

test('a description in words of condemnation is an accusation («وصف … بأنه "تصعيد خطير"»)', () => {
  // own sentences
  const verb = events('ووصف رئيس الوزراء الألباني الخطوة الصربية بأنها "تصعيد خطير وغير مبرر".');
  const e = of(verb, 'ACCUSE');
  assert.equal(e.length, 1, show(verb));
  assert.deepEqual(code(e[0]!.source), ['ALB/GOV'], show(verb));
  // a participle after another act: the act's doer describes
  const participle = events(
    'وهددت الحكومة الكولومبية بطرد البعثة، واصفةً تقريرها الأخير بأنه "افتراء على مؤسسات الدولة".',
  );
  assert.equal(of(participle, 'ACCUSE').length, 1, show(participle));
  assert.deepEqual(code(of(participle, 'ACCUSE')[0]!.source), ['COL/GOV'], show(participle));
  // praise stays praise; a neutral description is no event
  const praise = events('ووصف وزير الخارجية الأردني الاتفاق بأنه "خطوة إيجابية".');
  assert.equal(of(praise, 'SUPPORT').length, 1, show(praise));
  assert.equal(of(praise, 'ACCUSE').length, 0, show(praise));
  const neutral = events('ووصفت وزارة الدفاع البيروفية الانتشار بأنه تدريب روتيني.');
  assert.equal(of(neutral, 'ACCUSE').length, 0, show(neutral));
  // a condemnation or a denial already made in the sentence is not made twice
  const again = events('ونددت الحكومة الفنزويلية بالقرار ووصفته بأنه "عدوان سافر".');
  assert.equal(of(again, 'ACCUSE').length, 1, show(again));
  const denied = events('ونفت الخارجية الإثيوبية الاتهامات، واصفةً إياها بأنها "مفبركة".');
  assert.equal(of(denied, 'ACCUSE').length, 0, show(denied));
  // «ما وصفه بـ …» names the object of another act
  const what = events('واحتجت الحكومة الكينية على ما وصفته بأنه "تدخل سافر" في شؤونها.');
  assert.ok(!what.some((x) => x.trigger.text.includes('وصف')), show(what));
});

test('aid a foreign state gives with no recipient named goes to the pair’s other side, else the dateline’s state', () => {
  // own sentences
  const pair = events(
    'وقّعت الأردن واليابان، اليوم الأحد في عمّان، مذكرة تفاهم في مجال المياه. وتعهدت الحكومة اليابانية بتقديم منحة بقيمة 40 مليون دولار لتوسيع محطات التحلية.',
  );
  const aid = of(pair, 'AID');
  assert.equal(aid.length, 1, show(pair));
  assert.deepEqual(code(aid[0]!.source), ['JPN/GOV'], show(pair));
  assert.deepEqual(code(aid[0]!.target), ['JOR/GOV'], show(pair));
  const dateline = events('نيامي - قدمت الحكومة الإيطالية منحة قدرها 12 مليون يورو لتأهيل مدارس ريفية.');
  assert.deepEqual(code(of(dateline, 'AID')[0]?.target ?? []), ['NER/GOV'], show(dateline));
  // a state's credit to its own people, filed from its own capital, is no aid
  const own = events('الرباط - قدمت الحكومة المغربية قروضًا بقيمة ملياري درهم لتمويل المشاريع الصغيرة.');
  assert.equal(of(own, 'AID').length, 0, show(own));
});

test('an arrest whose object is people named by a common noun, or a vehicle, is an arrest; «إيقاف نشاطها» is not', () => {
  // own sentences
  const court = events('قضت محكمة مغربية أمس بإيقاف خمسة أشخاص يشتبه في انتمائهم إلى شبكة لتزوير الوثائق.');
  const c = of(court, 'COERCE');
  assert.equal(c.length, 1, show(court));
  assert.deepEqual(code(c[0]!.target), ['MAR/CVL'], show(court));
  const car = events('تمكنت دورية للحرس الوطني بولاية صفاقس من إيقاف شاحنة محملة بالسجائر المهربة.');
  assert.equal(of(car, 'COERCE').length, 1, show(car));
  const stop = events('قررت الشركة إيقاف نشاطها في الجنوب.');
  assert.equal(of(stop, 'COERCE').length, 0, show(stop));
});

test('the killing an accusation names, after a long name of the accused, is an event of its own', () => {
  // own sentences
  const near = events('اتهمت تشاد النيجر بقتل أربعة رعاة تشاديين.');
  assert.equal(of(near, 'ASSAULT').length, 1, show(near));
  const far = events(
    'اتهمت الحكومة الغانية عناصر دورية حرس الحدود التابعة لتوغو بقتل صيادين اثنين قرب البحيرة.',
  );
  assert.equal(of(far, 'ACCUSE').length, 1, show(far));
  assert.equal(of(far, 'ASSAULT').length, 1, show(far));
});

test('demands a rejection names, made by the actor after them, are a request of their own', () => {
  // own sentences
  const demands = events('رفض رئيس الوزراء الصربي، مساء الأحد، مطالب ألبانية بفتح المعبر الحدودي.');
  const r = of(demands, 'REQUEST');
  assert.equal(r.length, 1, show(demands));
  assert.deepEqual(code(r[0]!.source), ['ALB/GOV'], show(demands));
  assert.equal(of(demands, 'REJECT').length, 1, show(demands));
  const proposal = events('رفض البرلمان اللبناني مقترح الحكومة بتأجيل الانتخابات البلدية.');
  assert.equal(of(proposal, 'REQUEST').length, 1, show(proposal));
  // a proposal with its adjective («المقترح الإسرائيلي») is what is rejected, no request told
  const plan = events('رفضت الحكومة السودانية المقترح الإثيوبي الأخير.');
  assert.equal(of(plan, 'REQUEST').length, 0, show(plan));
});

test('a nominal in the predicate of a description or a judgement tells no act of its own', () => {
  // own sentences
  const described = events('وندد الوسيط الأممي بالقرار ووصفه بأنه "اعتداء على اتفاق السلام".');
  assert.equal(of(described, 'ASSAULT').length, 0, show(described));
  assert.equal(of(described, 'AGREE').length, 0, show(described));
  assert.equal(of(described, 'ACCUSE').length, 1, show(described));
  const judged = events('ونددت الحكومة الكورية الجنوبية بالتجربة، معتبرة أنها تهديد مباشر لأمن المنطقة.');
  assert.equal(of(judged, 'THREATEN').length, 0, show(judged));
  // a time phrase ends the predicate: the call after it is told
  const after = events(
    'وأفرجت السلطات الغانية عن الصيادين، واصفةً الخطوة بأنها "لفتة ودية" عقب اتصال هاتفي بين الرئيسين.',
  );
  assert.equal(of(after, 'CONSULT').length, 1, show(after));
});

test('a meeting or an agreement with two sides named is reciprocal, each side source and target', () => {
  // own sentences
  const talks = events('اتفقت غانا وتوغو، في ختام اجتماع للجنة الحدود المشتركة، على تسيير دوريات مشتركة.');
  const meeting = of(talks, 'CONSULT');
  assert.equal(meeting.length, 1, show(talks));
  assert.equal(meeting[0]!.reciprocal, true, show(talks));
  assert.deepEqual(code(meeting[0]!.target), ['GHA/GOV', 'TGO/GOV'], show(talks));
  const signed = events('وقّعت قطر مع رواندا، أمس، اتفاقية للنقل الجوي.');
  const a = of(signed, 'AGREE');
  assert.equal(a.length, 1, show(signed));
  assert.equal(a[0]!.reciprocal, true, show(signed));
  assert.deepEqual(code(a[0]!.source), ['QAT/GOV', 'RWA/GOV'], show(signed));
  // a visit stays one-sided
  const visit = events('زار وزير الخارجية التركي الجزائر أمس.');
  assert.ok(
    of(visit, 'CONSULT').every((e) => !e.reciprocal),
    show(visit),
  );
});

test('a feminine noun with a pronoun («مطالبتها», «زيارته») is the noun; what a demand asks for is its content', () => {
  // own sentences
  const demand = events('وجددت الحكومة الأذربيجانية مطالبتها يريفان بسحب قواتها من المرتفعات.');
  assert.equal(of(demand, 'REQUEST').length, 1, show(demand));
  assert.equal(of(demand, 'RETREAT').length, 0, show(demand));
});

test('«تلويح … بـ» is a threat whose content is threatened; a gloss in parentheses is the same act', () => {
  // own sentences
  const waved = events('وجاء ذلك بعد تلويح الحكومة المالية بإغلاق الحدود مع الجزائر.');
  assert.equal(of(waved, 'THREATEN').length, 1, show(waved));
  assert.equal(of(waved, 'SANCTION').length, 0, show(waved));
  const veto = events('واستخدمت روسيا حق النقض (الفيتو) ضد مشروع القرار.');
  assert.equal(of(veto, 'REJECT').length, 1, show(veto));
  const refuse = events('وأكد رئيس الوزراء أن حكومته لن تقبل أي شروط مسبقة.');
  assert.equal(of(refuse, 'REJECT').length, 1, show(refuse));
});

test('a protest verb right after the people it describes is theirs; a crowd in datelined copy is of the dateline’s country', () => {
  // own sentences
  const crowd = events(
    'داكار - أطلقت الشرطة الغاز المسيل للدموع على مئات من المزارعين تجمعوا أمام مقر الوزارة.',
  );
  const p = of(crowd, 'PROTEST');
  assert.equal(p.length, 1, show(crowd));
  assert.deepEqual(code(p[0]!.source), ['SEN/CVL'], show(crowd));
});

test('a crowd named by its nationality after a protest verb protests; «مئات» and «هيئة» are read as normalized', () => {
  // own sentences
  const crowd = events('تظاهر مئات الجزائريين أمام السفارة الفرنسية.');
  const p = of(crowd, 'PROTEST');
  assert.equal(p.length, 1, show(crowd));
  assert.deepEqual(code(p[0]!.source), ['DZA/CVL'], show(crowd));
  assert.ok(!p[0]!.target.some((a) => a.country === 'DZA'), show(crowd));
  // «جرائم حرب» names a crime, no war told (the regex had «جرائم» with its hamza, never matched)
  const crimes = events('واتهمت الحكومة الإثيوبية المتمردين بارتكاب جرائم حرب في الإقليم.');
  assert.equal(of(crimes, 'ASSAULT').filter((e) => e.mode === 'war').length, 0, show(crimes));
});
