/**
 * Bytes → text, with encoding detection. Pure (no I/O).
 *
 * Order: a BOM (UTF-8, UTF-16LE/BE) decides; NUL bytes or many control characters mean
 * binary (an error message, empty text) unless the bytes look like BOM-less UTF-16;
 * valid UTF-8 is UTF-8 (and UTF-8 with a few broken sequences too, with a warning);
 * otherwise the bytes are a legacy single-byte encoding. For
 * Arabic the two that still circulate are windows-1256 and ISO-8859-6, which chardet
 * confuses: both are decoded and scored, and the one that yields Arabic letters (not
 * `×`, accented Latin, C1 controls or U+FFFD) wins — 0xC1–0xDA are letters in both, but
 * windows-1256 puts letters at 0xDC–0xFE and 0x80–0x9F where ISO-8859-6 has holes and
 * controls; a page is scored on what it shows (not its scripts, styles and tags). Text that is
 * neither is decoded with the encoding it declares (`<meta charset>`, `<meta http-equiv>`,
 * `<?xml encoding>`), else chardet's guess (or latin1).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Message } from '../model.ts';

export interface Decoded {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, `windows-1256`, `iso-8859-6`, …, or `binary`. */
  encoding: string;
  messages: Message[];
}

const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const BAD = /[\uFFFD\u0080-\u009F×÷\u00C0-\u00FF]/u;

function converted(name: string, encoding: string): Message {
  return {
    ruleId: 'ingest/encoding-converted',
    severity: 'info',
    reason: `${name}: decoded from ${encoding}, not UTF-8. Save it as UTF-8 to skip this step.`,
  };
}

/**
 * Score a decoding: Arabic letters count for it, mojibake against it; 0 when Arabic
 * letters are not most of the letters (Latin text with a few accents is not Arabic).
 */
function score(text: string): number {
  let arabic = 0;
  let bad = 0;
  let letters = 0;
  for (const c of text.slice(0, 65536)) {
    if (ARABIC_LETTER.test(c)) arabic++;
    else if (BAD.test(c)) bad++;
    if (/\p{L}/u.test(c)) letters++;
  }
  return arabic > letters / 2 ? arabic - 5 * bad : 0;
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    // the high byte of an Arabic (U+06xx) or ASCII (U+00xx) code unit
    if (bytes[i] === 0x06 || bytes[i] === 0x00) evenHigh++;
    if (bytes[i + 1] === 0x06 || bytes[i + 1] === 0x00) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh / pairs > 0.7 && evenHigh / pairs < 0.3) return 'utf-16le';
  if (evenHigh / pairs > 0.7 && oddHigh / pairs < 0.3) return 'utf-16be';
  return undefined;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.05;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text a page shows, for scoring: without its scripts, styles, comments and tags. A
 * windows-1256 page whose inline scripts and CSS held more Latin letters than its story had
 * Arabic ones was decoded as ISO-8859-1 (chardet's guess): its story was mojibake.
 */
function shown(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<[^>]*>/gu, ' ');
}

/**
 * The single-byte encoding an HTML page or an XML feed declares in its first 4 KB — `<meta
 * charset="windows-1256">`, `<meta http-equiv="Content-Type" content="text/html;
 * charset=windows-1256">`, `<?xml … encoding="windows-1256"?>` — when iconv knows it. A UTF
 * declaration is no help here (the bytes are not UTF-8).
 */
export function declaredCharset(head: string): string | undefined {
  const h = head.slice(0, 4096);
  const m =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(h) ??
    /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/iu.exec(h);
  const enc = m?.[1]?.toLowerCase();
  return enc && !enc.startsWith('utf') && iconv.encodingExists(enc) ? enc : undefined;
}

/** Decode `bytes` (from the file or stream called `name`, used in messages). */
export function decode(bytes: Uint8Array, name: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = utf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8', messages: [] };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
    return { text, encoding: 'utf-16le', messages: [converted(name, 'UTF-16LE')] };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
    return { text, encoding: 'utf-16be', messages: [converted(name, 'UTF-16BE')] };
  }
  const u16 = looksUtf16(bytes);
  if (u16) {
    const text = iconv.decode(Buffer.from(bytes), u16);
    return { text, encoding: u16, messages: [converted(name, `${u16.toUpperCase()} (no BOM)`)] };
  }
  if (isBinary(bytes)) {
    return {
      text: '',
      encoding: 'binary',
      messages: [
        {
          ruleId: 'ingest/binary',
          severity: 'error',
          reason: `${name}: looks like a binary file (NUL bytes or control characters), not text.`,
        },
      ],
    };
  }
  const text = utf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8', messages: [] };
  // UTF-8 with a few broken bytes (a truncated or spliced file) is still UTF-8
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const broken = (lenient.match(/\uFFFD/g) ?? []).length;
  if (broken <= Math.max(4, lenient.length / 50) && /[^\x00-\x7F\uFFFD]/.test(lenient)) {
    return {
      text: lenient,
      encoding: 'utf-8',
      messages: [
        {
          ruleId: 'ingest/invalid-utf8',
          severity: 'warning',
          reason: `${name}: ${broken} invalid UTF-8 byte sequence(s) replaced by U+FFFD; the file may be truncated or damaged.`,
        },
      ],
    };
  }

  const buf = Buffer.from(bytes);
  const w1256 = iconv.decode(buf, 'windows-1256');
  const i8859 = iconv.decode(buf, 'iso-8859-6');
  const s1256 = score(shown(w1256));
  const s8859 = score(shown(i8859));
  if (Math.max(s1256, s8859) > 0) {
    return s8859 > s1256
      ? { text: i8859, encoding: 'iso-8859-6', messages: [converted(name, 'ISO-8859-6')] }
      : { text: w1256, encoding: 'windows-1256', messages: [converted(name, 'windows-1256')] };
  }
  // Arabic is not most of the letters (a page's English menu around a short story): the
  // encoding the page declares, when it declares one, before a guess.
  const declared = declaredCharset(w1256);
  if (declared)
    return { text: iconv.decode(buf, declared), encoding: declared, messages: [converted(name, declared)] };
  const guess = chardet.detect(buf);
  const enc = guess && iconv.encodingExists(guess) && !/^utf/i.test(guess) ? guess.toLowerCase() : 'latin1';
  return { text: iconv.decode(buf, enc), encoding: enc, messages: [converted(name, enc)] };
}
