import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type DatedEvent, dyads, eventWeight, pairsOf, WEIGHTS } from '../../src/analyze/relations.ts';
import { PLOVER_TYPES, type PloverType } from '../../src/model.ts';

let n = 0;
function ev(type: PloverType, src: string[], tgt: string[], extra: Partial<DatedEvent> = {}): DatedEvent {
  n++;
  return {
    id: `e${n}`,
    type,
    contexts: [],
    source: src.map((c) => ({ country: c, sector: 'GOV' })),
    target: tgt.map((c) => ({ country: c })),
    reciprocal: false,
    modality: 'happened',
    negated: false,
    background: false,
    confidence: 0.8,
    trigger: { text: 'x', span: [0, 1] },
    evidence: [[0, 1]],
    published: '2025-09-30',
    ...extra,
  };
}

test('weights: cooperation positive, conflict negative, every type in [−10, 10]', () => {
  for (const t of PLOVER_TYPES) assert.ok(Math.abs(WEIGHTS[t]) <= 10 && WEIGHTS[t] !== 0, t);
  assert.ok(WEIGHTS.AID > WEIGHTS.CONSULT && WEIGHTS.ASSAULT < WEIGHTS.THREATEN);
  assert.equal(eventWeight(ev('AGREE', [], [], { modality: 'intended' })), 3);
  assert.equal(eventWeight(ev('ASSAULT', [], [], { modality: 'conditional' })), -2.5);
  assert.equal(eventWeight(ev('ASSAULT', [], [], { negated: true, modality: 'denied' })), 0);
});

test('country dyads: counts by type, mean score, per-month periods', () => {
  const ds = dyads([
    ev('CONSULT', ['IRN'], ['PAK']),
    ev('SUPPORT', ['IRN'], ['PAK'], { published: '2025-10-02' }),
    ev('ASSAULT', ['ISR'], ['IRN'], { background: true, date: { value: '2025-06', precision: 'month' } }),
    ev('THREATEN', ['ISR'], ['IRN'], { negated: true, modality: 'denied' }),
  ]);
  const irnPak = ds.find((d) => d.source === 'IRN' && d.target === 'PAK')!;
  assert.deepEqual(irnPak.counts, { CONSULT: 1, SUPPORT: 1 });
  assert.equal(irnPak.total, 2);
  assert.equal(irnPak.score, 3);
  assert.deepEqual(irnPak.periods, [
    { period: '2025-09', events: 1, score: 2 },
    { period: '2025-10', events: 1, score: 4 },
  ]);
  const isrIrn = ds.find((d) => d.source === 'ISR' && d.target === 'IRN')!;
  assert.deepEqual(isrIrn.counts, { ASSAULT: 1 }, 'a denied threat is left out');
  assert.deepEqual(
    isrIrn.periods,
    [{ period: '2025-06', events: 1, score: -10 }],
    'background keeps its own date',
  );
  assert.equal(
    ds.find((d) => d.source === 'PAK'),
    undefined,
    'dyads are ordered',
  );
});

test('reciprocal events count in both directions; actor level keeps sectors apart', () => {
  const e = ev('AGREE', ['IRN', 'PAK'], [], { reciprocal: true });
  e.target = e.source;
  assert.deepEqual(pairsOf(e, 'country'), [
    ['IRN', 'PAK'],
    ['PAK', 'IRN'],
  ]);
  const ds = dyads([e, ev('ASSAULT', ['IRN'], ['PAK'])], { level: 'actor', period: 'year' });
  const d = ds.find((x) => x.source === 'IRN/GOV' && x.target === 'PAK/GOV')!;
  assert.equal(d.total, 1);
  assert.equal(d.periods[0]?.period, '2025');
  assert.ok(ds.some((x) => x.source === 'IRN/GOV' && x.target === 'PAK'));
});

test('a two-way event counts the sides of its target list too (issue 4: pairsOf ignored them)', () => {
  // «اتفق X مع Y» coded with X as source and Y as target, reciprocal: both directions
  const e = ev('AGREE', ['ARM'], ['AZE'], { reciprocal: true });
  assert.deepEqual(pairsOf(e, 'country'), [
    ['ARM', 'AZE'],
    ['AZE', 'ARM'],
  ]);
  // three sides: every ordered pair of distinct sides, none twice
  const three = ev('CONSULT', ['EGY', 'QAT'], ['QAT', 'USA'], { reciprocal: true });
  assert.equal(pairsOf(three, 'country').length, 6);
  // a one-way event is still source × target only
  assert.deepEqual(pairsOf(ev('ASSAULT', ['ISR'], ['LBN']), 'country'), [['ISR', 'LBN']]);
});

test('scores stay within [−10, 10] and totals add up (property)', () => {
  const arb = fc.record({
    type: fc.constantFrom(...PLOVER_TYPES),
    src: fc.subarray(['IRN', 'PAK', 'SAU', 'ISR']),
    tgt: fc.subarray(['IRN', 'PAK', 'SAU', 'ISR']),
    modality: fc.constantFrom('happened', 'intended', 'conditional', 'denied' as const),
  });
  fc.assert(
    fc.property(fc.array(arb, { maxLength: 30 }), (xs) => {
      const events = xs.map((x) =>
        ev(x.type, x.src, x.tgt, { modality: x.modality, negated: x.modality === 'denied' }),
      );
      const ds = dyads(events);
      const expected = events.filter((e) => !e.negated).reduce((s, e) => s + pairsOf(e, 'country').length, 0);
      assert.equal(
        ds.reduce((s, d) => s + d.total, 0),
        expected,
      );
      for (const d of ds) {
        assert.ok(d.score >= -10 && d.score <= 10);
        assert.equal(
          d.periods.reduce((s, p) => s + p.events, 0),
          d.total,
        );
      }
    }),
    { numRuns: 200 },
  );
});
