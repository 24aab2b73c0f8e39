/**
 * The CLI's error lines in Arabic (`--lang ar`, or an Arabic locale: LC_ALL, LC_MESSAGES, LANG):
 * each catalogue code of src/errors.ts has its Arabic message here, made from the same
 * arguments. A detail the commands write in English (an option's `why`, a usage line) is said
 * in Arabic when it is one of the phrasings below, else kept as written. English is unchanged.
 * test/i18n/errors.test.ts fails on a catalogue code with no Arabic message.
 */
import type { ErrorCode, ERRORS, KhabarError } from '../errors.ts';
import type { Lang } from './glossary.ts';

type Catalogue = { [C in ErrorCode]: (...args: Parameters<(typeof ERRORS)[C]>) => string };

export const ERRORS_AR: Catalogue = {
  INPUT_NOT_FOUND: (input) => `${input}: لا ملف بهذا الاسم. تحقّق من المسار، أو مرّر - لقراءة المدخل القياسي.`,
  FILE_NOT_FOUND: (path) => `${path}: لا ملف ولا مجلد بهذا الاسم. تحقّق من المسار.`,
  OUTPUT_UNWRITABLE: (path, why) =>
    `--out ${path}: تتعذّر الكتابة فيه (${why}). تحقّق من المسار: يجب أن يكون مجلده موجودًا وقابلًا للكتابة.`,
  INPUT_IS_DIRECTORY: (input) =>
    `${input}: مجلد. مرّر ملفًا واحدًا، أو استعمل \`khabar ingest ${input}\` لمجلد كامل.`,
  INPUT_EMPTY: (input) => `${input}: فارغ. أعطِ khabar خبرًا فيه نص.`,
  INPUT_BINARY: (input) => `${input}: يبدو ملفًا ثنائيًا لا نصًا. أعطِ khabar ملف نص أو HTML أو خلاصة أو JSONL.`,
  INPUT_UNREADABLE: (input, why) => `${input}: تتعذّر قراءته (${why}).`,
  INPUT_IS_JSONL: (input, command) =>
    `${input}: ملف JSONL (خبر في كل سطر)، و\`khabar ${command}\` يقرأ خبرًا واحدًا. ` +
    `استعمل \`khabar ingest ${input}\` لتحليل كل سطر في الأرشيف (ثم \`khabar export --what events\` أو \`khabar search\`)، ` +
    `أو \`khabar relations ${input}\` للثنائيات، أو مرّر نص خبر واحد.`,
  INPUT_IS_FEED: (input, command) =>
    `${input}: خلاصة RSS/Atom (قائمة أخبار)، و\`khabar ${command}\` يقرأ خبرًا واحدًا. ` +
    `استعمل \`khabar ingest ${input}\` لقراءة كل عناصرها في الأرشيف (ثم \`khabar search\` أو \`khabar export\`)، ` +
    `أو مرّر نص خبر واحد أو صفحته.`,
  INPUT_NOT_EXPORT: (input, line, what) =>
    `${input}: السطر ${line} ${WHAT_AR[what] ?? what}، لا سطر من \`khabar export\`؛ لم يُستورد شيء. ` +
    `\`khabar import\` يقرأ تصديرًا؛ لتحليل أخبار (نص، HTML، خلاصات، JSONL أخبار) في الأرشيف استعمل \`khabar ingest ${input}\`.`,
  USAGE: (what) => `${detailAr(what)}. شغّل \`khabar help\` لقائمة الأوامر وخياراتها.`,
  UNKNOWN_COMMAND: (name) => `أمر غير معروف "${name}". شغّل \`khabar help\` لقائمة الأوامر.`,
  BAD_OPTION: (option, why) => `الخيار ${option}: ${detailAr(why)}.`,
  BAD_QUERY: (problems) => `استعلام البحث: ${problems} انظر docs/search.md للغة الاستعلام.`,
  NO_ARCHIVE: (path) =>
    `لا أرشيف في ${path}. تحقّق من --db أو KHABAR_DB، أو أنشئ أرشيفًا بـ\`khabar ingest FILE\` (أو \`npm start\` للأمثلة).`,
  STORE_OPEN: (where, why) =>
    `تعذّر فتح الأرشيف${where ? ` في ${where}` : ''} (${why}). تحقّق من --db أو KHABAR_DB.`,
};

/** INPUT_NOT_EXPORT's `what`, as `khabar import` says it. */
const WHAT_AR: Readonly<Record<string, string>> = {
  'not JSON': 'ليس JSON',
  'a raw article (it has "text" or "html" and no "article")': 'خبر خام (فيه "text" أو "html" ولا "article")',
};

