// Event-coding defects of round evdef4: who is welcomed, a body holding its own meeting, the party
// called on, a lone soldier, marches with no addressee, an emir's «بلاده» — and what walking short
// articles of our own turned up. Sentences are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2025-11-09'): EventRecord[] => pipelineEvents(text, published);
const show = (as: EventRecord['source']) => JSON.stringify(as);
const ids = (as: EventRecord['source']) =>
  as.map((a) => a.entityId ?? `${a.country ?? '-'}/${a.sector ?? '-'}`);

test('«وأكد الأمير خلال اللقاء دعم بلاده»: the emir is not his own target', () => {
  const es = events(
    'الدوحة - التقى أمير قطر الشيخ تميم بن حمد آل ثاني اليوم وزير الخارجية الأمريكي. وأكد الأمير خلال اللقاء دعم بلاده للجهود الدبلوماسية.',
  );
  // «أمير قطر الشيخ تميم …»: the title between the post and the name is one actor, the host
  const met = one(es, 'CONSULT');
  assert.deepEqual(ids(met.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(codes(met.target), ['USA/GOV']);
  // the bare «الأمير» is the emir named before; the support names no one else
  const support = one(es, 'SUPPORT');
  assert.deepEqual(ids(support.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(support.target, [], show(support.target));
  // no dateline: the same
  const plain = one(
    events(
      'استقبل أمير قطر الشيخ تميم بن حمد آل ثاني الرئيس الفرنسي في الدوحة يوم الاثنين. وأكد الأمير خلال اللقاء دعم بلاده لجهود السلام.',
    ),
    'SUPPORT',
  );
  assert.deepEqual(ids(plain.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(plain.target, [], show(plain.target));
  // two emirs met: a bare «الأمير» may be either, neither is its target
  const two = one(
    events('استقبل أمير قطر أمير الكويت في الدوحة. وأكد الأمير خلال اللقاء دعم بلاده لجهود السلام.'),
    'SUPPORT',
  );
  assert.deepEqual(two.target, [], show(two.target));
  // the support of the emir's country for another state still has that state as its target
  const lebanon = one(
    events(
      'الدوحة - استقبل أمير قطر الشيخ تميم بن حمد آل ثاني اليوم الرئيس اللبناني جوزيف عون. وأكد الأمير خلال اللقاء دعم بلاده لاستقرار لبنان.',
    ),
    'SUPPORT',
  );
  assert.deepEqual(codes(lebanon.target), ['LBN/GOV']);
});

test('«قتل مسلحون جنديًا في هجوم»: the gunmen kill, the lone soldier is the target', () => {
  const killed = one(events('مقديشو - قتل مسلحون جنديًا في هجوم على نقطة تفتيش يوم الثلاثاء.'), 'ASSAULT');
  assert.deepEqual(codes(killed.source), ['SOM/REB']);
  assert.deepEqual(codes(killed.target), ['SOM/MIL']);
  // no place to give his state: a soldier of an unknown country
  const anywhere = one(events('قتل مسلحون جنديًا في هجوم على نقطة تفتيش.'), 'ASSAULT');
  assert.deepEqual(codes(anywhere.source), ['-/REB']);
  assert.deepEqual(codes(anywhere.target), ['-/MIL']);
  // «قتل مسلحون مدنيين»: the sound plural «ـين» after the nominative is the object too
  const civilians = one(events('قتل مسلحون مدنيين في هجوم على قرية.'), 'ASSAULT');
  assert.deepEqual(codes(civilians.source), ['-/REB']);
  assert.deepEqual(codes(civilians.target), ['-/CVL']);
  // the passive toll of an attack is still the attack's
  const toll = one(events('قتل ثلاثة مدنيين في غارة إسرائيلية.'), 'ASSAULT');
  assert.deepEqual(codes(toll.target), ['-/CVL']);
  assert.deepEqual(toll.trigger.text, 'غارة');
  // a number counts soldiers sent, no target
  const sent = one(events('نشرت الحكومة 150 جنديًا في المدينة.'), 'MOBILIZE');
  assert.deepEqual(sent.target, [], show(sent.target));
});

test('«داعيةً المجتمع الدولي إلى دعم جهود الحكومة»: the called-on party is the target, not the government', () => {
  for (const text of [
    'أعلنت الأمم المتحدة عن خطة جديدة لإغاثة اليمن، داعية المجتمع الدولي إلى دعم جهود الحكومة اليمنية.',
    'أعلنت الأمم المتحدة عن خطة جديدة لإغاثة اليمن، داعية الدول المانحة إلى دعم جهود الحكومة اليمنية.',
    'دعت الحكومة الصومالية المجتمع الدولي إلى دعم الجيش الصومالي.',
  ]) {
    const call = one(events(text), 'REQUEST');
    // (the international community is no actor the lexicons code: no target rather than a wrong one)
    assert.deepEqual(call.target, [], `${text} ${show(call.target)}`);
  }
  // a named state called on is still the target; a call with no one called on keeps its object
  assert.deepEqual(
    codes(one(events('دعت مصر إسرائيل إلى وقف العمليات العسكرية في غزة.'), 'REQUEST').target),
    ['ISR/GOV'],
  );
  // a subject the lexicons do not know is no called-on party: «نقابة سائقي الحافلات» asks the minister's sacking
  const union = one(events('ليما - طالبت نقابة سائقي الحافلات بإقالة وزير الداخلية.'), 'REQUEST');
  assert.deepEqual(codes(union.target), ['PER/GOV']);
});

test('«خرج محتجون في شوارع الخرطوم»: a march with no addressee has no target', () => {
  const march = one(events('خرج محتجون في شوارع الخرطوم يوم الجمعة.'), 'PROTEST');
  assert.deepEqual(codes(march.source), ['SDN/CVL']);
  assert.deepEqual(march.target, [], show(march.target));
  // what they march against, said: the government
  const against = one(
    events('خرج محتجون في شوارع الخرطوم يوم الجمعة احتجاجًا على ارتفاع أسعار الخبز.'),
    'PROTEST',
  );
  assert.deepEqual(codes(against.target), ['SDN/GOV']);
  // a strike is aimed at the state by its nature
  const strike = one(events('الخرطوم - أضرب المعلمون عن العمل يوم الأحد.'), 'PROTEST');
  assert.deepEqual(codes(strike.target), ['SDN/GOV']);
});

test('«ورحبت وزارة الطاقة الأمريكية بالخطوة»: the welcome is aimed at who took the step', () => {
  const welcome = one(
    events(
      'فيينا - قرر تحالف أوبك+ يوم الأحد زيادة إنتاج النفط بمقدار 400 ألف برميل يوميا. ورحبت وزارة الطاقة الأمريكية بالخطوة.',
    ),
    'SUPPORT',
  );
  assert.deepEqual(codes(welcome.source), ['USA/GOV']);
  assert.deepEqual(ids(welcome.target), ['org:opec']);
  // who only reports what others did («أعلن … أن …») took no step of its own
  const reported = one(
    events('أعلن الجيش في بيان أن الفصائل سلمت أسلحتها الثقيلة. ورحبت الحكومة بالخطوة.'),
    'SUPPORT',
  );
  assert.ok(!reported.target.some((a) => a.sector === 'MIL'), show(reported.target));
  // an event told after the step is what a later reaction answers
  const later = one(
    events(
      'قرر تحالف أوبك+ زيادة إنتاج النفط. وفرضت الولايات المتحدة عقوبات على إيران. وأدانت طهران الخطوة.',
    ),
    'ACCUSE',
  );
  assert.deepEqual(codes(later.target), ['USA/GOV']);
});

test('«عقد التحالف اجتماعه الدوري»: a body of states holding its sitting is a consultation, as «عقد تحالف أوبك+ اجتماعًا» is', () => {
  for (const text of [
    'عقد تحالف أوبك+ اجتماعا يوم الأحد.',
    'عقد تحالف أوبك+ اجتماعا دوريا يوم الأحد.',
    'فيينا - قالت مصادر إن تحالف أوبك+ يدرس زيادة الإنتاج. وعقد التحالف اجتماعه الدوري يوم الأحد عبر الفيديو.',
  ]) {
    const met = one(events(text), 'CONSULT');
    assert.deepEqual(ids(met.source), ['org:opec'], text);
    assert.deepEqual(met.target, [], text);
  }
  const gcc = one(events('عقد مجلس التعاون الخليجي اجتماعه الدوري في الرياض يوم الأحد.'), 'CONSULT');
  assert.deepEqual(ids(gcc.source), ['org:gcc']);
  // a domestic body sitting (a party's politburo) consults no one; «التحالف الدولي» is another coalition
  assert.deepEqual(events('عقد المكتب السياسي للحزب اجتماعه الدوري يوم الأحد.'), []);
  const other = events('قالت مصادر إن تحالف أوبك+ يدرس زيادة الإنتاج. وعقد التحالف الدولي اجتماعه الدوري.');
  assert.ok(!other.some((e) => e.source.some((a) => a.entityId === 'org:opec')), JSON.stringify(other));
});

// Short articles of our own walked as an analyst would (sanctions, ceasefire talks, arrests, aid, drills).

test('sanctions: «وشملت العقوبات تجميد أصول» is the sanctions’ content, and the condemnation answers the EU', () => {
  const es = events(
    'بروكسل - أعلن الاتحاد الأوروبي، يوم الاثنين، فرض عقوبات جديدة على 12 مسؤولا في بيلاروسيا بسبب قمع المعارضين، وشملت العقوبات تجميد أصول وحظر سفر. ونددت وزارة الخارجية البيلاروسية بالقرار، ووصفته بأنه "تدخل سافر في الشؤون الداخلية".',
  );
  const sanction = one(es, 'SANCTION');
  assert.deepEqual(ids(sanction.source), ['org:eu']);
  assert.deepEqual(codes(sanction.target), ['BLR/GOV']);
  const condemned = one(es, 'ACCUSE', 'ونددت');
  assert.deepEqual(ids(condemned.target), ['org:eu'], show(condemned.target));
});

test('arrests: «وحدات الحرس الوطني بولاية صفاقس» — the province is where, the 15 people are arrested', () => {
  const arrest = one(
    events(
      'تونس - أوقفت وحدات الحرس الوطني بولاية صفاقس، فجر الأربعاء، 15 شخصا يشتبه في تورطهم في تنظيم رحلات هجرة غير نظامية.',
    ),
    'COERCE',
  );
  assert.deepEqual(codes(arrest.source), ['TUN/COP']);
  assert.deepEqual(codes(arrest.target), ['TUN/CVL']);
});

test('aid: «مساعدات غذائية مقدمة من المملكة» — the kingdom gives, the port’s state receives', () => {
  const aid = one(
    events(
      'بورتسودان - وصلت إلى ميناء بورتسودان، الخميس، سفينة تحمل 3 آلاف طن من المساعدات الغذائية مقدمة من المملكة العربية السعودية.',
    ),
    'AID',
  );
  assert.deepEqual(codes(aid.source), ['SAU/GOV']);
  assert.deepEqual(codes(aid.target), ['SDN/GOV']);
  // the recipient named after the giver
  const egypt = one(
    events(
      'القاهرة - وصلت إلى مطار بورتسودان طائرة مصرية محملة بـ40 طنا من المساعدات الطبية مقدمة من الشعب المصري إلى الأشقاء في السودان.',
    ),
    'AID',
  );
  assert.deepEqual(
    egypt.source.map((a) => a.country),
    ['EGY'],
  );
  assert.deepEqual(
    egypt.target.map((a) => a.country),
    ['SDN'],
  );
});

test('talks: «رئيس المجلس العسكري في النيجر الجنرال عبد الرحمن تياني» hosts; «بهدف التوصل إلى وقف لإطلاق النار» is still to come', () => {
  const met = one(
    events(
      'نيامي - استقبل رئيس المجلس العسكري في النيجر الجنرال عبد الرحمن تياني، الأحد، وفدا روسيا برئاسة نائب وزير الدفاع.',
    ),
    'CONSULT',
  );
  assert.deepEqual(ids(met.source), ['person:abdul-rahman-tayani']);
  assert.deepEqual(codes(met.target), ['RUS/GOV']);
  const truce = one(
    events(
      'الدوحة - انطلقت جولة جديدة من المفاوضات بين حكومة الكونغو الديمقراطية وحركة إم 23 المتمردة بوساطة قطرية، بهدف التوصل إلى وقف دائم لإطلاق النار في شرق البلاد.',
    ),
    'AGREE',
  );
  assert.equal(truce.modality, 'intended');
});
