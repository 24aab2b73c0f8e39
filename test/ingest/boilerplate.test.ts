/**
 * A news page's furniture inside its article container — share rows, «اقرأ أيضا» and the
 * related headlines under it, tag lists, copyright lines, date spans, the site's name after the
 * <title> — never reaches the stored text, the lead or the composed brief (ingdef).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { compose } from '../../src/compose/compose.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import { withoutBoilerplate, withoutSiteSuffix } from '../../src/ingest/boilerplate.ts';
import { feedSource } from '../../src/ingest/sources/feed.ts';

const STORY = [
  'دشنت وزارة الزراعة صباح اليوم محطة جديدة لتحلية المياه في واحة النخيل، بطاقة تبلغ عشرة آلاف متر مكعب يوميا.',
  'وقال مدير المحطة إن المياه المحلاة ستوجه أولا إلى المزارعين الصغار الذين عانوا من الجفاف خلال الصيف الماضي.',
  'وأضاف أن الوزارة تعتزم بناء محطتين أخريين في الجنوب قبل نهاية العام المقبل، بتمويل من صندوق التنمية.',
  'ويعتمد سكان الواحة منذ عقود على الآبار الجوفية التي تراجع منسوبها بشكل ملحوظ في السنوات الأخيرة.',
];
const [P1, P2, P3, P4] = STORY.map((p) => `<p>${p}</p>`) as [string, string, string, string];

const page = (title: string, body: string, head = '') =>
  `<html lang="ar"><head><title>${title}</title>${head}</head><body><article><h1>تدشين محطة لتحلية المياه في واحة النخيل</h1>${body}</article></body></html>`;

const build = (html: string) => {
  const r = buildArticle({ source: '/news/water.html', format: 'html', html: true, text: html });
  assert.ok(r.kind === 'article', JSON.stringify(r));
  return r.article;
};

const FURNITURE: ReadonlyArray<readonly [string, string]> = [
  [
    'share row',
    `<div class="tools"><span>شارك:</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>`,
  ],
  ['share label', '<p>مشاركة</p>'],
  ['share networks with slashes', '<p>شارك الخبر عبر تويتر / فيسبوك</p>'],
  // ingdef4: «هذا» in the row kept it in the text, after the story's last paragraph
  ['share this story', '<div class="share">شارك هذا الخبر: فيسبوك | تويتر | واتساب</div>'],
  ['share this article', '<p>شاركوا هذه المقالة عبر واتساب</p>'],
  [
    'read-also line',
    '<p><strong>اقرأ أيضًا:</strong> <a href="/n/2">افتتاح سوق للتمور في الواحة المجاورة</a></p>',
  ],
  [
    'read-also label and its list',
    '<h3>اقرأ أيضا</h3><ul><li><a href="/n/3">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></li><li><a href="/n/4">موسم جني التمور ينطلق الأسبوع المقبل</a></li></ul>',
  ],
  // ingdef2: a label split across inline tags is its whole line, and its list goes with it
  [
    'read-also label split across <strong>',
    '<p><strong>اقرأ</strong> أيضا:</p><ul><li><a href="/n/3">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></li><li><a href="/n/4">موسم جني التمور ينطلق الأسبوع المقبل</a></li></ul>',
  ],
  [
    'read-also label in a <span>, headlines as linked paragraphs',
    '<p><span>اقرأ أيضًا</span></p><p><a href="/n/3">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></p><p><a href="/n/4">موسم جني التمور ينطلق الأسبوع المقبل</a></p>',
  ],
  [
    'read-also label in two <b>, headlines as linked paragraphs',
    '<p><b>اقرأ</b> <b>أيضا</b>:</p><p><a href="/n/3">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></p><p><a href="/n/4">موسم جني التمور ينطلق الأسبوع المقبل</a></p>',
  ],
  [
    'read-also line with the label split',
    '<p><strong>اقرأ</strong> أيضا: <a href="/n/3">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></p>',
  ],
  [
    'tags',
    '<div class="tags">الوسوم: <a href="/t/1">المياه</a> <a href="/t/2">الزراعة</a> <a href="/t/3">الجفاف</a></div>',
  ],
  ['keywords', '<p>كلمات مفتاحية: تحلية، واحة النخيل، وزارة الزراعة</p>'],
  ['copyright', '<p>جميع الحقوق محفوظة © 2026 صحيفة الواحة</p>'],
];

test('share rows, «اقرأ أيضا» and its list, tags and copyright lines leave the text, the lead and the brief', () => {
  for (const [what, furniture] of FURNITURE) {
    for (const html of [
      page('تدشين محطة لتحلية المياه في واحة النخيل', `${P1}${P2}${furniture}${P3}${P4}`),
      page('تدشين محطة لتحلية المياه في واحة النخيل', `${furniture}${P1}${P2}${P3}${P4}`),
      page('تدشين محطة لتحلية المياه في واحة النخيل', `${P1}${P2}${P3}${P4}${furniture}`),
    ]) {
      const a = build(html);
      assert.equal(a.text, STORY.join('\n\n'), what);
      assert.equal(parseBrief(a.text).lead[0]?.text, STORY[0], what);
      const brief = JSON.stringify(compose(a.text));
      for (const w of ['فيسبوك', 'اقرأ', 'الأعلاف', 'الوسوم', 'مفتاحية', 'محفوظة'])
        assert.ok(!brief.includes(w), `${what}: «${w}» in the brief`);
    }
  }
});

test("a feed item's own HTML (content:encoded, description) loses the same furniture as a page", async () => {
  for (const [what, furniture] of FURNITURE) {
    const html = `${P1}${P2}${furniture}${P3}${P4}`;
    for (const field of ['content:encoded', 'description']) {
      const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>صحيفة الواحة</title><item><title>تدشين محطة لتحلية المياه</title><guid>w-1</guid><${field}><![CDATA[${html}]]></${field}></item></channel></rss>`;
      const got = [];
      for await (const it of feedSource({
        location: '/feeds/water.xml',
        bytes: new TextEncoder().encode(feed),
      }))
        got.push(it);
      assert.equal(got.length, 1);
      assert.ok(got[0]?.kind === 'article', `${what}: ${JSON.stringify(got[0])}`);
      assert.equal(got[0].article.text, STORY.join('\n\n'), `${what} in ${field}`);
    }
  }
});

test('a <span class="date"> inside a paragraph leaves it and dates the page', () => {
  const a = build(
    page(
      'تدشين محطة لتحلية المياه في واحة النخيل',
      `<p><span class="date">الثلاثاء 1 ديسمبر 2026</span> ${STORY[0]}</p>${P2}${P3}${P4}`,
    ),
  );
  assert.equal(a.text, STORY.join('\n\n'));
  assert.equal(a.published, '2026-12-01');
  assert.equal(parseBrief(a.text).lead[0]?.text, STORY[0]);
  const b = build(
    page(
      'تدشين محطة لتحلية المياه في واحة النخيل',
      `${P1}<p>${STORY[1]} <span class="post-date">منذ ساعتين</span></p>${P3}${P4}`,
    ),
  );
  assert.equal(b.text, STORY.join('\n\n'));
});

test("the site's name after the <title> is not the article's title", () => {
  const head = 'تدشين محطة لتحلية المياه في واحة النخيل';
  for (const title of [`${head} | الواحة`, `${head} – صحيفة الواحة`, `${head} - الواحة نيوز`]) {
    assert.equal(build(page(title, `${P1}${P2}${P3}${P4}`)).title, head, title);
  }
  assert.equal(
    build(
      page(
        `${head} - الواحة اليوم`,
        `${P1}${P2}${P3}${P4}`,
        '<meta property="og:site_name" content="الواحة اليوم">',
      ),
    ).title,
    head,
  );
  // a dash inside the headline, or a subtitle that is no outlet, stays
  assert.equal(withoutSiteSuffix('قمة الرياض - الجلسة الختامية', []), 'قمة الرياض - الجلسة الختامية');
  assert.equal(withoutSiteSuffix('وزير - المالية', []), 'وزير - المالية');
  assert.equal(
    withoutSiteSuffix('أخبار مصر اليوم | انفجار قرب ميناء المدينة', []),
    'أخبار مصر اليوم | انفجار قرب ميناء المدينة',
    'a part before « | » shorter than the part after is no headline',
  );
});

test('story paragraphs that mention sharing, tags or rights stay', () => {
  const text = [
    'شارك آلاف المزارعين في المعرض الذي نظمته الوزارة على مدى ثلاثة أيام.',
    'وقال المنظمون إن الحقوق المائية للمزارعين محفوظة بموجب القانون الجديد.',
    'ونشر الوزير على فيسبوك صورا من زيارته للمحطة صباح اليوم.',
  ].join('\n\n');
  assert.equal(withoutBoilerplate(text), text);
});
