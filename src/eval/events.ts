/**
 * `khabar eval events --data PATH [--exhaustive] [--json]`: the events JSONL format of
 * docs/eval.md (../shared/eval/README.md). Each line's text goes through the whole pipeline
 * (brief, entities, events) with its `published` date; gold events are matched one-to-one to
 * system events of the same PLOVER type, preferring a system event whose source actors
 * include the country (and sector, when gold gives one) of a gold source actor.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fail } from '../errors.ts';
import { processArticle } from '../jobs/pipeline.ts';
import { type Actor, type EventRecord, PLOVER_TYPES, type PloverType } from '../model.ts';
import type { EvalTask } from './task.ts';

interface GoldActor {
  country?: string | null;
  sector?: string | null;
  name?: string | null;
}

interface GoldEvent {
  type: string;
  mode?: string | null;
  modality?: string | null;
  negated?: boolean | null;
  background?: boolean | null;
  reciprocal?: boolean | null;
  source?: GoldActor | GoldActor[] | null;
  target?: GoldActor | GoldActor[] | null;
  trigger?: string | null;
  date?: string | null;
}

interface GoldText {
  id?: string;
  published?: string;
  /** Optional metadata passed to the pipeline as ingest would: the outlet's name and the url. */
  outlet?: string;
  url?: string;
  text: string;
  events: GoldEvent[];
}

const list = (x: GoldActor | GoldActor[] | null | undefined): GoldActor[] =>
  x == null ? [] : Array.isArray(x) ? x : [x];

/** Whether the gold event's source (or target) is annotated with anything scorable. */
function scorable(g: GoldEvent, role: 'source' | 'target' = 'source'): boolean {
  return list(g[role]).some((a) => a.country || a.sector);
}

/** At least one gold source (or target) actor's country (and sector, when given) is among the system's. */
export function actorMatch(g: GoldEvent, sys: Actor[], role: 'source' | 'target' = 'source'): boolean {
  return list(g[role]).some((a) => (a.country || a.sector) && sys.some((s) => sameActor(a, s)));
}

const sameActor = (a: { country?: string | null; sector?: string | null }, s: Actor): boolean =>
  (!a.country || s.country === a.country) && (!a.sector || s.sector === a.sector);

/** Every annotated gold source (or target) actor is among the system's: the closest fit, tried first. */
function actorsCovered(g: GoldEvent, sys: Actor[], role: 'source' | 'target'): boolean {
  const want = list(g[role]).filter((a) => a.country || a.sector);
  return want.length > 0 && want.every((a) => sys.some((s) => sameActor(a, s)));
}

export interface Tally {
  gold: number;
  found: number;
  actor: number;
  actorScored: number;
  /** Found events whose gold target is annotated, and those with a matching system target. */
  targetScored: number;
  target: number;
  pred: number;
}

const EMPTY: Tally = { gold: 0, found: 0, actor: 0, actorScored: 0, targetScored: 0, target: 0, pred: 0 };

const add = (a: Tally, b: Tally): Tally => ({
  gold: a.gold + b.gold,
  found: a.found + b.found,
  actor: a.actor + b.actor,
  actorScored: a.actorScored + b.actorScored,
  targetScored: a.targetScored + b.targetScored,
  target: a.target + b.target,
  pred: a.pred + b.pred,
});

/**
 * Attributes of a found event scored where gold gives them (a missing or null field is not
 * scored): the PLOVER mode, the modality (happened, intended, denied, conditional), negation,
 * the background flag and reciprocity. Per attribute: [right, scored].
 */
