/**
 * khabar's search beside Orama and MiniSearch on the same documents and queries:
 * latency, index size, and recall of Arabic morphological variants.
 *
 *   node --import tsx bench/search-compare.ts [--docs 2000]
 *
 * Documents: --docs ANT articles (bench/search-corpus.ts) as background, plus one short
 * target article per word form below: a background paragraph followed by a sentence of
 * ours holding the form. Each family lists forms of one word that a reader searching for
 * one of them wants to find (definite article, clitics, sound plurals, hamza seats, taa
 * marbuta, alef maqsura, harakat); broken plurals are listed apart, as no stemmer here
 * handles them. A query is one form of a family; its relevant documents are the target
 * articles of the family's other forms; recall = found / relevant over all such pairs,
 * per kind of variation (the kind of the document's form relative to the query's).
 *
 * Engines, configured as a user would for Arabic:
 * - khabar: a fresh SQLite store (src/store), queries through `store.search`, all hits;
 * - Orama 3 (@orama/orama): `language: 'arabic'` tokenizer with the Arabic stemmer from
 *   @orama/stemmers (`stemming: true`), default tolerance (exact terms);
 * - MiniSearch 7: its default Unicode tokenizer and lower-casing (it has no Arabic options),
 *   and a second configuration with `prefix: true, fuzzy: 0.2` as its docs suggest for
 *   typo-tolerant search.
 * Latency: each engine runs the 200 benchmark queries (bench/search-corpus.ts) and the
 * variant queries; index size: SQLite file size for khabar, the JSON serialization
 * (`JSON.stringify(miniSearch)`, Orama `save()`) for the in-memory engines.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, insertMultiple, save, search } from '@orama/orama';
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import MiniSearch from 'minisearch';
import { openStore } from '../src/store/index.ts';
import type { SqlStore } from '../src/store/sql-store.ts';
import {
  antAvailable,
  benchQueries,
  corpusDoc,
  doc,
  loadAnt,
  percentile,
  prng,
  sentencePools,
} from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-compare.ts', ['docs'], []);

type Kind =
  | 'article'
  | 'clitic'
  | 'plural'
  | 'hamza'
  | 'taa-marbuta'
  | 'alef-maqsura'
  | 'harakat'
  | 'broken-plural';

/** Families: the base form, then its variants with the kind of variation. Our own lists. */
const FAMILIES: Array<{ base: string; forms: Array<[string, Kind]> }> = [
  {
    base: 'حكومة',
    forms: [
      ['الحكومة', 'article'],
      ['والحكومة', 'clitic'],
      ['بالحكومة', 'clitic'],
      ['للحكومة', 'clitic'],
      ['حكومه', 'taa-marbuta'],
      ['الحكومات', 'plural'],
    ],
  },
  {
    base: 'مدرسة',
    forms: [
      ['المدرسة', 'article'],
      ['بالمدرسة', 'clitic'],
      ['مدرسه', 'taa-marbuta'],
      ['مَدْرَسَة', 'harakat'],
      ['المدارس', 'broken-plural'],
    ],
  },
  {
    base: 'اتفاق',
    forms: [
      ['الاتفاق', 'article'],
      ['والاتفاق', 'clitic'],
      ['بالاتفاق', 'clitic'],
      ['للاتفاق', 'clitic'],
      ['اتفاقات', 'plural'],
    ],
  },
  {
    base: 'استراتيجية',
    forms: [
      ['الاستراتيجية', 'article'],
      ['والاستراتيجية', 'clitic'],
      ['استراتيجيات', 'plural'],
      ['الاستراتيجيات', 'plural'],
      ['استراتيجيه', 'taa-marbuta'],
    ],
  },
  {
    base: 'علاقة',
    forms: [
      ['العلاقة', 'article'],
      ['العلاقات', 'plural'],
      ['علاقات', 'plural'],
      ['وبالعلاقة', 'clitic'],
      ['علاقه', 'taa-marbuta'],
    ],
  },
  {
    base: 'مسؤول',
    forms: [
      ['المسؤول', 'article'],
      ['مسئول', 'hamza'],
      ['المسؤولون', 'plural'],
      ['المسؤولين', 'plural'],
      ['المسئولين', 'hamza'],
    ],
  },
  {
    base: 'إيران',
    forms: [
      ['ايران', 'hamza'],
      ['وإيران', 'clitic'],
      ['لإيران', 'clitic'],
      ['بإيران', 'clitic'],
    ],
  },
  {
    base: 'إسرائيل',
    forms: [
      ['اسرائيل', 'hamza'],
      ['وإسرائيل', 'clitic'],
      ['لإسرائيل', 'clitic'],
    ],
  },
  {
    base: 'أمن',
    forms: [
      ['الأمن', 'article'],
      ['الامن', 'hamza'],
      ['للأمن', 'clitic'],
      ['وامن', 'hamza'],
    ],
  },
  {
    base: 'معلم',
    forms: [
      ['المعلم', 'article'],
      ['المعلمون', 'plural'],
      ['المعلمين', 'plural'],
      ['معلمون', 'plural'],
      ['والمعلمين', 'clitic'],
    ],
  },
  {
    base: 'مستشفى',
    forms: [
      ['المستشفى', 'article'],
      ['مستشفي', 'alef-maqsura'],
      ['بالمستشفى', 'clitic'],
      ['مُسْتَشْفَى', 'harakat'],
    ],
  },
  {
    base: 'وزارة',
    forms: [
      ['الوزارة', 'article'],
      ['وزاره', 'taa-marbuta'],
      ['بالوزارة', 'clitic'],
      ['الوزارات', 'plural'],
    ],
  },
  {
    base: 'انتخابات',
    forms: [
      ['الانتخابات', 'article'],
      ['والانتخابات', 'clitic'],
      ['للانتخابات', 'clitic'],
      ['الإنتخابات', 'hamza'],
    ],
  },
  {
    base: 'مفاوضات',
    forms: [
      ['المفاوضات', 'article'],
      ['بالمفاوضات', 'clitic'],
      ['مفاوضة', 'plural'],
    ],
  },
  {
    base: 'رئيس',
    forms: [
      ['الرئيس', 'article'],
      ['والرئيس', 'clitic'],
      ['للرئيس', 'clitic'],
      ['الرؤساء', 'broken-plural'],
    ],
  },
  {
    base: 'اقتصادية',
    forms: [
      ['الاقتصادية', 'article'],
      ['اقتصادي', 'plural'],
      ['والاقتصادية', 'clitic'],
      ['اقتصاديه', 'taa-marbuta'],
    ],
  },
  {
    base: 'مُعَلِّمَة',
    forms: [
      ['معلمة', 'harakat'],
      ['المعلمة', 'article'],
    ],
  },
  {
    base: 'مشفى',
    forms: [
      ['المشفى', 'article'],
      ['مشفي', 'alef-maqsura'],
    ],
  },
];

