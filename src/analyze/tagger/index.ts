/**
 * The trained NER tagger (PERS, LOC, ORG, MISC; BIO). `tag(tokens)` loads the committed
 * model (models/ner-tagger.bin, trained on ANERcorp, CC BY-SA 4.0) once, lazily.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fail } from '../../errors.ts';
import { TaggerModel } from './model.ts';

export { type Chunk, chunks, type NerScore, readConll, scoreNer } from './conll.ts';
export { TaggerModel } from './model.ts';

/** Where the committed model lives. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/ner-tagger.bin', import.meta.url));

let cached: TaggerModel | undefined;

/** Loads a model file (default: the committed one). A given path is loaded fresh; the default is cached. */
export function loadTagger(path?: string): TaggerModel {
  if (path === undefined || path === DEFAULT_MODEL_PATH) {
    if (!cached) {
      if (!existsSync(DEFAULT_MODEL_PATH)) {
        throw fail('MODEL_DEFAULT_MISSING', DEFAULT_MODEL_PATH);
      }
      cached = TaggerModel.load(DEFAULT_MODEL_PATH);
    }
    return cached;
  }
  if (!existsSync(path)) {
    throw fail('MODEL_MISSING', path);
  }
  try {
    return TaggerModel.load(path);
  } catch (e) {
    throw fail('MODEL_UNREADABLE', path, (e as Error).message);
  }
}

/** BIO tags (one per token, in order) for one sentence's tokens, exactly as given. */
export function tag(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return [];
  return loadTagger().tag(tokens);
}

/**
 * BIO tags for the sentences (or stretches of text) of one document, in order. Same as
 * `tag` on each, plus, for a model with the `doc` features, a second pass that reads what
 * the first said about the same words elsewhere in the document.
 */
export function tagDocument(sentences: readonly (readonly string[])[]): string[][] {
  if (sentences.length === 0) return [];
  return loadTagger().tagDocument(sentences);
}
