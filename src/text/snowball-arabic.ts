/**
 * The Snowball Arabic stemmer as the `snowball-stemmers` package (0.6.0, ISC) generates it
 * from the Snowball project's `arabic.sbl` (BSD-3-Clause, Assem Chelli and the Snowball
 * authors): the same tables and the same rules in the same order, on plain fields and one
 * string instead of the package's generated getters and argument arrays. The package stems
 * a word in ~20 µs and allocates on every step; this port gives the same stem (checked on
 * every word form of ANT and EASC and on shared/data/stemmer/snowball-arabic.tsv by
 * test/text/snowball-arabic.test.ts) in a fraction of it. ./stem.ts wraps it (punctuation
 * kept as libstemmer 2.2.0 keeps it, a cache).
 *
 * Kept close to the generated code on purpose: a rule is a table lookup (`findAmong`,
 * `findAmongB`: Snowball's `among`, a binary search with shared prefixes), a length
 * condition and a slice; `run` and the methods after it are the generated control flow.
 */

/** One `among` entry: the string, the index of its longest prefix in the table (-1: none), the result. */
type Among = readonly [s: string, substring: number, result: number];
type Table = readonly Among[];

/** Normalize_pre, one character at a time: marks, tatweel and the old punctuation deleted, digits and presentation forms folded. */
const PRE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  [
    '!"%*,./:;?\u005C\u060C\u061B\u061F\u0640\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u066A\u066B\u066C',
    '',
  ],
  ['\u0660', '0'],
  ['\u0661', '1'],
  ['\u0662', '2'],
  ['\u0663', '3'],
  ['\u0664', '4'],
  ['\u0665', '5'],
  ['\u0666', '6'],
  ['\u0667', '7'],
  ['\u0668', '8'],
  ['\u0669', '9'],
  ['\uFE80', '\u0621'],
  ['\uFE81\uFE82', '\u0622'],
  ['\uFE83\uFE84', '\u0623'],
  ['\uFE85\uFE86', '\u0624'],
  ['\uFE87\uFE88', '\u0625'],
  ['\uFE89\uFE8A\uFE8B\uFE8C', '\u0626'],
  ['\uFE8D\uFE8E', '\u0627'],
  ['\uFE8F\uFE90\uFE91\uFE92', '\u0628'],
  ['\uFE93\uFE94', '\u0629'],
  ['\uFE95\uFE96\uFE97\uFE98', '\u062A'],
  ['\uFE99\uFE9A\uFE9B\uFE9C', '\u062B'],
  ['\uFE9D\uFE9E\uFE9F\uFEA0', '\u062C'],
  ['\uFEA1\uFEA2\uFEA3\uFEA4', '\u062D'],
  ['\uFEA5\uFEA6\uFEA7\uFEA8', '\u062E'],
  ['\uFEA9\uFEAA', '\u062F'],
  ['\uFEAB\uFEAC', '\u0630'],
  ['\uFEAD\uFEAE', '\u0631'],
  ['\uFEAF\uFEB0', '\u0632'],
  ['\uFEB1\uFEB2\uFEB3\uFEB4', '\u0633'],
  ['\uFEB5\uFEB6\uFEB7\uFEB8', '\u0634'],
  ['\uFEB9\uFEBA\uFEBB\uFEBC', '\u0635'],
  ['\uFEBD\uFEBE\uFEBF\uFEC0', '\u0636'],
  ['\uFEC1\uFEC2\uFEC3\uFEC4', '\u0637'],
  ['\uFEC5\uFEC6\uFEC7\uFEC8', '\u0638'],
  ['\uFEC9\uFECA\uFECB\uFECC', '\u0639'],
  ['\uFECD\uFECE\uFECF\uFED0', '\u063A'],
  ['\uFED1\uFED2\uFED3\uFED4', '\u0641'],
  ['\uFED5\uFED6\uFED7\uFED8', '\u0642'],
  ['\uFED9\uFEDA\uFEDB\uFEDC', '\u0643'],
  ['\uFEDD\uFEDE\uFEDF\uFEE0', '\u0644'],
  ['\uFEE1\uFEE2\uFEE3\uFEE4', '\u0645'],
  ['\uFEE5\uFEE6\uFEE7\uFEE8', '\u0646'],
  ['\uFEE9\uFEEA\uFEEB\uFEEC', '\u0647'],
  ['\uFEED\uFEEE', '\u0648'],
  ['\uFEEF\uFEF0', '\u0649'],
  ['\uFEF1\uFEF2\uFEF3\uFEF4', '\u064A'],
  ['\uFEF5\uFEF6', '\u0644\u0622'],
  ['\uFEF7\uFEF8', '\u0644\u0623'],
  ['\uFEF9\uFEFA', '\u0644\u0625'],
  ['\uFEFB\uFEFC', '\u0644\u0627'],
];
const PRE = new Map<number, string>();
for (const [chars, rep] of PRE_PAIRS)
  for (let i = 0; i < chars.length; i++) PRE.set(chars.charCodeAt(i), rep);

