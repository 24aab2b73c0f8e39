/** `khabar show ID`: one archived article — details, brief, entities, events — as stored. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const dir = tempDir('khabar-show-');
const db = join(dir, 'k.db');
// Our own sentences; the url gives the article a stable id.
const line = {
  id: 'show-1',
  url: 'https://example.net/news/show-1',
  outlet: 'صحيفة الاختبار',
  title: 'وزير الخارجية الأردني يلتقي نظيره العماني في مسقط',
  published: '2026-03-04',
  text:
    'التقى وزير الخارجية الأردني أيمن الصفدي اليوم الأربعاء في مسقط نظيره العماني بدر البوسعيدي، وبحث الجانبان تعزيز العلاقات الثنائية.\n\n' +
    'ووقّع الوزيران مذكرة تفاهم للتعاون في مجال التدريب الدبلوماسي.',
};

async function run(args: string[]) {
  const f = fakeContext({ HOME: dir });
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

test('khabar show prints the stored article: details, brief, entities and events, in the asked language', async () => {
  const input = join(dir, 'one.jsonl');
  writeFileSync(input, `${JSON.stringify(line)}\n`);
  assert.equal((await run(['ingest', input, '--db', db])).code, 0);
  const found = await run(['search', 'الصفدي', '--db', db, '--json']);
  const id = (JSON.parse(found.out) as { hits: Array<{ id: string }> }).hits[0]!.id;

  const ar = await run(['show', id, '--db', db, '--lang', 'ar']);
  assert.equal(ar.code, 0, ar.err);
  assert.match(ar.out, /^# وزير الخارجية الأردني يلتقي نظيره العماني في مسقط\n/u);
  assert.match(
    ar.out,
    new RegExp(`- المعرّف: ${id}\\n- المنفذ: صحيفة الاختبار\\n- النشر: 2026-03-04\\n`, 'u'),
  );
  assert.match(ar.out, /التقى وزير الخارجية الأردني أيمن الصفدي/u);
  assert.match(ar.out, /## الكيانات \(\d+\)\n\n(- .*\n)*- أيمن الصفدي · الأردن/u);
  assert.match(ar.out, /## الأحداث \(\d+\)\n\n1\. CONSULT\/meet/u);
  assert.match(ar.out, /AGREE\/sign/u);

  const en = await run(['show', id, '--db', db, '--lang', 'en']);
  assert.match(en.out, /- id: [0-9a-f]{16}\n- outlet: صحيفة الاختبار/u);
  // the actor as every surface says it: name, then country and sector (was «Jordan/Government (…)»)
  assert.match(en.out, /## Events \(\d+\)\n\n1\. CONSULT\/meet\s+Ayman Al-Safdi \(Jordan, Government\)/u);

  const json = await run(['show', id, '--db', db, '--format', 'json']);
  const doc = JSON.parse(json.out) as { schema: string; article: { id: string }; events: unknown[] };
  assert.equal(doc.schema, 'khabar.brief/1');
  assert.equal(doc.article.id, id);
  assert.ok(doc.events.length >= 2);

  const html = await run(['show', id, '--db', db, '--format', 'html']);
  assert.match(html.out, /<html[^>]*dir="rtl"/u);
  assert.match(html.out, /<h1>وزير الخارجية الأردني/u);

  // --composed: the brief drafted from the text, not the stored lead and body.
  const stored = JSON.parse(json.out) as { origin: string };
  assert.equal(stored.origin, 'unlabelled');
  const composed = await run(['show', id, '--db', db, '--format', 'json', '--composed']);
  assert.equal(composed.code, 0, composed.err);
  const drafted = JSON.parse(composed.out) as {
    origin: string;
    lead: Array<{ text: string }>;
    sections: Array<{ kind: string }>;
  };
  assert.equal(drafted.origin, 'composed');
  assert.match(drafted.lead[0]?.text ?? '', /^التقى وزير الخارجية الأردني/u);
  assert.ok(drafted.sections.length >= 1);
  const md = await run(['show', id, '--db', db, '--composed', '--lang', 'ar']);
  assert.match(md.out, /## (أهمية الخبر|النقاط الرئيسية)/u);
});

test('khabar show: an unknown id, a missing id, an unknown option or archive are clear errors', async () => {
  const none = await run(['show', 'feedfacefeedface', '--db', db]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no article "feedfacefeedface" in .*k\.db\. Check the id: `khabar search QUERY`/u);
  const noneAr = await run(['show', 'feedfacefeedface', '--db', db, '--lang', 'ar']);
  assert.match(noneAr.err, /لا خبر بالمعرّف "feedfacefeedface"/u);
  const missing = await run(['show', '--db', db]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /khabar show takes one article id \(got 0\)/u);
  const typo = await run(['show', 'x', '--db', db, '--formt', 'md']);
  assert.equal(typo.code, 2);
  assert.match(typo.err, /khabar show: Unknown option '--formt'/u);
  const noArchive = await run(['show', 'x', '--db', join(dir, 'nowhere.db')]);
  assert.match(noArchive.err, /no archive at .*nowhere\.db/u);
});
