/** Filters of scripts/build-gazetteer.ts for rows of ../shared/data/gazetteer/cities-ar.tsv (importable by tests). */
import { matchForm } from '../src/text/normalize.ts';

/** Administrative words that a source puts before a place's name («بلدية منطقة …», «محافظة …»). */
const ADMIN_WORDS = new Set(
  ['بلدية', 'منطقة', 'مقاطعة', 'محافظة', 'ولاية', 'إقليم', 'مدينة'].map((w) => matchForm(w)),
);

/**
 * A phrase, not a name: the Arabic (its administrative words left out) has three words or more,
 * and more than one word beyond the English name's (split at spaces and hyphens). Such rows are
 * a line of verse («المسكات عنب طيب الشذا» for Muscat), a translation of an English word («الطهي
 * على نار هادئة» for Simmering) or a person's name and title («غازي عثمان باشا»).
 */
export function isPhrase(arKey: string, en: string): boolean {
  const core = arKey.split(/\s+/u).filter((w) => w && !ADMIN_WORDS.has(w));
  const enWords = en.split(/[\s-]+/u).filter(Boolean).length;
  return core.length >= 3 && core.length > enWords + 1;
}