const A1: Table = [
  ['\u0622', -1, 1],
  ['\u0623', -1, 1],
  ['\u0624', -1, 2],
  ['\u0625', -1, 1],
  ['\u0626', -1, 3],
];
const A2 = A1;
const A3: Table = [
  ['\u0627\u0644', -1, 2],
  ['\u0628\u0627\u0644', -1, 1],
  ['\u0643\u0627\u0644', -1, 1],
  ['\u0644\u0644', -1, 2],
];
const A4: Table = [
  ['\u0623\u0622', -1, 2],
  ['\u0623\u0623', -1, 1],
  ['\u0623\u0624', -1, 3],
  ['\u0623\u0625', -1, 5],
  ['\u0623\u0627', -1, 4],
];
const A5: Table = [
  ['\u0641', -1, 1],
  ['\u0648', -1, 2],
];
const A6 = A3;
const A7: Table = [
  ['\u0628', -1, 1],
  ['\u0628\u0628', 0, 2],
  ['\u0643\u0643', -1, 3],
];
const A8: Table = [
  ['\u0633\u0623', -1, 4],
  ['\u0633\u062A', -1, 2],
  ['\u0633\u0646', -1, 3],
  ['\u0633\u064A', -1, 1],
];
const A9: Table = [
  ['\u062A\u0633\u062A', -1, 1],
  ['\u0646\u0633\u062A', -1, 1],
  ['\u064A\u0633\u062A', -1, 1],
];
const A10: Table = [
  ['\u0643\u0645\u0627', -1, 3],
  ['\u0647\u0645\u0627', -1, 3],
  ['\u0646\u0627', -1, 2],
  ['\u0647\u0627', -1, 2],
  ['\u0643', -1, 1],
  ['\u0643\u0645', -1, 2],
  ['\u0647\u0645', -1, 2],
  ['\u0647\u0646', -1, 2],
  ['\u0647', -1, 1],
  ['\u064A', -1, 1],
];
const A11: Table = [['\u0646', -1, 1]];
const A12: Table = [
  ['\u0627', -1, 1],
  ['\u0648', -1, 1],
  ['\u064A', -1, 1],
];
const A13: Table = [['\u0627\u062A', -1, 1]];
const A14: Table = [['\u062A', -1, 1]];
const A15: Table = [['\u0629', -1, 1]];
const A16: Table = [['\u064A', -1, 1]];
const A17: Table = [
  ['\u0643\u0645\u0627', -1, 3],
  ['\u0647\u0645\u0627', -1, 3],
  ['\u0646\u0627', -1, 2],
  ['\u0647\u0627', -1, 2],
  ['\u0643', -1, 1],
  ['\u0643\u0645', -1, 2],
  ['\u0647\u0645', -1, 2],
  ['\u0643\u0646', -1, 2],
  ['\u0647\u0646', -1, 2],
  ['\u0647', -1, 1],
  ['\u0643\u0645\u0648', -1, 3],
  ['\u0646\u064A', -1, 2],
];
const A18: Table = [
  ['\u0627', -1, 2],
  ['\u062A\u0627', 0, 3],
  ['\u062A\u0645\u0627', 0, 5],
  ['\u0646\u0627', 0, 3],
  ['\u062A', -1, 1],
  ['\u0646', -1, 2],
  ['\u0627\u0646', 5, 4],
  ['\u062A\u0646', 5, 3],
  ['\u0648\u0646', 5, 4],
  ['\u064A\u0646', 5, 4],
  ['\u064A', -1, 2],
];
const A19: Table = [
  ['\u0648\u0627', -1, 1],
  ['\u062A\u0645', -1, 1],
];
const A20: Table = [
  ['\u0648', -1, 1],
  ['\u062A\u0645\u0648', 0, 2],
];
const A21: Table = [['\u0649', -1, 1]];

