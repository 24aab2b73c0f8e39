// Rules of the events stage on own sentences, with the events lexicons alone (no entities
// stage): modality, negation, attribution, passives and nominals, reciprocity, background,
// absorption of speech-act complements, restatements, evidence offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import type { EventRecord } from '../../src/model.ts';

function events(text: string, published = '2025-06-10'): EventRecord[] {
  return extractEvents({ text, brief: parseBrief(text), mentions: [], entities: [], published }).events;
}
const countries = (as: EventRecord['source']) => as.map((a) => a.country).sort();

test('VSO and SVO subjects, objects with a preposition', () => {
  const [e] = events('هاجمت القوات الروسية مواقع أوكرانية في أوكرانيا.');
  assert.equal(e?.type, 'ASSAULT');
  assert.equal(e!.location, 'أوكرانيا');
  assert.deepEqual(
    e!.source.map((a) => [a.country, a.sector]),
    [['RUS', 'MIL']],
  );
  const [r] = events('الحكومة الأردنية رحبت بقرار مصر فتح المعبر.');
  assert.equal(r?.type, 'SUPPORT');
  assert.deepEqual(countries(r!.source), ['JOR']);
});

test('negation (لم، لن) and denial (نفى) mark the event denied and negated', () => {
  for (const text of [
    'لم تنسحب القوات التركية من المنطقة الحدودية.',
    'قال مسؤول إن الوزير الإيراني لن يزور القاهرة هذا الشهر.',
    'نفت الحكومة السورية أن تكون قواتها قد قصفت القرية.',
  ]) {
    const [e] = events(text);
    assert.ok(e, text);
    assert.equal(e.negated, true, text);
    assert.equal(e.modality, 'denied', text);
  }
  const [plain] = events('انسحبت القوات التركية من المنطقة الحدودية.');
  assert.equal(plain?.negated, false);
  assert.equal(plain?.modality, 'happened');
});

test('intended (future, يعتزم) and conditional (إذا، في حال) modality', () => {
  assert.equal(events('سيزور الرئيس الفرنسي الجزائر الأسبوع المقبل.')[0]?.modality, 'intended');
  assert.equal(events('تعتزم الحكومة العراقية نشر قوات إضافية على الحدود.')[0]?.modality, 'intended');
  const [cond] = events('وقال المسؤول إنه إذا هاجمت القوات الإسرائيلية المنشآت الإيرانية فسيكون الرد حاسمًا.');
  assert.equal(cond?.type, 'ASSAULT');
  assert.equal(cond!.modality, 'conditional');
  assert.equal(cond!.negated, false);
});

test('a threat or a demand owns the act it names: «هدد بفرض عقوبات» is one THREATEN', () => {
  const e = events('هدد الاتحاد الأوروبي بفرض عقوبات جديدة على إيران.');
  assert.deepEqual(
    e.map((x) => x.type),
    ['THREATEN'],
  );
  assert.deepEqual(countries(e[0]!.target), ['IRN']);
  const d = events('طالبت الأمم المتحدة الأطراف الليبية بوقف القتال والسماح بدخول المساعدات.');
  assert.deepEqual(
    d.map((x) => x.type),
    ['REQUEST'],
  );
  assert.equal(d[0]!.source[0]?.sector, 'IGO');
});

test('passive agent «من قبل» and a nominal’s relative clause name the source', () => {
  const [p] = events('تعرضت قافلة إغاثة لهجوم من قبل مسلحين في شمال مالي.');
  assert.equal(p?.type, 'ASSAULT');
  assert.equal(p!.source[0]?.sector, 'REB');
  const n = events('ندد الأردن بالهجوم الذي شنه الجيش الإسرائيلي على مخيم جنين.');
  const assault = n.find((x) => x.type === 'ASSAULT')!;
  assert.deepEqual(
    assault.source.map((a) => [a.country, a.sector]),
    [['ISR', 'MIL']],
  );
  const accuse = n.find((x) => x.type === 'ACCUSE')!;
  assert.deepEqual(countries(accuse.source), ['JOR']);
  assert.deepEqual(countries(accuse.target), ['ISR'], 'the condemnation aims at the attack’s author');
});

test('reciprocal: «بين X و Y», coordinated subjects, «الطرفان» after a meeting', () => {
  const [b] = events('وقعت اتفاقية للتجارة الحرة بين المغرب وتونس.');
  assert.equal(b?.type, 'AGREE');
  assert.equal(b!.reciprocal, true);
  assert.deepEqual(countries(b!.source), ['MAR', 'TUN']);
  assert.deepEqual(countries(b!.target), ['MAR', 'TUN']);
  const m = events(
    'التقى وزير الخارجية القطري نظيره العماني في الدوحة، واتفق الطرفان على تشكيل لجنة مشتركة.',
  );
  const agree = m.find((x) => x.type === 'AGREE')!;
  assert.equal(agree.reciprocal, true);
  assert.deepEqual(countries(agree.source), ['OMN', 'QAT']);
  const consult = m.find((x) => x.type === 'CONSULT')!;
  assert.deepEqual(countries(consult.source), ['QAT']);
  assert.deepEqual(countries(consult.target), ['OMN']);
});

