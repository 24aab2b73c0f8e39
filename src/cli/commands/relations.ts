import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { articleFromText } from '../../brief/article.ts';
import { parseBrief } from '../../brief/parse.ts';
import { fail } from '../../errors.ts';
import { countedNoun } from '../../i18n/counted.ts';
import { readPublished } from '../../ingest/article.ts';
import { processArticle } from '../../jobs/pipeline.ts';
import { type DatedEvent, type DyadLevel, dyads, type PeriodUnit } from '../../analyze/relations.ts';
import { actorKeyLabel, type Lang, ploverGloss } from '../../i18n/glossary.ts';
import { archiveDyads, unknownCountryActor } from '../../api/routes/read.ts';
import { relationsQuery } from '../../api/schemas.ts';
import { nodeLabels } from '../../i18n/api.ts';
import type { Dyad, Entity } from '../../model.ts';
import { openExisting } from '../archive.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';
import { LANG_USAGE, tableLang, takeLang, tr } from '../lang.ts';

const LEVELS = ['country', 'actor'] as const;
const PERIODS = ['day', 'month', 'year', 'all'] as const;
const PERIOD_AR: Record<PeriodUnit, string> = { day: 'يوم', month: 'شهر', year: 'سنة', all: 'الفترة كلها' };

interface Args {
  inputs: string[];
  json: boolean;
  lang?: Lang;
  level: DyadLevel;
  period: PeriodUnit;
  /** Archive mode: the archive's dyads, with the filters of GET /api/relations. */
  db?: string;
  /** The archive filters given (`--actor`, `--from`, `--to`, `--limit`), by the API's names. */
  filters: Partial<Record<'actor' | 'from' | 'to' | 'limit', string>>;
  periodGiven: boolean;
}

const ARCHIVE_OPTIONS = ['--db', '--actor', '--from', '--to', '--limit'] as const;

function parseArgs(all: string[]): Args {
  const { lang, rest: argv } = takeLang(all);
  const inputs: string[] = [];
  let json = false;
  let level: DyadLevel = 'country';
  let period: PeriodUnit = 'month';
  let periodGiven = false;
  const archive: Partial<Record<(typeof ARCHIVE_OPTIONS)[number], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const opt = ARCHIVE_OPTIONS.find((o) => a === o || a.startsWith(`${o}=`));
    if (opt) {
      const v = a === opt ? argv[++i] : a.slice(opt.length + 1);
      if (v === undefined || v === '') throw fail('BAD_OPTION', opt, 'needs a value');
      archive[opt] = v;
    } else if (a === '--json') json = true;
    else if (a === '--level' || a.startsWith('--level=')) {
      const v = a.startsWith('--level=') ? a.slice(8) : argv[++i];
      if (!(LEVELS as readonly string[]).includes(v ?? ''))
        throw fail('BAD_OPTION', '--level', `needs one of ${LEVELS.join(', ')} (got "${v ?? ''}")`);
      level = v as DyadLevel;
    } else if (a === '--period' || a.startsWith('--period=')) {
      const v = a.startsWith('--period=') ? a.slice(9) : argv[++i];
      if (!(PERIODS as readonly string[]).includes(v ?? ''))
        throw fail('BAD_OPTION', '--period', `needs one of ${PERIODS.join(', ')} (got "${v ?? ''}")`);
      period = v as PeriodUnit;
      periodGiven = true;
    } else if (a.startsWith('-') && a !== '-') {
      throw fail('BAD_OPTION', a, 'is not an option of khabar relations (see `khabar relations --help`)');
    } else inputs.push(a);
  }
  const db = archive['--db'];
  if (db !== undefined && inputs.length)
    throw fail('USAGE', 'khabar relations takes FILEs or --db (an archive), not both');
  if (db === undefined) {
    const stray = ARCHIVE_OPTIONS.find((o) => archive[o] !== undefined);
    if (stray) throw fail('BAD_OPTION', stray, 'filters an archive: give --db PATH too');
  }
  if (db === undefined && !inputs.length)
    throw fail(
      'USAGE',
      'khabar relations needs one or more FILEs (articles, or JSONL with "text"), or --db PATH for an archive',
    );
  const filters: Args['filters'] = {};
  for (const k of ['actor', 'from', 'to', 'limit'] as const) {
    const v = archive[`--${k}`];
    if (v !== undefined) filters[k] = v;
  }
  return {
    inputs,
    json,
    level,
    period,
    periodGiven,
    ...(lang ? { lang } : {}),
    ...(db !== undefined ? { db } : {}),
    filters,
  };
}

