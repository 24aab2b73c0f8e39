import { fail } from '../../errors.ts';
import { reasonExplained } from '../../i18n/reasons.ts';
import { queueStatus } from '../../jobs/queue.ts';
import { resolveDb } from '../../store/index.ts';
import { openExisting } from '../archive.ts';
import { parseOptions } from '../options.ts';
import { type Command, write } from '../context.ts';
import { LANG_USAGE, langOption, tableLang, tr } from '../lang.ts';

const USAGE = `khabar status [--db PATH] [--limit N] [--json] [--lang ar|en] [--optimize]

Shows what the archive holds: articles, exact duplicates (linked, not stored twice),
near-duplicates, entities, events, outlets — and the quarantine: every input that was
rejected, with where it came from and why, newest first. On PostgreSQL, also the ingest
queue (\`khabar worker\`): jobs by state and the dead-letter list (jobs that failed all
their retries, with the last error).

  --db PATH   archive (SQLite file or postgres:// URL); default KHABAR_DB or the data folder
  --limit N   quarantine entries to list (default 20)
  --json      print {stats, quarantine: {total, items}, queue?} as JSON
  --optimize  first merge the full-text index into one segment (SQLite; after a bulk
              ingest or import, searches seek fewer segments — it rewrites the index:
              minutes for a million articles; PostgreSQL maintains its own indexes)
${LANG_USAGE}`;

