import { fail } from '../../errors.ts';
import type { Entity, ProcessedArticle } from '../../model.ts';
import { openExisting } from '../archive.ts';
import { clusterStories, compareOutlets } from '../../stories/index.ts';
import { renderComparison, renderStoryList } from '../../stories/render.ts';
import type { Lang } from '../../i18n/glossary.ts';
import { type Command, write } from '../context.ts';
import { LANG_USAGE, tableLang, takeLang } from '../lang.ts';

interface Args {
  lang?: Lang;
  db?: string;
  json: boolean;
  story?: string;
  all: boolean;
  windowDays?: number;
  threshold?: number;
}

function num(option: string, v: string | undefined, min: number, max: number): number {
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n) || n < min || n > max)
    throw fail('BAD_OPTION', option, `needs a number from ${min} to ${max} (got "${v ?? ''}")`);
  return n;
}

function parseArgs(all: string[]): Args {
  const { lang, rest: argv } = takeLang(all);
  const args: Args = { json: false, all: false, ...(lang ? { lang } : {}) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--all') args.all = true;
    else if (a === '--db') {
      const v = argv[++i];
      if (!v) throw fail('BAD_OPTION', '--db', 'needs a path or a postgres:// URL');
      args.db = v;
    } else if (a === '--story') {
      const v = argv[++i];
      if (!v) throw fail('BAD_OPTION', '--story', 'needs a story id (as `khabar stories` lists them)');
      args.story = v;
    } else if (a === '--window') args.windowDays = num('--window', argv[++i], 0, 365);
    else if (a === '--threshold') args.threshold = num('--threshold', argv[++i], 0, 2);
    else throw fail('BAD_OPTION', a, 'is not an option of khabar stories (see `khabar stories --help`)');
  }
  return args;
}

/** The entities the articles name, by id (the first article's document of each). */
function entityIndex(docs: ProcessedArticle[]): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const d of docs) for (const e of d.analysis.entities) if (!out.has(e.id)) out.set(e.id, e);
  return out;
}

export const command: Command = {
  readsLang: true,
  summary: 'stories across outlets from the archive; --story ID compares how each outlet tells it',
  usage: [
    'khabar stories [--db PATH] [--json] [--all] [--window DAYS] [--threshold T] [--lang ar|en]',
    'khabar stories --story ID [--db PATH] [--json] [--lang ar|en]',
    '',
    'Gathers the archive’s articles about the same event across outlets and days (text',
    'similarity over stems, shared entities and event types, dates within --window days,',
    'default 3) and lists the stories with more than one article (--all: singletons too).',
    'With --story, compares the outlets: the terms each uses for the same actors (loaded',
    'aliases marked), the events each reports or leaves out, the quotes each carries.',
    LANG_USAGE,
  ].join('\n'),
  async run(argv, ctx) {
    const args = parseArgs(argv);
    const store = await openExisting(args.db, ctx);
    const docs: ProcessedArticle[] = [];
    try {
      for await (const d of store.iterate()) docs.push(d);
    } finally {
      await store.close();
    }
    const stories = clusterStories(docs, {
      ...(args.windowDays !== undefined ? { windowDays: args.windowDays } : {}),
      ...(args.threshold !== undefined ? { threshold: args.threshold } : {}),
    });
    if (args.story) {
      const story = stories.find((s) => s.id === args.story || s.articles.includes(args.story!));
      if (!story)
        throw fail('USAGE', `no story "${args.story}" in the archive; run \`khabar stories\` for the ids`);
      const cmp = compareOutlets(story, docs);
      write(
        ctx.stdout,
        args.json
          ? JSON.stringify({ story, comparison: cmp }, null, 2)
          : renderComparison(cmp, tableLang(args.lang, ctx), entityIndex(docs)),
      );
      return 0;
    }
    const shown = args.all ? stories : stories.filter((s) => s.articles.length > 1);
    write(
      ctx.stdout,
      args.json
        ? JSON.stringify({ articles: docs.length, stories: shown }, null, 2)
        : renderStoryList(shown, tableLang(args.lang, ctx), entityIndex(docs), {
            articles: docs.length,
            singlesHidden: !args.all,
          }),
    );
    return 0;
  },
};
