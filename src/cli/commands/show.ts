/**
 * `khabar show ID`: one archived article as it was stored — its details, its brief, the
 * entities it names and the events it reports — the CLI's view of `GET /api/articles/{id}`
 * and of the web app's reader, for the ids `khabar search` prints.
 */
import { renderHtml, renderJson, renderMarkdown, renderOptions } from '../../brief/render.ts';
import { composeStored } from '../../compose/compose.ts';
import { fail } from '../../errors.ts';
import { indexEntities } from '../../i18n/gloss.ts';
import type { Lang } from '../../i18n/glossary.ts';
import type { ProcessedArticle } from '../../model.ts';
import { resolveDb } from '../../store/index.ts';
import { openExisting } from '../archive.ts';
import { type Command, write } from '../context.ts';
import { LANG_USAGE, langOption, tableLang, tr } from '../lang.ts';
import { parseOptions } from '../options.ts';
import { type BriefFormat, formatArg } from './brief.ts';
import { describe } from './entities.ts';
import { eventTable } from './events.ts';

const USAGE = `khabar show ID [--db PATH] [--format md|json|html] [--composed] [--lang ar|en]

Prints one archived article (an id that \`khabar search\` or \`khabar export\` printed): its
title, outlet, date, address and where it was read from, then its brief, the entities it
names and the events it reports, as the archive holds them (no analysis is run again).

  --db PATH       archive (SQLite file or postgres:// URL); default KHABAR_DB or the data folder
  --format md     (default) the brief in Markdown, then the entities and the events as
                  \`khabar entities\` and \`khabar events\` print them
  --format json   the khabar.brief/1 document with the article, its entities, mentions and
                  events (as \`khabar brief --format json\`)
  --format html   the brief as a standalone right-to-left HTML page
  --composed      the brief drafted from the text (as \`khabar compose\`) instead of the one
                  stored: for an article not in the template
${LANG_USAGE}`;

/**
 * The article's details, one per line, in `lang`: what the reader's header shows. An earlier
 * version (its file edited, its record changed) says what replaced it; the current article
 * the `versions` it replaced.
 */
function details(doc: ProcessedArticle, lang: Lang, versions: readonly string[] = []): string[] {
  const a = doc.article;
  const say = (en: string, ar: string) => tr(lang, en, ar);
  const rows: Array<[string, string, string | undefined]> = [
    ['id', 'المعرّف', a.id],
    ['outlet', 'المنفذ', a.outlet],
    ['published', 'النشر', a.published],
    ['byline', 'الكاتب', a.byline],
    ['url', 'الرابط', a.url],
    ['read from', 'المصدر', a.provenance?.source],
    [
      'partial',
      'ناقص',
      a.partial
        ? [
            say(
              "a feed item's teaser (its title and own text only): its page could not be fetched",
              'موجز عنصر من موجز الأخبار (عنوانه ونصه فقط): تعذّر جلب صفحته',
            ),
            a.warnings?.find((w) => w.ruleId === 'feed/teaser-only')?.reason,
          ]
            .filter(Boolean)
            .join(' — ')
        : undefined,
    ],
    [
      'superseded by',
      'حلّ محلّه',
      a.superseded ? `${a.superseded.supersededBy} (${a.superseded.at})` : undefined,
    ],
    ['earlier versions', 'نسخ سابقة', versions.length ? versions.join(', ') : undefined],
  ];
  return rows.filter((r) => r[2]).map(([en, ar, v]) => `- ${say(en, ar)}: ${v}`);
}

/** The Markdown view: details, brief, entities, events. */
export function showMarkdown(doc: ProcessedArticle, lang: Lang, versions: readonly string[] = []): string {
  const say = (en: string, ar: string) => tr(lang, en, ar);
  const { analysis } = doc;
  const brief = renderMarkdown(doc.brief, doc.article.title ? { title: doc.article.title } : {}).trimEnd();
  // The title first (the brief's own `# …`), then the details under it.
  const [first, ...rest] = brief.split('\n');
  const head = first?.startsWith('# ') ? [first, ''] : [];
  const body = first?.startsWith('# ') ? rest : [first ?? '', ...rest];
  const entityLines = analysis.entities.map((e) => `- ${describe(e, lang) || e.names.ar}`);
  return [
    ...head,
    ...details(doc, lang, versions),
    '',
    ...body,
    '',
    `## ${say('Entities', 'الكيانات')} (${analysis.entities.length})`,
    '',
    ...(entityLines.length ? entityLines : [say('None found.', 'لا شيء.')]),
    '',
    `## ${say('Events', 'الأحداث')} (${analysis.events.length})`,
    '',
    eventTable(doc.article.text, analysis.events, { lang, entities: indexEntities(analysis.entities) }),
  ]
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n');
}

export const command: Command = {
  readsLang: true,
  summary:
    'one archived article: its details, brief, entities and events: show ID [--db PATH] [--format md|json|html]',
  usage: USAGE,
  async run(argv, ctx) {
    let format: BriefFormat = 'md';
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const f = formatArg(argv, i);
      if (f) {
        format = f.format;
        i = f.i;
      } else rest.push(argv[i]!);
    }
    const parsed = parseOptions('show', {
      args: rest,
      options: { db: { type: 'string' }, lang: { type: 'string' }, composed: { type: 'boolean' } },
      allowPositionals: true,
    });
    const ids = parsed.positionals;
    if (ids.length !== 1)
      throw fail(
        'USAGE',
        `khabar show takes one article id (got ${ids.length}); \`khabar search QUERY\` prints them`,
      );
    const id = ids[0]!.trim();
    const db = parsed.values.db;
    const lang = tableLang(
      parsed.values.lang === undefined ? undefined : langOption(parsed.values.lang),
      ctx,
    );
    const store = await openExisting(db, ctx);
    try {
      // An earlier version of an edited file or a changed record is shown too (Store.version).
      const found = (await store.get(id)) ?? (await store.version?.(id));
      if (!found)
        throw fail(
          'ARTICLE_NOT_FOUND',
          id,
          store.kind === 'postgres' ? 'PostgreSQL' : resolveDb(db, ctx.env),
        );
      const doc = parsed.values.composed ? { ...found, brief: composeStored(found) } : found;
      const title = renderOptions(doc.article);
      if (format === 'json')
        write(ctx.stdout, renderJson(doc.brief, { article: doc.article, analysis: doc.analysis }));
      else if (format === 'html') write(ctx.stdout, renderHtml(doc.brief, title));
      else {
        const versions = doc.article.superseded ? [] : ((await store.versions?.(id)) ?? []);
        write(
          ctx.stdout,
          showMarkdown(
            doc,
            lang,
            versions.map((v) => v.id),
          ),
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
