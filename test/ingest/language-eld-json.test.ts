import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { eld as eldModule } from 'eld/small';
import { detectLanguage, languageModelSource, letterCounts } from '../../src/ingest/language.ts';

// Sentences written for this test (not from any corpus), in scripts and languages the
// n-gram detector decides, plus short, mixed and noisy ones.
const SENTENCES = [
  'The minister said the agreement would be signed next week in the capital.',
  'Heavy rain flooded several roads in the north of the country on Tuesday.',
  'Le ministre a déclaré que l’accord serait signé la semaine prochaine.',
  'Les négociations reprendront lundi à Genève, selon un porte-parole.',
  'Der Minister sagte, das Abkommen werde nächste Woche unterzeichnet.',
  'El gobierno anunció nuevas medidas para contener la inflación.',
  'Il presidente ha incontrato i sindacati per discutere dei salari.',
  'O governo anunciou um novo plano de investimentos em infraestrutura.',
  'De regering heeft vandaag een nieuw begrotingsplan gepresenteerd.',
  'Hükümet yeni ekonomik tedbirleri bugün açıkladı.',
  'Министр заявил, что соглашение будет подписано на следующей неделе.',
  'Уряд оголосив про нові заходи підтримки малого бізнесу.',
  'Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.',
  'הממשלה הודיעה היום על צעדים חדשים.',
  'सरकार ने आज नई आर्थिक नीतियों की घोषणा की।',
  '政府今天宣布了新的经济措施。',
  '政府は本日、新しい経済対策を発表した。',
  '정부는 오늘 새로운 경제 대책을 발표했다.',
  'รัฐบาลประกาศมาตรการเศรษฐกิจใหม่วันนี้',
  'Rząd ogłosił dziś nowe środki gospodarcze.',
  'Vláda dnes oznámila nová ekonomická opatření.',
  'Hallitus ilmoitti tänään uusista talouden toimista.',
  'Regeringen meddelade i dag nya ekonomiska åtgärder.',
  'Chính phủ hôm nay công bố các biện pháp kinh tế mới.',
  'Kerajaan mengumumkan langkah ekonomi baharu hari ini.',
  'AFP Reuters AP UN NATO EU',
  'Mr. Abbas met Mr. Netanyahu',
  'ok',
  'www.example.com/news/2024/05/article-123.html',
  'Gaza: الجيش يعلن عن عملية جديدة in the north today, officials said.',
  'Breaking: قال الوزير إن الاتفاق سيوقع الأسبوع المقبل',
  '12345 67890 !!! ???',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
  'Ο πρωθυπουργός Mitsotakis συναντήθηκε με τον Macron στο Παρίσι.',
];

test('n-gram detector from data/eld/small.json: the same answers as eld/small', (t) => {
  if (!existsSync(new URL('../../data/eld/small.json', import.meta.url))) {
    t.skip('data/eld/small.json absent (scripts/build-eld-data.ts writes it)');
    return;
  }
  let decided = 0;
  for (const s of SENTENCES) {
    const got = detectLanguage(s);
    const counts = letterCounts(s);
    // Fewer than 3 letters, or mostly Arabic script: decided without the n-gram detector.
    if (counts.letters < 3 || counts.arabic / counts.letters >= 0.5) continue;
    decided++;
    const r = eldModule.detect(s);
    if (!r.language) {
      assert.equal(got.language, 'und', s);
      continue;
    }
    const top = r.getScores()[r.language] ?? 0;
    const conf = r.isReliable() ? Math.max(0.5, top) : Math.min(0.49, top);
    assert.equal(got.language, r.language, s);
    assert.equal(got.confidence, Math.round(Math.max(0, Math.min(1, conf)) * 100) / 100, s);
  }
  assert.ok(decided >= 30, `${decided} sentences went to the n-gram detector`);
  assert.equal(languageModelSource(), 'json');
});