export const command: Command = {
  readsLang: true,
  summary: 'counts, duplicates and the quarantine with reasons: status [--db PATH]',
  usage: USAGE,
  async run(argv, ctx) {
    const parsed = parseOptions('status', {
      args: argv,
      options: {
        db: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        optimize: { type: 'boolean' },
      },
    });
    const v = parsed.values as Record<string, string | boolean | undefined>;
    const lang = tableLang(v.lang === undefined ? undefined : langOption(v.lang as string), ctx);
    const say = (en: string, ar: string) => tr(lang, en, ar);
    const limit = v.limit === undefined ? 20 : Number(v.limit);
    if (!Number.isInteger(limit) || limit < 0)
      throw fail('BAD_OPTION', '--limit', `give a whole number ≥ 0 (got "${v.limit}")`);
    const store = await openExisting(v.db as string | undefined, ctx);
    try {
      let optimized: { tables: string[]; seconds: number } | undefined;
      if (v.optimize) {
        if (!store.optimize) {
          throw fail(
            'BAD_OPTION',
            '--optimize',
            'only a SQLite archive has a full-text index to optimize (PostgreSQL maintains its own)',
          );
        }
        optimized = await store.optimize();
      }
      const stats = await store.stats();
      const quarantine = await store.quarantined({ limit });
      // feed items whose page could not be fetched yet, to be fetched again (ingest --follow)
      const waiting = (await store.fetchRetries?.list()) ?? [];
      const pendingFetches = {
        total: waiting.length,
        items: waiting.slice(0, limit).map(({ data: _, ...p }) => p),
      };
      const queue =
        store.kind === 'postgres'
          ? await queueStatus(resolveDb(v.db as string | undefined, ctx.env), { env: ctx.env, limit })
          : undefined;
      if (v.json) {
        write(
          ctx.stdout,
          JSON.stringify({
            stats,
            quarantine,
            pendingFetches,
            ...(queue ? { queue } : {}),
            ...(optimized ? { optimized } : {}),
          }),
        );
        return 0;
      }
      const where = store.kind === 'postgres' ? 'PostgreSQL' : resolveDb(v.db as string | undefined, ctx.env);
      const row = (en: string, ar: string, n: number, note?: [string, string]) =>
        `  ${say(en, ar).padEnd(18)}${String(n).padStart(8)}${note ? `   (${say(...note)})` : ''}`;
      const lines = [
        `${say('archive', 'الأرشيف')}: ${where}`,
        ...(optimized
          ? [
              say(
                `full-text index optimized (${optimized.tables.join(', ')}: one segment each) in ${optimized.seconds.toFixed(1)} s`,
                `فُهرس النص الكامل مُحسَّن (${optimized.tables.join('، ')}: جزء واحد لكل منهما) في ${optimized.seconds.toFixed(1)} ث`,
              ),
            ]
          : []),
        row('articles', 'الأخبار', stats.articles),
        // feed teasers stored while their pages could not be fetched (counted in the articles)
        ...(stats.partial
          ? [
              row('partial', 'ناقصة', stats.partial, [
                'feed teasers: their pages could not be fetched yet; `khabar show ID` says why',
                'موجزات من موجز الأخبار تعذّر جلب صفحاتها بعد؛ `khabar show ID` يقول لماذا',
              ]),
            ]
          : []),
        row('duplicates', 'المكررات', stats.duplicates, [
          'exact copies, linked to the original',
          'نسخ مطابقة، مربوطة بالأصل',
        ]),
        row('near-duplicates', 'شبه المكررات', stats.nearDuplicates, [
          'stored, linked to the story they re-publish',
          'مخزَّنة، مربوطة بالخبر الذي تعيد نشره',
        ]),
        ...(stats.superseded !== undefined
          ? [
              row('superseded', 'نسخ سابقة', stats.superseded, [
                'earlier versions of edited files and changed records, kept',
                'نسخ سابقة لملفات عُدِّلت وسجلات تغيّرت، محفوظة',
              ]),
            ]
          : []),
        row('entities', 'الكيانات', stats.entities),
        row('events', 'الأحداث', stats.events),
        row('quarantined', 'المحجورة', stats.quarantined),
        ...(pendingFetches.total
          ? [
              row('waiting', 'بانتظار الجلب', pendingFetches.total, [
                'feed items whose page could not be fetched yet; fetched again by the next ingest of their feed',
                'عناصر موجز تعذّر جلب صفحاتها بعد؛ يُعاد جلبها عند الإدخال التالي لموجزها',
              ]),
            ]
          : []),
      ];
      if (stats.outlets.length || stats.outletUnknown) {
        lines.push('', `${say('outlets', 'المصادر')}:`);
        for (const o of stats.outlets.slice(0, 10))
          lines.push(`  ${String(o.count).padStart(8)}  ${o.value}`);
        // Articles that name no outlet are counted too, on a line of their own.
        if (stats.outletUnknown)
          lines.push(
            `  ${String(stats.outletUnknown).padStart(8)}  ${say('(outlet unknown)', '(مصدر غير معروف)')}`,
          );
      }
      if (quarantine.total) {
        lines.push(
          '',
          say(
            `quarantine (${quarantine.items.length} of ${quarantine.total}, newest first):`,
            `الحجر (${quarantine.items.length} من ${quarantine.total}، الأحدث أولًا):`,
          ),
        );
        for (const q of quarantine.items) {
          lines.push(`  ${q.at}  ${q.ruleId}  ${q.source}`);
          // In Arabic the rule's meaning comes first; the stored reason (English, naming the input) follows.
          const ar = reasonExplained(q.ruleId, lang);
          if (ar) lines.push(`      ${ar}`);
          lines.push(`      ${q.reason}`);
        }
      } else lines.push('', say('quarantine: empty', 'الحجر: فارغ'));
      if (pendingFetches.total) {
        lines.push(
          '',
          say(
            `waiting for their page (${pendingFetches.items.length} of ${pendingFetches.total}, oldest first; \`khabar ingest FEED\` fetches them again):`,
            `بانتظار جلب صفحاتها (${pendingFetches.items.length} من ${pendingFetches.total}، الأقدم أولًا؛ \`khabar ingest FEED\` يعيد جلبها):`,
          ),
        );
        for (const p of pendingFetches.items)
          lines.push(
            `  ${p.link}`,
            `      ${say(`feed ${p.feed}; ${p.fetches} failed since ${p.firstAt}; next after ${p.nextAt}`, `الموجز ${p.feed}؛ المحاولات الفاشلة: ${p.fetches} منذ ${p.firstAt}؛ التالية بعد ${p.nextAt}`)}`,
            `      ${p.reason}`,
          );
      }
      if (queue) {
        const c = queue.counts;
        lines.push(
          '',
          say(
            `ingest queue (${queue.schema}): queued ${c.queued}, active ${c.active}, done ${c.completed}, failed ${c.failed}`,
            `طابور الإدخال (${queue.schema}): في الانتظار ${c.queued}، قيد العمل ${c.active}، أُنجز ${c.completed}، فشل ${c.failed}`,
          ),
        );
        if (queue.dead.total) {
          lines.push(
            say(
              `dead letters (${queue.dead.items.length} of ${queue.dead.total}, newest first):`,
              `الرسائل الميتة (${queue.dead.items.length} من ${queue.dead.total}، الأحدث أولًا):`,
            ),
          );
          for (const d of queue.dead.items)
            lines.push(`  ${d.at}  ${d.articleId}  ${d.source}`, `      ${d.error}`);
        } else lines.push(say('dead letters: none', 'الرسائل الميتة: لا شيء'));
      }
      write(ctx.stdout, lines.join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
};