interface Doc {
  text: string;
  published?: string;
  source: string;
}

/** A JSONL file holds one article a line (`text`, optional `published`); any other file is one article. */
async function docsOf(input: string, ctx: Parameters<Command['run']>[1]): Promise<Doc[]> {
  if (input !== '-' && input.endsWith('.jsonl')) {
    let raw: string;
    try {
      raw = await readFile(resolve(ctx.cwd, input), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw fail('INPUT_NOT_FOUND', input);
      throw fail('INPUT_UNREADABLE', input, code ?? String(err));
    }
    const out: Doc[] = [];
    // A line that cannot be read is skipped with a warning that names it (as \`khabar ingest\`
    // quarantines it): one bad line of a long dump used to stop the whole run.
    const skip = (where: string, why: string) =>
      ctx.stderr.write(`khabar: warning: ${where}: ${why}; line skipped\n`);
    let lines = 0;
    raw.split('\n').forEach((line, k) => {
      if (!line.trim()) return;
      lines++;
      const where = `${input}:${k + 1}`;
      let o: { text?: unknown; published?: unknown };
      try {
        o = JSON.parse(line);
      } catch {
        skip(where, 'not JSON (each line must be one object with "text")');
        return;
      }
      if (!o || typeof o !== 'object' || Array.isArray(o) || typeof o.text !== 'string' || !o.text.trim()) {
        skip(where, 'no "text" string');
        return;
      }
      const { published, warning } = readPublished(
        typeof o.published === 'string' ? o.published : undefined,
        where,
      );
      if (warning) ctx.stderr.write(`khabar: warning: ${warning.reason}\n`);
      out.push({ text: o.text, source: where, ...(published ? { published } : {}) });
    });
    if (lines && !out.length)
      throw fail('INPUT_UNREADABLE', input, 'no line is a JSON object with "text"; see the warnings above');
    return out;
  }
  const read = await readInput(input, ctx);
  printMessages(read.messages, ctx.stderr);
  return [{ text: read.text, source: input }];
}

export const command: Command = {
  readsLang: true,
  summary:
    'dyads (actor pairs) with event counts and a cooperation–conflict score: relations FILE… | --db PATH [--json]',
  usage: [
    'khabar relations FILE… [--level country|actor] [--period month|year|day|all] [--lang ar|en] [--json]',
    'khabar relations --db PATH [--level country|actor] [--actor ID] [--from DATE] [--to DATE] [--limit N] [--lang ar|en] [--json]',
    '',
    'Runs the pipeline over the articles (a .jsonl file: one {"text", "published"} a line) and adds',
    'their events up to dyads: ordered actor pairs with counts by PLOVER type and a score from −10',
    '(conflict) to +10 (cooperation) overall and per period. Weights and modality rules: docs/events.md.',
    '  --level country   ISO3 pairs (default); actor: entity ids or country/sector',
    '  --period month    period of the per-period scores (day, month, year, all)',
    'With --db, the dyads of an archive, as GET /api/relations gives them (per month):',
    "  --actor ID        only this actor's dyads: at country level a country code (IRN or",
    '                    country:IRN: every actor of that country), at actor level an entity id',
    '  --from, --to      event dates (YYYY, YYYY-MM, YYYY-MM-DD)',
    '  --limit N         the N most active dyads (default 200, at most 500)',
    '  --json            the Dyad[] array; with --lang, each dyad gains source_label and',
    '                    target_label (names in that language)',
    LANG_USAGE,
  ].join('\n'),
  async run(argv, ctx) {
    const args = parseArgs(argv);
    if (args.db !== undefined) return archiveMode(args, args.db, ctx);
    const events: DatedEvent[] = [];
    const entities = new Map<string, Entity>();
    for (const input of args.inputs) {
      for (const d of await docsOf(input, ctx)) {
        const article = {
          ...articleFromText({ text: d.text, source: d.source, brief: parseBrief(d.text) }),
          ...(d.published ? { published: d.published } : {}),
        };
        const { analysis } = processArticle(article);
        for (const e of analysis.entities) if (!entities.has(e.id)) entities.set(e.id, e);
        for (const e of analysis.events)
          events.push({ ...e, ...(d.published ? { published: d.published } : {}) });
      }
    }
    const result = dyads(events, { level: args.level, period: args.period });
    const name = (key: string, l: Lang) => actorKeyLabel(key, l, entities);
    return show(result, events.length, args, name, ctx);
  },
};

/**
 * `--db PATH`: the archive's dyads with the filters of GET /api/relations (`--actor`, `--from`,
 * `--to`, `--limit`; per month, as the API), validated by the same schema.
 */
async function archiveMode(args: Args, db: string, ctx: Parameters<Command['run']>[1]): Promise<number> {
  if (args.periodGiven && args.period !== 'month')
    throw fail(
      'BAD_OPTION',
      '--period',
      "an archive's dyads are per month (as GET /api/relations); leave it out",
    );
  const parsed = relationsQuery.safeParse({ level: args.level, ...args.filters });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail('BAD_OPTION', `--${String(issue.path[0] ?? 'option')}`, issue.message);
  }
  // As GET /api/relations: a country code the gazetteer does not know is refused, named.
  const unknown = parsed.data.level === 'country' ? unknownCountryActor(parsed.data.actor) : undefined;
  if (unknown) throw fail('BAD_OPTION', '--actor', unknown.replace(/\.$/u, ''));
  const store = await openExisting(db, ctx);
  try {
    const q = parsed.data;
    const { total, dyads: result } = await archiveDyads(store, q);
    const ids = [...new Set(result.flatMap((d) => [d.source, d.target]))];
    const lang = args.lang ?? tableLang(undefined, ctx);
    // Names only where they are shown: the table, or --json with --lang.
    const labels = args.json && !args.lang ? {} : await nodeLabels(store, ids, q.level, lang);
    const name = (key: string) =>
      labels[key]?.[lang === 'en' ? 'label_en' : 'label'] ?? labels[key]?.label ?? key;
    if (!result.length && !args.json) {
      const { actor, from, to } = args.filters;
      const which = [actor, from && `from ${from}`, to && `to ${to}`].filter(Boolean);
      write(
        ctx.stdout,
        lang === 'ar'
          ? `لا ثنائيات في الأرشيف${which.length ? ` (${which.join('، ')})` : ''}.`
          : `No dyads in the archive${which.length ? ` (${which.join(', ')})` : ''}.`,
      );
      return 0;
    }
    const events = result.reduce((n, d) => n + d.total, 0);
    if (!args.json && total > result.length)
      write(
        ctx.stderr,
        `${total} dyads, the ${result.length} most active shown (--limit N for more, up to 500)`,
      );
    return show(result, events, args, name, ctx);
  } finally {
    await store.close();
  }
}

