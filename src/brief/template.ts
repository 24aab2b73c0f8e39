/** The template's furniture of an article (dateline, labels, byline, trailing lines), blanked. */
import { parseBrief } from './parse.ts';

/**
 * The text of an article written in the template with its furniture blanked out (the dateline, the
 * labels «أهمية الخبر)», the byline, related headlines): same length, so every span still points
 * into the original. Without it a drafted brief of such an article quotes «الرباط - خاص: أهمية
 * الخبر) يأتي …» and takes the byline for a sentence, and a search snippet shows the labels.
 * Other text is returned as it is but for its byline (a credit opening or closing it: «بقلم سارة
 * الخطيب» was the first sentence of a drafted brief) — and its dateline with `{ dateline: 'always' }`
 * (search snippets: «الإسكندرية - خاص - أعلنت …» opened the snippet of an untemplated article, or
 * «ص) - افتتحت …» where the window started inside the dateline).
 */
export function withoutTemplate(text: string, opts: { dateline?: 'always' } = {}): string {
  const parsed = parseBrief(text);
  if (parsed.origin !== 'labelled') {
    // A credit line («بقلم …», a name at the end) is no sentence of the story either.
    // A dateline alone on its line («الرياض - واس:») is no sentence either; one opening the lead's
    // line («القاهرة (رويترز) - أعلن …») stays with it unless asked.
    const d = parsed.dateline?.span;
    const alone = d !== undefined && lineRest(text, d[0], -1) === '' && lineRest(text, d[1], 1) === '';
    const spans = [opts.dateline === 'always' || alone ? d : undefined, parsed.byline?.span].filter(
      (s): s is [number, number] => !!s,
    );
    return spans.length ? blank(text, spans) : text;
  }
  const spans = [
    parsed.dateline?.span,
    parsed.byline?.span,
    ...parsed.sections.map((s) => s.labelSpan),
    ...parsed.trailing.map((b) => b.span),
  ].filter((s): s is [number, number] => !!s);
  return spans.length ? blank(text, spans) : text;
}

/** The rest of the line from `at`, trimmed: before it (`dir` -1) or after it (1). */
function lineRest(text: string, at: number, dir: -1 | 1): string {
  if (dir < 0) return text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trim();
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end).trim();
}

/** `text` with the characters of `spans` (but line breaks) as spaces: same length, same offsets. */
function blank(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  const chars = text.split('');
  for (const [a, b] of spans) for (let i = a; i < b; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}
