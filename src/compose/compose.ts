/**
 * compose(text): a Brief drafted from an article that has no template — extractive:
 * every block is a sentence of the source with its span. Sections: a headline-like lead,
 * why it matters, the big picture, what they say (attributed statements with their
 * speakers), 3–6 key points (MMR, most important first), a deeper look.
 */
import { withoutTemplate } from '../brief/template.ts';
import { CANONICAL_LABELS } from '../brief/render.ts';
import {
  BRIEF_SCHEMA,
  type Analysis,
  type Block,
  type Brief,
  type ProcessedArticle,
  type Section,
  type SectionKind,
} from '../model.ts';
import { summarizeLearned } from './learned.ts';
import { cosine, DEFAULT_WEIGHTS, type Ranked, type RankWeights, rankUnits, selectMmr } from './rank.ts';
import { speakersOf } from './speakers.ts';
import { packSummary, type Unit, splitUnits } from './units.ts';

export interface ComposeOptions {
  /** Entities and events of the article (raise the weight of sentences dense in them). */
  analysis?: Analysis;
  /** Key points to draft (3–6; default 5). */
  maxKeyPoints?: number;
  /** Word budget of the key points (default 120). */
  keyPointWords?: number;
}

// «و»/«ف» are written joined to the next word («ويأتي», «ويشار»).
const WHY =
  /(?:^|\s)[وف]?(?:ياتي|تاتي|اهميه|في ظل|وسط|بهدف|مما يعني|ما يعني|في وقت|يعد|تعد|يمثل|تمثل)(?:\s|$)/u;
const DEEPER =
  /(?:^|\s)[وف]?(?:منذ|يعكس|تعكس|يذكر|يشار|سابقا|خلال السنوات|تاريخ|تاريخيا|في السابق|العام الماضي|الماضيه)(?:\s|$)/u;

/**
 * Background told in the pluperfect or as a reminder: «وكان/وكانت … قد», «يذكر أن», «يشار إلى أن»,
 * «سبق أن». Match forms.
 */
const BACKGROUND =
  /^\s[وف]?(?:كان|كانت|كانوا)\s(?:\S+\s){1,6}قد\s|(?:^|\s)[وف]?(?:يذكر ان|يشار الي ان|سبق ان|سبق ل)(?:\s|$)/u;
/** Articles shorter than this keep every sentence for the key points. */
const BACKGROUND_MIN_UNITS = 8;