const SENTENCES = [
  (w: string) => `وتحدث المشاركون في الجلسة عن ${w} بشكل مطول قبل أن ينتقلوا إلى نقاط أخرى.`,
  (w: string) => `وأشار التقرير الأخير إلى ${w} ضمن جملة من الملفات المطروحة هذا الأسبوع.`,
  (w: string) => `وكتب أحد المعلقين أن ${w} ستبقى محور النقاش في الأيام المقبلة.`,
];

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

if (!antAvailable()) {
  console.log('bench/search-compare: ../shared/data/ant/ant.jsonl is absent; nothing to measure.');
  process.exit(0);
}

const nDocs = Number(arg('docs', '2000'));
const ant = loadAnt();
const pools = sentencePools(ant);
const r = prng(7);

interface BenchDoc {
  id: string;
  title: string;
  text: string;
}
const docs: BenchDoc[] = [];
for (let i = 0; i < nDocs; i++) {
  const d = corpusDoc(ant, i, pools);
  docs.push({ id: d.article.id, title: d.article.title ?? '', text: d.article.text });
}
/** Target docs: family index, form, kind. */
const targets: Array<{ id: string; family: number; form: string; kind: Kind | 'base' }> = [];
FAMILIES.forEach((f, fi) => {
  for (const [form, kind] of [[f.base, 'base'] as const, ...f.forms]) {
    const bg = ant[Math.floor(r() * ant.length)]!.text.split('\n')[0]!.slice(0, 400);
    const id = `target-${fi}-${targets.length}`;
    const sentence = SENTENCES[targets.length % SENTENCES.length]!(form);
    docs.push({ id, title: '', text: `${bg}\n${sentence}` });
    targets.push({ id, family: fi, form, kind });
  }
});

