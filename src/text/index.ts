/**
 * The Arabic text core: normalization with offset maps, tokens with offsets into the
 * original text, clitic analysis, sentence spans, and the Snowball stem for search.
 * Pure functions; this file is the whole public surface of `src/text` (transliteration
 * lives in ./transliterate.ts).
 */
export { type CliticAnalysis, analyzeClitics, analyzeCliticsUncached, bareLetters } from './clitics.ts';
export {
  Normalized,
  type NormalizeOptions,
  type Strength,
  displayForm,
  matchForm,
  normalize,
} from './normalize.ts';
export { type SentenceSpan, sentences } from './sentences.ts';
export { type Stemmer, type StemmerOptions, createStemmer, stem } from './stem.ts';
export { type Token, type TokenKind, tokenize } from './tokenize.ts';
export { headline } from './headline.ts';
