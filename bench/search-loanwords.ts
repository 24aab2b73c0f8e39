/**
 * The loanword key (src/search/analyze.ts `loanKey`): what it adds to single-word queries.
 *
 *   node --import tsx bench/search-loanwords.ts [--docs 10161]
 *
 * Over ANT articles (title and text, the analyzer the stores use), for each query word: the
 * articles it matched before (the word's form, bare form or stem in the article) and the
 * articles it adds through its loanword key (the key among the article's `latin` column
 * terms, `indexColumns`, which holds word and word-pair keys), with the words that gave them.
 * Native words should add nothing; loanwords should add their other spellings.
 */
import { analyzeText, analyzeWord, indexColumns } from '../src/search/analyze.ts';
import { antAvailable, loadAnt } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-loanwords.ts', ['docs'], []);

const NATIVE = [
  'قال',
  'جمال',
  'الغرب',
  'جيش',
  'القوات',
  'كبير',
  'قبل',
  'الجبل',
  'كتاب',
  'مجال',
  'جولة',
  'وقود',
  'تشكيل',
  'القانون',
  'جريمة',
  'الجزيرة',
  'كثيرين',
  'قريبين',
  'الغربيين',
  'المقاتلين',
  'الفلسطينيين',
  'جديدين',
];
const FOREIGN = [
  'جوجل',
  'غوغل',
  'جوتيريش',
  'غوتيريش',
  'كونغرس',
  'الكونجرس',
  'بلجيكا',
  'انجلترا',
  'جورجيا',
  'بيونغ',
  'كيلوغرام',
  'فيسبوك',
  'ترامب',
  'بوتين',
  'پوتين',
  'برلين',
];

if (!antAvailable()) {
  console.log('ANT corpus absent (../shared/data/ant/ant.jsonl): nothing measured');
  process.exit(0);
}
const arg = process.argv.indexOf('--docs');
const ant = loadAnt().slice(0, arg > 0 ? Number(process.argv[arg + 1]) : undefined);
const docs = ant.map((a) => {
  const terms = analyzeText(`${a.title}\n${a.text}`);
  return {
    forms: new Set(terms.map((t) => t.form)),
    bare: new Set(terms.map((t) => t.bare)),
    stems: new Set(terms.filter((t) => t.script === 'arabic').map((t) => t.stem)),
    latin: new Set(indexColumns(terms).latin.split(' ')),
    terms,
  };
});
console.log(`${docs.length} ANT articles`);
for (const [kind, list] of [
  ['native', NATIVE],
  ['foreign', FOREIGN],
] as const) {
  let added = 0;
  for (const w of list) {
    const q = analyzeWord(w)!;
    let before = 0;
    let extra = 0;
    const via = new Map<string, number>();
    for (const d of docs) {
      if (d.forms.has(q.form) || d.bare.has(q.bare) || d.stems.has(q.stem)) before++;
      else if (q.loan && d.latin.has(q.loan)) {
        extra++;
        const t = d.terms.find((x) => x.loan === q.loan);
        const k = t ? t.form : '(word pair)';
        via.set(k, (via.get(k) ?? 0) + 1);
      }
    }
    added += extra;
    const by = [...via].map(([k, n]) => `${k}×${n}`).join(' ');
    console.log(`${kind}\t${w}\tkey ${q.loan || '-'}\tbefore ${before}\t+${extra}${by ? `\t${by}` : ''}`);
  }
  console.log(`${kind}: +${added} articles over ${list.length} queries`);
}
