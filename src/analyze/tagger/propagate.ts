/**
 * Label propagation inside a document (the last step of `tagDocument` for a model whose header
 * sets `propagateWindow`): a name the tagger read somewhere — the same tokens, written the same
 * way — is the same kind of name where it occurs untagged in the sentences around («البنك
 * التجاري» read as ORG in one sentence is ORG in the next ones too). Only tokens tagged O all
 * along the occurrence change; chunks the tagger read are never cut or retyped, and propagated
 * chunks do not propagate further. Linear in the document: occurrences are found through an
 * index of first tokens (binary search to the window), each chunk looks at most `window` sentences
 * before and after.
 */

/** BIO tags with propagated chunks (changed in place; also returned). */
export function propagateLabels(
  sents: readonly (readonly string[])[],
  tags: string[][],
  window: number,
): string[][] {
  // Chunks as the tagger read them, in document order (sentence, start, end, type).
  const found: { s: number; start: number; end: number; type: string }[] = [];
  for (let s = 0; s < tags.length; s++) {
    const t = tags[s]!;
    for (let i = 0; i < t.length; i++) {
      const tag = t[i]!;
      if (tag === 'O') continue;
      const type = tag.slice(2);
      if (tag.startsWith('I-') && i > 0 && t[i - 1]!.slice(2) === type && t[i - 1] !== 'O') continue;
      let end = i + 1;
      while (end < t.length && t[end] === `I-${type}`) end++;
      found.push({ s, start: i, end, type });
    }
  }
  if (found.length === 0) return tags;
  // First token → its occurrences (sentence, position), in document order.
  const at = new Map<string, number[]>();
  for (let s = 0; s < sents.length; s++) {
    const toks = sents[s]!;
    for (let i = 0; i < toks.length; i++) {
      const list = at.get(toks[i]!);
      if (list) list.push(s, i);
      else at.set(toks[i]!, [s, i]);
    }
  }
  for (const c of found) {
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
      const t = tags[s]!;
      if (i + len > toks.length) continue;
      let same = true;
      for (let k = 0; k < len && same; k++) same = toks[i + k] === words[c.start + k] && t[i + k] === 'O';
      if (!same || t[i + len]?.startsWith('I-')) continue;
      t[i] = `B-${c.type}`;
      for (let k = 1; k < len; k++) t[i + k] = `I-${c.type}`;
    }
  }
  return tags;
}
