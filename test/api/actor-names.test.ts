/**
 * uidef2: the actor filter of GET /api/events (the timeline's `?actor=`), /api/relations and
 * /api/search takes any known name of an entity — «لاريجاني», «علي لاريجاني», «Larijani», «Ali
 * Larijani» — not only its id or the name its events are stored under; a name several entities
 * share answers the events (articles, dyads) of each with an `ambiguous-actor` note listing
 * their ids. Before, `/api/events?actor=لاريجاني` was a 404 «no event or entity names it» on an
 * archive where two people are called so. The articles are our own writing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type IngestedArchive, ingestedArchive } from './archive.ts';

const ARTICLES = [
  {
    id: 'an-1',
    outlet: 'صحيفة المرصد',
    title: 'علي لاريجاني يلتقي وزير الخارجية العماني في مسقط',
    published: '2026-03-02',
    text: 'التقى علي لاريجاني، أمين المجلس الأعلى للأمن القومي الإيراني، وزير الخارجية العماني بدر البوسعيدي في مسقط يوم الاثنين، وبحث الجانبان سبل تعزيز التعاون بين البلدين.\n\nوقال لاريجاني إن بلاده ترحب بالوساطة العمانية وتدعو إلى استئناف الحوار مع الدول الغربية.',
  },
  {
    id: 'an-2',
    outlet: 'وكالة الضفة',
    title: 'صادق لاريجاني ينتقد قرار البرلمان',
    published: '2026-03-05',
    text: 'انتقد رئيس مجمع تشخيص مصلحة النظام صادق لاريجاني يوم الخميس قرار البرلمان الإيراني بشأن الموازنة، واتهم النواب بتجاهل مطالب الشارع.\n\nوقال صادق لاريجاني إن القرار سيضر بالاقتصاد الوطني.',
  },
  {
    id: 'an-3',
    outlet: 'وكالة الضفة',
    title: 'مجلس الأمن الدولي يدعو إلى وقف إطلاق النار',
    published: '2026-03-15',
    text: 'دعا مجلس الأمن الدولي يوم الأحد إلى وقف فوري لإطلاق النار في غزة، وطالب بإدخال المساعدات الإنسانية دون قيود.\n\nورحبت الأردن بقرار مجلس الأمن، وأكدت دعمها لجهود التهدئة.',
  },
];

type Note = { code: string; params: Record<string, string>; message: string };
type Events = {
  total: number;
  items: Array<{ source: Array<{ entityId?: string }>; target: Array<{ entityId?: string }> }>;
  notes?: Note[];
};

/** The entity ids an answer's events name. */
const actorsOf = (r: Events) =>
  new Set(r.items.flatMap((e) => [...e.source, ...e.target].map((a) => a.entityId).filter(Boolean)));

describe('the actor filter takes any name of an entity', () => {
  let archive: IngestedArchive;
  const app = () => archive.app;
  const get = async <T>(path: string, params: Record<string, string>): Promise<T> => {
    const res = await app().request(`${path}?${new URLSearchParams(params)}`);
    assert.equal(res.status, 200, `${path} ${JSON.stringify(params)}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };

  before(async () => {
    archive = await ingestedArchive('actor-names', ARTICLES.map((a) => JSON.stringify(a)).join('\n'));
  });
  after(() => archive.close());

  test('one person by his full name, Arabic or Latin, as by his id', async () => {
    const byId = await get<Events>('/api/events', { actor: 'person:ali-larijani' });
    assert.ok(byId.total >= 1, 'his events');
    for (const actor of ['علي لاريجاني', 'Ali Larijani', 'ali larijani']) {
      const r = await get<Events>('/api/events', { actor });
      assert.equal(r.total, byId.total, actor);
      assert.ok(actorsOf(r).has('person:ali-larijani'), actor);
      assert.ok(!actorsOf(r).has('person:sadiq-larijani'), `${actor}: not his brother's`);
      assert.equal(r.notes, undefined, `${actor} names one actor`);
    }
  });

  test('a family name two people share: the events of both, and a note listing them', async () => {
    const ali = (await get<Events>('/api/events', { actor: 'person:ali-larijani' })).total;
    const sadiq = (await get<Events>('/api/events', { actor: 'person:sadiq-larijani' })).total;
    assert.ok(sadiq >= 1, 'his events');
    for (const actor of ['لاريجاني', 'Larijani', 'اللاريجاني']) {
      const r = await get<Events>('/api/events', { actor, lang: 'en' });
      assert.equal(r.total, ali + sadiq, actor);
      assert.deepEqual(r.notes?.[0]?.code, 'ambiguous-actor', actor);
      assert.deepEqual(r.notes?.[0]?.params, {
        value: actor,
        ids: 'person:ali-larijani,person:sadiq-larijani',
        names: 'علي لاريجاني|صادق لاريجاني',
        more: '',
      });
      assert.match(
        r.notes![0]!.message,
        /names more than one actor of the archive — علي لاريجاني \(person:ali-larijani\), صادق لاريجاني \(person:sadiq-larijani\)/u,
      );
    }
    const ar = await get<Events>('/api/events', { actor: 'لاريجاني', lang: 'ar' });
    assert.match(ar.notes![0]!.message, /^actor:لاريجاني يسمّي أكثر من فاعل في الأرشيف/u);
  });

  test('a body by its name in the article’s words, with or without the article «ال»', async () => {
    const byId = await get<Events>('/api/events', { actor: 'org:unsc' });
    assert.ok(byId.total >= 1);
    const r = await get<Events>('/api/events', { actor: 'مجلس الأمن الدولي' });
    assert.equal(r.total, byId.total);
  });

  test('a name nobody has is still a 404', async () => {
    const res = await app().request(`/api/events?${new URLSearchParams({ actor: 'زيد الخيالي' })}`);
    assert.equal(res.status, 404);
  });

  test('relations at actor level and search take the names too, with the same note', async () => {
    type Rel = { dyads: Array<{ source: string; target: string }>; notes?: Note[] };
    const rel = await get<Rel>('/api/relations', { level: 'actor', actor: 'Larijani' });
    const named = new Set(rel.dyads.flatMap((d) => [d.source, d.target]));
    assert.ok(named.has('person:ali-larijani') && named.has('person:sadiq-larijani'), [...named].join());
    assert.equal(rel.notes?.[0]?.code, 'ambiguous-actor');
    const one = await get<Rel>('/api/relations', { level: 'actor', actor: 'علي لاريجاني' });
    assert.ok(one.dyads.length > 0 && one.notes === undefined);
    type Search = { total: number; notes?: Note[] };
    const s = await get<Search>('/api/search', { actor: 'لاريجاني', facets: 'false' });
    assert.equal(s.total, 2);
    assert.equal(s.notes?.[0]?.code, 'ambiguous-actor');
    const inQuery = await get<Search>('/api/search', { q: 'actor:Larijani', facets: 'false' });
    assert.equal(inQuery.notes?.[0]?.params.ids, 'person:ali-larijani,person:sadiq-larijani');
    const full = await get<Search>('/api/search', { actor: 'صادق لاريجاني', facets: 'false' });
    assert.equal(full.total, 1);
    assert.equal(full.notes, undefined);
  });
});
