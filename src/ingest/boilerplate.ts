/**
 * What a news page prints around its story and is no part of it: share rows («شارك: فيسبوك
 * تويتر واتساب»), «اقرأ أيضا» lines and the related headlines listed after them, tag lists
 * («الوسوم: …», «كلمات مفتاحية: …»), copyright lines («جميع الحقوق محفوظة © 2026»), date spans
 * (`<span class="date">` inside a paragraph) and the site's name after the <title> («… | الموقع»).
 * Readability keeps them when they sit in the article's container: they were the last paragraphs
 * of the stored text, a key point of the composed brief, or the lead. Word lists in match form.
 */
import { matchForm } from '../text/index.ts';

/** The DOM of linkedom's parseHTML (kept structural: only what is used here). */
interface El {
  textContent: string | null;
  tagName: string;
  parentElement: El | null;
  nextElementSibling: El | null;
  children: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<El>;
  remove(): void;
}

const words = (s: string) =>
  matchForm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** «اقرأ أيضا», «إقرأ أيضًا», «اقرأ كذلك», «اقرأ المزيد»: the label of related headlines. */
const READ_ALSO =
  /^(?:اقرا|ايضا اقرا|اقرا ايضا|اقرا كذلك|اقرا المزيد|اقرا ايضا في|مواضيع ذات صله|اخبار ذات صله)$/u;
const READ_ALSO_OPENING =
  /^\s*(?:اقرا (?:ايضا|كذلك)|ايضا اقرا|مواضيع ذات صله|اخبار ذات صله)(?:\s*[:：\-–—]|\s|$)/u;
/** A tag list's label: «الوسوم:», «وسوم:», «كلمات مفتاحية:», «الكلمات الدلالية:». */
const TAGS_OPENING =
  /^\s*(?:ال)?(?:وسوم|كلمات (?:ال)?(?:مفتاحيه|دلاليه)|الكلمات (?:ال)?(?:مفتاحيه|دلاليه)|تاجات)(?:\s*[:：\-–—]|$)/u;
/** The words of a share row (any order, with «:», «|», «·» between). */
const SHARE = new Set(
  (
    'شارك شاركوا شاركي مشاركه المشاركه هذا هذه الخبر المقال المقاله عبر علي عبر تويتر فيسبوك فيس بوك واتساب واتس اب ' +
    'تلغرام تليغرام تيليجرام تلجرام انستغرام انستجرام لينكد ان لينكدان يوتيوب طباعه ارسال البريد الالكتروني نسخ ' +
    'الرابط x facebook twitter whatsapp telegram linkedin email print share'
  ).split(' '),
);
const SHARE_CUE = new Set(['شارك', 'شاركوا', 'شاركي', 'مشاركه', 'المشاركه', 'share']);
const SHARE_NETWORK = new Set(['تويتر', 'فيسبوك', 'واتساب', 'تلغرام', 'facebook', 'twitter', 'whatsapp']);
const COPYRIGHT = /(?:جميع|كافه|كل) الحقوق محفوظه|حقوق (?:النشر|الطبع) محفوظه|©|\(c\) ?\d{4}|copyright/iu;

/** A paragraph that is only a share row: share words, at least one a cue or a network. */
function isShareRow(line: string): boolean {
  if (line.length > 160) return false;
  const ws = words(line);
  return (
    ws.length > 0 &&
    ws.length <= 16 &&
    ws.every((w) => SHARE.has(w.toLowerCase())) &&
    ws.some((w) => SHARE_CUE.has(w.toLowerCase()) || SHARE_NETWORK.has(w.toLowerCase()))
  );
}

