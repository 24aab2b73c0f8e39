/** Trigger matching: lexicon entries (verbs in their conjugations, masdars, phrases) over tokens. */
import type { TriggerEntry } from './lexicon.ts';
import type { Tok } from './text.ts';
import { BIT, bits, is, triggerForms } from './words.ts';

export interface TriggerHit {
  entry: TriggerEntry;
  /** Token range [i, j) of the whole match (phrase gaps included). */
  i: number;
  j: number;
  /** Token index of the head word (the first slot). */
  head: number;
}

/** Prepositions after which a word is a noun, never a finite verb. */
const PREP_BEFORE = /^(?:و)?(?:في|من|علي|الي|عن|بعد|قبل|اثر|جراء|عقب|خلال|اثناء|منذ)$/;

const GAP_FREE =
  /^(?:امس|اليوم|غدا|ايضا|\d+|عشرات|ميات|الاف|الالاف|معظم|بعض|جميع|كل|اخر|جزءا|جزء|نحو|قرابه|اكثر|من|لاطلاق|اطلاق|مطلع|منتصف|اواخر|اوايل|الشهر|الاسبوع|العام|الجاري|الماضي|الماضيه)$/;
/**
 * Words that undo what they govern: a gap does not pass over them («أعلن الرئيس رفع حالة
 * الطوارئ» lifts the state of emergency, it declares none).
 */
const GAP_STOP = /^(?:[وف])?(?:ب|ل)?(?:رفع|رفعت|الغاء|الغت|انهاء|انهت)$/;
/** Time words a parenthetical between commas may hold inside a gap. */
const TIME =
  /^(?:امس|اليوم|غدا|صباح|مساء|فجر|ليل|ليله|ظهر|عصر|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)$/;
