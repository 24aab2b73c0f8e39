/**
 * Running the trained tagger (src/analyze/tagger, ANERcorp-trained) over the sentences
 * of an article, for the people and organizations no list knows. In `auto` mode only
 * sentences with a cue for a name are tagged (a post head, an honorific, a given name,
 * a speech verb, an organization word): the tagger costs more than the whole
 * gazetteer pass, and sentences without a cue rarely name anyone new.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_MODEL_PATH, tagDocument } from '../tagger/index.ts';
import { GIVEN_NAMES, HONORIFICS, lightKey } from './lexicon.ts';
import { type Tok, keyOf } from './tokens.ts';

const CUES = new Set(
  `قال قالت أكد أكدت أعلن أعلنت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت نقل نقلت
   اعتبر اعتبرت دعا دعت طالب طالبت التقى التقت استقبل استقبلت بحث بحثت زار زارت
   شركة الشركة منظمة المنظمة حركة الحركة حزب الحزب جمعية الجمعية مؤسسة المؤسسة اتحاد الاتحاد
   مجلس المجلس هيئة الهيئة وكالة الوكالة جامعة الجامعة بنك البنك نادي النادي مجموعة المجموعة
   مرشح مرشحة المرشح المرشحة منافس منافسه منافسته منافسها ناشط ناشطة الناشط الناشطة`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => keyOf(w)),
);

/**
 * Whether a word announces a name: a post head (`isHead`), an honorific, a given name, a
 * speech verb or an organization word, or a nationality (`isDemonym`). It depends on the
 * surface form only, so callers may cache it per form.
 */
export function nameCue(t: Tok, isHead: (t: Tok) => boolean, isDemonym: (t: Tok) => boolean): boolean {
  if (!t.arabic) return false;
  if (isHead(t) || HONORIFICS.has(t.key) || GIVEN_NAMES.has(lightKey(t.text))) return true;
  for (const r of t.info.readings) if (CUES.has(r.key)) return true;
  return isDemonym(t);
}

/** Tokens tagged before and after a cue (the tagger reads ±2 words of context itself). */
const WINDOW_BEFORE = 2;
const WINDOW_AFTER = 7;

let available: boolean | undefined;

/**
 * BIO tags aligned with `toks` ('' where a sentence was not tagged), or undefined when
 * the tagger is off or its model file is missing.
 */
export function tagSentences(
  toks: Tok[],
  sentence: Int32Array,
  mode: 'auto' | 'all' | 'off',
  /** Whether a token is a cue for a name (see `nameCue`). */
  cue: (t: Tok) => boolean,
): string[] | undefined {
  if (mode === 'off') return undefined;
  available ??= existsSync(DEFAULT_MODEL_PATH);
  if (!available) return undefined;
  const out = new Array<string>(toks.length).fill('');
  // The stretches to tag, then tagged together as one document: the tagger's second pass
  // reads what its first pass said about the same word elsewhere in the article.
  const spans: [number, number][] = [];
  const run = (a: number, b: number) => {
    spans.push([a, b]);
  };
  let from = 0;
  while (from < toks.length) {
    let to = from;
    while (to < toks.length && sentence[to] === sentence[from]) to++;
    if (mode === 'all') run(from, to);
    else {
      // Windows around the cues, merged: names sit close to the word that announces them.
      let a = -1;
      let b = -1;
      for (let k = from; k < to; k++) {
        if (!cue(toks[k]!)) continue;
        const lo = Math.max(from, k - WINDOW_BEFORE);
        const hi = Math.min(to, k + WINDOW_AFTER);
        if (a >= 0 && lo <= b) b = Math.max(b, hi);
        else {
          if (a >= 0) run(a, b);
          a = lo;
          b = hi;
        }
      }
      if (a >= 0) run(a, b);
    }
    from = to;
  }
  const tagged = tagDocument(spans.map(([a, b]) => toks.slice(a, b).map((t) => t.text)));
  spans.forEach(([a], j) => {
    const tags = tagged[j]!;
    for (let k = 0; k < tags.length; k++) out[a + k] = tags[k]!;
  });
  return out;
}
