/**
 * polish14: a dateline between dashes opening the lead's line — a place, a dash, a one-word
 * credit (or an agency's name) and a second dash: «القاهرة - خبر - افتتحت …» — is the brief's
 * dateline, so an untitled article is named by what follows it, in the reader, the search hits,
 * the CLI and the web ingest page (which named a pasted article by its first twelve words,
 * the dateline first). Every sentence here is written for the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import { MemoryStore } from '../api/memory-store.ts';
import { headline } from '../../src/text/headline.ts';

const LEAD = 'افتتحت وزارة الثقافة معرضا للكتاب المستعمل في ساحة المدينة القديمة بمشاركة خمسين دار نشر.';
const BODY = 'وقال المنظمون إن المعرض يستمر أسبوعا كاملا.';

test('«PLACE - CREDIT - lead»: the dateline, and the lead after it', () => {
  for (const [opening, words] of <Array<[string, string]>>[
    ['القاهرة - خبر - ', 'القاهرة - خبر'],
    ['عمّان – بترا – ', 'عمّان – بترا'],
    ['الدار البيضاء - وكالة الساحل للأنباء - ', 'الدار البيضاء - وكالة الساحل للأنباء'],
  ]) {
    const b = parseBrief(`${opening}${LEAD}\n\n${BODY}`);
    assert.equal(b.dateline?.text, words, opening);
    assert.equal(b.lead[0]?.text, LEAD, opening);
  }
});

test('what is not such a dateline stays the lead', () => {
  for (const text of [
    'تونس - الجزائر تتفقان على فتح معبر حدودي جديد قبل نهاية الشهر.',
    'واضع برامج -تقني - تقني أول: قائمة الناجحين في المناظرة الداخلية.',
    // two words between the dashes that name no agency: a place and a place, not a credit
    'تونس - الجزائر العاصمة - انطلقت أمس قافلة تضامنية بين المدينتين.',
  ]) {
    const b = parseBrief(`${text}\n\n${BODY}`);
    assert.equal(b.dateline, undefined, text);
    assert.equal(b.lead[0]?.text, text);
  }
});

test('POST /api/ingest names an untitled article by its lead, past the dateline', async () => {
  const app = createApp({ store: new MemoryStore(), token: 'secret', cache: false });
  const res = await app.request('/api/ingest', {
    method: 'POST',
    body: JSON.stringify({ text: `القاهرة - خبر - ${LEAD}\n\n${BODY}` }),
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret' },
  });
  assert.equal(res.status, 201, await res.clone().text());
  const [item] = ((await res.json()) as { items: Array<{ title?: string; lead?: string; id: string }> })
    .items;
  assert.equal(item?.title, undefined);
  assert.equal(item?.lead, LEAD);
  assert.equal(
    headline(item.lead),
    'افتتحت وزارة الثقافة معرضا للكتاب المستعمل في ساحة المدينة القديمة بمشاركة خمسين…',
  );
  // The archive lists it by the same lead (search hits, `khabar search`).
  const list = (await (await app.request('/api/articles')).json()) as { items: Array<{ lead?: string }> };
  assert.equal(list.items[0]?.lead, LEAD);
});
