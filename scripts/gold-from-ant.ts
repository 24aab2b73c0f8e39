/**
 * Real-news events gold without the news text: the annotations in `data/gold/events/ant-real-*.ref.jsonl`
 * name an ANT article (../shared/data/ant/ant.jsonl, Apache-2.0, Jawhara FM), the character range of the
 * excerpt (JS string offsets into the article's `text`) and a short hash of it; this script reads the
 * corpus and writes the full events JSONL of ../shared/eval/README.md that `khabar eval events` reads.
 *
 *   node --import tsx scripts/gold-from-ant.ts materialize REF.jsonl OUT.jsonl [--ant PATH]
 *   node --import tsx scripts/gold-from-ant.ts select [--set NAME] [--ant PATH]   # the sample rule, printed (see below)
 *
 * The sample rule (run once, before any annotation): articles of the categories `politic`,
 * `internationalNews` and `localNews` whose first paragraph (text up to the first newline, trimmed)
 * is 60–600 characters long and contains one of the event words of EVENT_WORDS below; in corpus order,
 * shuffled with mulberry32(SEED). The excerpt is that first paragraph (the lead). The sets are fixed
 * ranges of that one shuffled order (1-based, see SETS): items 1–25 are real-dev, 26–40 real-heldout
 * (the first round), 41–80 real-dev-2 and 81–120 real-heldout-2 (the second round, drawn later from
 * the same order, so the first 40 are unchanged); the third round draws items 121–200 later from the
 * same order (items 1–120 unchanged): 121–160 real-heldout-3 (blind) and 161–200 real-dev-3 (a tuning
 * set); the fourth draws items 201–240 (items 1–200 unchanged): real-heldout-4 (blind); the fifth draws items
 * 241–280 (items 1–240 unchanged): real-heldout-5 (blind); the sixth draws items 281–320 (items 1–280
 * unchanged): real-heldout-6 (blind); the seventh draws items 321–360 (items 1–320 unchanged):
 * real-heldout-7 (blind); the eighth draws items 361–400 (items 1–360 unchanged): real-heldout-8 (blind); the
 * ninth draws items 401–440 (items 1–400 unchanged): real-heldout-9 (blind). `select` prints the first round (as it always did); `--set real-dev-2`, `--set real-heldout-3`
 * (or any name of SETS) print one set, `--set all` every set, each line with its position `n` in the
 * shuffled order.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/text/random.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ANT = resolve(ROOT, '../shared/data/ant/ant.jsonl');
const SEED = 4;
/** The sets: ranges of the shuffled candidates, 1-based and inclusive. Never change a range once annotated. */
export const SETS = {
  'real-dev': [1, 25],
  'real-heldout': [26, 40],
  'real-dev-2': [41, 80],
  'real-heldout-2': [81, 120],
  'real-heldout-3': [121, 160],
  'real-dev-3': [161, 200],
  'real-heldout-4': [201, 240],
  'real-heldout-5': [241, 280],
  'real-heldout-6': [281, 320],
  'real-heldout-7': [321, 360],
  'real-heldout-8': [361, 400],
  'real-heldout-9': [401, 440],
} as const satisfies Record<string, readonly [number, number]>;
export type SetName = keyof typeof SETS;
const FIRST_ROUND: SetName[] = ['real-dev', 'real-heldout'];
const CATEGORIES = new Set(['politic', 'internationalNews', 'localNews']);
/** Event words (match-normalized: no diacritics, أإآ → ا, ة → ه, ى → ي), matched as substrings of the lead. */
const EVENT_WORDS = [
  'هاجم',
  'هجوم',
  'قصف',
  'غاره',
  'اشتباك',
  'قتل',
  'اعتقال',
  'اعتقل',
  'ايقاف',
  'اوقف',
  'احتجاز',
  'التقي',
  'لقاء',
  'استقبل',
  'زياره',
  'محادثات',
  'دعا',
  'طالب',
  'ادان',
  'ندد',
  'اتهم',
  'رفض',
  'هدد',
  'حذر',
  'تظاهر',
  'احتجاج',
  'اضراب',
  'اتفاق',
  'عقوبات',
  'مساعدات',
  'رحب',
  'اشاد',
  'تهنئه',
  'انسحب',
  'انسحاب',
];

interface AntArticle {
  id: string;
  category: string | null;
  published: string | null;
  /** The outlet («Jawhara FM»): passed on as the line's `outlet`, as ingest would. */
  source?: string | null;
  text: string;
}

interface RefLine {
  id: string;
  ant: string;
  range: [number, number];
  sha: string;
  published?: string;
  events: unknown[];
  [k: string]: unknown;
}

const norm = (s: string): string =>
  s
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');

export const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** ANT dates come as ISO timestamps or dd/mm/yyyy; the eval wants yyyy-mm-dd. */
export function antDate(p: string | null): string | undefined {
  if (!p) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(p);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(p.trim());
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return undefined;
}

export function readAnt(path: string): Map<string, AntArticle> {
  if (!existsSync(path))
    throw new Error(
      `gold-from-ant: the ANT corpus is not at ${path}. It lives in ../shared/data/ant/ant.jsonl (not in the repo); ` +
        'run from a checkout beside shared/, or pass --ant PATH.',
    );
  const out = new Map<string, AntArticle>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as AntArticle;
    out.set(a.id, a);
  }
  return out;
}

