/**
 * Small archives for the store and search tests: short Arabic articles written for these
 * tests (fictional), with hand-built briefs and analyses so the tests hold whatever the
 * pipeline's stages do.
 */
import {
  type Actor,
  type Analysis,
  BRIEF_SCHEMA,
  type Block,
  type Brief,
  type Entity,
  type EventRecord,
  type Mention,
  type PloverType,
  type ProcessedArticle,
  type Section,
  type SectionKind,
} from '../../src/model.ts';

export interface DocSpec {
  id: string;
  text: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  /** Sections: kind → text (must occur in `text`). */
  sections?: Partial<Record<SectionKind, string>>;
  /** Names in the text that stand for entities: surface → entity. */
  mentions?: Array<{ surface: string; entity: Entity }>;
  events?: Array<{ type: PloverType; source: Actor[]; target: Actor[]; date?: string; trigger: string }>;
}

function block(text: string, whole: string): Block {
  const at = whole.indexOf(text);
  if (at < 0) throw new Error(`fixture: «${text}» is not in the text`);
  return { text, span: [at, at + text.length] };
}

export function makeDoc(spec: DocSpec): ProcessedArticle {
  const sections: Section[] = Object.entries(spec.sections ?? {}).map(([kind, text]) => {
    const b = block(text, spec.text);
    return { kind: kind as SectionKind, label: kind, paragraphs: [b], items: [], span: b.span };
  });
  const firstLine = spec.text.split('\n')[0]!;
  const brief: Brief = {
    schema: BRIEF_SCHEMA,
    origin: sections.length ? 'labelled' : 'unlabelled',
    lead: [block(firstLine, spec.text)],
    sections,
    body: [],
    trailing: [],
    messages: [],
  };
  const entities = new Map<string, Entity>();
  const mentions: Mention[] = [];
  for (const m of spec.mentions ?? []) {
    const b = block(m.surface, spec.text);
    entities.set(m.entity.id, m.entity);
    mentions.push({
      span: b.span,
      text: m.surface,
      type: m.entity.type,
      entityId: m.entity.id,
      role: 'name',
      via: 'gazetteer',
      confidence: 1,
    });
  }
  const events: EventRecord[] = (spec.events ?? []).map((e, i) => {
    const trigger = block(e.trigger, spec.text);
    return {
      id: `${spec.id}-e${i + 1}`,
      type: e.type,
      contexts: [],
      source: e.source,
      target: e.target,
      reciprocal: false,
      ...(e.date ? { date: { value: e.date, precision: 'day' as const } } : {}),
      modality: 'happened',
      negated: false,
      background: false,
      confidence: 0.9,
      trigger,
      evidence: [trigger.span],
    };
  });
  const analysis: Analysis = { mentions, entities: [...entities.values()], events, dates: [], messages: [] };
  return {
    article: {
      id: spec.id,
      language: 'ar',
      text: spec.text,
      ...(spec.title ? { title: spec.title } : {}),
      ...(spec.outlet ? { outlet: spec.outlet } : {}),
      ...(spec.published ? { published: spec.published } : {}),
      ...(spec.url ? { url: spec.url } : {}),
      provenance: { source: `test:${spec.id}`, format: 'example', ingestedAt: '2026-01-01T00:00:00.000Z' },
      warnings: [],
    },
    brief,
    analysis,
  };
}

export const IRAN: Entity = {
  id: 'country:IRN',
  type: 'GPE',
  names: { ar: 'إيران', en: 'Iran', aliases: ['الجمهورية الإسلامية'] },
  country: 'IRN',
};
export const PAKISTAN: Entity = {
  id: 'country:PAK',
  type: 'GPE',
  names: { ar: 'باكستان', en: 'Pakistan', aliases: [] },
  country: 'PAK',
};
export const EGYPT: Entity = {
  id: 'country:EGY',
  type: 'GPE',
  names: { ar: 'مصر', en: 'Egypt', aliases: [] },
  country: 'EGY',
};
export const LARIJANI: Entity = {
  id: 'person:ali-larijani',
  type: 'PERS',
  names: { ar: 'علي لاريجاني', en: 'Ali Larijani', latin: 'Ali Larijani', aliases: ['لاريجاني'] },
  country: 'IRN',
  sector: 'GOV',
};
export const NAQVI: Entity = {
  id: 'person:mohsin-naqvi',
  type: 'PERS',
  names: { ar: 'محسن نقوي', en: 'Mohsin Naqvi', aliases: [] },
  country: 'PAK',
  sector: 'GOV',
};

