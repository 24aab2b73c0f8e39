/**
 * Sorani Kurdish (Arabic script, with its own letters ێ ۆ ڕ ڵ ە) is no Arabic: it is quarantined
 * with a reason naming Kurdish, as Persian and Urdu are. It was read as Arabic (short texts, or
 * any with an Arabic sign) or as Persian (a long one written with ک/ی and none of Arabic's
 * signs), and analyzed. Arabic quoting a Kurdish name or slogan, or written with ی/ک, stays Arabic.
 * All sentences are our own.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { detectLanguage } from '../../src/ingest/language.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const KURDISH = {
  // «The head of the Kurdistan Region's government met his ministers in Erbil today …»
  long: 'سەرۆکی حکومەتی هەرێمی کوردستان ئەمڕۆ لە هەولێر لەگەڵ وەزیرانی حکومەت کۆبووەوە و باسی بودجەی ساڵی داهاتوو کرا.',
  // «The finance minister says the salaries will be paid out this month.»
  short: 'وەزیری دارایی دەڵێت مووچە بۆ ئەم مانگە دابەش دەکرێت.',
  // With Persian letters too (ژ چ پ گ), and an Arabic loan with «ال».
  mixed:
    'پەرلەمانی کوردستان دوای گفتوگۆیەکی درێژ پڕۆژەی یاسای هەڵبژاردنی پەسەند کرد و بڕیاری دا کە هەڵبژاردن لە پاییزدا بکرێت، هەروەها لیژنەی القانونی ڕاپۆرتەکەی پێشکەش کرد.',
};

const ARABIC = {
  // A Kurdish slogan quoted on a banner.
  slogan:
    'وصل رئيس حكومة إقليم كردستان إلى بغداد قادما من أربيل، ورفع المستقبلون لافتة كتب عليها «بەخێربێن بۆ بەغدا» أمام مبنى الوزارة.',
  // A Kurdish place name, short text.
  place: 'زار الوفد مدينة هەولێر.',
  // Written with ی/ک (Iranian and Kurdish outlets' Arabic), «کوردستان» spelled the Kurdish way.
  yehKaf: 'أکد رئیس إقليم کوردستان أن الحکومة الاتحادیة ملزمة بدفع رواتب الموظفین في المحافظات الشمالیة.',
  name: 'قال مسرور بارزانی إن أربيل تريد اتفاقا دائما مع بغداد حول النفط والرواتب.',
};

test('language: Sorani Kurdish is ku, not Arabic nor Persian', () => {
  for (const [k, text] of Object.entries(KURDISH)) assert.equal(detectLanguage(text).language, 'ku', k);
  assert.ok(detectLanguage(KURDISH.long).confidence >= 0.5);
});

test('language: Arabic quoting a Kurdish name or slogan, or written with ی/ک, stays Arabic', () => {
  for (const [k, text] of Object.entries(ARABIC)) assert.equal(detectLanguage(text).language, 'ar', k);
});

test('khabar ingest quarantines a Kurdish file with a reason naming Kurdish; status shows it; Arabic is stored', async () => {
  const dir = tempDir('khabar-kurdish-');
  writeFileSync(join(dir, 'ku.txt'), KURDISH.long);
  writeFileSync(join(dir, 'ku-short.txt'), KURDISH.short);
  writeFileSync(join(dir, 'ar.txt'), ARABIC.slogan);
  const db = join(dir, 'k.db');
  const ing = fakeContext();
  // 3: something was quarantined.
  assert.equal(await main(['ingest', dir, '--db', db, '--quiet'], ing.ctx), 3, ing.err());
  const st = fakeContext();
  assert.equal(await main(['status', '--db', db, '--json'], st.ctx), 0, st.err());
  const status = JSON.parse(st.out()) as {
    stats: { articles: number; quarantined: number };
  };
  assert.deepEqual([status.stats.articles, status.stats.quarantined], [1, 2], st.out());
  const out = JSON.stringify(status);
  for (const f of ['ku.txt', 'ku-short.txt']) {
    const at = out.indexOf(`${f}: written in Kurdish (ku), not Arabic`);
    assert.ok(at >= 0, `${f} quarantined as Kurdish: ${out}`);
  }
  assert.match(out, /ingest\/not-arabic/u);
});