/** Leading list or heading marks («**», «#», «-», «•») are not part of the sentence. */
const MARKS = /^[\s*#•\-–—]+/u;

function block(u: Unit, speaker?: string): Block {
  const m = MARKS.exec(u.text);
  const cut = m && m[0].length < u.text.length ? m[0].length : 0;
  return { text: u.text.slice(cut), span: [u.start + cut, u.end], ...(speaker ? { speaker } : {}) };
}

function section(kind: SectionKind, blocks: Block[], asItems = false): Section | undefined {
  if (blocks.length === 0) return undefined;
  return {
    kind,
    label: CANONICAL_LABELS[kind],
    paragraphs: asItems ? [] : blocks,
    items: asItems ? blocks : [],
    span: [Math.min(...blocks.map((b) => b.span[0])), Math.max(...blocks.map((b) => b.span[1]))],
  };
}

/**
 * Sentences addressed to the reader («شاهدوا الفيديو», «اقرأ أيضا», «اضغط هنا»): page furniture,
 * never a section of the brief.
 */
const ASIDE =
  /(?:^|\s)(?:[وف]?(?:تابعوا|شاهدوا|اكتشفوا|تكتشفوا|تشاهدوا|اضغط|اضغطوا|انقر|انقروا)|اقرا ايضا|اقرا المزيد|للمزيد من|هذا الفيديو|الفيديو التالي|الفيديو المرفق|الرابط التالي)(?:\s|$)/u;
const WEEKDAYS = new Set(['السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه']);
// biome-ignore format: a word list
const MONTHS = new Set([
  'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'اغسطس',
  'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران',
  'تموز', 'اب', 'ايلول', 'تشرين', 'الاول', 'الثاني', 'جانفي', 'فيفري', 'افريل', 'ماي', 'جوان',
  'جويليه', 'اوت', 'غشت', 'شتنبر', 'نونبر', 'دجنبر',
]);
const CLOCK = new Set([
  'الساعه',
  'ساعه',
  'بتوقيت',
  'توقيت',
  'مساء',
  'صباحا',
  'ظهرا',
  'عصرا',
  'ليلا',
  'ص',
  'م',
  'غرينتش',
  'gmt',
]);
/**
 * Words of a sentence, not of a listing: prepositions, «أنّ», relatives. Match forms, as
 * `Unit.words` are («على» is «علي», «إلى» «الي»).
 */
// biome-ignore format: a word list
const SENTENCE_WORDS = new Set([
  'علي', 'في', 'من', 'الي', 'عن', 'مع', 'بعد', 'قبل', 'امام', 'ضد', 'حتي', 'لدي', 'عند', 'بين',
  'ان', 'انه', 'التي', 'الذي', 'الذين', 'حيث',
]);
const DIGITS = '[0-9\u0660-\u0669\u06F0-\u06F9]';
const NUMBER = new RegExp(`^${DIGITS}+$`, 'u');
const TIME = new RegExp(`${DIGITS}{1,2}\\s*:\\s*${DIGITS}{2}`, 'u');
/** «الساحل 2 - 1 الجبل»: one to three words, a score of one or two digits a side, one to three words. */
const SCORE_LINE = new RegExp(
  `^[\\s*#•\\-–—]*[^\\d\\u0660-\\u0669\\s]+(?:\\s+[^\\d\\u0660-\\u0669\\s]+){0,2}\\s+${DIGITS}{1,2}\\s*[-–—:]\\s*${DIGITS}{1,2}\\s+[^\\d\\u0660-\\u0669\\s]+(?:\\s+[^\\d\\u0660-\\u0669\\s]+){0,2}[\\s.]*$`,
  'u',
);

/**
 * A line that only lists a date, a time or a score — a scraped fixture list («الإربعاء 08 مارس
 * 2017 الساعة 20:45 برشلونة - باريس سان جيرمان», «الساحل 2 - 1 الجبل»): it opens with a
 * weekday, a month or a number and holds a time or a date, or it is two names around a
 * score; besides the date words, at most six words and none that only a sentence has
 * (a preposition, «أن», a relative). Never a section of the brief.
 */
export function isListing(u: Unit): boolean {
  if (SCORE_LINE.test(u.text)) return !u.words.some((w) => SENTENCE_WORDS.has(w));
  const first = u.words[0];
  if (!first || !(WEEKDAYS.has(first) || MONTHS.has(first) || NUMBER.test(first))) return false;
  const dated =
    TIME.test(u.text) || u.words.some((w, i) => MONTHS.has(w) && NUMBER.test(u.words[i - 1] ?? ''));
  if (!dated) return false;
  const rest = u.words.filter((w) => !(WEEKDAYS.has(w) || MONTHS.has(w) || CLOCK.has(w) || NUMBER.test(w)));
  return rest.length <= 6 && !rest.some((w) => SENTENCE_WORDS.has(w));
}

/** Two sentences this close (TF-IDF cosine over stems) say the same thing: only one is shown. */
const NEAR = 0.6;
/**
 * A short sentence whose stems are nearly all in a longer one repeats it (a key point that
 * restates the body, «لجنة فنية مشتركة تجتمع كل ثلاثة أشهر» after the sentence that says so),
 * whatever the cosine, which the longer sentence's other words keep low.
 */
const CONTAINED = 0.8;
const MIN_CONTAINED = 3;

/** `a` and `b` say the same thing: close by cosine, or the shorter one's stems within the longer. */
export function nearRepeat(a: Ranked['vec'], b: Ranked['vec']): boolean {
  if (cosine(a, b) >= NEAR) return true;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_CONTAINED) return false;
  let inside = 0;
  for (const k of small.keys()) if (big.has(k)) inside++;
  return inside / small.size >= CONTAINED;
}

const byPosition = (a: Unit, b: Unit) => a.start - b.start;

