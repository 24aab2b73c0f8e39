/**
 * Sentence units for extractive composition: each sentence of the source with its span,
 * its words (match forms) and its stems, computed once per article.
 */
import { matchForm, sentences, stem, tokenize } from '../text/index.ts';

export interface Unit {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) the sentence sits in. */
  paragraph: number;
  /** Match-normalized word forms (punctuation removed). */
  words: string[];
  /** Snowball stems of `words`. */
  stems: string[];
}

const WORDISH = new Set(['word', 'number', 'latin']);

/** Match-form words of a text, punctuation removed — the tokens ROUGE and scoring use. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (WORDISH.has(t.kind)) out.push(matchForm(t.text));
  return out;
}

/**
 * The opening of `text` that holds exactly its first `n` words, as `wordsOf` counts them
 * (punctuation does not count), cut at the end of the n-th word.
 */
export function headWords(text: string, n: number): string {
  if (n <= 0) return '';
  let k = 0;
  for (const t of tokenize(text)) if (WORDISH.has(t.kind) && ++k === n) return text.slice(0, t.end);
  return text;
}

/**
 * A summary of at most `maxWords` words from units taken in `priority` order: whole units
 * while they fit, the one that does not cut to the words left (headWords), then all in
 * document order. LEAD-N and every ranked summary are packed by this one function, so they
 * are held to the same length counted the same way.
 */
export function packSummary(priority: readonly Unit[], maxWords: number): string {
  const parts: { index: number; text: string }[] = [];
  let words = 0;
  for (const u of priority) {
    if (words >= maxWords) break;
    const room = maxWords - words;
    parts.push({ index: u.index, text: u.words.length <= room ? u.text : headWords(u.text, room) });
    words += Math.min(room, u.words.length);
  }
  return parts
    .sort((a, b) => a.index - b.index)
    .map((p) => p.text)
    .join(' ');
}

const TERMINAL = /[.!?؟؛:…»")]\s*$/u;

/**
 * Text hard-wrapped at a fixed width (lines cut mid-sentence, common in corpora and
 * e-mailed copy) is re-flowed: a newline that does not follow a sentence end becomes a
 * space. Same length, so every offset still points into the original text.
 */
export function reflow(text: string): string {
  const lines = text.split('\n');
  const full = lines.filter((l) => l.trim().length > 0);
  if (full.length < 5) return text;
  const open = full.filter((l) => !TERMINAL.test(l)).length;
  if (open / full.length < 0.6) return text;
  return text.replace(/([^\n])\n(?=[^\n])/gu, (m, c: string) => (TERMINAL.test(c) ? m : `${c} `));
}

export function splitUnits(source: string): Unit[] {
  const text = reflow(source);
  const units: Unit[] = [];
  let paragraph = 0;
  let lastEnd = 0;
  for (const s of sentences(text)) {
    if (text.slice(lastEnd, s.start).includes('\n')) paragraph++;
    lastEnd = s.end;
    const sliced = source.slice(s.start, s.end);
    const words = wordsOf(sliced);
    if (words.length === 0) continue;
    units.push({
      index: units.length,
      start: s.start,
      end: s.end,
      text: sliced,
      paragraph,
      words,
      stems: words.map((w) => stem(w)),
    });
  }
  return units;
}
