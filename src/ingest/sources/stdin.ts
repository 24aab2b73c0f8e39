/**
 * Standard input (`-`): JSONL is streamed line by line; anything else (text, HTML, a
 * feed) is read whole up to the size limit. The format is sniffed from the first bytes.
 */
import { PassThrough, type Readable } from 'node:stream';
import { type BuildOptions, type IngestItem, buildArticle, reject } from '../article.ts';
import { withLimits } from '../limits.ts';
import { type FormatOption, resolveFormat } from './detect.ts';
import { feedSource } from './feed.ts';
import { jsonlSource } from './jsonl.ts';

export interface StdinSourceOptions extends BuildOptions {
  stream: Readable;
  format?: FormatOption;
}

export async function* stdinSource(opts: StdinSourceOptions): AsyncGenerator<IngestItem> {
  const limits = withLimits(opts.limits);
  const it = opts.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const firstChunk = await it.next();
  if (firstChunk.done) {
    yield reject(
      '-',
      'ingest/empty',
      'standard input is empty: nothing was piped into `khabar ingest -` (send an article, a page, a feed or JSONL: `khabar ingest - < FILE`)',
    );
    return;
  }
  const first = Buffer.from(firstChunk.value);
  const format = resolveFormat({ option: opts.format ?? 'auto', name: '-', head: first });
  if (format === 'jsonl') {
    const pass = new PassThrough();
    pass.write(first);
    (async () => {
      for (let c = await it.next(); !c.done; c = await it.next()) {
        if (!pass.write(c.value)) await new Promise((r) => pass.once('drain', r));
      }
      pass.end();
    })().catch((err) => pass.destroy(err as Error));
    yield* jsonlSource({ ...opts, stream: pass, name: '-' });
    return;
  }
  const chunks: Buffer[] = [first];
  let total = first.length;
  for (let c = await it.next(); !c.done; c = await it.next()) {
    const b = Buffer.from(c.value);
    total += b.length;
    if (total > limits.maxBytes) {
      yield reject(
        '-',
        'ingest/too-large',
        `standard input: over the ${limits.maxBytes}-byte limit (raise it with --max-bytes; JSONL is read line by line, with no limit on the whole)`,
        first,
      );
      return;
    }
    chunks.push(b);
  }
  const bytes = new Uint8Array(Buffer.concat(chunks));
  if (format === 'feed') {
    yield* feedSource({ ...opts, location: '-', bytes });
    return;
  }
  yield buildArticle({ source: '-', format, bytes, html: format === 'html' }, opts);
}