export const ATTRIBUTES = ['mode', 'modality', 'negated', 'background', 'reciprocal'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export type AttrTally = Record<Attribute, [number, number]>;

export const emptyAttrs = (): AttrTally => ({
  mode: [0, 0],
  modality: [0, 0],
  negated: [0, 0],
  background: [0, 0],
  reciprocal: [0, 0],
});

function scoreAttributes(g: GoldEvent, e: EventRecord, into: AttrTally): void {
  for (const a of ATTRIBUTES) {
    const want = g[a];
    if (want === undefined || want === null) continue;
    into[a][1]++;
    if (e[a] === want) into[a][0]++;
  }
}

/** One-to-one matching on one text; adds to `per` (by type) and, when given, to `attrs`. */
export function matchText(
  gold: GoldEvent[],
  sys: EventRecord[],
  per: Map<string, Tally>,
  attrs?: AttrTally,
): void {
  const tally = (t: string): Tally => {
    const x = per.get(t) ?? { ...EMPTY };
    per.set(t, x);
    return x;
  };

  for (const e of sys) tally(e.type).pred++;
  const used = new Set<number>();
  // actor matches first, so a gold event takes the system event with its actors when there is one:
  // every annotated source and target actor (a two-sided «بين X وY» event takes the one with both
  // sides, not another that shares one of them), then one source and one target, then a source,
  // then any event of the type
  const order = gold.map((g, k) => ({ g, k }));
  const assigned = new Map<number, number>();
  const fits = (g: GoldEvent, e: EventRecord, pass: number) =>
    pass === 3 ||
    (pass === 0
      ? actorsCovered(g, e.source, 'source') &&
        (!scorable(g, 'target') || actorsCovered(g, e.target, 'target'))
      : scorable(g) &&
        actorMatch(g, e.source) &&
        (pass === 2 || !scorable(g, 'target') || actorMatch(g, e.target, 'target')));
  for (const pass of [0, 1, 2, 3]) {
    for (const { g, k } of order) {
      if (assigned.has(k)) continue;
      const idx = sys.findIndex((e, q) => !used.has(q) && e.type === g.type && fits(g, e, pass));
      if (idx >= 0) {
        used.add(idx);
        assigned.set(k, idx);
      }
    }
  }
  for (const { g, k } of order) {
    const t = tally(g.type);
    t.gold++;
    const idx = assigned.get(k);
    if (idx === undefined) continue;
    t.found++;
    if (attrs) scoreAttributes(g, sys[idx]!, attrs);
    if (scorable(g)) {
      t.actorScored++;
      if (actorMatch(g, sys[idx]!.source)) t.actor++;
    }
    if (scorable(g, 'target')) {
      t.targetScored++;
      if (actorMatch(g, sys[idx]!.target, 'target')) t.target++;
    }
  }
}

/**
 * A richer gold reading of one article (../shared/eval/seed.gold.json: one JSON object with the
 * article's `file`, relative to the gold file, and its `events`), as the events line the eval
 * README says can be made from it: the article's text and its events' type, mode, actors and
 * flags. `published` is the gold's own, else the `--published` value (the seed's gold gives the
 * Tuesday of publication only in words). Undefined when the file is not such an object.
 */
function richerGold(path: string, raw: string, published?: string): GoldText | undefined {
  if (!raw.trimStart().startsWith('{')) return undefined;
  let obj: { id?: unknown; file?: unknown; published?: unknown; events?: unknown };
  try {
    obj = JSON.parse(raw);
  } catch {
    return undefined; // one JSON object a line: parse() reports the line at fault
  }
  if (typeof obj.file !== 'string' || !Array.isArray(obj.events)) return undefined;
  const file = resolve(dirname(path), obj.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fail('EVAL_TEXT_UNREADABLE', path, obj.file, (err as Error).message);
  }
  const events = (obj.events as GoldEvent[]).map((e) => ({
    type: e.type,
    ...(e.mode ? { mode: e.mode } : {}),
    ...(e.modality ? { modality: e.modality } : {}),
    ...(e.negated != null ? { negated: e.negated } : {}),
    ...(e.background != null ? { background: e.background } : {}),
    ...(e.reciprocal != null ? { reciprocal: e.reciprocal } : {}),
    source: e.source ?? null,
    target: e.target ?? null,
  }));
  const date = typeof obj.published === 'string' ? obj.published : published;
  return {
    ...(typeof obj.id === 'string' ? { id: obj.id } : {}),
    ...(date ? { published: date } : {}),
    text,
    events,
  };
}

function parse(path: string, published?: string): GoldText[] {
  const out: GoldText[] = [];
  const raw = readFileSync(path, 'utf8');
  const one = richerGold(path, raw, published);
  if (one) return [one];
  const lines = raw.split('\n');
  lines.forEach((line, k) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      throw fail('EVAL_DATA_NOT_JSON', path, k + 1, (err as Error).message);
    }
    const o = obj as Partial<GoldText>;
    if (typeof o.text !== 'string' || !Array.isArray(o.events)) throw fail('EVAL_EVENTS_FIELDS', path, k + 1);
    out.push(o as GoldText);
  });
  return out;
}

const ratio = (a: number, b: number) => (b ? Number((a / b).toFixed(4)) : 0);

function figures(t: Tally, exhaustive: boolean) {
  const recall = ratio(t.found, t.gold);
  const base = {
    gold: t.gold,
    found: t.found,
    recall,
    actor_found: t.actor,
    /** Found events whose gold source is annotated: actor_acc = actor_found / actor_scored. */
    actor_scored: t.actorScored,
    actor_acc: ratio(t.actor, t.actorScored),
    target_found: t.target,
    target_scored: t.targetScored,
    target_acc: ratio(t.target, t.targetScored),
    pred: t.pred,
  };
  if (!exhaustive) return base;
  const precision = ratio(t.found, t.pred);
  const f1 = precision + recall ? Number(((2 * precision * recall) / (precision + recall)).toFixed(4)) : 0;
  return { ...base, precision, f1 };
}