/** Six articles: morphology, names, filters, sections, events. */
export const DOCS: DocSpec[] = [
  {
    id: 't-strategy-exact',
    outlet: 'صحيفة الواحة',
    published: '2025-09-10T09:00:00+03:00',
    title: 'الشراكة الاستراتيجية على طاولة البحث',
    text: 'ناقش الوفدان الشراكة الاستراتيجية بين البلدين في العاصمة.\nوقال مسؤول إن الاستراتيجية الجديدة تركز على الطاقة.',
  },
  {
    id: 't-strategy-plural',
    outlet: 'صحيفة الواحة',
    published: '2025-10-02T12:00:00+03:00',
    title: 'خطط جديدة للنقل',
    text: 'أعلنت الوزارة عن حزمة من الخطط والاستراتيجيات لتطوير النقل العام في المدن الكبرى.',
  },
  {
    id: 't-strategy-adj',
    outlet: 'وكالة السهل',
    published: '2025-10-15T08:30:00+02:00',
    title: 'تقرير اقتصادي',
    text: 'قدم الخبراء تقريرا استراتيجيا عن مستقبل الزراعة، وأوصوا بدعم المزارعين الصغار.',
  },
  {
    id: 't-larijani',
    outlet: 'وكالة السهل',
    published: '2025-11-04T10:00:00+03:30',
    title: 'لقاء أمني في طهران',
    text:
      'التقى علي لاريجاني وزير الداخلية الباكستاني محسن نقوي في طهران اليوم الثلاثاء، وبحث الجانبان التعاون الأمني.\n' +
      'أهمية الخبر: يأتي اللقاء في ظل توتر إقليمي متزايد.\n' +
      'النقاط الرئيسية: تعزيز التعاون الأمني بين إيران وباكستان',
    sections: {
      why_it_matters: 'يأتي اللقاء في ظل توتر إقليمي متزايد.',
      key_points: 'تعزيز التعاون الأمني بين إيران وباكستان',
    },
    mentions: [
      { surface: 'علي لاريجاني', entity: LARIJANI },
      { surface: 'محسن نقوي', entity: NAQVI },
      { surface: 'إيران', entity: IRAN },
      { surface: 'باكستان', entity: PAKISTAN },
    ],
    events: [
      {
        type: 'CONSULT',
        trigger: 'التقى',
        source: [{ entityId: LARIJANI.id, name: 'علي لاريجاني', country: 'IRN', sector: 'GOV' }],
        target: [{ entityId: NAQVI.id, name: 'محسن نقوي', country: 'PAK', sector: 'GOV' }],
        date: '2025-11-04',
      },
    ],
  },
  {
    id: 't-cooperation-egypt',
    outlet: 'صحيفة الواحة',
    published: '2024-12-20T15:00:00+02:00',
    title: 'مصر وإيران تبحثان التجارة',
    text: 'وقعت مصر وإيران مذكرة تفاهم لتوسيع التجارة، وأكد المسؤولون أهمية التعاون الاقتصادي.\nالنقاط الرئيسية: مذكرة تفاهم تجارية جديدة',
    sections: { key_points: 'مذكرة تفاهم تجارية جديدة' },
    mentions: [
      { surface: 'مصر', entity: EGYPT },
      { surface: 'وإيران', entity: { ...IRAN, names: { ...IRAN.names, aliases: ['طهران الرسمية'] } } },
    ],
    events: [
      {
        type: 'AGREE',
        trigger: 'وقعت',
        source: [{ entityId: EGYPT.id, country: 'EGY' }],
        target: [{ entityId: IRAN.id, country: 'IRN' }],
        date: '2024-12-20',
      },
    ],
  },
  {
    id: 't-hamza',
    outlet: 'وكالة السهل',
    published: '2025-03-01T09:00:00+00:00',
    title: 'المسئولون يجتمعون',
    text: 'اجتمع المسئولون في المدرسة الجديدة، وأكدت مسؤولة التعليم أن المدارس ستفتح أبوابها قريبا.',
  },
];

export const docs = (): ProcessedArticle[] => DOCS.map(makeDoc);
