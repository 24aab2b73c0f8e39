/** The template's furniture of an article (dateline, labels, byline, trailing lines), blanked. */
import { parseBrief } from './parse.ts';

/**
 * The text of an article written in the template with its furniture blanked out (the dateline, the
 * labels «أهمية الخبر)», the byline, related headlines): same length, so every span still points
 * into the original. Without it a drafted brief of such an article quotes «الرباط - خاص: أهمية
 * الخبر) يأتي …» and takes the byline for a sentence, and a search snippet shows the labels.
 * Other text is returned as it is.
 */
export function withoutTemplate(text: string): string {
  const parsed = parseBrief(text);
  if (parsed.origin !== 'labelled') return text;
  const spans = [
    parsed.dateline?.span,
    parsed.byline?.span,
    ...parsed.sections.map((s) => s.labelSpan),
    ...parsed.trailing.map((b) => b.span),
  ].filter((s): s is [number, number] => !!s);
  if (!spans.length) return text;
  const chars = text.split('');
  for (const [a, b] of spans) for (let i = a; i < b; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}
