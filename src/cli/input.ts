/**
 * Reading one CLI input: a file path (relative to the context's cwd) or `-` for
 * standard input. Bytes are decoded (src/ingest/decode.ts) and the language checked
 * (src/ingest/language.ts). Fatal problems throw `KhabarError`s naming the input and
 * what to do; the rest are messages the command prints on stderr.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail } from '../errors.ts';
import { decode } from '../ingest/decode.ts';
import { type ArticleMeta, readPage } from '../ingest/article.ts';
import { MAX_HTML_DEPTH, htmlDepth } from '../ingest/html.ts';
import { detectLanguage } from '../ingest/language.ts';
import { resolveFormat } from '../ingest/sources/detect.ts';
import type { Message } from '../model.ts';
import type { CliContext } from './context.ts';

export interface Input {
  text: string;
  encoding: string;
  /** The path as given, or `-` for standard input. */
  name: string;
  /** ISO 639-1 or `und`. */
  language: string;
  messages: Message[];
  /** `html` when an HTML page was reduced to its main text (commands that read one article). */
  format: 'text' | 'html';
  /** The page's title, publication time, address, outlet and byline, when an HTML page gave them. */
  title?: string;
  published?: string;
  url?: string;
  outlet?: string;
  byline?: string;
}

/** The fields a page tells of itself beside its text. */
type PageMeta = Pick<Input, 'title' | 'published' | 'url' | 'outlet' | 'byline'>;
const PAGE_KEYS = ['title', 'published', 'url', 'outlet', 'byline'] as const;

/** What a page told of itself beside its text, as `articleFromText` options (absent keys left out). */
export function pageMeta(from: PageMeta): PageMeta {
  const out: PageMeta = {};
  for (const k of PAGE_KEYS) {
    const v = from[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function readBytes(pathOrDash: string, ctx: CliContext): Promise<Uint8Array> {
  if (pathOrDash === '-') return readStream(ctx.stdin);
  const path = resolve(ctx.cwd, pathOrDash);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fail('INPUT_NOT_FOUND', pathOrDash);
    throw fail('INPUT_UNREADABLE', pathOrDash, code ?? String(err));
  }
  if (info.isDirectory()) throw fail('INPUT_IS_DIRECTORY', pathOrDash);
  try {
    return await readFile(path);
  } catch (err) {
    throw fail('INPUT_UNREADABLE', pathOrDash, (err as NodeJS.ErrnoException).code ?? String(err));
  }
}

/**
 * True when the text is JSON lines of articles: its first non-empty line is a JSON object
 * with a string `text` or `html` (what `khabar ingest` reads from a .jsonl file).
 */
export function looksLikeJsonl(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0]!.trim();
  if (!first.startsWith('{') || !first.endsWith('}')) return false;
  try {
    const o = JSON.parse(first) as Record<string, unknown>;
    return typeof o.text === 'string' || typeof o.html === 'string';
  } catch {
    return false;
  }
}

/**
 * Read, decode and check one input. With `article` (the name of a command that reads one
 * article: brief, compose, entities, events), a JSONL file of articles is refused with an
 * error that says what to run instead, rather than read as one text with its JSON syntax.
 */
export async function readInput(pathOrDash: string, ctx: CliContext, article?: string): Promise<Input> {
  const name = pathOrDash === '-' ? 'standard input' : pathOrDash;
  const bytes = await readBytes(pathOrDash, ctx);
  if (bytes.length === 0) throw fail('INPUT_EMPTY', name);
  const decoded = decode(bytes, name);
  if (decoded.encoding === 'binary') throw fail('INPUT_BINARY', name);
  if (!decoded.text.trim()) throw fail('INPUT_EMPTY', name);
  if (article && looksLikeJsonl(decoded.text)) throw fail('INPUT_IS_JSONL', name, article);
  // The file's kind as ingest tells it (extension, then first bytes): a feed is refused, a page read.
  const format = article ? resolveFormat({ option: 'auto', name: pathOrDash, head: bytes }) : 'text';
  if (article && format === 'feed') throw fail('INPUT_IS_FEED', name, article);
  const messages = [...decoded.messages];
  // A page is read as ingest reads it: its main text, title and time (not its markup as text).
  let text = decoded.text;
  let page: PageMeta = {};
  if (format === 'html') {
    const depth = htmlDepth(text);
    if (depth > MAX_HTML_DEPTH) throw fail('INPUT_HTML_TOO_DEEP', name, depth, MAX_HTML_DEPTH);
    // As ingest reads it: without the headline, a credit line or a date line opening the text.
    const x: ArticleMeta = {};
    text = readPage(text, x);
    if (!text.trim()) throw fail('INPUT_EMPTY', `${name} (an HTML page with no main text)`);
    page = pageMeta(x);
    messages.push({
      ruleId: 'ingest/html',
      severity: 'info',
      reason: `${name}: read as an HTML page (main text extracted).`,
    });
  }
  const lang = detectLanguage(text);
  if (lang.language !== 'ar') {
    messages.push({
      ruleId: 'ingest/not-arabic',
      severity: 'warning',
      reason: `${name}: the text looks like ${lang.language === 'und' ? 'no known language' : `"${lang.language}"`}, not Arabic; khabar reads Arabic news, so the results may be poor.`,
    });
  }
  return {
    text,
    encoding: decoded.encoding,
    name: pathOrDash,
    language: lang.language,
    messages,
    format: text === decoded.text ? 'text' : 'html',
    ...page,
  };
}

/** Print messages on stderr, one a line: `khabar: warning: …`. */
export function printMessages(messages: readonly Message[], stderr: NodeJS.WritableStream): void {
  for (const m of messages) stderr.write(`khabar: ${m.severity}: ${m.reason}\n`);
}
