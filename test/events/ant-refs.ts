/**
 * What the tests of the real-news events refs (data/gold/events/ant-real-*.ref.jsonl) share: where the
 * ANT corpus is, reading a ref file, checking one materialized event is valid for the scorer, and
 * checking a set's row of the counts table in its notes file against the ref.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteer } from '../../src/analyze/gazetteer/index.ts';
import { PLOVER_TYPES } from '../../src/model.ts';
import { matchForm } from '../../src/text/normalize.ts';

export const goldDir = fileURLToPath(new URL('../../data/gold/events/', import.meta.url));
export const antPath = fileURLToPath(new URL('../../../shared/data/ant/ant.jsonl', import.meta.url));
export const haveAnt = existsSync(antPath);
export const noAnt =
  '../shared/data/ant/ant.jsonl (the ANT corpus the real-news gold points into) is not beside the repo';

const SECTORS = new Set('GOV MIL OPP REB CVL MED BUS IGO NGO JUD LEG PTY REL EDU HLH SPY COP UAF'.split(' '));
const MODALITIES = new Set(['happened', 'intended', 'denied', 'conditional']);
const TYPES = new Set<string>(PLOVER_TYPES);

export type Ev = Record<string, unknown>;
export type RefLine = Ev & { id: string; events: Ev[] };

/** The lines of a ref (or materialized) JSONL file in data/gold/events/. */
export function refLines(file: string): RefLine[] {
  return readFileSync(join(goldDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RefLine);
}

/**
 * One event of a materialized line is valid for the scorer: a PLOVER type, a known modality, boolean
 * flags, every trigger word in the (match-normalized) text, known countries and sectors. `at` names it.
 */
export function checkEvent(at: string, e: Ev, matchText: string): void {
  assert.ok(TYPES.has(String(e.type)), `${at}: not a PLOVER type`);
  if (e.modality != null) assert.ok(MODALITIES.has(String(e.modality)), `${at}: modality`);
  for (const flag of ['negated', 'background', 'reciprocal'])
    if (e[flag] != null) assert.equal(typeof e[flag], 'boolean', `${at}: ${flag}`);
  const words = matchForm(String(e.trigger ?? '')).split(/\s+/);
  assert.ok(
    words.every((w) => matchText.includes(w)),
    `${at}: trigger «${e.trigger}» is not in the text`,
  );
  for (const role of ['source', 'target']) {
    const v = e[role];
    for (const a of (v == null ? [] : Array.isArray(v) ? v : [v]) as Ev[]) {
      if (a.country != null)
        assert.ok(gazetteer().country(String(a.country)), `${at}: ${role} country ${a.country}`);
      if (a.sector != null) assert.ok(SECTORS.has(String(a.sector)), `${at}: ${role} sector ${a.sector}`);
    }
  }
}

/**
 * The row `| SET | …` of the counts table in a notes file (header `| set | texts | events | …`) holds
 * the ref's counts: texts, events, texts with no event, and one column for every type the ref uses.
 */
export function checkCountsRow(mdFile: string, set: string, refs: RefLine[]): void {
  const md = readFileSync(join(goldDir, mdFile), 'utf8').split('\n');
  const header = md.find((l) => l.startsWith('| set | texts | events |'));
  const row = md.find((l) => l.startsWith(`| ${set} |`));
  assert.ok(header && row, `${mdFile} has no counts table with a ${set} row`);
  const cols = header.split('|').map((c) => c.trim());
  const cells = row.split('|').map((c) => c.trim());
  const events = refs.flatMap((r) => r.events);
  const want: Record<string, number> = {
    texts: refs.length,
    events: events.length,
    'no event': refs.filter((r) => r.events.length === 0).length,
  };
  for (const t of PLOVER_TYPES) {
    const n = events.filter((e) => e.type === t).length;
    if (n > 0 || cols.includes(t)) want[t] = n;
  }
  for (const [c, n] of Object.entries(want)) {
    assert.ok(cols.includes(c), `${mdFile}: no column ${c}`);
    assert.equal(Number(cells[cols.indexOf(c)]), n, `${mdFile}: ${set} ${c}`);
  }
}
