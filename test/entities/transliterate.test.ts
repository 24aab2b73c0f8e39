import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { latinKey, slug, transliterate } from '../../src/text/transliterate.ts';

test('names come out readable and close to their usual spelling', () => {
  assert.equal(transliterate('لاريجاني'), 'Larijani');
  assert.equal(transliterate('علي لاريجاني'), 'Ali Larijani');
  assert.equal(transliterate('خالد منصور'), 'Khalid Mansur');
  assert.equal(transliterate('محمد باقر قاليباف'), 'Mohammad Baqir Qalibaf');
  assert.equal(transliterate('سامي الهاشمي'), 'Sami Al-Hashmi');
  assert.equal(transliterate('Larijani'), 'Larijani');
  // names no list knows: a diphthong before two consonants, «عبد ال…» as one name, usual spellings
  assert.equal(transliterate('فيصل'), 'Faysal');
  assert.equal(transliterate('هيثم'), 'Haytham');
  assert.equal(transliterate('أيمن الصفدي'), 'Ayman Al-Safdi');
  assert.equal(transliterate('عبد الملك الحوثي'), 'Abdul Malik Al-Huthi');
  assert.equal(transliterate('عبد الله'), 'Abdullah');
  assert.equal(transliterate('فؤاد حسين'), 'Fuad Hussein');
  assert.equal(transliterate('جورجيا'), 'Giorgia');
  assert.equal(transliterate('إيهود'), 'Ehud');
  assert.equal(transliterate('أولاف'), 'Olaf');
});

test('latinKey makes English and Arabic spellings of a name meet', () => {
  const pairs: [string, string][] = [
    ['لاريجاني', 'Larijani'],
    ['محسن نقوي', 'Mohsin Naqvi'],
    ['عراقجي', 'Araghchi'],
    ['خامنئي', 'Khamenei'],
    ['إسماعيل بقائي', 'Esmaeil Baghaei'],
    ['طهران', 'Tehran'],
    ['نتنياهو', 'Netanyahu'],
    ['أردوغان', 'Erdoğan'],
    ['محمد', 'Muhammad'],
  ];
  for (const [ar, en] of pairs) assert.equal(latinKey(ar), latinKey(en), `${ar} / ${en}`);
  assert.notEqual(latinKey('لاريجاني'), latinKey('Lavrov'));
});

test('slugs are id-safe', () => {
  assert.equal(slug('علي لاريجاني'), 'ali-larijani');
  fc.assert(
    fc.property(fc.string(), (s) => {
      assert.match(slug(s), /^[a-z0-9-]*$/);
      // Latin output is left alone the second time.
      const once = transliterate(s);
      if (!/\p{Script=Arabic}/u.test(once)) assert.equal(transliterate(once), once);
    }),
  );
});
