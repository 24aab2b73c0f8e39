/**
 * LETTER_FOLD (src/text/letter-fold.ts): the letter folds shared by the tagger's
 * normalization, the dedup hash and the events stage. Each of them, and src/text's
 * matchForm, folds every pair of it; and it does not change by accident (the tagger model
 * and the hashes kept in archives were computed through it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { norm } from '../../src/analyze/events/text.ts';
import { matchForm as taggerMatchForm } from '../../src/analyze/tagger/normalize.ts';
import { dedupWords } from '../../src/ingest/dedup.ts';
import { LETTER_FOLD } from '../../src/text/letter-fold.ts';
import { matchForm } from '../../src/text/normalize.ts';

test('LETTER_FOLD is the frozen eight-letter fold', () => {
  assert.ok(Object.isFrozen(LETTER_FOLD));
  const pairs = Object.entries(LETTER_FOLD).map(([from, to]) => `${from}${to}`);
  assert.equal(
    pairs.join(' '),
    'أا إا آا ٱا ىي ئي ةه ؤو',
    'changing it means retraining the tagger and re-hashing archives',
  );
});

test('every user of LETTER_FOLD folds each of its letters, inside a word of our own', () => {
  for (const [from, to] of Object.entries(LETTER_FOLD)) {
    const word = `بر${from}ك`;
    const want = `بر${to}ك`;
    assert.equal(taggerMatchForm(word), want, `tagger matchForm of ${word}`);
    assert.deepEqual(dedupWords(word), [want], `dedupWords of ${word}`);
    assert.equal(norm(word), want, `events norm of ${word}`);
    assert.equal(matchForm(word), want, `src/text matchForm of ${word}`);
  }
});
