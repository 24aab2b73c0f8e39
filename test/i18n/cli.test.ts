import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

function file(text: string): string {
  const dir = tempDir('khabar-i18n-');
  const path = join(dir, 'a.txt');
  writeFileSync(path, text);
  return path;
}

const meeting = file('التقى وزير الخارجية التركي هاكان فيدان نظيره اليوناني في أنقرة اليوم.');
const people = file('أكد رئيس الوزراء الباكستاني شهباز شريف أن إسلام آباد تدعم الحوار مع طهران.');

test('khabar events --lang en|ar labels types, countries and sectors', async () => {
  const en = fakeContext();
  assert.equal(await main(['events', meeting, '--lang', 'en'], en.ctx), 0);
  // (the English label only repeats the code: not printed twice, «CONSULT (Consult)»)
  assert.match(en.out(), /CONSULT\/meet {2}Hakan Fidan/);
  assert.doesNotMatch(en.out(), /\(Consult\)/);
  // the actor as every surface says it: its name, then its country and sector in one parenthesis
  assert.match(en.out(), /Hakan Fidan \(Türkiye, Government\)/);
  assert.match(en.out(), /confidence 0\.\d\d/);
  const ar = fakeContext();
  assert.equal(await main(['events', meeting, '--lang=ar'], ar.ctx), 0);
  assert.match(ar.out(), /CONSULT\/meet \(تشاور\)/);
  assert.match(ar.out(), /هاكان فيدان \(تركيا، حكومة\)/);
  assert.doesNotMatch(ar.out(), /\/حكومة/, 'not the code-like «تركيا/حكومة»');
  assert.doesNotMatch(ar.out(), /Government|confidence/);
});

test('khabar events: the default language comes from the locale', async () => {
  const ar = fakeContext({ LANG: 'ar_EG.UTF-8' });
  assert.equal(await main(['events', meeting], ar.ctx), 0);
  assert.match(ar.out(), /\(تشاور\)/);
  const en = fakeContext({ LC_ALL: 'en_US.UTF-8', LANG: 'ar_EG.UTF-8' });
  assert.equal(await main(['events', meeting], en.ctx), 0);
  assert.match(en.out(), /Türkiye, Government/);
  const flag = fakeContext({ LANG: 'ar_EG.UTF-8' });
  assert.equal(await main(['events', meeting, '--lang', 'en'], flag.ctx), 0);
  assert.match(flag.out(), /Türkiye, Government/, '--lang wins over the locale');
});

test('khabar events --json adds English glosses beside the codes', async () => {
  const { ctx, out } = fakeContext({ LANG: 'ar_EG.UTF-8' });
  assert.equal(await main(['events', meeting, '--json'], ctx), 0);
  const ev = JSON.parse(out()).events[0];
  assert.equal(ev.type, 'CONSULT');
  assert.equal(ev.type_label, 'Consult');
  assert.equal(ev.source[0].country, 'TUR');
  assert.equal(ev.source[0].country_name, 'Türkiye');
  assert.equal(ev.source[0].sector_label, 'Government');
  assert.equal(ev.source[0].display, 'Hakan Fidan');
});

test('khabar events/entities --lang with a bad value fails naming the option', async () => {
  for (const cmd of ['events', 'entities']) {
    const { ctx, err } = fakeContext();
    assert.equal(await main([cmd, meeting, '--lang', 'fr'], ctx), 2);
    assert.match(err(), /--lang: needs ar or en \(got "fr"\)/);
  }
});

test('khabar entities --lang en|ar: names, countries, sectors and posts', async () => {
  const en = fakeContext();
  assert.equal(await main(['entities', people, '--lang', 'en'], en.ctx), 0);
  assert.match(en.out(), /Shehbaz Sharif · Pakistan · Government · Prime Minister/);
  const ar = fakeContext({ LANG: 'ar_PK' });
  assert.equal(await main(['entities', people], ar.ctx), 0);
  // polish9: the Arabic description does not repeat the Arabic name column before it.
  assert.match(
    ar.out(),
    /person:shehbaz-sharif {2}شهباز شريف {2}— {2}باكستان · حكومة · رئيس الوزراء الباكستاني$/mu,
  );
  assert.match(ar.out(), /^LOC {3}country:PAK {2}باكستان$/mu);
  assert.doesNotMatch(ar.out(), /Government|Prime Minister/);
});

