/**
 * The events lexicons, read once from data/events/*.tsv (the project's own readable files):
 * triggers, cue words, countries, sector nouns, named groups and contexts. Every form is
 * match-normalized on load, so the files may be written with hamzas and ة.
 */
import { readFileSync } from 'node:fs';
import { PLOVER_TYPES, type PloverType } from '../../model.ts';
import { norm } from './text.ts';

const dataDir = new URL('../../../data/events/', import.meta.url);

export function readTsv(name: string): string[][] {
  const raw = readFileSync(new URL(name, dataDir), 'utf8');
  const rows: string[][] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

export interface TriggerEntry {
  type: PloverType;
  mode: string;
  kind: 'verb' | 'noun' | 'phrase';
  flags: Set<string>;
  /** Phrase slots (alternatives per slot, `*` for a gap); single-token entries have one slot. */
  slots: string[][];
  /** Line in triggers.tsv (for messages and tests). */
  line: string;
}

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x && x !== '-');

function expandPast(stem: string): string[] {
  if (stem.endsWith('!')) return [norm(stem.slice(0, -1))];
  const s = norm(stem);
  return [s, `${s}ت`, `${s}وا`, `${s}ا`, `${s}تا`, `${s}نا`, `${s}تم`, `${s}ن`];
}

/**
 * The jussive of a present form with a weak final letter, as written after «لم»: «تستدعي» →
 * «تستدع», «يلتقي» → «يلتق» (none for other forms).
 */
function jussive(form: string): string[] {
  return /^[يتن]..+ي$/u.test(form) ? [form.slice(0, -1)] : [];
}

function expandPresent(stem: string): string[] {
  if (stem.endsWith('!')) {
    const f = norm(stem.slice(0, -1));
    return [f, ...jussive(f)];
  }
  const s = norm(stem);
  const out: string[] = [];
  for (const p of ['ي', 'ت', 'ن', 'ا']) out.push(`${p}${s}`, ...jussive(`${p}${s}`));
  for (const p of ['ي', 'ت']) for (const suf of ['ون', 'ان', 'وا', 'ا']) out.push(`${p}${s}${suf}`);
  out.push(`ت${s}ين`);
  return out;
}

export function expandVerb(forms: string): string[] {
  const [past, present] = forms.split('/');
  const out = new Set<string>();
  for (const p of list(past)) for (const f of expandPast(p)) out.add(f);
  for (const p of list(present)) for (const f of expandPresent(p)) out.add(f);
  return [...out];
}

/** Word classes (data/events/classes.tsv) a phrase slot names as `@name`, match-normalized. */
function parseClasses(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, forms] of readTsv('classes.tsv')) {
    if (!name || !forms) throw new Error(`data/events/classes.tsv: incomplete line: ${name ?? ''}`);
    out.set(name, list(forms).map(norm));
  }
  return out;
}

function parseTriggers(): TriggerEntry[] {
  const out: TriggerEntry[] = [];
  const classes = parseClasses();
  /** A slot alternative: a form, or `@name` for every form of a word class. */
  const alternative = (f: string): string[] => {
    if (!f.startsWith('@')) return [norm(f)];
    const forms = classes.get(f.slice(1));
    if (!forms)
      throw new Error(`data/events/triggers.tsv: unknown word class ${f} (data/events/classes.tsv)`);
    return forms;
  };
  for (const row of readTsv('triggers.tsv')) {
    const [type, mode, kind, forms, flags] = row;
    if (!type || !mode || !kind || !forms)
      throw new Error(`data/events/triggers.tsv: incomplete line: ${row.join(' | ')}`);
    if (!(PLOVER_TYPES as readonly string[]).includes(type))
      throw new Error(`data/events/triggers.tsv: unknown PLOVER type ${type}`);
    if (kind !== 'verb' && kind !== 'noun' && kind !== 'phrase')
      throw new Error(`data/events/triggers.tsv: unknown kind ${kind}`);
    const slots =
      kind === 'verb'
        ? [expandVerb(forms)]
        : kind === 'noun'
          ? [list(forms).map(norm)]
          : forms.split(/\s+/).map((slot, k) =>
              slot === '*'
                ? ['*']
                : slot
                    .split('|')
                    .flatMap(alternative)
                    .flatMap((f) => (k === 0 ? [f, ...jussive(f)] : [f])),
            );
    out.push({
      type: type as PloverType,
      mode,
      kind,
      flags: new Set(list(flags)),
      slots,
      line: row.join('\t'),
    });
  }
  return out;
}

function parseCues(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [cue, forms] of readTsv('cues.tsv')) {
    if (!cue) continue;
    const set = out.get(cue) ?? new Set<string>();
    for (const f of list(forms)) set.add(norm(f));
    out.set(cue, set);
  }
  return out;
}

/** An actor phrase: token forms to match, and what it stands for. */
export interface ActorEntry {
  tokens: string[];
  country?: string;
  sector?: string;
  name?: string;
  kind: 'country' | 'capital' | 'demonym' | 'group' | 'sector' | 'person';
  /** A weapon (sectors.tsv kind `weapon`): a subject, never a target. */
  weapon?: boolean;
  /** A head that names an actor only with a demonym after it (sectors.tsv kind `qualified`). */
  qualified?: boolean;
}

function demonymForms(stem: string): string[] {
  const s = norm(stem);
  const parts = s.split(' ');
  const last = parts.pop()!;
  const pre = parts.length ? `${parts.join(' ')} ` : '';
  // كوري جنوبي → كوريا الجنوبيه is a name; for two-word demonyms inflect the last word only
  return [
    last,
    `${last}ه`,
    `${last}ين`,
    `${last}ون`,
    `${last}ان`,
    `${last}تين`,
    `${last}تان`,
    `${last}ا`,
  ].map((f) => pre + f);
}

