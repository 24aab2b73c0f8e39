/**
 * Whether the speaker the event analysis gave a quote is the one the sentence quotes. The
 * analysis attaches a speaker to every attributed event, falling back on whoever was named
 * before the verb of saying or on the article's topic («وقالت المصادر إن …» → the country
 * the article is about; «وقال البيت الأبيض في بيان إن ترامب …» → Trump). A story page that
 * lists speakers must list only those the articles quote, so a quote keeps its speaker when
 * the sentence names that speaker as the subject of the verb of saying:
 *
 * - right after the verb, before any «أن/إن» («وقال وزير الخارجية إن …», «وأضاف الوزير: …»), or
 *   around it when the cue is the noun of the speaker's post («وقال المتحدث باسم الخارجية … إن»);
 * - or right before it, as the sentence's first actor («السعودية تؤكد أن …», «وأدانت دمشق
 *   القصف واعتبرته …»);
 * - or not at all, when the verb continues the previous sentence, which names the speaker, or
 *   the article's previous quote by the same speaker («… وأضاف أن …», «وأشارت إلى أن …»): no
 *   actor before the verb, none after it.
 *
 * Otherwise the quote is shown without a speaker.
 */
import { matchForm } from '../text/index.ts';
import type { Actor, Mention, ProcessedArticle, Span } from '../model.ts';

/** «أن», «إن», «بأن», «أنه», «وأن» … in match form. */
const COMPLEMENTIZER = /^[وف]?ب?ان(?:ه|ها|هم|هما)?$/u;
/** «إلى», «على» in match form: «وأشارت إلى أن …» has no subject of its own. */
const PREPOSITION = /^(?:الي|علي)$/u;

const wordsOf = (s: string) => s.split(/[\s،,]+/u).filter((w) => /\p{L}/u.test(w));

function isSpeaker(m: Mention, sp: Actor): boolean {
  if (sp.entityId) return m.entityId === sp.entityId || (m.entityIds?.includes(sp.entityId) ?? false);
  return sp.name !== undefined && m.text === sp.name;
}

/** A demonym names a speaker only right beside the verb: «قال مصدر قضائي فرنسي» is not France. */
interface Occurrence {
  span: Span;
  demonym: boolean;
}

/** Where the sentence names the speaker: mentions of its entity, or its name as written. */
function occurrences(d: ProcessedArticle, sp: Actor, sentence: Span): Occurrence[] {
  const out: Occurrence[] = d.analysis.mentions
    .filter(
      (m) => m.role !== 'pronoun' && m.span[0] >= sentence[0] && m.span[1] <= sentence[1] && isSpeaker(m, sp),
    )
    .map((m) => ({ span: m.span, demonym: m.role === 'demonym' }));
  if (sp.name) {
    const text = d.article.text;
    for (let at = text.indexOf(sp.name, sentence[0]); at >= 0 && at + sp.name.length <= sentence[1]; ) {
      out.push({ span: [at, at + sp.name.length], demonym: false });
      at = text.indexOf(sp.name, at + 1);
    }
  }
  return out;
}

export type SpeakerCheck = 'named' | 'continued' | 'other';

/**
 * How the sentence `sentence` of `d` names the speaker `sp` of the verb of saying at `verb`:
 * `named` (the subject of the verb), `continued` (no subject: the previous speaker goes on),
 * `other` (someone else, or no one, is the subject).
 */
export function speakerCheck(d: ProcessedArticle, sp: Actor, verb: Span, sentence: Span): SpeakerCheck {
  const text = d.article.text;
  for (const {
    span: [s, e],
    demonym,
  } of occurrences(d, sp, sentence)) {
    // «وقال المتحدث باسم الخارجية … ماجد الأنصاري إن …»: the cue is the noun that opens the
    // speaker's own mention (the post)
    if (s <= verb[0] && e >= verb[1] && !demonym) return 'named';
    if (s >= verb[1]) {
      const between = wordsOf(text.slice(verb[1], s));
      if (demonym && between.length > 0) continue;
      if (between.length <= 2 && !between.some((w) => COMPLEMENTIZER.test(matchForm(w)))) return 'named';
    } else if (e <= verb[0]) {
      const between = wordsOf(text.slice(e, verb[0]));
      if (demonym && between.length > 0) continue;
      const firstActor = !d.analysis.mentions.some(
        (m) => m.role !== 'pronoun' && m.span[0] >= sentence[0] && m.span[1] <= s && !isSpeaker(m, sp),
      );
      if (firstActor && between.length <= 3 && !between.some((w) => COMPLEMENTIZER.test(matchForm(w))))
        return 'named';
    }
  }
  const before = d.analysis.mentions.some(
    (m) => m.role !== 'pronoun' && m.span[0] >= sentence[0] && m.span[1] <= verb[0],
  );
  const after = text.slice(verb[1], sentence[1]);
  const next = wordsOf(after)[0];
  const noSubject =
    /^\s*:/u.test(after) ||
    (next !== undefined && (COMPLEMENTIZER.test(matchForm(next)) || PREPOSITION.test(matchForm(next))));
  if (before || !noSubject) return 'other';
  // «وقال الوزير إن …. وأضاف أن …»: the sentence before names the speaker.
  let p = sentence[0] - 1;
  while (p > 0 && /[\s.!؟?]/u.test(text[p - 1]!)) p--;
  while (p > 0 && !/[.!؟?\n]/u.test(text[p - 1]!)) p--;
  const previous: Span = [Math.max(0, p), sentence[0]];
  return previous[1] > previous[0] && occurrences(d, sp, previous).some((o) => !o.demonym)
    ? 'named'
    : 'continued';
}
