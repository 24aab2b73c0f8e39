/**
 * A text file whose first line is the story's headline («وزارة الزراعة تطلق حملة لتشجير ضفاف
 * نهر العاصي», a line of its own, then the story): the headline is the article's title, not the
 * first paragraph of the brief's lead. `khabar brief FILE` read it as the lead («headline, then
 * the lead's real first sentence»); an HTML page's headline was already its title (its <h1>).
 */
import type { Brief } from '../model.ts';
import { parseBrief } from './parse.ts';

/** Most words a headline has; fewer than 3 is a label or a name, not a headline. */
const MAX_WORDS = 16;
const MIN_WORDS = 3;

/**
 * A line that ends like a sentence, a label or a list item (not a headline): one full stop, a
 * colon, a comma. A headline may end with «!», «؟» or «..» («التعديل الجيني ممكن.. لكن بشروط!»).
 */
const SENTENCE_END = /(?:[^.]\.|[:;؛،,])["»”')]?$/u;

export interface Headline {
  /** The headline, trimmed. */
  title: string;
  /** The text with the headline blanked (spaces, same length: every span still points into the text). */
  blanked: string;
  /** The brief of `blanked`: the lead starts at the paragraph after the headline. */
  brief: Brief;
}

/**
 * The headline opening `text`, when its first line is one: a line of its own followed by the
 * story, 3–20 words, Arabic, not ending like a sentence or a label, holding neither the
 * dateline nor a section label (`brief`, the brief of the whole text, read it as the lead's
 * first paragraph and nothing else), with the story after it. Undefined otherwise.
 */
export function headlineOf(text: string, brief: Brief = parseBrief(text)): Headline | undefined {
  const start = text.search(/\S/u);
  if (start < 0) return undefined;
  const nl = text.indexOf('\n', start);
  if (nl < 0) return undefined;
  const line = text.slice(start, nl).trim();
  const end = start + text.slice(start, nl).trimEnd().length;
  if (!line || SENTENCE_END.test(line) || !/\p{Script=Arabic}/u.test(line)) return undefined;
  const words = line.split(/\s+/u).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return undefined;
  // The brief read the line as the lead's first paragraph, whole, with no dateline in it.
  const first = brief.lead[0];
  if (!first || first.span[0] !== start || first.span[1] !== end) return undefined;
  if (brief.dateline && brief.dateline.span[0] < nl) return undefined;
  // Something follows: a headline alone is not an article.
  if (!/\p{L}/u.test(text.slice(nl))) return undefined;
  const blanked = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  const after = parseBrief(blanked);
  if (after.lead.length === 0 && after.sections.length === 0 && after.body.length === 0) return undefined;
  return { title: line, blanked, brief: after };
}