/** A headline is at most this many words. */
const HEADLINE_WORDS = 20;
const SENTENCE_END = /[.!?؟…]["»”)]?\s*$/u;

/**
 * The article's headline, when its text opens with one (a text file's first line): the first
 * unit is a line of its own of at most 20 words that does not end a sentence, with at least
 * two sentences below it. It heads the lead; it is no candidate for any other section and
 * blocks none (the first sentence of the body restates it, and is the news).
 */
export function headlineOf(units: readonly Unit[]): Unit | undefined {
  const [h, next] = units;
  if (!h || !next || units.length < 3) return undefined;
  if (next.paragraph === h.paragraph || h.words.length > HEADLINE_WORDS || SENTENCE_END.test(h.text))
    return undefined;
  return h;
}

/**
 * Statements are taken before the key points; at most as many as leave three sentences for the
 * key points and one for why it matters (at least one statement, at most three).
 */
const RESERVED = 4;
const MAX_SAYS = 3;

/**
 * Every sentence of the article appears at most once in the brief. Sections are filled in
 * this order, each from what is left: the lead (the headline when the text opens with one, then
 * the first sentence); what they say (up to 3 statements whose speaker is found, with it, fewer
 * when the article is short: three sentences are left for the key points); why it matters (a sentence with a cue such as
 * «يأتي … في ظل»); the key points (MMR over the rest, most important first); then, from what is
 * still left, why it matters without a cue, the big picture and a deeper look. Sentences
 * addressed to the reader, date/time/score listings (`isListing`) and near-repeats of a
 * sentence already shown are left out; the lead is the first sentence that is none of these.
 */
export function compose(source: string, opts: ComposeOptions = {}): Brief {
  const text = withoutTemplate(source);
  const units = splitUnits(text);
  const ranked = rankUnits(units, opts.analysis ? { analysis: opts.analysis } : {});
  const speakers = speakersOf(units, text);
  const matchText = (u: Unit) => ` ${u.words.join(' ')} `;
  // Not to be shown: what is shown, its near-repeats, and asides to the reader.
  const blocked = ranked.map((r) => ASIDE.test(matchText(r.unit)) || isListing(r.unit));
  const take = (r: Ranked | undefined): Unit | undefined => {
    if (!r) return undefined;
    blocked[r.unit.index] = true;
    for (const o of ranked)
      if (!blocked[o.unit.index] && nearRepeat(o.vec, r.vec)) blocked[o.unit.index] = true;
    return r.unit;
  };
  const fresh = (r: Ranked) => !blocked[r.unit.index];
  const byScore = [...ranked].sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
  const best = (pred: (u: Unit) => boolean = () => true) => byScore.find((r) => fresh(r) && pred(r.unit));
  const first = (pred: (u: Unit) => boolean, from = 0) =>
    ranked.find((r) => r.unit.index >= from && fresh(r) && pred(r.unit));

  // A listing or an aside on the first line is no headline.
  const opening = headlineOf(units);
  const headline = opening && !blocked[opening.index] ? opening : undefined;
  if (headline) blocked[headline.index] = true;
  const lead = take(ranked.find(fresh));
  const maxSays = Math.max(1, Math.min(MAX_SAYS, ranked.filter(fresh).length - RESERVED));
  // One statement a speaker first (the best of each, by score), then more of the same speakers.
  const says: Unit[] = [];
  const heard = new Set<string>();
  while (says.length < maxSays) {
    const u =
      take(best((x) => speakers.has(x.index) && !heard.has(speakers.get(x.index)!))) ??
      take(best((x) => speakers.has(x.index)));
    if (!u) break;
    says.push(u);
    heard.add(speakers.get(u.index)!);
  }
  says.sort(byPosition);
  // A longer article's background («وكان التحالف قد اتفق …», «يذكر أن …») is the big picture,
  // kept from the key points.
  const background =
    units.length >= BACKGROUND_MIN_UNITS
      ? take(first((u) => BACKGROUND.test(matchText(u)) && !speakers.has(u.index)))
      : undefined;
  let why = take(first((u) => WHY.test(matchText(u)) && !speakers.has(u.index)));
  const maxKp = Math.min(6, Math.max(3, opts.maxKeyPoints ?? 5));
  // Taken one by one: a pick that repeats a key point taken before it is left out.
  const keyPoints: Unit[] = [];
  // «وأضاف أن …» out of its speaker's company reads as no one's: not a key point while three others remain
  const continued = (u: Unit) => speakers.has(u.index) && !u.text.includes(speakers.get(u.index)!);
  const pool = ranked.filter((r) => fresh(r) && !continued(r.unit));
  for (const r of selectMmr(pool.length >= 3 ? pool : ranked.filter(fresh), {
    maxWords: opts.keyPointWords ?? 120,
    maxUnits: maxKp,
  }))
    if (fresh(r)) keyPoints.push(take(r)!);
  why ??= take(best((u) => !speakers.has(u.index)));
  const picture: Unit[] = background ? [background] : [];
  for (let i = picture.length; i < 2; i++) {
    const u = take(best((x) => !continued(x)));
    if (u) picture.push(u);
  }
  const half = Math.floor(units.length / 2);
  const deeper = take(
    first((u) => DEEPER.test(matchText(u)) && !continued(u), half) ?? best((x) => !continued(x)),
  );

  const sayBlocks = says.map((u) => block(u, speakers.get(u.index)));
  const sayers = [...new Set(sayBlocks.map((b) => b.speaker))];
  const sections = [
    why ? section('why_it_matters', [block(why)]) : undefined,
    section(
      'big_picture',
      picture.sort(byPosition).map((u) => block(u)),
    ),
    says.length > 0
      ? { ...section('what_they_say', sayBlocks)!, ...(sayers.length === 1 ? { speaker: sayers[0]! } : {}) }
      : undefined,
    section(
      'key_points',
      keyPoints.map((u) => block(u)),
      true,
    ),
    deeper ? section('deeper_look', [block(deeper)]) : undefined,
  ].filter((s): s is Section => s !== undefined);

  return {
    schema: BRIEF_SCHEMA,
    origin: 'composed',
    lead: [headline, lead].filter((u): u is Unit => u !== undefined).map((u) => block(u)),
    sections,
    body: [],
    trailing: [],
    messages:
      units.length < 3
        ? [
            {
              ruleId: 'compose/short-article',
              severity: 'info',
              reason: `the article has ${units.length} sentence(s): the composed brief repeats most of it`,
            },
          ]
        : [],
  };
}

/**
 * The brief drafted for an archived article (from its text and its stored analysis), with the
 * stored brief's dateline and byline, which compose reads past: `khabar show --composed` and
 * `GET /api/articles/{id}?brief=composed`.
 */
export function composeStored(doc: ProcessedArticle): Brief {
  const { dateline, byline } = doc.brief;
  return {
    ...compose(doc.article.text, { analysis: doc.analysis }),
    ...(dateline ? { dateline } : {}),
    ...(byline ? { byline } : {}),
  };
}

/**
 * An extractive summary of at most `maxWords` words. By default the learned scorer
 * (./learned.ts, cross-validated on EASC dev: about LEAD-N level, above the hand-weighted
 * ranking); with `weights`, the hand-weighted ranking with MMR selection, the budget left
 * filled with the opening words of the best remaining sentence.
 */
export function summarize(text: string, maxWords: number, weights?: RankWeights): string {
  if (!weights) return summarizeLearned(text, maxWords);
  return summarizeMmr(text, maxWords, weights);
}

/** The hand-weighted ranking with MMR selection (the default before the learned scorer). */
export function summarizeMmr(text: string, maxWords: number, weights: RankWeights = DEFAULT_WEIGHTS): string {
  const units = splitUnits(text);
  const ranked = rankUnits(units, { weights });
  const picked = selectMmr(ranked, { maxWords, lambda: weights.lambda });
  return fill(
    picked.map((r) => r.unit),
    maxWords,
    ranked,
  );
}

/** LEAD-N: the first sentences up to `maxWords` words, the last one cut to fit. */
export function leadSummary(text: string, maxWords: number): string {
  const units = splitUnits(text);
  return fill(
    [],
    maxWords,
    units.map((unit) => ({ unit, score: -unit.index, vec: new Map() })),
  );
}

function fill(picked: Unit[], maxWords: number, order: Ranked[]): string {
  const chosen = new Set(picked.map((u) => u.index));
  const rest = [...order]
    .sort((a, b) => b.score - a.score)
    .filter((r) => !chosen.has(r.unit.index))
    .map((r) => r.unit);
  return packSummary([...picked, ...rest], maxWords);
}