function show(
  result: Dyad[],
  eventCount: number,
  args: Args,
  name: (key: string, l: Lang) => string,
  ctx: Parameters<Command['run']>[1],
): number {
  if (args.json) {
    const l = args.lang;
    const out = l
      ? result.map((d) => ({ ...d, source_label: name(d.source, l), target_label: name(d.target, l) }))
      : result;
    write(ctx.stdout, JSON.stringify(out, null, 2));
    return 0;
  }
  const lang = tableLang(args.lang, ctx);
  const say = (en: string, ar: string) => tr(lang, en, ar);
  if (!result.length) {
    write(
      ctx.stdout,
      say(
        `No dyads: ${eventCount} events, none with both a source and a target.`,
        `لا ثنائيات: ${eventCount} حدثًا، ليس لأي منها فاعل وطرف آخر معًا.`,
      ),
    );
    return 0;
  }
  const rows = [
    say(
      `${countedNoun(eventCount, 'event', 'en')} → ${countedNoun(result.length, 'dyad', 'en')} (${args.level} level, per ${args.period})`,
      `${countedNoun(eventCount, 'event', 'ar')} ← ${countedNoun(result.length, 'dyad', 'ar')} (مستوى ${args.level === 'country' ? 'الدول' : 'الفاعلين'}، لكل ${PERIOD_AR[args.period]})`,
    ),
    '',
  ];
  // The key, and its name in the table's language when it says more than the key.
  const named = (key: string) => {
    const n = name(key, lang);
    return n === key ? key : `${n} [${key}]`;
  };
  for (const d of result) {
    const counts = Object.entries(d.counts)
      .map(([t, n]) => `${t}${ploverGloss(t, lang)}×${n}`)
      .join(' ');
    const periods = d.periods
      .map(
        (p) =>
          `${p.period === 'unknown' ? say('undated', 'غير مؤرَّخ') : p.period}: ${p.score >= 0 ? '+' : ''}${p.score} (${p.events})`,
      )
      .join('; ');
    rows.push(
      `${named(d.source)} → ${named(d.target)}  ${say('events', 'الأحداث')} ${d.total}  ${say('score', 'الدرجة')} ${d.score >= 0 ? '+' : ''}${d.score}  ${counts}`,
    );
    rows.push(`   ${periods}`);
  }
  write(ctx.stdout, rows.join('\n'));
  return 0;
}