/** A paragraph that names no sentence: a headline of a related list, a tag. */
const headlineLike = (line: string) => line.length <= 200 && !/[.!?؟…]["»”]?$/u.test(line.trim());

/**
 * The story's paragraphs without the page's share rows, «اقرأ أيضا» lines (and, after a label
 * alone, the headlines listed under it), tag lists and copyright lines. Paragraphs are separated
 * by a blank line, as `htmlToText` writes them.
 */
export function withoutBoilerplate(text: string): string {
  const paras = text.split('\n\n');
  const out: string[] = [];
  // After a label alone («اقرأ أيضا», «الوسوم»): the list's items follow as paragraphs.
  let list: 'related' | 'tags' | undefined;
  for (const p of paras) {
    const line = p.trim();
    const short = line.length <= 300;
    const form = short ? matchForm(line) : '';
    if (list && short && headlineLike(line) && (list === 'related' || words(line).length <= 4)) continue;
    list = undefined;
    if (short && READ_ALSO_OPENING.test(form)) {
      if (READ_ALSO.test(words(line).join(' '))) list = 'related';
      continue;
    }
    if (short && TAGS_OPENING.test(form)) {
      if (/^\s*\S+(?:\s\S+)?\s*[:：]?\s*$/u.test(line)) list = 'tags';
      continue;
    }
    if (short && COPYRIGHT.test(form) && words(line).length <= 30) continue;
    if (short && isShareRow(line)) continue;
    out.push(p);
  }
  return out.length === paras.length ? text : out.join('\n\n');
}

/**
 * «اقرأ أيضا» labels in the page and the related-headline lists after them, taken out of the
 * document before Readability reads it: the label's element (or its wrapper, when the wrapper
 * holds nothing else) and the lists or link-only elements that follow it.
 */
export function removeRelatedLists(body: El, html: string): void {
  if (!/اقرأ|إقرأ|اقرا/u.test(html)) return;
  for (const el of body.querySelectorAll('h2,h3,h4,h5,h6,p,div,strong,b,span,li')) {
    // a label is a leaf (its text read in linear time; the wrapper is found by climbing)
    if (el.children.length > 0) continue;
    const t = el.textContent ?? '';
    if (t.length > 40 || !READ_ALSO.test(words(t).join(' '))) continue;
    let label = labelLine(el);
    while (
      label.parentElement &&
      label.parentElement.children.length === 1 &&
      label.parentElement.tagName !== 'BODY'
    )
      label = label.parentElement;
    for (let next = label.nextElementSibling; next && isLinkList(next); ) {
      const after: El | null = next.nextElementSibling;
      next.remove();
      next = after;
    }
    label.remove();
  }
}

const INLINE = new Set(['STRONG', 'B', 'SPAN', 'EM', 'I', 'U', 'FONT', 'MARK', 'SMALL']);

/**
 * The element a label leaf stands for: a label split across inline tags («<strong>اقرأ</strong>
 * أيضا:», «<b>اقرأ</b> <b>أيضا</b>») is its whole line — the parent whose text is the label, or
 * the label and links only («<strong>اقرأ</strong> أيضا: <a>…</a>»). Removing the leaf alone
 * left «أيضا:» in the text and the list after it.
 */
function labelLine(leaf: El): El {
  let label = leaf;
  while (INLINE.has(label.tagName) && label.parentElement && label.parentElement.tagName !== 'BODY') {
    const parent = label.parentElement;
    let rest = parent.textContent ?? '';
    if (rest.length > 400) break;
    for (const a of parent.querySelectorAll('a')) rest = rest.replace(a.textContent ?? '', ' ');
    if (!READ_ALSO.test(words(rest).join(' '))) break;
    label = parent;
  }
  return label;
}

/** A <ul>/<ol>, or an element whose text is all inside links. */
function isLinkList(el: El): boolean {
  if (el.tagName === 'UL' || el.tagName === 'OL' || el.tagName === 'A') return true;
  const all = (el.textContent ?? '').replace(/\s+/gu, '');
  if (!all) return false;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/gu, '').length;
  return linked >= all.length * 0.8;
}

/**
 * `<span class="date">` (and `post-date`, `news-date` …) inside the page: taken out of the
 * document, their texts returned — a date span at the head of a paragraph stood before its
 * first words, the lead's.
 */
export function removeDateSpans(body: El, html: string): string[] {
  if (!/<span[^>]*class\s*=\s*["'][^"']*date/iu.test(html)) return [];
  const texts: string[] = [];
  for (const el of body.querySelectorAll('span[class]')) {
    const cls = el.getAttribute('class') ?? '';
    if (!cls.split(/\s+/u).some((c) => /(?:^|[-_])date(?:$|[-_])/iu.test(c))) continue;
    const t = (el.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (t) texts.push(t);
    el.remove();
  }
  return texts;
}

/** Words that name an outlet: a title's part after « - » with one of them is the site's name. */
const OUTLET_WORDS = new Set(
  'صحيفه جريده موقع قناه وكاله بوابه شبكه مجله اذاعه نيوز news تلفزيون تي في 24'.split(' '),
);

/**
 * A <title> without the site's name after its last « | », « - », « – » or « — »: after « | »
 * any short name (at most five words); after a dash, the page's own site name (`sites`), or a
 * name with an outlet's word in it («صحيفة …», «… نيوز»), or a web address. The headline must
 * keep three words.
 */
export function withoutSiteSuffix(title: string, sites: ReadonlyArray<string | undefined>): string {
  const m = /^(.*\S)\s+([|｜\-–—])\s+([^|｜\-–—]+)$/u.exec(title);
  if (!m) return title;
  const [, head, sep, tail] = m as unknown as [string, string, string, string];
  if (words(head).length < 3) return title;
  const name = words(tail).map((w) => w.toLowerCase());
  // the site's name is shorter than the headline («عاجل | …» is no suffix)
  if (name.length === 0 || name.length > 5 || name.length >= words(head).length) return title;
  const site = sites.some((s) => s && words(s).join(' ').toLowerCase() === name.join(' '));
  const outlet = name.some((w) => OUTLET_WORDS.has(w)) || /\.[a-z]{2,}$/iu.test(tail.trim());
  return site || outlet || sep === '|' || sep === '｜' ? head : title;
}
