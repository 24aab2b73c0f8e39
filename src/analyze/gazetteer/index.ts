/**
 * The gazetteer: data/gazetteer/gazetteer.jsonl (built by scripts/build-gazetteer.ts),
 * indexed as a token-level trie over match forms, and a longest-match scanner that reads
 * clitics off the first word («وإيران», «لباكستان», «بالسعودية», «للسعودية»).
 */
import { readFileSync } from 'node:fs';
import type { Entity, EntityType } from '../../model.ts';
import { type Reading, type Tok, keyOf, surfaceOffset } from './tokens.ts';

export type GazKind = 'country' | 'capital' | 'city' | 'region' | 'org' | 'person';
export type FormRole = 'name' | 'demonym' | 'alias' | 'metonym';

export interface GazEntry {
  id: string;
  type: EntityType;
  kind: GazKind;
  names: { ar: string; en?: string; latin?: string; aliases: string[] };
  country?: string;
  sector?: string;
  post?: { ar: string; en: string };
  externalIds?: Record<string, string>;
  forms: { ar: string; role: FormRole; framing?: true }[];
}

export interface FormHit {
  entry: GazEntry;
  role: FormRole;
  framing: boolean;
}

interface Node {
  next: Map<string, Node>;
  hits?: FormHit[];
}

/** When one form names several entries, the earlier kind wins. */
const KIND_RANK: Record<GazKind, number> = { country: 0, org: 1, person: 2, region: 3, capital: 4, city: 5 };

export interface Gazetteer {
  byId: Map<string, GazEntry>;
  root: Node;
  /** Countries by ISO 3166-1 alpha-3. */
  country(iso3: string): GazEntry | undefined;
  /** First-word keys of forms that name two or more countries («الكونغو», «الكونغولي»). */
  sharedFirst: Set<string>;
  /**
   * For one article (see `articleGazetteer`): the countries it names by a form of their own. A form
   * two countries share reads as the one of them in this set when exactly one is; otherwise as
   * the one countries.tsv lists first.
   */
  prefer?: ReadonlySet<string>;
}

/**
 * The `next` of every node no form continues from (most of them): one shared empty Map,
 * never written (`buildGazetteer` gives a node a Map of its own when a child is added), so
 * the ~8,000 leaves do not each hold an empty Map for every full GC to mark.
 */
const LEAF: Map<string, Node> = new Map();

export function buildGazetteer(entries: GazEntry[]): Gazetteer {
  const root: Node = { next: new Map() };
  const byId = new Map<string, GazEntry>();
  const sharedFirst = new Set<string>();
  for (const e of entries) {
    byId.set(e.id, e);
    for (const f of e.forms) {
      const keys = f.ar
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .map(keyOf);
      if (keys.length === 0) continue;
      let node = root;
      for (const k of keys) {
        let n = node.next.get(k);
        if (!n) {
          n = { next: LEAF };
          if (node.next === LEAF) node.next = new Map();
          node.next.set(k, n);
        }
        node = n;
      }
      const hits = node.hits ?? [];
      if (!hits.some((h) => h.entry === e))
        hits.push({ entry: e, role: f.role, framing: f.framing === true });
      hits.sort((a, b) => KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind]);
      // A copy exactly as long as its hits (an array grown by push keeps room for 17).
      node.hits = hits.slice();
      if (shared(hits)) sharedFirst.add(keys[0]!);
    }
  }
  return { byId, root, country: (iso3) => byId.get(`country:${iso3}`), sharedFirst };
}

/**
 * The gazetteer as one article reads it: when a word of the article can start a form that two
 * countries share («الكونغو», «الكونغولي»: DR Congo or the Republic of the Congo), the countries the
 * article names by a form of their own («الكونغو الديمقراطية», «كينشاسا» / «الكونغو برازافيل»,
 * «برازافيل») decide the reading (`Gazetteer.prefer`); otherwise the gazetteer itself.
 */
export function articleGazetteer(gaz: Gazetteer, toks: Tok[]): Gazetteer {
  if (!toks.some((t) => t.arabic && t.info.readings.some((r) => gaz.sharedFirst.has(r.key)))) return gaz;
  const named = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(gaz, toks, i);
    const cs = new Set(m?.hits.map((h) => h.entry.country ?? ''));
    if (m && cs.size === 1 && !cs.has('')) named.add([...cs][0]!);
  }
  return { ...gaz, prefer: named };
}

