/** Hand-built processed articles (our own fictional Arabic) for the API tests. */
import { BRIEF_SCHEMA, type Block, type ProcessedArticle, type Span } from '../../src/model.ts';

function find(text: string, needle: string, from = 0): Span {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture: "${needle}" not in text`);
  return [i, i + needle.length];
}

function block(text: string, needle: string): Block {
  return { text: needle, span: find(text, needle) };
}

export const LEAD =
  'استقبل وزير الخارجية المصري، أحمد سامي، نظيره الأردني في القاهرة اليوم الأحد، وبحث الجانبان تعزيز التعاون في مجالات المياه والطاقة.';
const WHY = 'يأتي اللقاء في ظل أزمة مياه تعصف بالمنطقة.';
const POINTS = ['اتفاق على لجنة مشتركة للمياه', 'دعوة إلى تبادل الخبرات في الطاقة'];

export function sampleDoc(opts: { id?: string; published?: string } = {}): ProcessedArticle {
  const text = `${LEAD}\n\nأهمية الخبر) ${WHY}\n\nالنقاط الرئيسية)\n${POINTS.join('\n')}\n`;
  const person = find(text, 'أحمد سامي');
  const egy = find(text, 'المصري');
  const jor = find(text, 'الأردني');
  const trigger = block(text, 'استقبل');
  return {
    article: {
      id: opts.id ?? 'a1b2c3d4e5f60718',
      title: 'وزير الخارجية المصري يستقبل نظيره الأردني',
      outlet: 'خبر التجريبي',
      published: opts.published ?? '2026-03-01',
      language: 'ar',
      text,
      provenance: { source: 'test', format: 'example', ingestedAt: '2026-03-01T10:00:00Z' },
      warnings: [],
    },
    brief: {
      schema: BRIEF_SCHEMA,
      origin: 'labelled',
      lead: [block(text, LEAD)],
      sections: [
        {
          kind: 'why_it_matters',
          label: 'أهمية الخبر',
          paragraphs: [block(text, WHY)],
          items: [],
          span: find(text, `أهمية الخبر) ${WHY}`),
        },
        {
          kind: 'key_points',
          label: 'النقاط الرئيسية',
          paragraphs: [],
          items: POINTS.map((p) => block(text, p)),
          span: find(text, `النقاط الرئيسية)\n${POINTS.join('\n')}`),
        },
      ],
      body: [],
      trailing: [],
      messages: [],
    },
    analysis: {
      mentions: [
        {
          span: person,
          text: 'أحمد سامي',
          type: 'PERS',
          entityId: 'person:ahmed-sami',
          role: 'name',
          via: 'tagger',
          confidence: 0.9,
        },
        {
          span: egy,
          text: 'المصري',
          type: 'GPE',
          entityId: 'country:EGY',
          role: 'demonym',
          via: 'gazetteer',
          confidence: 1,
        },
        {
          span: jor,
          text: 'الأردني',
          type: 'GPE',
          entityId: 'country:JOR',
          role: 'demonym',
          via: 'gazetteer',
          confidence: 1,
        },
      ],
      entities: [
        {
          id: 'person:ahmed-sami',
          type: 'PERS',
          names: { ar: 'أحمد سامي', aliases: ['سامي'] },
          country: 'EGY',
          sector: 'GOV',
          post: { ar: 'وزير الخارجية المصري', country: 'EGY', sector: 'GOV' },
        },
        { id: 'country:EGY', type: 'GPE', names: { ar: 'مصر', en: 'Egypt', aliases: [] }, country: 'EGY' },
        {
          id: 'country:JOR',
          type: 'GPE',
          names: { ar: 'الأردن', en: 'Jordan', aliases: [] },
          country: 'JOR',
        },
      ],
      events: [
        {
          id: 'ev1',
          type: 'CONSULT',
          mode: 'meet',
          contexts: [],
          source: [{ entityId: 'person:ahmed-sami', country: 'EGY', sector: 'GOV' }],
          target: [{ country: 'JOR', sector: 'GOV' }],
          // One-way (the pipeline lists both sides as sources when an event is reciprocal).
          reciprocal: false,
          date: { value: '2026-03-01', precision: 'day', expression: 'اليوم الأحد' },
          modality: 'happened',
          negated: false,
          background: false,
          confidence: 0.8,
          trigger,
          evidence: [find(text, LEAD)],
        },
      ],
      dates: [],
      messages: [],
    },
  };
}
