/**
 * Language identification. Pure.
 *
 * Arabic-script text is decided here, not by a general detector: Persian and Urdu each
 * have letters Arabic does not use (Persian پ چ ژ گ; Urdu ٹ ڈ ڑ ں ے), and Arabic has signs
 * they rarely use (ة, ى, the article ال). Iranian outlets write Arabic with the Persian
 * forms ی and ک, so those two letters say nothing; a few پ/گ in names say little. So
 * fa/ur win only when their letters are frequent AND Arabic signs are rare. Other scripts
 * go to `eld` (n-gram detector).
 */
import { eld } from 'eld/small';

export interface LanguageGuess {
  /** ISO 639-1 (`ar`, `fa`, `ur`, `en`, `fr`, …) or `und` when there is too little text. */
  language: string;
  /** In [0, 1]. */
  confidence: number;
}

const PERSIAN_ONLY = /[پچژگ]/gu;
const URDU_ONLY = /[ٹڈڑںے]/gu;
const ARABIC_SIGNS = /[ةى]|(?<![\p{L}\p{M}])ال/gu;
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/gu;
const LETTER = /\p{L}/gu;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Guess the language of `text` (the first 20,000 characters are enough). */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const letters = count(sample, LETTER);
  if (letters < 3) return { language: 'und', confidence: 0 };
  const arabicScript = count(sample, ARABIC_LETTER);
  if (arabicScript / letters >= 0.5) {
    const fa = count(sample, PERSIAN_ONLY) / arabicScript;
    const ur = count(sample, URDU_ONLY) / arabicScript;
    const ar = count(sample, ARABIC_SIGNS) / arabicScript;
    const share = arabicScript / letters;
    // Typical rates per letter: Arabic ة+ى+ال ≈ 0.05–0.09; Persian پچژگ ≈ 0.01–0.03; Urdu ٹڈڑںے ≈ 0.03–0.06.
    if (ur >= 0.01 && ur > ar / 2)
      return { language: 'ur', confidence: round(share * Math.min(1, ur / 0.03)) };
    if (fa >= 0.006 && fa > ar / 3)
      return { language: 'fa', confidence: round(share * Math.min(1, fa / 0.015)) };
    if (letters < 12) return { language: 'ar', confidence: round(share * 0.5) };
    return { language: 'ar', confidence: round(share * Math.min(1, 0.5 + ar * 10)) };
  }
  const r = eld.detect(sample);
  if (!r.language) return { language: 'und', confidence: 0 };
  const scores = r.getScores();
  const top = scores[r.language] ?? 0;
  return {
    language: r.language,
    confidence: round(r.isReliable() ? Math.max(0.5, top) : Math.min(0.49, top)),
  };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
