import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDay, dateRangeTerms, metaTerms, outletTerm } from '../../src/search/filter-terms.ts';
import { mulberry32 } from '../../src/text/random.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('filter terms', () => {
  it('an article gets its outlet and its day at three grains', () => {
    assert.equal(
      metaTerms('وكالة السهل', '2016-01-15'),
      `${outletTerm('وكالة السهل')} y2016 m201601 d20160115`,
    );
    assert.match(outletTerm('وكالة السهل'), /^o[0-9a-f]{16}$/u);
    assert.notEqual(outletTerm('وكالة السهل'), outletTerm('وكالة السهل '));
    assert.equal(metaTerms(null, null), '');
    assert.equal(metaTerms(undefined, '2016-13-01'), '', 'not a calendar date: no date terms');
    assert.equal(calendarDay('2016-02-31'), '2016-02-31');
    assert.equal(calendarDay('2016-00-10'), null);
    assert.equal(calendarDay('2016-1-10'), null);
  });

  it('a range becomes whole years, whole months and edge days', () => {
    assert.deepEqual(dateRangeTerms('2015-11-29', '2017-02-31'), [
      'd20151129',
      'd20151130',
      'd20151131',
      'm201512',
      'y2016',
      'm201701',
      'm201702',
    ]);
    assert.deepEqual(dateRangeTerms('2016-01-01', '2016-06-31'), [
      'm201601',
      'm201602',
      'm201603',
      'm201604',
      'm201605',
      'm201606',
    ]);
    assert.deepEqual(dateRangeTerms('2016-03-05', '2016-03-05'), ['d20160305']);
    assert.deepEqual(dateRangeTerms('2016-03-06', '2016-03-05'), []);
    assert.equal(
      dateRangeTerms('2016-01-02', '2016-12-30', 20),
      undefined,
      'too many: the caller filters otherwise',
    );
  });

  it('property: a day is in the range exactly when one of its terms is in the range terms', () => {
    const r = mulberry32(7);
    const day = () =>
      `${2010 + Math.floor(r() * 6)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 31))}`;
    for (let i = 0; i < 300; i++) {
      let [lo, hi] = [day(), day()];
      if (lo > hi) [lo, hi] = [hi, lo];
      const terms = new Set(dateRangeTerms(lo, hi, 1000));
      for (let j = 0; j < 40; j++) {
        const d = day();
        const mine = metaTerms(null, d).split(' ');
        assert.equal(
          mine.some((t) => terms.has(t)),
          d >= lo && d <= hi,
          `${d} in [${lo}, ${hi}]: ${[...terms].join(' ')}`,
        );
      }
    }
  });
});