/**
 * Forms of the gazetteer's other countries that are also common words of news Arabic
 * («مالي» financial, «بنين» sons, «سول»): not read as countries by the event coder.
 */
const AMBIGUOUS_COUNTRY_FORMS = new Set(['مالي', 'بنين', 'سول', 'تشاد', 'توجو', 'جورجيا'].map(norm));

/**
 * Every other country of the gazetteer (data/gazetteer/src/countries.tsv: names, nisba stems,
 * capitals), for those countries.tsv does not list: the event coder's own table stays first
 * and hand-checked; these add the rest of ISO 3166 so that «رواندا» or «الكونغو الديمقراطية»
 * are actors too. Forms that are common words are left out.
 */
function gazetteerCountries(known: ReadonlySet<string>): string[][] {
  const raw = readFileSync(new URL('../gazetteer/src/countries.tsv', dataDir), 'utf8');
  const rows: string[][] = [];
  // a form two countries share («الكونغو», «كونغولي») is the first one's here; the entities
  // stage, which this coder prefers on a tie, reads it by the article (entities.ts)
  const taken = new Set<string>();
  for (const line of raw.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [iso, , , names, nisba, capitals] = line.split('\t').map((c) => c.trim());
    if (!iso || known.has(iso)) continue;
    const keep = (v: string | undefined) =>
      (v ?? '')
        .split(';')
        .map((x) => x.trim())
        .filter((x) => {
          if (!x || AMBIGUOUS_COUNTRY_FORMS.has(norm(x)) || taken.has(norm(x))) return false;
          taken.add(norm(x));
          return true;
        })
        .join(',');
    rows.push([iso, keep(names), keep(nisba), keep(capitals)]);
  }
  return rows;
}

function parseActors(): ActorEntry[] {
  const out: ActorEntry[] = [];
  const own = readTsv('countries.tsv');
  const known = new Set(own.map((r) => r[0]!).filter(Boolean));
  for (const [iso, names, demonyms, capitals] of [...own, ...gazetteerCountries(known)]) {
    if (!iso) continue;
    for (const n of list(names)) out.push({ tokens: norm(n).split(' '), country: iso, kind: 'country' });
    for (const c of list(capitals)) out.push({ tokens: norm(c).split(' '), country: iso, kind: 'capital' });
    for (const d of list(demonyms))
      for (const f of demonymForms(d)) out.push({ tokens: f.split(' '), country: iso, kind: 'demonym' });
  }
  for (const [forms, country, sector, name] of readTsv('groups.tsv')) {
    for (const f of list(forms))
      out.push({
        tokens: norm(f).split(' '),
        ...(country && country !== '-' ? { country } : {}),
        ...(sector ? { sector } : {}),
        ...(name ? { name } : {}),
        kind: 'group',
      });
  }
  for (const [sector, kind, forms] of readTsv('sectors.tsv')) {
    if (!sector) continue;
    for (const f of list(forms))
      out.push({
        tokens: norm(f).split(' '),
        sector,
        kind: kind === 'person' ? 'person' : 'sector',
        ...(kind === 'weapon' ? { weapon: true } : {}),
        ...(kind === 'qualified' ? { qualified: true } : {}),
      });
  }
  return out;
}

function parseContexts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ctx, forms] of readTsv('contexts.tsv')) {
    if (!ctx) continue;
    for (const f of list(forms)) if (!out.has(norm(f))) out.set(norm(f), ctx);
  }
  return out;
}

export interface Lexicon {
  triggers: TriggerEntry[];
  /** First-slot form → entries whose first slot contains it. */
  byFirst: Map<string, TriggerEntry[]>;
  cues: Map<string, Set<string>>;
  actors: ActorEntry[];
  /** First token → actor entries starting with it (longest first). */
  actorsByFirst: Map<string, ActorEntry[]>;
  contexts: Map<string, string>;
  /** «ISO:direction» → the neighbour on that side (data/events/neighbours.tsv). */
  neighbours: Map<string, string>;
}

let cached: Lexicon | undefined;

/** The lexicon, loaded on first use. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const triggers = parseTriggers();
  const byFirst = new Map<string, TriggerEntry[]>();
  for (const e of triggers)
    for (const f of e.slots[0] ?? []) {
      const arr = byFirst.get(f) ?? [];
      arr.push(e);
      byFirst.set(f, arr);
    }
  const actors = parseActors();
  const actorsByFirst = new Map<string, ActorEntry[]>();
  for (const a of actors) {
    const f = a.tokens[0]!;
    const arr = actorsByFirst.get(f) ?? [];
    arr.push(a);
    actorsByFirst.set(f, arr);
  }
  for (const arr of actorsByFirst.values()) arr.sort((a, b) => b.tokens.length - a.tokens.length);
  const neighbours = new Map<string, string>();
  for (const [iso, dir, other] of readTsv('neighbours.tsv')) {
    if (!iso || !other || !['north', 'south', 'east', 'west'].includes(dir ?? ''))
      throw new Error(`data/events/neighbours.tsv: bad line: ${[iso, dir, other].join(' | ')}`);
    neighbours.set(`${iso}:${dir}`, other);
  }
  cached = {
    triggers,
    byFirst,
    cues: parseCues(),
    actors,
    actorsByFirst,
    contexts: parseContexts(),
    neighbours,
  };
  return cached;
}

/** Is any candidate form of the token in cue set `cue`? */
export function cueSet(cue: string): Set<string> {
  return lexicon().cues.get(cue) ?? new Set();
}
