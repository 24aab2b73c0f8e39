import { articleFromText } from '../../brief/article.ts';
import { parseBrief } from '../../brief/parse.ts';
import { fail } from '../../errors.ts';
import { processArticle } from '../../jobs/pipeline.ts';
import type { Actor, EventRecord } from '../../model.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';

interface Args {
  input: string;
  published?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  let input: string | undefined;
  let published: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--published' || a.startsWith('--published=')) {
      const v = a.startsWith('--published=') ? a.slice(12) : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v))
        throw fail('BAD_OPTION', '--published', `needs an ISO date such as 2025-09-30 (got "${v ?? ''}")`);
      published = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw fail('BAD_OPTION', a, 'is not an option of khabar events (see `khabar events --help`)');
    } else if (input === undefined) input = a;
    else throw fail('USAGE', `khabar events takes one input, got "${input}" and "${a}"`);
  }
  if (input === undefined) throw fail('USAGE', 'khabar events needs a FILE (or - for standard input)');
  return { input, json, ...(published ? { published } : {}) };
}

export function actorLabel(as: Actor[]): string {
  if (!as.length) return '—';
  return as
    .map((a) => {
      const code = [a.country, a.sector].filter(Boolean).join('/') || '?';
      return a.name ? `${code} (${a.name})` : code;
    })
    .join(' + ');
}

function flags(e: EventRecord): string {
  const f: string[] = [];
  if (e.reciprocal) f.push('reciprocal');
  if (e.background) f.push('background');
  if (e.negated) f.push('negated');
  if (e.modality !== 'happened') f.push(e.modality);
  return f.join(', ');
}

const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The readable table: each event beside the words that support it. */
export function eventTable(text: string, events: EventRecord[]): string {
  if (!events.length) return 'No events found.';
  const rows: string[] = [];
  events.forEach((e, k) => {
    rows.push(
      `${k + 1}. ${e.type}${e.mode ? `/${e.mode}` : ''}  ${actorLabel(e.source)} → ${actorLabel(e.target)}`,
    );
    const meta = [
      flags(e),
      e.contexts.length ? `contexts: ${e.contexts.join(', ')}` : '',
      e.date
        ? `date: ${e.date.value ?? '?'}${e.date.expression ? ` «${e.date.expression}»` : ''}${e.date.durationDays ? ` (${e.date.durationDays} days)` : ''}`
        : '',
      e.location ? `in: ${e.location}` : '',
      e.attribution?.verb ? `said: «${e.attribution.verb}»` : '',
      `confidence ${e.confidence.toFixed(2)}`,
    ].filter(Boolean);
    rows.push(`   ${meta.join(' · ')}`);
    rows.push(`   trigger «${e.trigger.text}» [${e.trigger.span[0]}–${e.trigger.span[1]}]`);
    for (const s of e.evidence) rows.push(`   ▸ «${clip(text.slice(s[0], s[1]), 140)}» [${s[0]}–${s[1]}]`);
    rows.push('');
  });
  return rows.join('\n').trimEnd();
}

export const command: Command = {
  summary: 'PLOVER events of an article, each beside its evidence: events FILE|- [--published DATE] [--json]',
  usage: [
    'khabar events FILE|- [--published DATE] [--json]',
    '',
    'Reads one article (- for standard input) and prints the events it reports — who did what to',
    'whom, coded in PLOVER (AGREE, CONSULT, SUPPORT, … ASSAULT) with mode, contexts, reciprocal,',
    'modality (happened, intended, denied, conditional), negation, background flag, date, trigger,',
    'confidence, and the evidence span of every restatement (lead, sections, key points).',
    '  --published DATE   the publication date (ISO), to resolve «اليوم» «أمس» «الثلاثاء الماضي» …',
    '  --json             {"events": [...], "dates": [...], "published": {...}} instead of the table',
    'Rules and weights: docs/events.md.',
  ].join('\n'),
  async run(argv, ctx) {
    const args = parseArgs(argv);
    const read = await readInput(args.input, ctx);
    printMessages(read.messages, ctx.stderr);
    const brief = parseBrief(read.text);
    const article = {
      ...articleFromText({
        text: read.text,
        source: args.input,
        encoding: read.encoding,
        language: read.language,
        brief,
        warnings: read.messages,
      }),
      ...(args.published ? { published: args.published } : {}),
    };
    const { analysis } = processArticle(article);
    if (args.json) {
      write(
        ctx.stdout,
        JSON.stringify(
          {
            events: analysis.events,
            dates: analysis.dates,
            ...(analysis.published ? { published: analysis.published } : {}),
          },
          null,
          2,
        ),
      );
    } else write(ctx.stdout, eventTable(read.text, analysis.events));
    return 0;
  },
};
