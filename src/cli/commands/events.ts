import { calendarProblem } from '../../search/query.ts';
import { articleFromText } from '../../brief/article.ts';
import { parseBrief } from '../../brief/parse.ts';
import { fail } from '../../errors.ts';
import { processArticle } from '../../jobs/pipeline.ts';
import { type EntityIndex, actorText, glossEvent, indexEntities } from '../../i18n/gloss.ts';
import { hijriText } from '../../i18n/dates.ts';
import { type Lang, contextLabel, displayName, ploverGloss } from '../../i18n/glossary.ts';
import type { Actor, EventRecord } from '../../model.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';
import { langOption, tableLang } from '../lang.ts';

interface Args {
  input: string;
  published?: string;
  json: boolean;
  lang?: Lang;
}

function parseArgs(argv: string[]): Args {
  let input: string | undefined;
  let published: string | undefined;
  let lang: Lang | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--lang') lang = langOption(argv[++i]);
    else if (a.startsWith('--lang=')) lang = langOption(a.slice(7));
    else if (a === '--published' || a.startsWith('--published=')) {
      const v = a.startsWith('--published=') ? a.slice(12) : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v))
        throw fail('BAD_OPTION', '--published', `needs an ISO date such as 2025-09-30 (got "${v ?? ''}")`);
      // «2025-02-30» was read as 2 March, and «اليوم» of the text dated to it.
      const why = calendarProblem(v);
      if (why) throw fail('BAD_OPTION', '--published', `${v} is not on the calendar: ${why}`);
      published = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw fail('BAD_OPTION', a, 'is not an option of khabar events (see `khabar events --help`)');
    } else if (input === undefined) input = a;
    else throw fail('USAGE', `khabar events takes one input, got "${input}" and "${a}"`);
  }
  if (input === undefined) throw fail('USAGE', 'khabar events needs a FILE (or - for standard input)');
  return { input, json, ...(published ? { published } : {}), ...(lang ? { lang } : {}) };
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

/** The table's own words in Arabic (English is the key). */
const AR: Record<string, string> = {
  reciprocal: 'متبادل',
  background: 'خلفية',
  negated: 'منفي',
  intended: 'مُزمع',
  denied: 'منفيّ',
  conditional: 'مشروط',
  'contexts:': 'السياقات:',
  'date:': 'التاريخ:',
  'in:': 'في:',
  'said:': 'قال:',
  confidence: 'الثقة',
  trigger: 'الدال',
  days: 'يومًا',
  'from the text': 'من النص',
  'No events found.': 'لم يُعثر على أحداث.',
};
const say = (w: string, lang: Lang) => (lang === 'ar' ? (AR[w] ?? w) : w);

function flags(e: EventRecord, lang: Lang = 'en'): string {
  const f: string[] = [];
  if (e.reciprocal) f.push('reciprocal');
  if (e.background) f.push('background');
  if (e.negated) f.push('negated');
  if (e.modality !== 'happened') f.push(e.modality);
  return f.map((w) => say(w, lang)).join(lang === 'ar' ? '، ' : ', ');
}

const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/**
 * An event's place as written («الرباط»), in `lang`: the English name of the article's entity
 * with that name or alias («Rabat»); the Arabic as written when no entity has it.
 */
function placeName(location: string, lang: Lang, entities?: EntityIndex): string {
  if (lang === 'ar' || !entities) return location;
  for (const e of entities.values())
    if (e.names.ar === location || e.names.aliases.includes(location)) return displayName(e.names, lang);
  return location;
}

