/**
 * Property-based fuzzing (fast-check) of four input-facing parsers: the brief parser, the
 * tokenizer, the search query parser and the feed reader. The property: any input gives a
 * result, never an uncaught exception. Prints cases run, failures and time for each.
 *
 *   node --import tsx scripts/reliability/fuzz.ts [--runs 100000] [--seed N] [--only NAME]
 */
import fc from 'fast-check';
import { parseBrief } from '../../src/brief/parse.ts';
import { parseFeed } from '../../src/ingest/sources/feed.ts';
import { parseQuery } from '../../src/search/query.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(opt('--runs') ?? 100_000);
const seed = Number(opt('--seed') ?? Date.now() % 2 ** 31);
const only = opt('--only');

// Characters that matter to these parsers, beside arbitrary Unicode.
const SPECIAL = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـ',
  ...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670',
  ...'٠١٢٣٤٥٦٧٨٩0123456789',
  ...'،؛؟.!:"\'«»()[]{}-–—*•·/\\|&<>=#@%+_~^`,;?',
  ...' \t\n\r\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2069\ufeff\u0000\ud800',
  'AND',
  'OR',
  'NOT',
  'actor:',
  'country:',
  'type:',
  'from:',
  'to:',
  '"',
  '*',
  'ﷺ',
  'ﷲ',
  'لا',
  'ال',
  'و',
  'قال ',
  'بحسب ',
  'المصدر: ',
  '\n\n',
  '- ',
  '1. ',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((xs) => xs.join(''));

const XML_BITS = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<rss version="2.0">',
  '</rss>',
  '<channel>',
  '</channel>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<item>',
  '</item>',
  '<entry>',
  '</entry>',
  '<title>',
  '</title>',
  '<link>',
  '</link>',
  '<link href="https://example.org/x"/>',
  '<description>',
  '</description>',
  '<content:encoded>',
  '</content:encoded>',
  '<pubDate>',
  '</pubDate>',
  'Tue, 07 Oct 2025 10:30:00 +0400',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&#1575;',
  '&#x627;',
  '&bogus;',
  '&',
  '<!DOCTYPE rss [<!ENTITY a "aaaa">]>',
  '&a;',
  '<!-- c -->',
  '<',
  '>',
  '"',
  '=',
  'خبر عاجل',
  'https://example.org/',
];
const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const field = fc.oneof(text(12).map(esc), text(12), fc.constantFrom(...XML_BITS));
const structured = fc
  .record({
    atom: fc.boolean(),
    items: fc.array(fc.tuple(field, field, field, field), { maxLength: 6 }),
  })
  .map(({ atom, items }) =>
    atom
      ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${items
          .map(
            ([t, l, d, p]) =>
              `<entry><title>${t}</title><link href="https://e.org/${esc(l)}"/><id>${esc(p)}</id><updated>${p}</updated><content type="html">${d}</content></entry>`,
          )
          .join('')}</feed>`
      : `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items
          .map(
            ([t, l, d, p]) =>
              `<item><title>${t}</title><link>${l}</link><description>${d}</description><pubDate>${p}</pubDate></item>`,
          )
          .join('')}</channel></rss>`,
  );
const xmlSoup = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...XML_BITS) }, { weight: 1, arbitrary: text(6) }),
    {
      maxLength: 40,
    },
  )
  .map((xs) => xs.join(''));
const xml = fc.oneof({ weight: 3, arbitrary: structured }, { weight: 1, arbitrary: xmlSoup });

let feedParsed = 0;
let feedRefused = 0;
const refusals = new Map<string, number>();

const targets: Array<{ name: string; arb: fc.Arbitrary<string>; run: (s: string) => unknown }> = [
  { name: 'brief parser (parseBrief)', arb: text(120), run: (s) => parseBrief(s) },
  { name: 'tokenizer (tokenize)', arb: text(120), run: (s) => tokenize(s) },
  { name: 'query parser (parseQuery)', arb: text(40), run: (s) => parseQuery(s) },
  {
    // The feed source turns a parse error into a quarantine entry (ingest/unreadable); what
    // must never happen is a crash inside the reader (TypeError, RangeError, stack overflow).
    name: 'feed reader (parseFeed)',
    arb: xml,
    run: (s) => {
      try {
        parseFeed(s);
        feedParsed++;
      } catch (err) {
        if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError) throw err;
        feedRefused++;
        refusals.set(err.message.slice(0, 60), (refusals.get(err.message.slice(0, 60)) ?? 0) + 1);
      }
    },
  },
];

let failed = 0;
const rows: Array<{
  name: string;
  runs: number;
  failures: number;
  seconds: number;
  cpuSeconds: number;
  firstFailure?: string;
}> = [];
for (const t of targets) {
  if (only && !t.name.includes(only)) continue;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let count = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  // The property records exceptions instead of stopping, so every case runs and is counted.
  fc.assert(
    fc.property(t.arb, (s) => {
      count++;
      try {
        t.run(s);
      } catch (err) {
        failures++;
        firstFailure ??= `${JSON.stringify(s).slice(0, 200)} → ${String(err)}`;
      }
    }),
    { numRuns: runs, seed },
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const row = {
    name: t.name,
    runs: count,
    failures,
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    ...(firstFailure ? { firstFailure } : {}),
  };
  if (failures) failed++;
  rows.push(row);
  console.log(
    `${t.name.padEnd(28)} ${String(row.runs).padStart(7)} cases  ${failures ? `${failures} EXCEPTIONS` : 'no exception'}  ${row.seconds} s wall, ${row.cpuSeconds} s CPU${
      firstFailure ? `\n    first: ${firstFailure}` : ''
    }`,
  );
}
if (feedParsed + feedRefused)
  console.log(
    `feed reader: ${feedParsed} parsed, ${feedRefused} refused as not well-formed (quarantined by the source): ${[...refusals].map(([m, n]) => `${m} ×${n}`).join('; ')}`,
  );
console.log(
  JSON.stringify({ seed, runs, results: rows, feed: { parsed: feedParsed, refused: feedRefused } }),
);
process.exit(failed ? 1 : 0);
