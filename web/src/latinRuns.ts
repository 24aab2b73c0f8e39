/**
 * The runs of an Arabic text that must be shown left to right, isolated (components/Status.tsx's
 * Detail, the API's Arabic error details): routes (GET /api/articles), ids, values as given, and
 * Latin with the numbers that go with it. Before, a run was only words with a Latin letter:
 * «ISO 3166-1» showed as «ISO 1-3166» (the number left in the Arabic text and reordered), and
 * «(إيران، Iran).» took the closing bracket into the run and showed «(إيران، (Iran».
 */

/** A word with a Latin letter, or digits joined by - / : . (a date, 3166-1, 10:30). */
const WORD = String.raw`[!-~]*(?:[A-Za-z]|\d[-/:.]\d)[!-~]*`;
/** A word of the same run after a space: also a plain number (ISO 3166-1, «page 2»). */
const NEXT = '[!-~]*[A-Za-z0-9][!-~]*';
const RUN = new RegExp(`${WORD}(?: +${NEXT})*`, 'gu');

const count = (s: string, c: string) => s.split(c).length - 1;

/** The text cut into Arabic text (strings) and Latin runs (`{ latin }`), in order. */
export function latinRuns(text: string): Array<string | { latin: string }> {
  const parts: Array<string | { latin: string }> = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    let start = m.index;
    let run = m[0];
    // Trimmed off a run's ends, back into the Arabic text: a full stop, comma or colon ending the
    // sentence, a bracket whose partner is in the Arabic text, a quotation mark likewise.
    for (let again = true; again; ) {
      again = false;
      const end = /[.,;:!?]+$/u.exec(run);
      if (end) {
        run = run.slice(0, end.index);
        again = true;
      }
      if (run.endsWith(')') && count(run, ')') > count(run, '(')) {
        run = run.slice(0, -1);
        again = true;
      }
      if (run.startsWith('(') && count(run, '(') > count(run, ')')) {
        run = run.slice(1);
        start += 1;
        again = true;
      }
    }
    if (!run) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ latin: run });
    at = start + run.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