/** The readable table: each event beside the words that support it. */
export function eventTable(
  text: string,
  events: EventRecord[],
  opts: { lang?: Lang; entities?: EntityIndex } = {},
): string {
  const lang = opts.lang ?? 'en';
  if (!events.length) return say('No events found.', lang);
  const rows: string[] = [];
  const actors = (as: Actor[]) => actorText(as, lang, opts.entities);
  events.forEach((e, k) => {
    rows.push(
      `${k + 1}. ${e.type}${e.mode ? `/${e.mode}` : ''}${ploverGloss(e.type, lang)}  ${actors(e.source)} → ${actors(e.target)}`,
    );
    const meta = [
      flags(e, lang),
      e.contexts.length
        ? `${say('contexts:', lang)} ${e.contexts.map((c) => contextLabel(c, lang)).join(lang === 'ar' ? '، ' : ', ')}`
        : '',
      e.date
        ? `${say('date:', lang)} ${e.date.value ?? '?'}${e.date.hijri ? ` (${hijriText(e.date.hijri, lang, { digits: 'latn' }) ?? e.date.hijri})` : ''}${e.date.expression ? ` «${e.date.expression}»` : ''}${e.date.value && e.date.from === 'text' ? ` (${say('from the text', lang)})` : ''}${e.date.durationDays ? ` (${e.date.durationDays} ${say('days', lang)})` : ''}`
        : '',
      e.location ? `${say('in:', lang)} ${placeName(e.location, lang, opts.entities)}` : '',
      e.attribution?.verb ? `${say('said:', lang)} «${e.attribution.verb}»` : '',
      `${say('confidence', lang)} ${e.confidence.toFixed(2)}`,
    ].filter(Boolean);
    rows.push(`   ${meta.join(' · ')}`);
    rows.push(`   ${say('trigger', lang)} «${e.trigger.text}» [${e.trigger.span[0]}–${e.trigger.span[1]}]`);
    for (const s of e.evidence) rows.push(`   ▸ «${clip(text.slice(s[0], s[1]), 140)}» [${s[0]}–${s[1]}]`);
    rows.push('');
  });
  return rows.join('\n').trimEnd();
}

export const command: Command = {
  readsLang: true,
  summary:
    'PLOVER events of an article, each beside its evidence: events FILE|- [--published DATE] [--lang ar|en] [--json]',
  usage: [
    'khabar events FILE|- [--published DATE] [--lang ar|en] [--json]',
    '',
    'Reads one article (- for standard input; an HTML page: its main text and time) and prints',
    'the events it reports — who did what to',
    'whom, coded in PLOVER (AGREE, CONSULT, SUPPORT, … ASSAULT) with mode, contexts, reciprocal,',
    'modality (happened, intended, denied, conditional), negation, background flag, date, trigger,',
    'confidence, and the evidence span of every restatement (lead, sections, key points).',
    '  --published DATE   the publication date (ISO), to resolve «اليوم» «أمس» «الثلاثاء الماضي» …',
    "  --lang ar|en       language of the table's labels (types, countries, sectors, names);",
    '                     default from the locale (LC_ALL, LC_MESSAGES, LANG: ar… → ar, else en)',
    '  --json             {"events": [...], "dates": [...], "published": {...}} instead of the table;',
    '                     each event gains English glosses: type_label, and display, country_name,',
    '                     sector_label on its actors',
    'Rules and weights: docs/events.md.',
  ].join('\n'),
  async run(argv, ctx) {
    const args = parseArgs(argv);
    const read = await readInput(args.input, ctx, 'events');
    printMessages(read.messages, ctx.stderr);
    const brief = parseBrief(read.text);
    const article = {
      ...articleFromText({
        text: read.text,
        source: args.input,
        format: read.format,
        encoding: read.encoding,
        language: read.language,
        brief,
        warnings: read.messages.filter((m) => m.severity !== 'info'),
        ...(read.title !== undefined ? { title: read.title } : {}),
      }),
      // --published wins over the page's own time (an HTML page's article:published_time)
      ...((args.published ?? read.published) ? { published: args.published ?? read.published } : {}),
    };
    const { analysis } = processArticle(article);
    const entities = indexEntities(analysis.entities);
    if (args.json) {
      write(
        ctx.stdout,
        JSON.stringify(
          {
            events: analysis.events.map((e) => glossEvent(e, 'en', entities)),
            dates: analysis.dates,
            ...(analysis.published ? { published: analysis.published } : {}),
          },
          null,
          2,
        ),
      );
    } else {
      const lang = tableLang(args.lang, ctx);
      write(ctx.stdout, eventTable(read.text, analysis.events, { lang, entities }));
    }
    return 0;
  },
};