const COMMA = /^[،,]$/;
const QUOTE = /^["“”«»„]$/;
/** A quotation mark that opens words: «“» or «« », or a straight one after an even number of them. */
function opening(toks: Tok[], q: number): boolean {
  const raw = toks[q]!.raw;
  if (raw === '“' || raw === '«' || raw === '„') return true;
  if (raw !== '"') return false;
  let n = 0;
  for (let p = 0; p < q; p++) if (toks[p]!.raw === '"') n++;
  return n % 2 === 0;
}
/** At most this many tokens in a gap, however many of them are free. */
const GAP_MAX = 9;
/** The same limits when the gap opens on the verb's subject (a name phrase). */
const SUBJECT_WORDS = 6;
const SUBJECT_GAP = 14;
/** Heads of an institution's name that the actor lexicon reads only with what follows («حكومة X»). */
const SUBJECT_HEAD = /^(?:حكومه|حكومات|وزاره|وزارتا|سلطات|رياسه|هييه|قياده|اداره)$/;
const SUBJECT_END = /^(?:و)?(?:الي|علي|عن|مع|ضد|لدي|بموجب|بسبب|بعد|قبل|اثر|عقب|خلال)$/;

function matchSlots(toks: Tok[], i: number, e: TriggerEntry): number {
  let k = i + 1;
  for (let s = 1; s < e.slots.length; s++) {
    const slot = e.slots[s]!;
    if (slot[0] === '*') {
      const next = e.slots[s + 1];
      if (!next) return -1;
      let found = -1;
      // a verb's subject may stand in the gap (verb–subject–object): when the gap opens on a
      // word that starts an actor right after the head («استدعت وزارة الشؤون الخارجية والجالية
      // الوطنية بالخارج، اليوم الثلاثاء، سفير …»), the whole name phrase may pass
      const subject =
        s === 1 &&
        (is(toks[k], BIT.actor) || SUBJECT_HEAD.test(toks[k]?.n ?? '')) &&
        !toks[i]!.n.startsWith('ال');
      let maxWords = subject ? SUBJECT_WORDS : 3;
      let maxGap = subject ? SUBJECT_GAP : GAP_MAX;
      // up to 3 words in the gap; time words, quantifiers («أمس», «عشرات», «جزءًا من») and
      // words that start an actor («استدعت الحكومة الانتقالية في مالي سفيرها») are not counted
      for (let g = 0, words = 0; words <= maxWords && g < maxGap; g++) {
        const t = toks[k + g];
        if (!t) break;
        // «نشرت كوريا الجنوبية، صباح الخميس، 24 طائرة»: a time word between commas
        if (
          t.punct &&
          COMMA.test(t.raw) &&
          (TIME.test(toks[k + g + 1]?.n ?? '') || TIME.test(toks[k + g - 1]?.n ?? ''))
        )
          continue;
        // «محذرًا من "عواقب وخيمة"»: a quotation mark opening on the phrase's next word ends no
        // phrase («"التعاون البنّاء" مع»: a closing one does)
        if (
          t.punct &&
          QUOTE.test(t.raw) &&
          toks[k + g + 1]?.cands.some((c) => next.includes(c)) &&
          opening(toks, k + g)
        )
          continue;
        // «مناورات "درع العرب 3" بمشاركة …»: a name in quotation marks is one word of a noun
        // phrase's gap (a verb's gap holds its subject and object, which the roles read apart)
        if (t.punct && QUOTE.test(t.raw) && e.flags.has('nominal') && opening(toks, k + g)) {
          let c = k + g + 1;
          while (c < k + g + 6 && toks[c] && !toks[c]!.punct) c++;
          if (c > k + g + 1 && toks[c] && QUOTE.test(toks[c]!.raw)) {
            g = c - k;
            words++;
            continue;
          }
        }
        if (t.punct || GAP_STOP.test(t.n)) break;
        // a preposition of the predicate («إلى», «على», «بموجب») ends the subject
        if (maxWords > 3 && SUBJECT_END.test(t.n)) {
          maxWords = 3;
          maxGap = GAP_MAX;
          if (words > maxWords || g >= maxGap) break;
        }
        if (t.cands.some((c) => next.includes(c))) {
          found = k + g;
          break;
        }
        if (!GAP_FREE.test(t.n) && !is(t, BIT.actor)) words++;
      }
      if (found < 0) return -1;
      k = found + 1;
      s++;
      continue;
    }
    const t = toks[k];
    if (!t || t.punct || !t.cands.some((c) => slot.includes(c))) return -1;
    k++;
  }
  return k;
}

/** «لو», «لولا», «لوما»: the hypothetical «if» (its answer opens with «لـ» + a perfect verb). */
const IF_HYPOTHETICAL = /^(?:[وف])?(?:لو|لولا|لوما)$/;
/** «لولا», «لوما»: "were it not for X" — X is told as a fact, the answer is what did not happen. */
export const COUNTERFACTUAL = /^(?:[وف])?(?:لولا|لوما)$/;
/** «لولا دا سيلفا», «الرئيس البرازيلي لولا»: the name, not «لولا». */
const LULA = /^(?:دا|دي|سيلفا)$/;
const LULA_BEFORE = /^(?:الرييس|البرازيلي|رييس|نظيره|نظيرها)$/;
/** Words with «لـ» that open no answer of «لو» («لكن», «لم», «لدى», «لقد», a state: «لبنان»). */
const NO_ANSWER =
  /^(?:[وف])?(?:لكن|لكنه|لكنها|لم|لن|لا|لدي|لذلك|لهذا|ليس|ليست|لان|لانه|لكي|لقد|لبنان|ليبيا|له|لها|لهم|لهما|لهن|لك|لكم|لنا|لي)$/;

/** The last hypothetical «لو/لولا» before token `head` (-1 for none). */
export function hypotheticalAt(toks: Tok[], head: number): number {
  for (let k = head - 1; k >= 0; k--)
    if (
      IF_HYPOTHETICAL.test(toks[k]!.n) &&
      !LULA.test(toks[k + 1]?.n ?? '') &&
      !LULA_BEFORE.test(toks[k - 1]?.n ?? '')
    )
      return k;
  return -1;
}

/**
 * The first word of the answer of the hypothetical at `at` (-1 for none): the first word after it
 * that carries «لـ» and opens a later clause, within three («لو أن الجيش هاجم المدينة، لفرضت
 * …»); also one inside its own clause, with no comma: after «لولا» past the word after it
 * («لولا وساطة قطر لهاجم الجيش …»), after «لو» past a condition of two words at least («لو هاجم
 * الجيش المدينة لفرضت …»).
 */
export function hypotheticalAnswer(toks: Tok[], at: number): number {
  const from = toks[at]!.clause;
  const after = COUNTERFACTUAL.test(toks[at]!.n) ? at + 1 : at + 2;
  for (let k = at + 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.clause > from + 3) break;
    if (t.punct) continue;
    if (t.clause === from && k <= after) continue;
    const first = t.clause === from || toks[k - 1]?.clause !== t.clause || toks[k - 1]!.punct;
    if (first && /^ل/.test(t.n) && !/^لل/.test(t.n) && !NO_ANSWER.test(t.n)) return k;
  }
  return -1;
}

