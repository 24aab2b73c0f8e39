import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gazetteer } from '../../src/analyze/gazetteer/index.ts';
import { PLOVER_TYPES } from '../../src/model.ts';
import { matchForm } from '../../src/text/normalize.ts';

// Every own-writing events gold file (data/gold/events/*.jsonl; the *.ref.jsonl real-news
// references are checked by real.test.ts) is valid for `khabar eval events`, with values the
// scorer can match: a typo in a type, a country code or a sector would silently score as a miss.
const dir = fileURLToPath(new URL('../../data/gold/events/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl') && !f.endsWith('.ref.jsonl'))
  .sort();
const SECTORS = new Set('GOV MIL OPP REB CVL MED BUS IGO NGO JUD LEG PTY REL EDU HLH SPY COP UAF'.split(' '));
const MODALITIES = new Set(['happened', 'intended', 'denied', 'conditional']);
const types = new Set<string>(PLOVER_TYPES);

/** Problems of one gold line, each naming the field. */
function problems(line: string): string[] {
  const out: string[] = [];
  const o = JSON.parse(line) as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) out.push('no "id"');
  if (typeof o.text !== 'string' || !o.text.trim()) return [...out, 'no "text"'];
  if (!Array.isArray(o.events)) return [...out, 'no "events" array'];
  if (o.published !== undefined && !/^\d{4}-\d\d-\d\d$/.test(String(o.published)))
    out.push(`published ${o.published} is not YYYY-MM-DD`);
  const text = matchForm(o.text);
  o.events.forEach((e: Record<string, unknown>, k: number) => {
    const at = `event ${k + 1} (${e.type})`;
    if (!types.has(String(e.type))) out.push(`${at}: type is not a PLOVER type`);
    if (e.modality != null && !MODALITIES.has(String(e.modality))) out.push(`${at}: modality ${e.modality}`);
    for (const flag of ['negated', 'background', 'reciprocal'])
      if (e[flag] != null && typeof e[flag] !== 'boolean') out.push(`${at}: ${flag} is not a boolean`);
    // a trigger may be a phrase with a gap («أعرب … عن ترحيبه»): each of its words is in the text
    if (
      typeof e.trigger === 'string' &&
      !matchForm(e.trigger)
        .split(/\s+/)
        .every((w) => text.includes(w))
    )
      out.push(`${at}: trigger «${e.trigger}» is not in the text`);
    for (const role of ['source', 'target']) {
      const v = e[role];
      const actors = v == null ? [] : Array.isArray(v) ? v : [v];
      for (const a of actors as Array<Record<string, unknown>>) {
        if (a.country != null && !gazetteer().country(String(a.country)))
          out.push(`${at}: ${role} country ${a.country} is not an ISO alpha-3 code of the gazetteer`);
        if (a.sector != null && !SECTORS.has(String(a.sector)))
          out.push(`${at}: ${role} sector ${a.sector} is not a sector code`);
      }
    }
  });
  return out;
}

test('the validity check catches a wrong type, country, sector and a trigger not in the text', () => {
  const line = JSON.stringify({
    id: 'x',
    text: 'التقى الوزير نظيره',
    events: [{ type: 'MEET', source: { country: 'XXX', sector: 'GOVT' }, target: null, trigger: 'زار' }],
  });
  assert.deepEqual(problems(line), [
    'event 1 (MEET): type is not a PLOVER type',
    'event 1 (MEET): trigger «زار» is not in the text',
    'event 1 (MEET): source country XXX is not an ISO alpha-3 code of the gazetteer',
    'event 1 (MEET): source sector GOVT is not a sector code',
  ]);
});

test('every own-writing events gold file is valid, with unique ids', () => {
  assert.ok(
    files.includes('dev.jsonl') &&
      files.includes('heldout-5.jsonl') &&
      files.includes('heldout-6.jsonl') &&
      files.includes('heldout-7.jsonl') &&
      files.includes('heldout-8.jsonl') &&
      files.includes('heldout-9.jsonl') &&
      files.includes('heldout-10.jsonl') &&
      files.includes('heldout-11.jsonl') &&
      files.includes('heldout-12.jsonl') &&
      files.includes('heldout-13.jsonl') &&
      files.includes('heldout-14.jsonl'),
    `files: ${files}`,
  );
  for (const f of files) {
    const ids = new Set<string>();
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .forEach((line, k) => {
        if (!line.trim()) return;
        assert.deepEqual(problems(line), [], `${f}:${k + 1}`);
        const { id } = JSON.parse(line) as { id: string };
        assert.ok(!ids.has(id), `${f}:${k + 1}: id ${id} twice`);
        ids.add(id);
      });
  }
});

/**
 * A blind set is big enough to score: ≥ 45 texts, ≥ 90 events, every PLOVER type ≥ 4 times, ≥ 3 texts
 * with no event (a set may ask more: `min` texts, events, per type, texts with no event).
 */
function checkBlindSet(
  file: string,
  min: { texts: number; events: number; perType: number; empty: number } = {
    texts: 45,
    events: 90,
    perType: 4,
    empty: 3,
  },
): void {
  const texts = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { events: Array<{ type: string }> });
  const count = new Map<string, number>();
  for (const t of texts) for (const e of t.events) count.set(e.type, (count.get(e.type) ?? 0) + 1);
  assert.ok(texts.length >= min.texts, `${file}: ${texts.length} texts, fewer than ${min.texts}`);
  const events = texts.reduce((n, t) => n + t.events.length, 0);
  assert.ok(events >= min.events, `${file}: ${events} events, fewer than ${min.events}`);
  for (const type of PLOVER_TYPES)
    assert.ok(
      (count.get(type) ?? 0) >= min.perType,
      `${file}: ${type}: ${count.get(type) ?? 0}, fewer than ${min.perType}`,
    );
  assert.ok(
    texts.filter((t) => t.events.length === 0).length >= min.empty,
    `${file}: fewer than ${min.empty} texts with no event`,
  );
}

test('heldout-5 (a blind set): at least 45 texts and 90 events, every PLOVER type at least 4 times, texts with no event', () => {
  checkBlindSet('heldout-5.jsonl');
});

test('heldout-6 (a blind set, by an annotator who never read the rules or saw output): the same minimums', () => {
  checkBlindSet('heldout-6.jsonl');
});

test('heldout-7 (the newest blind set, by an annotator who read only the conventions, never the rule code or output): the same minimums', () => {
  checkBlindSet('heldout-7.jsonl');
});

test('heldout-8 (a blind set, by an annotator who read only the conventions, never the rule code or output): the same minimums', () => {
  checkBlindSet('heldout-8.jsonl');
});

test('heldout-9 (a blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 200 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-9.jsonl', { texts: 60, events: 200, perType: 8, empty: 5 });
});

test('heldout-10 (a blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 200 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-10.jsonl', { texts: 60, events: 200, perType: 8, empty: 5 });
});

test('heldout-11 (a blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 200 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-11.jsonl', { texts: 60, events: 200, perType: 8, empty: 5 });
});

test('heldout-12 (a blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 200 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-12.jsonl', { texts: 60, events: 200, perType: 8, empty: 5 });
});

test('heldout-13 (a blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 228 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-13.jsonl', { texts: 60, events: 228, perType: 8, empty: 5 });
});

test('heldout-14 (the newest blind set, by an annotator who read only the conventions, never the rule code or output): 60 texts, 224 events, every PLOVER type at least 8 times, 5 texts with no event', () => {
  checkBlindSet('heldout-14.jsonl', { texts: 60, events: 224, perType: 8, empty: 5 });
});