test('khabar entities --json: name_en, display, post_en, country_name, sector_label', async () => {
  const { ctx, out } = fakeContext();
  assert.equal(await main(['entities', people, '--json'], ctx), 0);
  const r = JSON.parse(out()) as { entities: Record<string, unknown>[] };
  const p = r.entities.find((e) => e.id === 'person:shehbaz-sharif');
  assert.ok(p);
  assert.equal(p.name_en, 'Shehbaz Sharif');
  assert.equal(p.post_en, 'Prime Minister');
  assert.equal(p.country_name, 'Pakistan');
  assert.equal(p.sector_label, 'Government');
  assert.equal(p.type_label, 'Person');
  for (const e of r.entities) assert.doesNotMatch(String(e.name_en), /\p{Script=Arabic}/u);
});

// own writing: a meeting of two ministers named only by their posts, in Rabat, on economic ties
const ministers = file(
  'استقبل وزير الخارجية المغربي في الرباط أمس نظيره الموريتاني، وبحث الجانبان التعاون الاقتصادي بين البلدين.',
);

test('khabar entities: a post that is the entity’s name is not said twice', async () => {
  const en = fakeContext();
  assert.equal(await main(['entities', ministers, '--lang', 'en'], en.ctx), 0);
  const line = en
    .out()
    .split('\n')
    .find((l) => l.includes('post:minister-of-foreign-affairs-mar'));
  assert.ok(line, en.out());
  assert.match(line, /— {2}Minister of Foreign Affairs · Morocco · Government$/u);
  const ar = fakeContext();
  assert.equal(await main(['entities', ministers, '--lang', 'ar'], ar.ctx), 0);
  const lineAr = ar
    .out()
    .split('\n')
    .find((l) => l.includes('post:minister-of-foreign-affairs-mar'));
  assert.ok(lineAr, ar.out());
  assert.equal(
    lineAr.split('وزير الخارجية المغربي').length - 1,
    1,
    'the name column only (polish9: the Arabic description no longer repeats it)',
  );
  assert.match(lineAr, /وزير الخارجية المغربي {2}— {2}المغرب · حكومة$/u);
});

test('khabar events: contexts in the table’s language, the place by its English name', async () => {
  const en = fakeContext();
  assert.equal(await main(['events', ministers, '--lang', 'en'], en.ctx), 0);
  assert.match(en.out(), /contexts: economic/u);
  assert.match(en.out(), /in: Rabat/u);
  assert.doesNotMatch(en.out(), /in: \p{Script=Arabic}/u);
  const ar = fakeContext();
  assert.equal(await main(['events', ministers, '--lang', 'ar'], ar.ctx), 0);
  assert.match(ar.out(), /السياقات: اقتصادي/u);
  assert.match(ar.out(), /في: الرباط/u);
  assert.doesNotMatch(ar.out(), /economic/u);
});

test('khabar events: a country that is the actor is not said twice («Iraq», not «Iraq (Iraq, Government)»)', async () => {
  // own writing
  const pact = file(
    'وقعت المملكة العربية السعودية والعراق يوم الأحد اتفاقية للتعاون في مجال الطاقة الكهربائية.',
  );
  for (const [lang, twice] of [
    ['en', /(Saudi Arabia|Iraq) \(\1/u],
    ['ar', /(السعودية|العراق) \(\1/u],
  ] as const) {
    const f = fakeContext();
    assert.equal(await main(['events', pact, '--lang', lang], f.ctx), 0);
    assert.match(f.out(), /^1\. AGREE/mu, f.out());
    assert.doesNotMatch(f.out(), twice, f.out());
  }
  // a named actor keeps its name beside the country
  const en = fakeContext();
  assert.equal(await main(['events', meeting, '--lang', 'en'], en.ctx), 0);
  assert.match(en.out(), /Hakan Fidan \(Türkiye, Government\)/u);
});
