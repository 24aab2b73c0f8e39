/**
 * ingdef4: a dateline with no credit — a city and a dash before the lead, «عمّان – بحث وزيرا …»,
 * «الرباط - أعلنت …» — stayed in the lead (and so in the title of an untitled article), in a
 * labelled brief too: with no gazetteer the parser could not tell a place from a person or an
 * organisation before a dash. The gazetteer the entities use names the cities now (place.ts).
 * Every sentence here is written for the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { isCityName, opensOnPlace } from '../../src/brief/place.ts';

const BODY = 'وأضاف البيان أن اللجنة المشتركة ستجتمع مطلع الشهر المقبل لمتابعة ما اتفق عليه.';

test('a known city, a dash and the lead: the city is the dateline, the lead follows it', () => {
  for (const [opening, place, lead] of <Array<[string, string, string]>>[
    ['عمّان – بحث وزيرا الخارجية الأردني والمصري اليوم سبل التهدئة.', 'عمّان', 'بحث وزيرا'],
    ['الرباط - أعلنت الحكومة خطة جديدة لتحلية مياه البحر.', 'الرباط', 'أعلنت الحكومة'],
    ['بيروت - قال الوزير: ستفتح المدارس غدا.', 'بيروت', 'قال الوزير'],
    ['مدينة الكويت - افتتح وزير الصحة مستشفى جديدا.', 'مدينة الكويت', 'افتتح وزير'],
    ['القدس المحتلة- اقتحم مستوطنون باحات المسجد صباح اليوم.', 'القدس المحتلة', 'اقتحم مستوطنون'],
    ['غزة — قصفت طائرات مسيرة مواقع في شمال القطاع.', 'غزة', 'قصفت طائرات'],
    // (walk6: Hebron and Bethlehem were not in the gazetteer; «محمد الخليل» stays a person's name)
    ['الخليل - اقتحمت قوات الاحتلال البلدة القديمة فجر اليوم.', 'الخليل', 'اقتحمت قوات'],
    ['بيت لحم - افتتحت البلدية مساء اليوم سوق الميلاد السنوي.', 'بيت لحم', 'افتتحت البلدية'],
  ]) {
    const b = parseBrief(`${opening}\n\n${BODY}`);
    assert.equal(b.dateline?.text, place, opening);
    assert.ok(b.lead[0]?.text.startsWith(lead), `${opening} → ${b.lead[0]?.text}`);
  }
});

test('a person, an organisation, a region of the world or a place and a place before a dash stay the lead', () => {
  for (const text of [
    'سامي الخطيب - كاتب وصحفي يكتب عن الاقتصاد منذ عشرين عاما.',
    'وزارة الصحة - أعلنت الوزارة اليوم عن حملة تطعيم واسعة.',
    'الأمم المتحدة - دعت المنظمة الدولية إلى وقف إطلاق النار.',
    'أوروبا - تراجعت الأسواق مع نهاية تعاملات الأسبوع.',
    'تونس - الجزائر تتفقان على فتح معبر حدودي جديد.',
    'دمشق - طهران: محادثات جديدة حول الطاقة',
    'حلب - دمشق: الطريق الدولي يفتح من جديد',
    'رحلة 2026 - قصة عائلة عبرت البحر.',
  ]) {
    const b = parseBrief(`${text}\n\n${BODY}`);
    assert.equal(b.dateline, undefined, text);
    assert.equal(b.lead[0]?.text, text);
  }
});

test('in a labelled brief, the city before the lead is the dateline too', () => {
  const text = [
    'عمّان – بحث وزيرا الخارجية الأردني والمصري اليوم سبل تثبيت التهدئة في المنطقة.',
    '',
    'أهمية الخبر: يأتي اللقاء بعد أسبوع من التوتر على الحدود.',
    '',
    'الصورة العامة: اتفق الوزيران على تشكيل لجنة مشتركة تجتمع كل شهر.',
  ].join('\n');
  const b = parseBrief(text);
  assert.equal(b.origin, 'labelled');
  assert.equal(b.dateline?.text, 'عمّان');
  assert.ok(b.lead[0]?.text.startsWith('بحث وزيرا الخارجية'), b.lead[0]?.text);
});

test('isCityName and opensOnPlace read folded words', () => {
  assert.equal(isCityName(['عمان']), true);
  assert.equal(isCityName(['الرباط']), true);
  assert.equal(isCityName(['الاردن']), false, 'a country alone');
  assert.equal(isCityName(['اوروبا']), false);
  assert.equal(isCityName(['سامي', 'الخطيب']), false);
  assert.equal(opensOnPlace('الجزائر تتفقان'), true);
  assert.equal(opensOnPlace('طهران: محادثات'), true);
  assert.equal(opensOnPlace('أعلنت الحكومة'), false);
});
