/**
 * From a raw input (bytes, text or HTML, with whatever metadata its source knew) to an
 * `Article` — or to a quarantine entry saying why not. Checks, in order: size, binary
 * content, encoding (decode), HTML main text, emptiness, language. Nothing is dropped
 * silently: every refusal is an `IngestItem` of kind `rejected` with a rule id and reason.
 */
import { findDates } from '../analyze/dates.ts';
import { matchLineDateline } from '../brief/dateline.ts';
import { creditName } from '../brief/credit.ts';
import { foldText } from '../brief/fold.ts';
import type { Article, Message, Provenance } from '../model.ts';
import { calendarProblem } from '../search/query.ts';
import type { QuarantineEntry } from '../store/store.ts';
import { matchForm } from '../text/index.ts';
import { decode } from './decode.ts';
import { MAX_HTML_DEPTH, extractHtml, htmlDepth, noArticleBody } from './html.ts';
import { articleId, withoutTracking } from './ids.ts';
import { detectLanguage, languageName } from './language.ts';
import { type IngestLimits, withLimits } from './limits.ts';
import { DATE_FROM_TEXT, dateFromText, latinDigits, publicationLine, validDay } from './text-date.ts';

export interface ArticleMeta {
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
  byline?: string;
  dateline?: string;
  /** A key the source gives the article (JSONL `id`), used for its id when there is no url. */
  key?: string;
}

export interface RawInput {
  /** Path, URL, `path:LINE` or `-`. */
  source: string;
  format: Provenance['format'];
  /** Undecoded bytes (files, fetches); decoded with encoding detection. */
  bytes?: Uint8Array;
  /** Already-decoded content (JSONL fields, feed content). */
  text?: string;
  /** True when the content (bytes or text) is an HTML page to extract main text from. */
  html?: boolean;
  meta?: ArticleMeta;
  /** Encoding the text was decoded from by the source (e.g. JSONL is UTF-8). */
  encoding?: string;
  /** The input as received, kept in the quarantine when it is refused. */
  raw?: string;
}

export type IngestItem =
  | { kind: 'article'; article: Article }
  | { kind: 'rejected'; entry: QuarantineEntry }
  /** A feed or page that was fetched and had not changed (conditional GET). */
  | { kind: 'skipped'; source: string; reason: string };

export interface BuildOptions {
  limits?: Partial<IngestLimits>;
  /** `--outlet NAME`: overrides what the input says. */
  outlet?: string;
  /** Ingest time (ISO); defaults to now. */
  now?: string;
}

const RAW_KEEP = 4096;

export function reject(
  source: string,
  ruleId: string,
  reason: string,
  raw?: string | Uint8Array,
): IngestItem & { kind: 'rejected' } {
  let kept: string | undefined;
  if (typeof raw === 'string') kept = raw.slice(0, RAW_KEEP * 4);
  else if (raw) kept = `base64:${Buffer.from(raw.subarray(0, RAW_KEEP)).toString('base64')}`;
  return {
    kind: 'rejected',
    entry: {
      source,
      ruleId,
      reason,
      at: new Date().toISOString(),
      ...(kept !== undefined ? { raw: kept } : {}),
    },
  };
}

/** Line ends unified, BOM, NULs and trailing spaces removed; the text offsets refer to this. */
export function tidyText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A numeric calendar date as Arabic outlets print it: day first («25/03/2015», «25-3-2015»,
 * «25.03.2015», optionally followed by a time, which is dropped since it has no zone), or
 * year first («2015/03/25»). Month first only when the first number cannot be a month and the
 * second can («03/25/2015»). Undefined when it is no valid date.
 */
function numericDate(v: string): string | undefined {
  const m =
    /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/u.exec(v);
  if (!m) return undefined;
  let [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let year: number;
  let month: number;
  let day: number;
  if (m[1]!.length === 4) [year, month, day] = [a, b, c];
  else if (m[3]!.length === 4) {
    if (b > 12 && a <= 12) [a, b] = [b, a];
    [year, month, day] = [c, b, a];
  } else return undefined;
  return validDay(year, month, day);
}

/** An ISO 8601 time when the input can be read as one, else the input as given. */
export function isoTime(value: string | undefined): string | undefined {
  const v = value === undefined ? undefined : latinDigits(value.trim());
  if (!v) return undefined;
  const numeric = numericDate(v);
  if (numeric) return numeric;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v))
    return v.replace(' ', 'T');
  // Date.parse reads Arabic words as noise around a year: «مارس 2025» would be 1 January 2025.
  // Those are read by `readPublished` (findDates) instead.
  if (/\p{Script=Arabic}/u.test(v)) return v;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString().replace('.000Z', 'Z') : v;
}