export const task: EvalTask = {
  summary: 'PLOVER events: recall, actor accuracy and (with --exhaustive) precision per type',
  async evaluate({ data, flags }) {
    const published = typeof flags.published === 'string' ? flags.published : undefined;
    if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(published))
      throw fail('BAD_OPTION', '--published', `needs an ISO date such as 2025-09-30 (got "${published}")`);
    const texts = parse(data, published);
    const exhaustive = Boolean(flags.exhaustive);
    const per = new Map<string, Tally>();
    const attrs = emptyAttrs();
    const misses: Array<{ id: string; missed: string[]; extra: string[] }> = [];
    const t0 = performance.now();
    texts.forEach((g, k) => {
      const id = g.id ?? `line${k + 1}`;
      const { analysis } = processArticle({
        id,
        language: 'ar',
        text: g.text,
        ...(g.published ? { published: g.published } : {}),
        ...(typeof g.outlet === 'string' && g.outlet ? { outlet: g.outlet } : {}),
        ...(typeof g.url === 'string' && g.url ? { url: g.url } : {}),
        provenance: { source: data, format: 'jsonl', ingestedAt: new Date(0).toISOString() },
        warnings: [],
      });
      const local = new Map<string, Tally>();
      matchText(g.events, analysis.events, local, attrs);
      const missed: string[] = [];
      const extra: string[] = [];
      for (const [type, t] of local) {
        per.set(type, add(per.get(type) ?? { ...EMPTY }, t));
        for (let q = t.found; q < t.gold; q++) missed.push(type);
        for (let q = t.found; q < t.pred; q++) extra.push(type);
      }
      if (missed.length || extra.length) misses.push({ id, missed, extra });
    });
    const seconds = (performance.now() - t0) / 1000;
    let all: Tally = { ...EMPTY };
    for (const t of per.values()) all = add(all, t);
    const perType: Record<string, ReturnType<typeof figures>> = {};
    const known = [
      ...PLOVER_TYPES,
      ...[...per.keys()].filter((t) => !PLOVER_TYPES.includes(t as PloverType)),
    ];
    for (const t of known) {
      const x = per.get(t);
      if (x) perType[t] = figures(x, exhaustive);
    }
    const json = {
      task: 'events',
      exhaustive,
      overall: figures(all, exhaustive),
      per_type: perType,
      texts: texts.length,
      texts_per_s: Number((texts.length / Math.max(seconds, 1e-9)).toFixed(1)),
      // found events whose gold gives the field: share right and how many were scored
      attributes: Object.fromEntries(
        ATTRIBUTES.filter((a) => attrs[a][1] > 0).map((a) => [
          a,
          { acc: ratio(attrs[a][0], attrs[a][1]), right: attrs[a][0], scored: attrs[a][1] },
        ]),
      ),
      errors: misses,
    };
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const rows = [
      `events on ${data}: ${texts.length} texts, ${json.texts_per_s} texts/s${exhaustive ? ' (exhaustive gold)' : ''}`,
      '',
      `${'type'.padEnd(10)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'actor'.padStart(7)} ${'target'.padStart(7)} ${'pred'.padStart(5)}${exhaustive ? ` ${'prec'.padStart(7)} ${'F1'.padStart(7)}` : ''}`,
    ];
    const line = (name: string, f: ReturnType<typeof figures>) =>
      `${name.padEnd(10)} ${String(f.gold).padStart(5)} ${String(f.found).padStart(6)} ${pct(f.recall).padStart(7)} ${pct(f.actor_acc).padStart(7)} ${pct(f.target_acc).padStart(7)} ${String(f.pred).padStart(5)}${
        'precision' in f ? ` ${pct(f.precision).padStart(7)} ${pct(f.f1).padStart(7)}` : ''
      }`;
    for (const [t, f] of Object.entries(perType)) rows.push(line(t, f));
    rows.push(line('overall', json.overall));
    const scored = ATTRIBUTES.filter((a) => attrs[a][1] > 0);
    rows.push(
      '',
      scored.length
        ? `attributes of found events, where gold gives them: ${scored
            .map((a) => `${a} ${attrs[a][0]}/${attrs[a][1]} (${pct(ratio(attrs[a][0], attrs[a][1]))})`)
            .join(', ')}`
        : 'attributes (mode, modality, negated, background, reciprocal): not given by this gold file, not scored',
    );
    if (misses.length) {
      rows.push('', 'texts with misses (−) or extra events (+):');
      for (const m of misses)
        rows.push(
          `  ${m.id}: ${[...m.missed.map((x) => `−${x}`), ...m.extra.map((x) => `+${x}`)].join(' ')}`,
        );
    }
    rows.push(
      '',
      'actor = share of found events whose gold source country (and sector) is among the system’s sources;',
      'target = the same for targets, over found events whose gold target is annotated.',
    );
    return { json, table: rows.join('\n') };
  },
};
