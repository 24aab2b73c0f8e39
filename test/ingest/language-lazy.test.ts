import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { detectLanguage, languageModelLoaded, languageModelSource } from '../../src/ingest/language.ts';

// Its own file: a process where nothing else has asked for the n-gram detector yet.
test('the n-gram detector is loaded only when a text not in Arabic script needs it', () => {
  const canRequire = (process.features as { require_module?: boolean }).require_module === true;
  const json = existsSync(new URL('../../data/eld/small.json', import.meta.url));
  assert.equal(detectLanguage('أعلنت الحكومة أمس عن خطة لإعادة الإعمار في المدن الساحلية.').language, 'ar');
  assert.equal(
    detectLanguage('وزیر امور خارجه گفت که گفتگوها با هیئت پاکستانی بسیار مثبت بود.').language,
    'fa',
  );
  assert.equal(languageModelLoaded(), !canRequire && !json, 'Arabic-script texts do not load it');
  const en = detectLanguage('The minister said the agreement would be signed next week in the capital.');
  assert.equal(en.language, 'en');
  assert.ok(en.confidence >= 0.5, `confidence ${en.confidence}`);
  assert.equal(languageModelLoaded(), true);
  // The tables come from data/eld/small.json (cheap to load), not from eld's JS module.
  assert.equal(languageModelSource(), json ? 'json' : 'module');
  assert.equal(
    detectLanguage('Le ministre a déclaré que l’accord serait signé la semaine prochaine.').language,
    'fr',
  );
});