/** `YYYY-MM` or `YYYY-MM-DD` (a time may follow) naming a real calendar month or day. */
function calendarIso(v: string): boolean {
  return /^\d{4}-\d{2}(?:-\d{2})?(?:$|T)/u.test(v) && calendarProblem(v) === undefined;
}

/**
 * The `published` field as stored: `isoTime`'s ISO form when it reads one; else a date written
 * in words as Arabic outlets print it («الأحد 2 مارس 2025», «14 أكتوبر/تشرين الأول 2025 -
 * 10:30», «5 ربيع الأول 1447 هـ» → its Gregorian day; «مارس 2025» → 2025-03) or a numeric month
 * («12/2015» → 2015-12); else nothing, with a warning that names the value. A value that is no
 * date («not a date», «31/02/2015») was stored as given and sorted above every real date
 * (`--sort date`, the API's newest first) while no date filter could reach it.
 */
export function readPublished(
  value: string | undefined,
  source: string,
): { published?: string; warning?: Message } {
  const v = isoTime(value);
  if (v === undefined) return {};
  if (calendarIso(v)) return { published: v };
  const month = /^(\d{1,2})[/.-](\d{4})$/u.exec(v);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return { published: `${month[2]}-${month[1]!.padStart(2, '0')}` };
  const found = findDates(v).filter(
    (d) => d.value && (d.precision === 'day' || d.precision === 'month') && !d.durationDays,
  );
  if (found.length === 1 && calendarIso(found[0]!.value!)) return { published: found[0]!.value! };
  return {
    warning: {
      ruleId: 'ingest/unread-date',
      severity: 'warning',
      reason:
        `${source}: the published date ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)} is not a date khabar can read; ` +
        'it is left out (the article is dated by its text where the text gives a date). Write ISO 8601 (2025-03-02), ' +
        'day first (02/03/2025), RFC 822, or the Arabic words («2 مارس 2025»).',
    },
  };
}

