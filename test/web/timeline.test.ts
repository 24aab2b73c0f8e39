/**
 * The timeline's axis (web/src/timeline.ts): it spans the events' real range; a year-only
 * date (a recalled «عام 1960») is drawn over its year where that meets the axis and listed
 * beside the chart otherwise, instead of stretching the axis back decades (polish12).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredEvent } from '../../src/store/store.ts';
import { fence, layoutTimeline } from '../../web/src/timeline.ts';

let n = 0;
function ev(date: string | undefined, published = '2025-06-03', precision?: string): StoredEvent {
  n += 1;
  const p =
    precision ?? (date ? (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day') : undefined);
  return {
    id: `e${n}`,
    articleId: `a${n}`,
    type: 'AGREE',
    contexts: [],
    source: [],
    target: [],
    reciprocal: false,
    modality: 'happened',
    negated: false,
    background: false,
    confidence: 0.9,
    trigger: { text: 'وقّع', span: [0, 4] },
    evidence: { text: 'وقّع', span: [0, 4] },
    published,
    ...(p ? { date: { ...(date ? { value: date } : {}), precision: p } } : {}),
  } as unknown as StoredEvent;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

test('a year-only date far before the rest does not stretch the axis (polish12)', () => {
  const recalled = ev('1960');
  const items = [ev('2025-08-21'), ev('2025-09-13'), ev(undefined, '2025-11-20'), recalled, ev('2025-10-07')];
  const l = layoutTimeline(items);
  assert.equal(day(l.min), '2025-08-21');
  assert.equal(day(l.max), '2025-11-20', 'an undated event sits at its article’s day');
  assert.deepEqual(
    l.outside.map((p) => p.e.id),
    [recalled.id],
  );
  assert.equal(l.onAxis.length, 4);
  // The example archive's «العام الماضي» (2024) beside events of August–November 2025.
  assert.equal(layoutTimeline([ev('2025-08-21'), ev('2024'), ev('2025-11-20')]).outside.length, 1);
});

test('a year-only date whose year meets the axis is drawn over that part of its year', () => {
  const y = ev('2025');
  const l = layoutTimeline([ev('2025-08-21'), y, ev('2025-11-20')]);
  assert.equal(l.outside.length, 0);
  const placed = l.onAxis.find((p) => p.e.id === y.id)!;
  assert.equal(placed.kind, 'year');
  assert.deepEqual(placed.span?.map(day), ['2025-08-21', '2025-11-20'], 'clipped to the axis');
  assert.ok(placed.t >= l.min && placed.t <= l.max);
  // Only year-dated events: the axis runs over their years.
  const only = layoutTimeline([ev('2019'), ev('2021')]);
  assert.deepEqual([day(only.min), day(only.max)], ['2019-01-01', '2021-12-31']);
  assert.equal(only.outside.length, 0);
});

test('a day or month recalled decades before a burst of news is set aside; two bursts years apart both stay', () => {
  const burst = Array.from({ length: 30 }, (_, i) => ev(`2017-06-${String(1 + (i % 28)).padStart(2, '0')}`));
  const old = ev('1992-12');
  const l = layoutTimeline([...burst, old]);
  assert.deepEqual(
    l.outside.map((p) => p.e.id),
    [old.id],
  );
  assert.equal(day(l.min), '2017-06-01');
  const later = Array.from({ length: 20 }, (_, i) => ev(`2025-10-${String(1 + i).padStart(2, '0')}`));
  const both = layoutTimeline([...burst, ...later]);
  assert.equal(both.outside.length, 0, 'a real range is kept, however wide');
  assert.deepEqual([day(both.min), day(both.max)], ['2017-06-01', '2025-10-20']);
  // The fence: the middle 90 % of the dates widened by its own length each side.
  const [lo, hi] = fence([0, 10, 20, 30].map((d) => d * 86_400_000));
  assert.ok(lo < 0 && hi > 30 * 86_400_000);
});

test('undated events (no date, no article day) stay out of the chart', () => {
  const none = ev(undefined, '');
  const l = layoutTimeline([none, ev('2025-01-02')]);
  assert.deepEqual(
    l.undated.map((e) => e.id),
    [none.id],
  );
  assert.equal(l.min, l.max);
});