test('attribution: the speaker is kept, and is the source when the clause has no actor of its own', () => {
  const e = events('وقال وزير الخارجية التركي إن بلاده تدعم جهود الوساطة.');
  const s = e.find((x) => x.type === 'SUPPORT');
  assert.ok(s);
  assert.equal(s.attribution?.verb, 'وقال');
  assert.deepEqual(countries(s.source), ['TUR']);
  const q = events('قال الرئيس الكيني: «نرفض أي تدخل في شؤوننا».');
  assert.equal(q[0]?.type, 'REJECT');
  assert.deepEqual(countries(q[0]!.source), ['KEN']);
});

test('background: pluperfect, «الأخير», a past relative clause; its own date kept', () => {
  const e = events('وكانت مصر والسودان قد وقعتا اتفاقًا دفاعيًا العام الماضي.', '2025-06-10');
  assert.equal(e[0]?.type, 'AGREE');
  assert.equal(e[0]!.background, true);
  assert.equal(e[0]!.date?.value, '2024');
  assert.equal(
    events('أشاد الوزير بالاتفاق الأخير بين البلدين.').find((x) => x.type === 'AGREE')?.background,
    true,
  );
  const war = events('قدمت قطر مساعدات لغزة بعد الحرب التي استمرت شهرين.').find((x) => x.type === 'ASSAULT');
  assert.equal(war?.background, true);
  assert.equal(war?.date?.durationDays, 60);
  const now = events('قصفت الطائرات الروسية مدينة إدلب اليوم.', '2025-06-10');
  assert.equal(now[0]?.background, false);
  assert.equal(now[0]?.date?.value, '2025-06-10');
});

test('statements without an act are not events; adverbial «احتجاجًا» is no protest', () => {
  assert.deepEqual(events('أكد وزير الخارجية المصري أن العلاقات مع السعودية متينة.'), []);
  assert.deepEqual(events('وجاء التحقيق بناءً على طلب من السلطات المغربية.'), []);
  assert.deepEqual(events('أجرى الباحثون الدراسة بمساعدة من الاتحاد الأوروبي.'), []);
  assert.deepEqual(events('يبحث العلماء عن متطوعين.'), []);
  const e = events('استدعت تونس سفيرها لدى روما احتجاجًا على تصريحات وزير إيطالي.');
  assert.deepEqual(
    e.map((x) => x.type),
    ['SANCTION'],
  );
});

test('restatements in key points merge into the narrative’s event, with several evidence spans', () => {
  const text = [
    'أهمية الخبر) يأتي اللقاء في ظل توتر إقليمي.',
    '',
    'الصورة العامة) استقبل الرئيس التونسي وزير الخارجية الجزائري في قرطاج اليوم.',
    'وأعلن الطرفان توقيع اتفاقية لتنظيم التجارة الحدودية.',
    '',
    'النقاط الرئيسية)',
    'لقاء تونسي جزائري في قرطاج',
    'توقيع اتفاقية للتجارة الحدودية',
  ].join('\n');
  const e = events(text);
  assert.deepEqual(e.map((x) => x.type).sort(), ['AGREE', 'CONSULT']);
  for (const x of e) assert.ok(x.evidence.length >= 2, `${x.type} has its restatements`);
});

test('evidence and trigger spans point into the text (property)', () => {
  const words = [
    'هاجم',
    'الجيش',
    'الإسرائيلي',
    'لبنان',
    'و',
    'اتفق',
    'الطرفان',
    'على',
    'لم',
    'يلتقي',
    'الرئيس',
    'المصري',
    '،',
    '.',
    'مساعدات',
    'إلى',
    'السودان',
    'أمس',
    '«',
    '»',
    '\n',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
      const text = ws.join(' ');
      for (const e of extractEvents({ text, brief: parseBrief(text), mentions: [], entities: [] }).events) {
        assert.equal(text.slice(e.trigger.span[0], e.trigger.span[1]), e.trigger.text);
        for (const [s, t] of e.evidence) assert.ok(0 <= s && s < t && t <= text.length);
        assert.ok(e.confidence > 0 && e.confidence < 1);
        if (e.reciprocal) assert.deepEqual(e.source, e.target);
      }
    }),
    { numRuns: 200 },
  );
});