/** Whether `line` is only a dateline: a place and an agency or credit with a dash (src/brief/dateline.ts). */
function isDatelineLine(line: string): boolean {
  return line.length <= 120 && matchLineDateline(foldText(line.trim())) !== undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * An HTML page's main text, as stored and briefed, and what the page says of itself written into
 * `meta` where `meta` has nothing yet (title, dateline, byline, date, outlet; its canonical url):
 * the ingest's and the one-article commands' (brief, compose …) reading of a page.
 */
export function readPage(html: string, meta: ArticleMeta): string {
  const x = extractHtml(html, meta.url ? { url: meta.url } : {});
  let content = x.text;
  // A page whose headline is only a dateline («الرباط - وكالة …»): kept in the text, where the
  // brief reads it as the dateline, and not taken as the title.
  const titleIsDateline = x.title !== undefined && isDatelineLine(x.title);
  if (x.title && !titleIsDateline && x.text.startsWith(x.title)) content = content.slice(x.title.length);
  if (!meta.title && x.title && !titleIsDateline) meta.title = x.title;
  if (!meta.dateline && titleIsDateline && !x.text.startsWith(x.title!)) meta.dateline = x.title!.trim();
  if (!meta.byline && x.byline) meta.byline = bylineName(x.byline);
  if (!meta.published && x.published) meta.published = x.published;
  if (!meta.outlet && x.siteName) meta.outlet = x.siteName;
  if (x.canonical) meta.url = x.canonical;
  // The page's publication lines — above its story, else below it — give the byline and the
  // date when nothing better (meta, JSON-LD) did.
  const head = publicationLines(content, 'head');
  const tail = publicationLines(head.text, 'tail');
  // one between its paragraphs («نشر بواسطة … في …» under the standfirst): the same, after them
  const mid = innerPublicationLines(tail.text);
  const credit = head.credit ?? tail.credit ?? mid.credit;
  const day = publicationDay(publicationDay(head.day, tail.day), mid.day);
  if (credit !== undefined && !meta.byline) meta.byline = credit;
  if (day !== undefined && !meta.published) meta.published = day.day;
  return mid.text;
}

interface LineDay {
  day: string;
  line: string;
  /** From «آخر تحديث»: the page's last update, not its publication. */
  updated?: boolean;
}

/** The publication day of two: one that is no update's over one that is, else the first. */
const publicationDay = (a: LineDay | undefined, b: LineDay | undefined) =>
  a && !(a.updated && b && !b.updated) ? a : b;

/**
 * The text without the publication lines it opens (`head`) or ends (`tail`) with, two at most:
 * a paragraph that is only a credit («بقلم: سارة الخطيب», «كتب: …», «إعداد - …», «نشر بواسطة
 * …»), only a date (<p class="date">, <time>, a text file's «الثلاثاء 1 ديسمبر 2026» or
 * «2026-12-01», «نُشر في …», «آخر تحديث: …») or both («نشر بواسطة سارة الخطيب في 3 ديسمبر 2026»:
 * `publicationLine`) is the byline and the date, not the story — it stood in the stored text, the
 * brief's and search's too, and the brief took a first one for the lead. Returns the credit's
 * name and the day (a publication's over an update's).
 */
function publicationLines(
  content: string,
  end: 'head' | 'tail',
): { text: string; credit?: string; day?: LineDay } {
  let text = content;
  let credit: string | undefined;
  let day: LineDay | undefined;
  for (let n = 0; n < 2; n++) {
    const at = end === 'head' ? /^\s*([^\n]*)\n+/u.exec(text) : /\n+([^\n]*)\s*$/u.exec(text);
    if (!at) break;
    const line = at[1]!.trim();
    const p = publicationLine(line);
    if (!p) break;
    text = end === 'head' ? text.slice(at[0].length) : text.slice(0, at.index);
    if (p.name !== undefined) credit ??= p.name;
    if (p.day !== undefined)
      day = publicationDay(day, { day: p.day, line, ...(p.updated ? { updated: true } : {}) });
  }
  return { text, ...(credit !== undefined ? { credit } : {}), ...(day ? { day } : {}) };
}

/**
 * What a publication line between the paragraphs must say to be taken for one: the publishing
 * verb («نُشر في …», «نشر بواسطة …», «تم النشر …», «تاريخ النشر: …», «آخر تحديث: …») or
 * «بقلم» (match form). Other credits there — «تحرير الموصل», «متابعة مستمرة» read as credits —
 * are a subheading as often; a credit with its date («كتب: … - 3 ديسمبر 2026») is taken too.
 */
const INNER_CUE = /^(?:(?:تم\s+)?(?:ال)?نشر|تاريخ\s+النشر|(?:اخر\s+)?تحديث|بقلم)(?![\p{L}\p{M}])/u;
/** A paragraph between the first and the last, short enough to be a publication line (in trimmed text). */
const INNER_LINE = /\n+([^\n]{1,120})(?=\n)/gu;

/**
 * The text without the publication lines between its paragraphs (`publicationLines` takes
 * those at its ends): a page that prints «نشر بواسطة سارة الخطيب في 3 ديسمبر 2026» or «نُشر في
 * …» under its first paragraph kept it in the text, and gave neither byline nor date. The first
 * and the last paragraphs stay (`publicationLines` reads those); a date alone stays too — a live page's
 * «الثلاثاء 1 ديسمبر 2026» heads its day. Returns the first credit's name and the day.
 */
function innerPublicationLines(content: string): { text: string; credit?: string; day?: LineDay } {
  let credit: string | undefined;
  let day: LineDay | undefined;
  const text = content.trimEnd().replace(INNER_LINE, (all, raw: string) => {
    const line = raw.trim();
    const p = publicationLine(line);
    if (!p || !(INNER_CUE.test(matchForm(line)) || (p.name !== undefined && p.day !== undefined))) return all;
    if (p.name !== undefined) credit ??= p.name;
    if (p.day !== undefined)
      day = publicationDay(day, { day: p.day, line, ...(p.updated ? { updated: true } : {}) });
    return '';
  });
  if (credit === undefined && !day) return { text: content };
  return { text, ...(credit !== undefined ? { credit } : {}), ...(day ? { day } : {}) };
}

/**
 * The name a byline gives: a credit's name when the byline is one («بواسطة سارة علي» — a
 * WordPress byline, as Readability or a feed's dc:creator gives it —, «بقلم: …», «أجرت الحوار:
 * …»), else the byline as given.
 */
function bylineName(byline: string): string {
  const trimmed = byline.trim();
  return creditName(trimmed) ?? trimmed;
}

/**
 * An input as a message names it: standard input (`-`, and `-:LINE` for a JSONL line of it) in
 * words — «-:2: not valid JSON» did not say which input it was; a path or URL as it is.
 */
export function inputName(source: string): string {
  if (source === '-') return 'standard input';
  const line = /^-:(\d+)$/u.exec(source);
  return line ? `standard input, line ${line[1]}` : source;
}

export function buildArticle(input: RawInput, opts: BuildOptions = {}): IngestItem {
  const name = inputName(input.source);
  const limits = withLimits(opts.limits);
  const warnings: Message[] = [];
  let content: string;
  let encoding: string | undefined;
  if (input.bytes) {
    const bytes = input.bytes;
    if (bytes.length === 0) return reject(input.source, 'ingest/empty', `${name}: is empty`);
    if (bytes.length > limits.maxBytes)
      return reject(
        input.source,
        'ingest/too-large',
        `${name}: ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`,
        bytes,
      );
    const d = decode(bytes, name);
    const fatal = d.messages.find((m) => m.severity === 'error');
    // decode() names the input already: «FILE: looks like a binary file …», once.
    if (fatal) return reject(input.source, fatal.ruleId, fatal.reason, bytes);
    warnings.push(...d.messages);
    content = d.text;
    encoding = d.encoding;
  } else {
    content = input.text ?? '';
    encoding = input.encoding;
    if (content.length * 2 > limits.maxBytes && Buffer.byteLength(content) > limits.maxBytes)
      return reject(
        input.source,
        'ingest/too-large',
        `${name}: over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`,
        input.raw ?? content,
      );
  }
  const meta: ArticleMeta = { ...(input.meta ?? {}) };
  /** The input as read (the page before its main text is extracted), kept when it is refused. */
  const received = content;
  /** A text's first line that was only its date, taken off the text: it dates the article. */
  let dateLine: { day: string; line: string; inner?: boolean } | undefined;
  if (input.html) {
    const depth = htmlDepth(content);
    if (depth > MAX_HTML_DEPTH)
      return reject(
        input.source,
        'ingest/html-too-deep',
        `${name}: HTML nested ${depth} levels deep (more than ${MAX_HTML_DEPTH}); refused before parsing`,
        input.raw ?? content,
      );
    content = readPage(content, meta);
  } else {
    // A text (a .txt file, a record's text) that opens with its date or credit line, as a page can.
    const head = publicationLines(content, 'head');
    const mid = innerPublicationLines(head.text);
    content = mid.text;
    const credit = head.credit ?? mid.credit;
    if (credit !== undefined && !meta.byline) meta.byline = credit;
    dateLine = head.day ?? (mid.day && { ...mid.day, inner: true });
  }
  // Stored, and the id made, without campaign tags and click ids: one page reached by links with
  // and without them is one article.
  if (meta.url) meta.url = withoutTracking(meta.url);
  const text = tidyText(content);
  if (!/[\p{L}\p{N}]/u.test(text))
    return reject(input.source, 'ingest/empty', `${name}: no text to read`, input.raw ?? content);
  const noBody = input.html ? noArticleBody(text) : undefined;
  if (noBody) return reject(input.source, 'ingest/no-text', `${name}: ${noBody}`, input.raw ?? received);
  // The first few thousand characters tell the language; the whole text only costs time.
  const lang = detectLanguage(text.length > 4000 ? text.slice(0, 4000) : text);
  if (lang.language !== 'ar')
    return reject(
      input.source,
      'ingest/not-arabic',
      lang.language === 'und'
        ? `${name}: too little text to tell its language; khabar archives Arabic news`
        : `${name}: written in ${languageName(lang.language)}, not Arabic (khabar archives Arabic news; kept here, not ingested)`,
      input.raw ?? text,
    );
  // A title that is only a dateline (a JSONL or feed `title` «القاهرة (خاص) -») is the dateline.
  if (meta.title && isDatelineLine(meta.title)) {
    if (!meta.dateline) meta.dateline = meta.title.trim();
    delete meta.title;
  }
  const outlet = opts.outlet ?? meta.outlet ?? hostOf(meta.url);
  const given = readPublished(meta.published, name);
  let published = given.published;
  if (given.warning) warnings.push(given.warning);
  // No date from the source (JSONL `published`, feed pubDate, HTML meta): the one the text
  // gives in its dateline or byline, noted with where it stands. Never over a given date.
  if (!published && dateLine) {
    published = dateLine.day;
    warnings.push({
      ruleId: DATE_FROM_TEXT,
      severity: 'info',
      reason: `${name}: no published date was given; dated ${dateLine.day} by «${dateLine.line}», a publication line ${dateLine.inner ? 'between its paragraphs' : 'at its top'} (not kept in the text)`,
    });
  } else if (!published) {
    const d = dateFromText(text, meta.byline);
    if (d) {
      published = d.day;
      warnings.push({
        ruleId: DATE_FROM_TEXT,
        severity: 'info',
        reason: `${name}: no published date was given; dated ${d.day} by «${d.expression}» in its ${d.where === 'byline' && !d.span ? 'byline' : d.where}`,
        ...(d.span ? { span: d.span } : {}),
      });
    }
  }
  const article: Article = {
    id: articleId({
      text,
      ...(outlet ? { outlet } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.key ? { key: meta.key } : {}),
    }),
    ...(outlet ? { outlet } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.title ? { title: meta.title.trim() } : {}),
    ...(meta.dateline ? { dateline: meta.dateline } : {}),
    ...(published ? { published } : {}),
    ...(meta.byline ? { byline: bylineName(meta.byline) } : {}),
    language: 'ar',
    text,
    provenance: {
      source: input.source,
      format: input.format,
      ingestedAt: opts.now ?? new Date().toISOString(),
      ...(encoding ? { encoding } : {}),
    },
    warnings,
  };
  return { kind: 'article', article };
}