const GOT = String.raw`\(got (".*")\)`;
/** The English phrasings of the commands' details, and their Arabic. Whole strings only. */
const PHRASES: Array<[RegExp, string]> = [
  [
    /^(khabar \S+): Option '([^']+)' argument is ambiguous\..*$/su,
    "$1: بعد الخيار '$2' خيار آخر لا قيمة؛ أعطه قيمة، أو اكتب '$2=-…' لقيمة تبدأ بشَرطة",
  ],
  [
    /^needs KHABAR_LLM_URL \(an OpenAI-compatible endpoint\) in the environment$/u,
    'يحتاج إلى KHABAR_LLM_URL (خادم متوافق مع OpenAI) في البيئة',
  ],
  [
    /^khabar relations takes FILEs or --db \(an archive\), not both$/u,
    'khabar relations يأخذ ملفات أو --db (أرشيفًا)، لا الاثنين معًا',
  ],
  [
    /^khabar relations needs one or more FILEs \(articles, or JSONL with "text"\), or --db PATH for an archive$/u,
    'khabar relations يحتاج إلى ملف أو أكثر (أخبار، أو JSONL فيه "text")، أو --db PATH لأرشيف',
  ],
  [
    /^only a SQLite archive has a full-text index to optimize \(PostgreSQL maintains its own\)$/u,
    'لأرشيف SQLite وحده فهرس نصي يُحسَّن (PostgreSQL يصون فهرسه بنفسه)',
  ],
  [/^needs a value$/u, 'يحتاج إلى قيمة'],
  [/^needs a value \((.*)\)$/u, 'يحتاج إلى قيمة ($1)'],
  [new RegExp(`^(?:use|needs) one of (.*) ${GOT}$`, 'u'), 'يحتاج إلى واحدة من $1 (أُعطي $2)'],
  [new RegExp(`^use (\\S+) or (\\S+) ${GOT}$`, 'u'), 'يحتاج إلى $1 أو $2 (أُعطي $3)'],
  [new RegExp(`^needs (\\S+) or (\\S+) ${GOT}$`, 'u'), 'يحتاج إلى $1 أو $2 (أُعطي $3)'],
  [new RegExp(`^needs an ISO date such as (\\S+) ${GOT}$`, 'u'), 'يحتاج إلى تاريخ ISO مثل $1 (أُعطي $2)'],
  [new RegExp(`^needs a number from (\\S+) to (\\S+) ${GOT}$`, 'u'), 'يحتاج إلى عدد من $1 إلى $2 (أُعطي $3)'],
  [new RegExp(`^must be a whole number (\\S+) ${GOT}$`, 'u'), 'يجب أن يكون عددًا صحيحًا $1 (أُعطي $2)'],
  [new RegExp(`^give a whole number (≥ \\d+) ${GOT}$`, 'u'), 'أعطِ عددًا صحيحًا $1 (أُعطي $2)'],
  [new RegExp(`^must be a number of seconds (≥ \\d+) ${GOT}$`, 'u'), 'يجب أن يكون عدد ثوانٍ $1 (أُعطي $2)'],
  [/^(".*") is not one of (.*)$/u, '$1 ليست واحدة من $2'],
  [/^(".*") is not a positive number$/u, '$1 ليس عددًا موجبًا'],
  [/^(\S+) is in use; pick another$/u, '$1 مشغول؛ اختر غيره'],
  [/^(\S+) is not on the calendar: (.*)$/u, '$1 ليس في التقويم: $2'],
  [/^filters an archive: give --db PATH too$/u, 'يرشِّح أرشيفًا: أعطِ --db PATH أيضًا'],
  [/^needs a path or a postgres:\/\/ URL$/u, 'يحتاج إلى مسار أو عنوان postgres://'],
  [
    /^needs a story id \(as `khabar stories` lists them\)$/u,
    'يحتاج إلى معرّف قصة (كما يسردها `khabar stories`)',
  ],
  [/^(?:is )?not an option of (khabar \S+) \(see (`[^`]+`)\)$/u, 'ليس من خيارات $1 (انظر $2)'],
  [/^(?:is )?not an option of (khabar \S+) \(only (.*)\)$/u, 'ليس من خيارات $1 (له $2 فقط)'],
  [/^(?:is )?not an option of (khabar \S+) \((.*)\)$/u, 'ليس من خيارات $1 ($2)'],
  [/^(?:is )?not an option of (khabar \S+)$/u, 'ليس من خيارات $1'],
  [/^(khabar \S+): unknown argument (".*")$/u, '$1: وسيط غير معروف $2'],
  [/^(khabar \S+): Unknown option '([^']+)'.*$/su, "$1: خيار غير معروف '$2'"],
  [/^(khabar \S+): Option '([^']+)' argument missing$/u, "$1: الخيار '$2' يحتاج إلى قيمة"],
  [
    /^(khabar \S+) needs (?:a|one) FILE,? \(?or - for standard input\)?$/u,
    '$1 يحتاج إلى ملف (أو - للمدخل القياسي)',
  ],
  [/^(khabar \S+) takes one input, got (".*") and (".*")$/u, '$1 يأخذ مدخلًا واحدًا، وأُعطي $2 و$3'],
  [
    /^khabar search needs a QUERY \(words, "a phrase", (.*)\)$/u,
    'khabar search يحتاج إلى استعلام (كلمات، "عبارة"، $1)',
  ],
  [
    /^khabar ingest needs a PATH, URL or - \(standard input\)$/u,
    'khabar ingest يحتاج إلى مسار أو عنوان URL أو - (المدخل القياسي)',
  ],
  [
    /^khabar import needs one FILE\.jsonl \(or - for standard input\)$/u,
    'khabar import يحتاج إلى ملف FILE.jsonl واحد (أو - للمدخل القياسي)',
  ],
  [
    /^no story (".*") in the archive; run `khabar stories` for the ids$/u,
    'لا قصة $1 في الأرشيف؛ شغّل `khabar stories` لمعرّفات القصص',
  ],
];

/** A command's English detail in Arabic when it is one of PHRASES, else as written. */
export function detailAr(s: string): string {
  for (const [re, ar] of PHRASES) if (re.test(s)) return s.replace(re, ar);
  return s;
}

/** The line after «khabar: » for `err` in `lang`: the catalogue's Arabic when there is one. */
export function errorText(err: KhabarError, lang: Lang): string {
  if (lang !== 'ar' || !err.args || !(err.code in ERRORS_AR)) return err.message;
  const make = ERRORS_AR[err.code as ErrorCode] as (...a: unknown[]) => string;
  return make(...err.args);
}