/** A length condition of a rule's case: `gt` (I_word_len > n) or `ge` (I_word_len >= n). */
type Case = readonly [op: 'gt' | 'ge', n: number, replacement: string];

/**
 * One Snowball Arabic stemmer (not reentrant: keep one per thread of calls). `stem(word)`
 * returns what the package's `newStemmer('arabic').stem(word)` returns.
 */
export class ArabicStemmer {
  private current = '';
  private cursor = 0;
  private limit = 0;
  private limitBackward = 0;
  private bra = 0;
  private ket = 0;
  private wordLen = 0;
  private isNoun = true;
  private isVerb = true;
  private isDefined = false;

  stem(word: string): string {
    this.current = word;
    this.cursor = 0;
    this.limit = word.length;
    this.limitBackward = 0;
    this.bra = 0;
    this.ket = word.length;
    this.run();
    return this.current;
  }

  private findAmong(v: Table): number {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const l = this.limit;
    const cur = this.current;
    let commonI = 0;
    let commonJ = 0;
    let firstKeyInspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(commonI, commonJ);
      const w = v[k]![0];
      for (let i2 = common; i2 < w.length; i2++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = cur.charCodeAt(c + common) - w.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) {
        j = k;
        commonJ = common;
      } else {
        i = k;
        commonI = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (firstKeyInspected) break;
        firstKeyInspected = true;
      }
    }
    for (;;) {
      const w = v[i]!;
      if (commonI >= w[0].length) {
        this.cursor = c + w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  private findAmongB(v: Table): number {
    let i = 0;
    let j = v.length;
    const c = this.cursor;
    const lb = this.limitBackward;
    const cur = this.current;
    let commonI = 0;
    let commonJ = 0;
    let firstKeyInspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(commonI, commonJ);
      const w = v[k]![0];
      for (let i2 = w.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = cur.charCodeAt(c - 1 - common) - w.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) {
        j = k;
        commonJ = common;
      } else {
        i = k;
        commonI = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (firstKeyInspected) break;
        firstKeyInspected = true;
      }
    }
    for (;;) {
      const w = v[i]!;
      if (commonI >= w[0].length) {
        this.cursor = c - w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  private eqS(s: string): boolean {
    if (this.limit - this.cursor < s.length) return false;
    for (let i = 0; i !== s.length; i++)
      if (this.current.charCodeAt(this.cursor + i) !== s.charCodeAt(i)) return false;
    this.cursor += s.length;
    return true;
  }

  private replaceS(cBra: number, cKet: number, s: string): void {
    const adjustment = s.length - (cKet - cBra);
    const cur = this.current;
    this.current = cBra === 0 && cKet === cur.length ? s : cur.slice(0, cBra) + s + cur.slice(cKet);
    this.limit += adjustment;
    if (this.cursor >= cKet) this.cursor += adjustment;
    else if (this.cursor > cBra) this.cursor = cBra;
  }

  private sliceFrom(s: string): void {
    if (this.bra < 0 || this.bra > this.ket || this.ket > this.limit || this.limit > this.current.length)
      throw new Error('Snowball: faulty slice operation');
    this.replaceS(this.bra, this.ket, s);
  }

  /**
   * A rule of the common shape: the table found forwards (a prefix) or backwards (a suffix),
   * then the case of the result: its length condition on the word's length when the rule
   * started, and its replacement ('' deletes).
   */
  private rule(table: Table, backward: boolean, cases: readonly Case[]): boolean {
    this.wordLen = this.current.length;
    let amongVar: number;
    if (backward) {
      this.ket = this.cursor;
      amongVar = this.findAmongB(table);
      if (amongVar === 0) return false;
      this.bra = this.cursor;
    } else {
      this.bra = this.cursor;
      amongVar = this.findAmong(table);
      if (amongVar === 0) return false;
      this.ket = this.cursor;
    }
    const [op, n, replacement] = cases[amongVar - 1]!;
    if (op === 'gt' ? !(this.wordLen > n) : !(this.wordLen >= n)) return false;
    this.sliceFrom(replacement);
    return true;
  }

  private normalizePre(): boolean {
    // One pass over the characters (every entry of the table is one character, so each
    // step of the generated loop consumes exactly one character of the input).
    const cur = this.current;
    let out = '';
    let last = 0;
    for (let i = 0; i < cur.length; i++) {
      const rep = PRE.get(cur.charCodeAt(i));
      if (rep !== undefined) {
        out += cur.slice(last, i) + rep;
        last = i + 1;
      }
    }
    if (last > 0) {
      this.current = out + cur.slice(last);
      this.limit = this.current.length;
    }
    this.cursor = this.current.length;
    return true;
  }

  private normalizePost(): boolean {
    const v1 = this.cursor;
    // lab0: the last character, a hamza on a seat, becomes a bare hamza
    this.limitBackward = this.cursor;
    this.cursor = this.limit;
    this.ket = this.cursor;
    if (this.findAmongB(A1) !== 0) {
      this.bra = this.cursor;
      this.sliceFrom('\u0621');
      this.cursor = this.limitBackward;
    }
    this.cursor = v1;
    const v2 = this.cursor;
    for (let v3 = this.wordLen; v3 > 0; v3--) {
      const v4 = this.cursor;
      this.bra = this.cursor;
      const amongVar = this.findAmong(A2);
      if (amongVar !== 0) {
        this.ket = this.cursor;
        this.sliceFrom(amongVar === 1 ? '\u0627' : amongVar === 2 ? '\u0648' : '\u064A');
        continue;
      }
      this.cursor = v4;
      if (this.cursor >= this.limit) break;
      this.cursor++;
    }
    this.cursor = v2;
    return true;
  }

  private checks1(): boolean {
    this.wordLen = this.current.length;
    this.bra = this.cursor;
    const amongVar = this.findAmong(A3);
    if (amongVar === 0) return false;
    this.ket = this.cursor;
    if (!(this.wordLen > (amongVar === 1 ? 4 : 3))) return false;
    this.isNoun = true;
    this.isVerb = false;
    this.isDefined = true;
    return true;
  }

  private prefixStep1(): boolean {
    return this.rule(A4, false, [
      ['gt', 3, '\u0623'],
      ['gt', 3, '\u0622'],
      ['gt', 3, '\u0623'],
      ['gt', 3, '\u0627'],
      ['gt', 3, '\u0625'],
    ]);
  }

  private prefixStep2(): boolean {
    this.wordLen = this.current.length;
    const v1 = this.cursor;
    if (this.eqS('\u0641\u0627')) return false;
    this.cursor = v1;
    if (this.eqS('\u0648\u0627')) return false;
    this.cursor = v1;
    return this.rule(A5, false, [
      ['gt', 3, ''],
      ['gt', 3, ''],
    ]);
  }

  private prefixStep3aNoun(): boolean {
    return this.rule(A6, false, [
      ['gt', 5, ''],
      ['gt', 4, ''],
    ]);
  }

  private prefixStep3bNoun(): boolean {
    this.wordLen = this.current.length;
    const v1 = this.cursor;
    if (this.eqS('\u0628\u0627')) return false;
    this.cursor = v1;
    return this.rule(A7, false, [
      ['gt', 3, ''],
      ['gt', 3, '\u0628'],
      ['gt', 3, '\u0643'],
    ]);
  }

  private prefixStep3Verb(): boolean {
    return this.rule(A8, false, [
      ['gt', 4, '\u064A'],
      ['gt', 4, '\u062A'],
      ['gt', 4, '\u0646'],
      ['gt', 4, '\u0623'],
    ]);
  }

  private prefixStep4Verb(): boolean {
    this.wordLen = this.current.length;
    this.bra = this.cursor;
    if (this.findAmong(A9) === 0) return false;
    this.ket = this.cursor;
    if (!(this.wordLen > 4)) return false;
    this.isVerb = true;
    this.isNoun = false;
    this.sliceFrom('\u0627\u0633\u062A');
    return true;
  }

  private suffixNounStep1a(): boolean {
    return this.rule(A10, true, [
      ['ge', 4, ''],
      ['ge', 5, ''],
      ['ge', 6, ''],
    ]);
  }

  private suffixNounStep1b(): boolean {
    return this.rule(A11, true, [['gt', 5, '']]);
  }

  private suffixNounStep2a(): boolean {
    return this.rule(A12, true, [['gt', 4, '']]);
  }

  private suffixNounStep2b(): boolean {
    return this.rule(A13, true, [['ge', 5, '']]);
  }

  private suffixNounStep2c1(): boolean {
    return this.rule(A14, true, [['ge', 4, '']]);
  }

  private suffixNounStep2c2(): boolean {
    return this.rule(A15, true, [['ge', 4, '']]);
  }

  private suffixNounStep3(): boolean {
    return this.rule(A16, true, [['ge', 3, '']]);
  }

  private suffixVerbStep1(): boolean {
    return this.rule(A17, true, [
      ['ge', 4, ''],
      ['ge', 5, ''],
      ['ge', 6, ''],
    ]);
  }

  private suffixVerbStep2a(): boolean {
    return this.rule(A18, true, [
      ['ge', 4, ''],
      ['ge', 4, ''],
      ['ge', 5, ''],
      ['gt', 5, ''],
      ['ge', 6, ''],
    ]);
  }

  private suffixVerbStep2b(): boolean {
    return this.rule(A19, true, [['ge', 5, '']]);
  }

  private suffixVerbStep2c(): boolean {
    return this.rule(A20, true, [
      ['ge', 4, ''],
      ['ge', 6, ''],
    ]);
  }

  private suffixAllAlefMaqsura(): boolean {
    this.wordLen = this.current.length;
    this.ket = this.cursor;
    if (this.findAmongB(A21) === 0) return false;
    this.bra = this.cursor;
    this.sliceFrom('\u064A');
    return true;
  }

  /**
   * The generated `stem` routine: its labelled blocks are the methods below, a block's
   * `break` to success a `return true`.
   */
  private run(): void {
    this.isNoun = true;
    this.isVerb = true;
    this.isDefined = false;
    const v1 = this.cursor;
    this.checks1();
    this.cursor = v1;
    const v2 = this.cursor;
    this.normalizePre();
    this.cursor = v2;
    this.limitBackward = this.cursor;
    this.cursor = this.limit;
    const v3 = this.limit - this.cursor;
    this.suffixes();
    this.cursor = this.limit - v3;
    this.cursor = this.limitBackward;
    const v15 = this.cursor;
    this.prefixes();
    this.cursor = v15;
    const v20 = this.cursor;
    this.normalizePost();
    this.cursor = v20;
  }

  /** Backwards: the verb suffixes, else the noun suffixes, else a final alef maqsura. */
  private suffixes(): void {
    const v4 = this.limit - this.cursor;
    if (this.verbSuffixes()) return;
    this.cursor = this.limit - v4;
    if (this.nounSuffixes()) return;
    this.cursor = this.limit - v4;
    this.suffixAllAlefMaqsura();
  }

  private verbSuffixes(): boolean {
    if (!this.isVerb) return false;
    const v5 = this.limit - this.cursor;
    if (this.verbStep1Then2()) return true;
    this.cursor = this.limit - v5;
    if (this.suffixVerbStep2b()) return true;
    this.cursor = this.limit - v5;
    return this.suffixVerbStep2a();
  }

  /** At least one Suffix_Verb_Step1, then Step2a, Step2c or one character. */
  private verbStep1Then2(): boolean {
    let count = 1;
    for (;;) {
      const v7 = this.limit - this.cursor;
      if (this.suffixVerbStep1()) {
        count--;
        continue;
      }
      this.cursor = this.limit - v7;
      break;
    }
    if (count > 0) return false;
    const v8 = this.limit - this.cursor;
    if (this.suffixVerbStep2a()) return true;
    this.cursor = this.limit - v8;
    if (this.suffixVerbStep2c()) return true;
    this.cursor = this.limit - v8;
    if (this.cursor <= this.limitBackward) return false;
    this.cursor--;
    return true;
  }

  private nounSuffixes(): boolean {
    if (!this.isNoun) return false;
    const v9 = this.limit - this.cursor;
    if (!this.nounSteps12()) this.cursor = this.limit - v9;
    return this.suffixNounStep3();
  }

  private nounSteps12(): boolean {
    const v10 = this.limit - this.cursor;
    if (this.suffixNounStep2c2()) return true;
    this.cursor = this.limit - v10;
    if (this.nounStep1aThen2()) return true;
    this.cursor = this.limit - v10;
    if (this.nounStep1bThen2()) return true;
    this.cursor = this.limit - v10;
    if (!this.isDefined && this.suffixNounStep2a()) return true;
    this.cursor = this.limit - v10;
    return this.suffixNounStep2b();
  }

  private nounStep1aThen2(): boolean {
    if (this.isDefined) return false;
    if (!this.suffixNounStep1a()) return false;
    const v12 = this.limit - this.cursor;
    if (this.suffixNounStep2a()) return true;
    this.cursor = this.limit - v12;
    if (this.suffixNounStep2b()) return true;
    this.cursor = this.limit - v12;
    if (this.suffixNounStep2c1()) return true;
    this.cursor = this.limit - v12;
    if (this.cursor <= this.limitBackward) return false;
    this.cursor--;
    return true;
  }

  private nounStep1bThen2(): boolean {
    if (!this.suffixNounStep1b()) return false;
    const v13 = this.limit - this.cursor;
    if (this.suffixNounStep2a()) return true;
    this.cursor = this.limit - v13;
    if (this.suffixNounStep2b()) return true;
    this.cursor = this.limit - v13;
    return this.suffixNounStep2c1();
  }

  /** Forwards: the prefix steps. */
  private prefixes(): void {
    const v16 = this.cursor;
    if (!this.prefixStep1()) this.cursor = v16;
    const v17 = this.cursor;
    if (!this.prefixStep2()) this.cursor = v17;
    const v18 = this.cursor;
    if (this.prefixStep3aNoun()) return;
    this.cursor = v18;
    if (this.isNoun && this.prefixStep3bNoun()) return;
    this.cursor = v18;
    if (!this.isVerb) return;
    const v19 = this.cursor;
    if (!this.prefixStep3Verb()) this.cursor = v19;
    this.prefixStep4Verb();
  }
}