/**
 * Hits of a shared form with the article's country first (see `Gazetteer.prefer`): two countries
 * («الكونغو»), or places of two states («القنيطرة»: Kenitra in Morocco, Quneitra in Syria).
 */
function preferred(hits: FormHit[], prefer: ReadonlySet<string>): FormHit[] {
  if (!shared(hits)) return hits;
  const countries = hits.filter((h) => h.entry.kind === 'country');
  const cs = countries.length >= 2 ? countries : hits;
  const only = cs.filter((h) => prefer.has(h.entry.country!));
  return only.length === 1 ? [only[0]!, ...hits.filter((h) => h !== only[0])] : hits;
}

/**
 * A form two countries share, or one that names only places below the state (towns, provinces)
 * of two states. Not a country and another's capital («عمان» / «عمّان»: `capitalReading` in
 * src/analyze/entities.ts decides that one).
 */
function shared(hits: FormHit[]): boolean {
  const countries = hits.filter((h) => h.entry.kind === 'country').length;
  if (countries >= 2) return true;
  if (countries > 0 || hits.length < 2 || !hits.every((h) => h.entry.country)) return false;
  return hits.some((h) => h.entry.country !== hits[0]!.entry.country);
}

let cached: Gazetteer | undefined;

/** The project's gazetteer, loaded once (about 5,000 entries). */
export function gazetteer(): Gazetteer {
  if (!cached) {
    const file = new URL('../../../data/gazetteer/gazetteer.jsonl', import.meta.url);
    const entries = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as GazEntry);
    cached = buildGazetteer(entries);
  }
  return cached;
}

export interface GazMatch {
  /** Token range [first, last]. */
  first: number;
  last: number;
  /** Character span in the text, clitics excluded. */
  start: number;
  end: number;
  hits: FormHit[];
  /** Letters of clitics read off the first word. */
  strip: number;
}

/** Longest gazetteer match starting at token `i`, or undefined. */
export function matchAt(gaz: Gazetteer, toks: Tok[], i: number): GazMatch | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  let best: { last: number; hits: FormHit[]; r: Reading } | undefined;
  for (const r of t.info.readings) {
    let node = gaz.root.next.get(r.key);
    let j = i;
    while (node) {
      if (node.hits && (!best || j > best.last)) best = { last: j, hits: node.hits, r };
      const nt = toks[j + 1];
      // (a number inside a name goes on it: «حركة إم 23»)
      if (!nt || (!nt.arabic && !/^\d+$/.test(nt.text))) break;
      node = node.next.get(nt.key);
      j++;
    }
  }
  if (!best) return undefined;
  const last = toks[best.last]!;
  return {
    first: i,
    last: best.last,
    start: t.start + (best.r.strip > 0 ? surfaceOffset(t.text, best.r.strip) : 0),
    end: last.end,
    hits: gaz.prefer ? preferred(best.hits, gaz.prefer) : best.hits,
    strip: best.r.strip,
  };
}

/** Every longest, non-overlapping gazetteer match, left to right. */
export function scan(gaz: Gazetteer, toks: Tok[]): GazMatch[] {
  const out: GazMatch[] = [];
  for (let i = 0; i < toks.length; ) {
    const m = matchAt(gaz, toks, i);
    if (m) {
      out.push(m);
      i = m.last + 1;
    } else i++;
  }
  return out;
}

/** The `Entity` record of a gazetteer entry. */
export function toEntity(e: GazEntry): Entity {
  return {
    id: e.id,
    type: e.type,
    names: {
      ar: e.names.ar,
      ...(e.names.en ? { en: e.names.en } : {}),
      ...(e.names.latin ? { latin: e.names.latin } : {}),
      aliases: [...e.names.aliases],
    },
    ...(e.country ? { country: e.country } : {}),
    ...(e.sector ? { sector: e.sector } : {}),
    ...(e.post
      ? {
          post: {
            ar: e.post.ar,
            en: e.post.en,
            ...(e.country ? { country: e.country } : {}),
            ...(e.sector ? { sector: e.sector } : {}),
          },
        }
      : {}),
    ...(e.externalIds ? { externalIds: { ...e.externalIds } } : {}),
  };
}
