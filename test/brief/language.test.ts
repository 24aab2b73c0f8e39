import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from '../../src/ingest/language.ts';

test('language: Arabic, including Arabic written with Persian ی/ک (Iranian outlets)', () => {
  assert.equal(
    detectLanguage('أعلنت وزارة الخارجية أن الوفد سيزور العاصمة الأسبوع المقبل لبحث ملف الطاقة.').language,
    'ar',
  );
  const withPersianForms =
    'لبنان- إیران برس: أکد رئیس المجلس أن المقاومة ستبقی حاضرة في الجنوب، وأن الحکومة تتحمل مسؤولیة الإعمار.';
  assert.equal(detectLanguage(withPersianForms).language, 'ar');
  // a Persian-letter name inside Arabic text is still Arabic
  assert.equal(
    detectLanguage('التقى الوزير بنظيره في مدينة گرگان شمال البلاد وبحثا التعاون في مجال الزراعة والمياه.')
      .language,
    'ar',
  );
});

test('language: Persian and Urdu by their own letters', () => {
  assert.equal(
    detectLanguage(
      'وزیر امور خارجه گفت که گفتگوها با هیئت پاکستانی بسیار مثبت بود و چند توافق تازه به دست آمد.',
    ).language,
    'fa',
  );
  assert.equal(
    detectLanguage(
      'وزیر خارجہ نے کہا کہ پاکستان اور ایران کے درمیان تجارت بڑھانے پر بات چیت ہوئی ہے اور یہ اچھی پیش رفت ہے۔',
    ).language,
    'ur',
  );
  // Persian without پ چ ژ گ: only its ی/ک, the zero-width non-joiner and no Arabic signs tell
  // (it was stored as Arabic)
  assert.equal(
    detectLanguage(
      'وزارت بهداشت امروز اعلام کرد که برنامه واکسیناسیون جدیدی را در همه مدارس دولتی استان\u200cهای شمالی آغاز می\u200cکند. این برنامه دو هفته ادامه خواهد داشت.',
    ).language,
    'fa',
  );
  // Arabic in the same forms keeps its signs: Arabic (and the pair above is not a rule on ی/ک alone)
  assert.equal(
    detectLanguage(
      'أعلنت وزارة الصحة الیوم عن حملة تطعیم جدیدة تشمل المدارس الحکومیة في المحافظات الشمالیة وتستمر أسبوعین.',
    ).language,
    'ar',
  );
});

test('language: other scripts via eld, and und for no text', () => {
  assert.equal(
    detectLanguage('The foreign minister said the talks with the visiting delegation were useful.').language,
    'en',
  );
  assert.equal(
    detectLanguage('Le ministre a déclaré que les discussions avec la délégation étaient utiles.').language,
    'fr',
  );
  assert.deepEqual(detectLanguage('  12 34 '), { language: 'und', confidence: 0 });
  const c = detectLanguage('أعلنت وزارة الخارجية أن الوفد سيزور العاصمة').confidence;
  assert.ok(c > 0 && c <= 1);
});
