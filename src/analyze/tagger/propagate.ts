/**
 * Label propagation inside a document (the last step of `tagDocument` for a model whose header
 * sets `propagateWindow`), within `window` sentences of where the tagger read a name:
 * 1. fill: a name the tagger read — the same tokens, written the same way — is the same kind of
 *    name where it occurs with every token O («البنك التجاري» read as ORG in one sentence is ORG
 *    in the next ones too); filled chunks do not fill further;
 * 2. extend: where the tokens of a name of two words or more occur and the tagger read them
 *    otherwise (a part only, or split in two; not all O: that is step 1's), they are that name —
 *    unless a chunk crosses the occurrence's edges;
 * 3. vote: a name read with several types takes the type most of its readings nearby have
 *    (ties stay as read).
 * Linear in the document: occurrences are found through an index of first tokens (binary search
 * to the window), and each name looks at most `window` sentences before and after.
 */
import { type Chunk as SentenceChunk, chunks } from './conll.ts';

interface Chunk extends SentenceChunk {
  /** The sentence. */
  s: number;
}

/** The chunks of BIO tags (conlleval's reading, `chunks`), in document order. */
function readChunks(tags: readonly (readonly string[])[]): Chunk[] {
  const out: Chunk[] = [];
  for (let s = 0; s < tags.length; s++) for (const c of chunks(tags[s]!)) out.push({ s, ...c });
  return out;
}

/** BIO tags with propagated chunks (changed in place; also returned). */
export function propagateLabels(
  sents: readonly (readonly string[])[],
  tags: string[][],
  window: number,
): string[][] {
  const read = readChunks(tags);
  if (read.length === 0) return tags;
  // First token of a name read → its occurrences (sentence, position), in document order. (The
  // names of steps 2 and 3 start with the same tokens: filled names copy names read.)
  const at = new Map<string, number[]>();
  for (const c of read) at.set(sents[c.s]![c.start]!, []);
  for (let s = 0; s < sents.length; s++) {
    const toks = sents[s]!;
    for (let i = 0; i < toks.length; i++) at.get(toks[i]!)?.push(s, i);
  }
  /** Calls `f(s, i)` for every occurrence of chunk c's tokens within the window. */
  const occurrences = (c: Chunk, f: (s: number, i: number) => void) => {
    const words = sents[c.s]!;
    const len = c.end - c.start;
    const list = at.get(words[c.start]!)!;
    // The first occurrence at or after sentence c.s - window (pairs sorted by sentence).
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[2 * mid]! < c.s - window) lo = mid + 1;
      else hi = mid;
    }
    for (let j = 2 * lo; j < list.length; j += 2) {
      const s = list[j]!;
      if (s > c.s + window) break;
      const i = list[j + 1]!;
      const toks = sents[s]!;
      if (i + len > toks.length) continue;
      let same = true;
      for (let k = 1; k < len && same; k++) same = toks[i + k] === words[c.start + k];
      if (same) f(s, i);
    }
  };
  const put = (t: string[], i: number, len: number, type: string) => {
    t[i] = `B-${type}`;
    for (let k = 1; k < len; k++) t[i + k] = `I-${type}`;
  };
  // 1. fill.
  for (const c of read) {
    const len = c.end - c.start;
    occurrences(c, (s, i) => {
      const t = tags[s]!;
      for (let k = 0; k < len; k++) if (t[i + k] !== 'O') return;
      if (t[i + len]?.startsWith('I-')) return;
      put(t, i, len, c.type);
    });
  }
  // 2. extend.
  for (const c of readChunks(tags)) {
    const len = c.end - c.start;
    if (len < 2) continue;
    occurrences(c, (s, i) => {
      const t = tags[s]!;
      if (t[i]!.startsWith('I-') || t[i + len]?.startsWith('I-')) return;
      let read = false;
      for (let k = 0; k < len && !read; k++) read = t[i + k] !== 'O';
      if (read) put(t, i, len, c.type);
    });
  }
  // 3. vote: per name, a sliding window over its readings in document order.
  const byName = new Map<string, Chunk[]>();
  for (const c of readChunks(tags)) {
    const key = sents[c.s]!.slice(c.start, c.end).join(' ');
    const list = byName.get(key);
    if (list) list.push(c);
    else byName.set(key, [c]);
  }
  for (const list of byName.values()) {
    if (list.length < 3) continue;
    const count = new Map<string, number>();
    const add = (c: Chunk, d: number) => count.set(c.type, (count.get(c.type) ?? 0) + d);
    const types = list.map((c) => c.type);
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < list.length; j++) {
      const c = list[j]!;
      while (hi < list.length && list[hi]!.s <= c.s + window) add(list[hi++]!, 1);
      while (list[lo]!.s < c.s - window) add(list[lo++]!, -1);
      let best = types[j]!;
      let bestN = count.get(best) ?? 0;
      let tie = false;
      for (const [type, n] of count) {
        if (n > bestN) {
          best = type;
          bestN = n;
          tie = false;
        } else if (n === bestN && type !== best) tie = true;
      }
      if (!tie && best !== types[j]) put(tags[c.s]!, c.start, c.end - c.start, best);
    }
  }
  return tags;
}
