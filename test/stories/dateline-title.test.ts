/**
 * polish13: a story of untitled articles is titled by its first article's lead, not by a
 * dateline line it opens with («الرباط - وكالة الساحل للأنباء»). Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFromText } from '../../src/brief/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { clusterStories } from '../../src/stories/cluster.ts';

test('a story of untitled articles opening with a dateline line is titled by the lead', () => {
  const doc = (id: string, outlet: string, text: string) =>
    processArticle({
      ...articleFromText({
        text,
        source: `${id}.txt`,
        format: 'text',
        published: '2025-11-12',
        ingestedAt: '2025-11-12T00:00:00Z',
      }),
      id,
      outlet,
    });
  const a = doc(
    'd1',
    'وكالة الساحل',
    'الرباط - وكالة الساحل للأنباء\n\nأعلنت وزارة الفلاحة المغربية أن مخزون السدود ارتفع بعد الأمطار الأخيرة في المناطق الجافة وأن برنامج دعم الفلاحين الصغار سيبدأ الشهر المقبل.',
  );
  const b = doc(
    'd2',
    'صحيفة الندى',
    'الرباط (خاص) -\n\nقالت وزارة الفلاحة المغربية إن مخزون السدود ارتفع بعد الأمطار الأخيرة في المناطق الجافة، وإن برنامج دعم الفلاحين الصغار سيبدأ الشهر المقبل.',
  );
  const stories = clusterStories([a, b]);
  assert.equal(stories.length, 1, JSON.stringify(stories.map((s) => s.articles)));
  assert.doesNotMatch(stories[0]!.title, /^الرباط/u, stories[0]!.title);
  assert.match(stories[0]!.title, /^(?:أعلنت|قالت) وزارة الفلاحة/u, stories[0]!.title);
});