/** Variant queries: every form of a family, relevant = the family's other target docs. */
const variantPairs: Array<{ q: string; relevant: string; kind: Kind }> = [];
for (const t of targets) {
  for (const u of targets) {
    if (u.family !== t.family || u.id === t.id) continue;
    // The kind of variation between the two forms: the non-base one's kind.
    const kind = (u.kind === 'base' ? t.kind : u.kind) as Kind;
    variantPairs.push({ q: t.form, relevant: u.id, kind });
  }
}
const variantQueries = [...new Set(variantPairs.map((p) => p.q))];
const latencyQueries = benchQueries(ant).map((q) =>
  q.q
    .replace(/\s*(outlet|from|to):\S+/gu, '')
    .replace(/["*()-]|\bOR\b/gu, ' ')
    .trim(),
);

interface Engine {
  name: string;
  /** Ids of every hit (for recall). */
  all(q: string): Promise<Set<string>>;
  /** One page of 10 hits (for latency). */
  page(q: string): Promise<unknown>;
  size(): Promise<number>;
}

async function khabar(dir: string): Promise<Engine> {
  const path = join(dir, 'khabar.db');
  const store = await openStore(path);
  const batch = 500;
  for (let i = 0; i < docs.length; i += batch) {
    await (store as SqlStore).putMany(
      docs.slice(i, i + batch).map((d) => doc({ id: d.id, title: d.title, text: d.text })),
    );
  }
  return {
    name: 'khabar (SQLite FTS5)',
    async all(q) {
      const res = await store.search({ q, limit: 1000 });
      return new Set(res.hits.map((h) => h.id));
    },
    page: (q) => store.search({ q, limit: 10 }),
    async size() {
      await store.close();
      return statSync(path).size;
    },
  };
}

async function orama(): Promise<Engine> {
  const db = create({
    schema: { id: 'string', title: 'string', text: 'string' } as const,
    components: { tokenizer: { language: 'arabic', stemming: true, stemmer: arabicStemmer } },
  });
  await insertMultiple(db, docs, 500);
  return {
    name: 'Orama 3 (arabic tokenizer + stemmer)',
    async all(q) {
      const res = await search(db, { term: q, properties: ['title', 'text'], limit: 1000 });
      return new Set(res.hits.map((h) => h.document.id as string));
    },
    page: async (q) => search(db, { term: q, properties: ['title', 'text'], limit: 10 }),
    async size() {
      return Buffer.byteLength(JSON.stringify(save(db)));
    },
  };
}

function mini(fuzzy: boolean): Engine {
  const ms = new MiniSearch<BenchDoc>({
    fields: ['title', 'text'],
    storeFields: ['id'],
    ...(fuzzy ? { searchOptions: { prefix: true, fuzzy: 0.2 } } : {}),
  });
  ms.addAll(docs);
  return {
    name: fuzzy ? 'MiniSearch 7 (prefix + fuzzy 0.2)' : 'MiniSearch 7 (defaults)',
    async all(q) {
      return new Set(ms.search(q).map((h) => h.id as string));
    },
    page: async (q) => ms.search(q).slice(0, 10),
    async size() {
      return Buffer.byteLength(JSON.stringify(ms));
    },
  };
}

async function latency(e: Engine, qs: string[]): Promise<number[]> {
  for (const q of qs) await e.page(q);
  const out: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const q of qs) {
      const t = performance.now();
      await e.page(q);
      out.push(performance.now() - t);
    }
  }
  return out.sort((a, b) => a - b);
}

const dir = mkdtempSync(join(tmpdir(), 'khabar-compare-'));
try {
  console.log(
    `search compare: ${docs.length} documents (${nDocs} ANT + ${targets.length} targets), ` +
      `${latencyQueries.length} latency queries, ${variantQueries.length} variant queries / ${variantPairs.length} (query, relevant) pairs; node ${process.version}`,
  );
  const kinds = [...new Set(variantPairs.map((p) => p.kind))];
  const builders: Array<() => Promise<Engine> | Engine> = [
    () => khabar(dir),
    orama,
    () => mini(false),
    () => mini(true),
  ];
  const rows: string[] = [];
  for (const build of builders) {
    const t0 = performance.now();
    const e = await build();
    const buildMs = performance.now() - t0;
    const found = new Map<string, Set<string>>();
    for (const q of variantQueries) found.set(q, await e.all(q));
    const recall = (ps: typeof variantPairs) =>
      ps.filter((p) => found.get(p.q)!.has(p.relevant)).length / ps.length;
    const lat = await latency(e, latencyQueries);
    const vlat = await latency(e, variantQueries);
    const size = await e.size();
    rows.push(
      [
        e.name.padEnd(38),
        `recall ${(recall(variantPairs) * 100).toFixed(1).padStart(5)}%`,
        `index ${(size / 2 ** 20).toFixed(1).padStart(6)} MB`,
        `build ${(buildMs / 1000).toFixed(1).padStart(5)} s`,
        `p50 ${percentile(lat, 50).toFixed(2).padStart(6)} ms`,
        `p95 ${percentile(lat, 95).toFixed(2).padStart(6)} ms`,
        `variant-query p95 ${percentile(vlat, 95).toFixed(2).padStart(6)} ms`,
      ].join('  '),
    );
    rows.push(
      `  recall by kind: ${kinds
        .map((k) => `${k} ${(recall(variantPairs.filter((p) => p.kind === k)) * 100).toFixed(0)}%`)
        .join(', ')}`,
    );
    console.log(rows[rows.length - 2]);
    console.log(rows[rows.length - 1]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
