/**
 * CoNLL BIO files and conlleval-style scoring: an entity counts only when its type and
 * both boundaries match. Chunking follows conlleval: an `I-X` that does not continue a
 * chunk of type X (after `O`, after another type, or at the start) opens a new chunk.
 */

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

export interface ConllProblem {
  line: number;
  reason: string;
}

/** Reads `token TAG` lines, blank line between sentences. Malformed lines are reported, not thrown. */
export function readConll(text: string): { sentences: ConllSentence[]; problems: ConllProblem[] } {
  const sentences: ConllSentence[] = [];
  const problems: ConllProblem[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      if (cur.tokens.length > 0) sentences.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const cut = line.lastIndexOf(' ');
    const tab = line.lastIndexOf('\t');
    const at = Math.max(cut, tab);
    if (at <= 0) {
      problems.push({ line: i + 1, reason: 'expected "token TAG"' });
      continue;
    }
    const token = line.slice(0, at).trim();
    const tag = line.slice(at + 1).trim();
    if (!/^(O|[BI]-\S+)$/u.test(tag)) {
      problems.push({ line: i + 1, reason: `tag "${tag}" is not O, B-X or I-X` });
      continue;
    }
    cur.tokens.push(token);
    cur.tags.push(tag);
  }
  if (cur.tokens.length > 0) sentences.push(cur);
  return { sentences, problems };
}

export interface Chunk {
  type: string;
  /** First token index. */
  start: number;
  /** One past the last token index. */
  end: number;
}

function split(tag: string): { prefix: 'B' | 'I' | 'O'; type: string } {
  if (tag === 'O' || tag.length < 3 || tag[1] !== '-') return { prefix: 'O', type: '' };
  const p = tag[0];
  return { prefix: p === 'B' ? 'B' : p === 'I' ? 'I' : 'O', type: tag.slice(2) };
}

/** The entity chunks of one sentence's BIO tags, conlleval-style. */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let open: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const { prefix, type } = split(tags[i]!);
    const continues = prefix === 'I' && open !== null && open.type === type;
    if (continues) continue;
    if (open) {
      open.end = i;
      out.push(open);
      open = null;
    }
    if (prefix !== 'O') open = { type, start: i, end: i + 1 };
  }
  if (open) {
    open.end = tags.length;
    out.push(open);
  }
  return out;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
  gold: number;
  pred: number;
  correct: number;
}

export interface NerScore {
  micro: PRF;
  perType: Record<string, PRF>;
  tokens: number;
  /** Share of tokens whose predicted tag equals the gold tag. */
  tokenAccuracy: number;
}

function prf(correct: number, gold: number, pred: number): PRF {
  const p = pred === 0 ? 0 : correct / pred;
  const r = gold === 0 ? 0 : correct / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, gold, pred, correct };
}

/** Scores predicted tag sequences against gold ones (same sentences, same lengths). */
export function scoreNer(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
): NerScore {
  if (gold.length !== pred.length)
    throw new Error(`scoreNer: ${gold.length} gold vs ${pred.length} predicted`);
  const counts = new Map<string, { gold: number; pred: number; correct: number }>();
  const bump = (type: string) => {
    let c = counts.get(type);
    if (!c) {
      c = { gold: 0, pred: 0, correct: 0 };
      counts.set(type, c);
    }
    return c;
  };
  let tokens = 0;
  let sameTag = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = pred[s]!;
    if (g.length !== p.length)
      throw new Error(`scoreNer: sentence ${s} has ${g.length} gold vs ${p.length} tags`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) sameTag++;
    const gc = chunks(g);
    const pc = chunks(p);
    const key = (c: Chunk) => `${c.type}\u0000${c.start}\u0000${c.end}`;
    const goldKeys = new Set(gc.map(key));
    for (const c of gc) bump(c.type).gold++;
    for (const c of pc) {
      const b = bump(c.type);
      b.pred++;
      if (goldKeys.has(key(c))) b.correct++;
    }
  }
  const perType: Record<string, PRF> = {};
  let tg = 0;
  let tp = 0;
  let tc = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    perType[type] = prf(c.correct, c.gold, c.pred);
    tg += c.gold;
    tp += c.pred;
    tc += c.correct;
  }
  return { micro: prf(tc, tg, tp), perType, tokens, tokenAccuracy: tokens === 0 ? 0 : sameTag / tokens };
}
