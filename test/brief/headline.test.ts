/**
 * ingdef5: `khabar brief FILE` on a text file whose first line is the headline kept the
 * headline as the lead's first paragraph. The headline is now the article's title (`# …` in
 * Markdown, `<h1>` in HTML, `article.title` in JSON) and the lead the paragraph after it, with
 * the spans still pointing into the file's text. The fixture (fixtures/headline/) and the
 * texts here were written for these tests.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { headlineOf } from '../../src/brief/headline.ts';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/headline/headline-first-line.txt');
const HEADLINE = 'وزارة الزراعة تطلق حملة لتشجير ضفاف نهر العاصي';
const LEAD_START = 'أطلقت وزارة الزراعة صباح اليوم';

test('khabar brief FILE: a headline first line is the title, the lead the next paragraph', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const json = fakeContext();
  assert.equal(await main(['brief', FIXTURE], json.ctx), 0, json.err());
  const doc = JSON.parse(json.out());
  assert.equal(doc.article.title, HEADLINE);
  assert.ok(doc.lead[0].text.startsWith(LEAD_START), doc.lead[0].text);
  assert.equal(doc.dateline.text, 'حماة');
  for (const b of [...doc.lead, ...doc.body])
    assert.equal(text.slice(b.span[0], b.span[1]), b.text, 'spans point into the file');
  assert.ok(!JSON.stringify(doc.lead).includes('تطلق حملة'), 'the headline is not in the lead');

  const md = fakeContext();
  assert.equal(await main(['brief', FIXTURE, '--format', 'md'], md.ctx), 0);
  const lines = md.out().split('\n');
  assert.equal(lines[0], `# ${HEADLINE}`);
  assert.equal(md.out().split(HEADLINE).length, 2, 'the headline once, as the heading');
  assert.ok(
    lines.find((l) => l.startsWith('أطلقت')),
    md.out(),
  );

  const html = fakeContext();
  assert.equal(await main(['brief', FIXTURE, '--format', 'html'], html.ctx), 0);
  assert.match(html.out(), new RegExp(`<h1>${HEADLINE}</h1>`, 'u'));
  assert.match(html.out(), new RegExp(`<title>${HEADLINE}</title>`, 'u'));
});

test('headlineOf: a first line that is a sentence, a dateline, a label or the whole text is no headline', () => {
  const story = 'وقال مدير الحملة إن الأشجار ستروى بالتنقيط، وإن المرحلة الثانية تبدأ في الربيع المقبل.';
  for (const first of [
    // the lead's first sentence, on a line of its own
    'أطلقت وزارة الزراعة صباح اليوم حملة لزراعة عشرة آلاف شجرة على ضفاف نهر العاصي.',
    // a dateline line, a label
    'حماة - خاص:',
    'أهمية الخبر:',
    // two words: a name, not a headline
    'سامر الخطيب',
  ])
    assert.equal(headlineOf(`${first}\n\n${story}`), undefined, first);
  assert.equal(headlineOf(HEADLINE), undefined, 'a headline alone is not an article');
  assert.equal(headlineOf(`${HEADLINE}\n`), undefined);
  // A headline that ends with «!» or «؟», right above the story (no blank line).
  for (const h of ['هل تكفي الأمطار لإنقاذ موسم القمح؟', 'الزهراء تفوز بكأس المدن النظيفة!']) {
    const found = headlineOf(`${h}\n${story}`);
    assert.equal(found?.title, h);
    assert.ok(found.brief.lead[0]?.text.startsWith('وقال مدير الحملة'));
  }
});

test('khabar brief - (standard input) and a page with its own title are left as they were', async () => {
  const dir = tempDir('khabar-headline-');
  const page = join(dir, 'page.html');
  writeFileSync(
    page,
    `<html><head><title>${HEADLINE}</title></head><body><article><h1>${HEADLINE}</h1>
     <p>أطلقت وزارة الزراعة صباح اليوم حملة لزراعة عشرة آلاف شجرة على ضفاف نهر العاصي، بمشاركة متطوعين من المدارس والجمعيات الأهلية.</p>
     <p>وقال مدير الحملة إن الأشجار ستروى بالتنقيط، وإن المرحلة الثانية تبدأ في الربيع المقبل بعد موسم الأمطار.</p>
     </article></body></html>`,
  );
  const f = fakeContext();
  assert.equal(await main(['brief', page], f.ctx), 0, f.err());
  const doc = JSON.parse(f.out());
  assert.equal(doc.article.title, HEADLINE);
  assert.ok(doc.lead[0].text.startsWith(LEAD_START));
});
