/**
 * The eight letter folds every match normalization in khabar starts from: the alef
 * variants أ إ آ ٱ → ا, ى and ئ → ي, ة → ه, ؤ → و. Each user adds its own (digits, Persian
 * letters, heh variants) and keeps its own code around it.
 *
 * Frozen: the tagger's features (src/analyze/tagger/normalize.ts, trained into the model)
 * and the exact-duplicate hashes kept in archives (src/ingest/dedup.ts) are computed through
 * it. A change here means retraining the tagger and re-hashing every archive.
 */
export const LETTER_FOLD: Readonly<Record<string, string>> = Object.freeze({
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ة: 'ه',
  ؤ: 'و',
});