/** All trigger hits in a sentence: longest match at each head, nested shorter hits dropped. */
export function findTriggers(toks: Tok[]): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const t of toks) {
    const b = bits(t);
    if (!(b & BIT.trigger) || b & BIT.adverbial_protest) continue;
    let best: TriggerHit | undefined;
    const before = toks[t.i - 1];
    const prepBefore = before !== undefined && !before.punct && PREP_BEFORE.test(before.n);
    const bare = /^[وف]/.test(t.n) && t.n.length > 3 ? t.n.slice(1) : t.n;
    for (const { form, entries, definite } of triggerForms(t)) {
      for (const e of entries) {
        if (best?.entry === e) continue;
        // a definite form is a noun, never a verb: «البحث» is research, not «بحث»
        if (e.kind === 'verb' && definite) continue;
        // nor after a preposition: «في قصف روسي», «بقصف مواقع» are masdars
        // (the «لـ» of a hypothetical's answer is no preposition: «لولا الوساطة لهاجم الجيش …»)
        if (
          e.kind === 'verb' &&
          (prepBefore ||
            (/^[بل]/.test(bare) &&
              !bare.startsWith(form) &&
              bare.slice(1).startsWith(form) &&
              !(t.n.startsWith('ل') && answerWord(toks, t.i))))
        )
          continue;
        if (e.flags.has('hamza') && !/[أإآءئؤ]/.test(t.raw)) continue;
        if (e.flags.has('elative') && elative(toks, t.i, bare)) continue;
        const j = e.slots.length === 1 ? t.i + 1 : matchSlots(toks, t.i, e);
        if (j < 0) continue;
        const better =
          !best ||
          e.slots.length > best.entry.slots.length ||
          (e.slots.length === best.entry.slots.length && rank(e) > rank(best.entry));
        if (better) best = { entry: e, i: t.i, j, head: t.i };
      }
    }
    if (best) hits.push(best);
  }
  // drop hits whose head lies inside a longer phrase hit — but an agreement a suspension names
  // with its signing («تعليق اتفاقية الغاز الموقعة مع ترينيداد عام 2015») is an event of its own
  return hits.filter(
    (h) =>
      !hits.some(
        (o) =>
          o !== h &&
          o.entry.slots.length > 1 &&
          h.head > o.i &&
          h.head < o.j &&
          !(h.entry.type === 'AGREE' && o.entry.type === 'SANCTION' && signedAfter(toks, h.head)),
      ),
  );
}

/** «الموقعة», «المبرمة» within two words after `i`: an agreement named with its signing. */
function signedAfter(toks: Tok[], i: number): boolean {
  return toks.slice(i + 1, i + 3).some((t) => /^(?:الموقع|الموقعه|المبرم|المبرمه)$/.test(t.n));
}

/** Token `i` opens the answer of a hypothetical «لو/لولا» before it. */
export function answerWord(toks: Tok[], i: number): boolean {
  const at = hypotheticalAt(toks, i);
  return at >= 0 && hypotheticalAnswer(toks, at) === i;
}

/** «إنني», «أنا»: a first-person subject right before a first-person verb. */
const FIRST_PERSON = /^(?:و)?(?:انا|اني|انني)$/;
/**
 * The `elative` flag: the first person «أفعل» of the verb is also the comparative adjective
 * («أثمن» "more precious" beside «أثمّن» "I praise"). It is the adjective before «من» or «ما»
 * («أثمن من الذهب», «أثمن ما يملك»), and inside a clause («صار أثمن», «بأنه أثمن هدية»); the
 * verb where it opens one (first in the sentence, after a quotation mark, a colon or a comma,
 * after «و», or after «إنني/أنا»).
 */
function elative(toks: Tok[], i: number, bare: string): boolean {
  if (bare.length !== 4 || !bare.startsWith('ا')) return false;
  const next = toks[i + 1];
  if (next && !next.punct && /^(?:من|ما)$/.test(next.n)) return true;
  if (toks[i]!.n !== bare) return false;
  const before = toks[i - 1];
  return before !== undefined && !before.punct && !FIRST_PERSON.test(before.n);
}

/** Prefer phrases, then verbs, then nouns; weak entries last. */
function rank(e: TriggerEntry): number {
  return (e.kind === 'phrase' ? 3 : e.kind === 'verb' ? 2 : 1) - (e.flags.has('weak') ? 0.5 : 0);
}