/** The lead: the first paragraph, trimmed, as a range of the article's text. */
export function leadRange(text: string): [number, number] {
  const nl = text.indexOf('\n');
  const end0 = nl < 0 ? text.length : nl;
  let s = 0;
  let e = end0;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** The sample rule's candidates, shuffled: the one order every set is a range of. */
export function shuffled(ant: Map<string, AntArticle>): Array<{ ant: string; range: [number, number] }> {
  const cands: Array<{ ant: string; range: [number, number] }> = [];
  for (const a of ant.values()) {
    if (!a.category || !CATEGORIES.has(a.category)) continue;
    const r = leadRange(a.text);
    const len = r[1] - r[0];
    if (len < 60 || len > 600) continue;
    const lead = norm(a.text.slice(r[0], r[1]));
    if (!EVENT_WORDS.some((w) => lead.includes(w))) continue;
    cands.push({ ant: a.id, range: r });
  }
  const rnd = mulberry32(SEED);
  for (let i = cands.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [cands[i], cands[j]] = [cands[j] as (typeof cands)[number], cands[i] as (typeof cands)[number]];
  }
  return cands;
}

/** The items of the named sets (default: the first round, real-dev and real-heldout), in shuffled order. */
export function select(
  ant: Map<string, AntArticle>,
  sets: SetName[] = FIRST_ROUND,
): Array<{ n: number; ant: string; split: SetName; range: [number, number] }> {
  const cands = shuffled(ant);
  const out: Array<{ n: number; ant: string; split: SetName; range: [number, number] }> = [];
  for (const name of sets) {
    const [from, to] = SETS[name];
    if (cands.length < to)
      throw new Error(
        `gold-from-ant: set ${name} needs items ${from}–${to} but the sample rule yields ${cands.length} candidates (another ANT version?).`,
      );
    for (let n = from; n <= to; n++) {
      const c = cands[n - 1] as (typeof cands)[number];
      out.push({ n, ant: c.ant, split: name, range: c.range });
    }
  }
  return out;
}

/** REF lines + the corpus → events JSONL lines (text included). Throws naming the line on any mismatch. */
export function materialize(refPath: string, ant: Map<string, AntArticle>): string {
  const out: string[] = [];
  const lines = readFileSync(refPath, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let ref: RefLine;
    try {
      ref = JSON.parse(line) as RefLine;
    } catch (e) {
      throw new Error(
        `gold-from-ant: ${refPath}:${i + 1} is not JSON (${(e as Error).message}); fix the line.`,
      );
    }
    const a = ant.get(ref.ant);
    if (!a)
      throw new Error(
        `gold-from-ant: ${refPath}:${i + 1}: ANT article ${ref.ant} is not in the corpus (another ANT version?).`,
      );
    const [s, e] = ref.range;
    const text = a.text.slice(s, e);
    if (shortHash(text) !== ref.sha)
      throw new Error(
        `gold-from-ant: ${refPath}:${i + 1}: the excerpt [${s},${e}) of ${ref.ant} does not match its hash ${ref.sha} (another ANT version?).`,
      );
    const { ant: _a, range: _r, sha: _s, ...rest } = ref;
    out.push(
      JSON.stringify({
        ...rest,
        published: ref.published ?? antDate(a.published),
        ...(a.source ? { outlet: a.source } : {}),
        text,
      }),
    );
  });
  return `${out.join('\n')}\n`;
}

function main(argv: string[]): void {
  const antIdx = argv.indexOf('--ant');
  const antPath = antIdx >= 0 ? resolve(argv[antIdx + 1] ?? '') : DEFAULT_ANT;
  const args = antIdx >= 0 ? argv.filter((_, i) => i !== antIdx && i !== antIdx + 1) : argv;
  const [cmd, ref, outPath] = args;
  if (cmd === 'select') {
    const setIdx = args.indexOf('--set');
    let sets: SetName[] = FIRST_ROUND;
    if (setIdx >= 0) {
      const name = args[setIdx + 1] ?? '';
      if (name === 'all') sets = Object.keys(SETS) as SetName[];
      else if (name in SETS) sets = [name as SetName];
      else
        throw new Error(
          `gold-from-ant: unknown set «${name}» after --set; use one of ${Object.keys(SETS).join(', ')} or all.`,
        );
    }
    const ant = readAnt(antPath);
    for (const s of select(ant, sets)) {
      const a = ant.get(s.ant) as AntArticle;
      console.log(
        JSON.stringify({
          n: s.n,
          split: s.split,
          ant: s.ant,
          range: s.range,
          sha: shortHash(a.text.slice(...s.range)),
          published: antDate(a.published),
        }),
      );
    }
    return;
  }
  if (cmd === 'materialize' && ref && outPath) {
    const text = materialize(resolve(ref), readAnt(antPath));
    mkdirSync(dirname(resolve(outPath)), { recursive: true });
    writeFileSync(resolve(outPath), text);
    console.error(`gold-from-ant: wrote ${text.trim().split('\n').length} texts to ${outPath}`);
    return;
  }
  throw new Error(
    'usage: gold-from-ant.ts materialize REF.jsonl OUT.jsonl [--ant PATH] | select [--set real-dev|real-heldout|real-dev-2|real-heldout-2|real-heldout-3|real-dev-3|real-heldout-4|real-heldout-5|real-heldout-6|real-heldout-7|real-heldout-8|real-heldout-9|all] [--ant PATH]',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
