/**
 * The CLI's error lines in Arabic (`--lang ar`, or an Arabic locale: LC_ALL, LC_MESSAGES, LANG):
 * each catalogue code of src/errors.ts has its Arabic message here, made from the same
 * arguments. A detail the commands write in English (an option's `why`, a usage line) is said
 * in Arabic when it is one of the phrasings below, else kept as written. English is unchanged.
 * test/i18n/errors.test.ts fails on a catalogue code with no Arabic message.
 */
import type { ApiPart, ApiThing, ErrorCode, ERRORS, GoldWant, KhabarError } from '../errors.ts';
import type { Lang } from './glossary.ts';
import { REASON_AR } from './reasons.ts';

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
  BAD_QUERY: (problems) => `استعلام البحث: ${queryProblemsAr(problems)} انظر docs/search.md للغة الاستعلام.`,
  NO_ARCHIVE: (path) =>
    `لا أرشيف في ${path}. تحقّق من --db أو KHABAR_DB، أو أنشئ أرشيفًا بـ\`khabar ingest FILE\` (أو \`npm start\` للأمثلة).`,
  ARTICLE_NOT_FOUND: (id, archive) =>
    `لا خبر بالمعرّف "${id}" في ${archive}. تحقّق من المعرّف: \`khabar search QUERY\` يطبع معرّفات ما يجده.`,
  STORE_OPEN: (where, why) =>
    `تعذّر فتح الأرشيف${where ? ` في ${where}` : ''} (${why}). تحقّق من --db أو KHABAR_DB.`,
  STORE_READONLY_MISSING: (path) =>
    `تعذّر فتح ${path} للقراءة فقط: لا ملف أرشيف بهذا الاسم. تحقّق من --db أو KHABAR_DB.`,
  STORE_READONLY_POSTGRES: (url) =>
    `الفتح للقراءة فقط لأرشيفات SQLite وحدها، أما ${url} فأرشيف PostgreSQL. افتحه للكتابة، أو أعطِ ملف SQLite.`,
  STORE_READONLY_MIGRATIONS: (versions) =>
    `تعذّر فتح الأرشيف للقراءة فقط: ترحيلات المخطط ${versions} لم تُطبَّق بعد. افتحه مرة للكتابة (فيُحدَّث حينها).`,
  STORE_READONLY_INDEX: (built, current) =>
    `تعذّر فتح الأرشيف للقراءة فقط: بُني فهرس البحث فيه بالإصدار ${built} من المحلل لا بالإصدار ${current}. ` +
    'افتحه مرة للكتابة (فيُعاد فهرسته حينها)، أو أبقِ الفهرس القديم (reindex: false / --keep-index).',
  NODE_UNSUPPORTED: (version) =>
    `Node.js ${version} يتوقف فجأةً حين يحرّر جامع المهملات كائنات مشغّل SQLite ` +
    '(خلل في Node 24.19–24.21 أُصلح في 24.22.0). استعمل Node 24.22 أو أحدث، أو Node 22 أو ' +
    'Node 20 — أو أرشيف PostgreSQL (--db postgres://…).',
  INPUT_HTML_TOO_DEEP: (input, depth, max) =>
    `${input}: عمق التداخل في صفحة HTML هذه ${depth} مستوى، وهو أكثر من الحد (${max})؛ فلن تُحلَّل. ` +
    'مرّر نص الخبر بدلًا منها، أو نسخة أبسط من الصفحة.',
  MODEL_MISSING: (path) =>
    `${path}: لا نموذج وسم بهذا الاسم. تحقّق من المسار، أو لا تمرّره لاستعمال النموذج المرفق مع khabar.`,
  MODEL_UNREADABLE: (path, why) =>
    `${path}: ليس نموذج وسم صالحًا (${why}). تحقّق من المسار، أو لا تمرّره لاستعمال النموذج المرفق مع khabar.`,
  MODEL_DEFAULT_MISSING: (path) => `${path}: نموذج الوسم مفقود. أعد بناءه بـ\`npm run train:tagger\`.`,
  QUEUE_NEEDS_POSTGRES: (db, command) =>
    `${command}: طابور المهام في PostgreSQL، لكن ${db} ليس عنوان postgres://. أعطِ --db postgres://… أو اضبط KHABAR_DB على عنوان كهذا.`,
  QUEUE_OPEN: (url, why) =>
    `تعذّر فتح طابور المهام في ${url} (${why}). تحقّق من أن PostgreSQL يعمل وأن --db أو KHABAR_DB يشير إليه.`,
  WEB_BUILD_NO_VITE: (root) => `vite غير مثبّت في ${root}: شغّل \`npm install\` فيه (يثبّت اعتماديات التطوير).`,
  WEB_BUILD_FAILED: (web, output) =>
    output
      ? `فشل بناء تطبيق الويب في ${web} (vite build)؛ أصلح ما يذكره، ثم أعد تشغيل الأمر:\n${output}`
      : `فشل بناء تطبيق الويب في ${web}؛ شغّل \`npm run build:web\` لترى السبب.`,
  COMMAND_MISSING: (name) =>
    `الأمر ${name} غير موجود في هذا التثبيت. أعد تثبيت khabar (\`npm install\` في مجلده).`,
  EVAL_DATA_NOT_JSON: (path, line, why) =>
    `${path}:${line}: ليس JSON (${why}). يجب أن يكون كل سطر كائن JSON واحدًا؛ انظر docs/eval.md.`,
  EVAL_EVENTS_FIELDS: (path, line) =>
    `${path}:${line}: يحتاج إلى "text" (نص) و"events" (قائمة)؛ انظر docs/eval.md.`,
  EVAL_COMPOSE_FIELDS: (path, line) =>
    `${path}:${line}: يحتاج إلى "article" (نص) و"summaries" (قائمة نصوص غير فارغة)؛ انظر docs/eval.md.`,
  EVAL_TEXT_UNREADABLE: (path, file, why) =>
    `${path}: تتعذّر قراءة ملفه "file" ${file} (${why}). تحقّق من هذا المسار: يُؤخذ نسبةً إلى ملف البيانات المرجعية.`,
  EVAL_GOLD_NOT_JSON: (file, why) =>
    `${file}: ليس JSON صالحًا (${why}). انظر صيغة "briefs" في التوثيق (../shared/eval/README.md).`,
  EVAL_GOLD_SHAPE: (file, field, want) =>
    `${file}: يجب أن يكون ${field || 'الملف'} ${GOLD_WANT_AR[want] ?? want}. انظر صيغة "briefs" في التوثيق (../shared/eval/README.md).`,
  ACTOR_NOT_FOUND: (actor) =>
    `الفاعل ${actor}: لا يسمّيه حدث ولا كيان في الأرشيف. أعطِ معرّف كيان أو أحد أسمائه كما تكتبه الأخبار — يكفي اسم العائلة للشخص (يسردها GET /api/entities?q= و\`khabar search\`) —، أو احذف الفاعل.`,
  API_ROUTE_NOT_FOUND: (method, path) =>
    `لا مسار ${method} ${path}. المسارات مسرودة في GET /api/openapi.json.`,
  API_NOT_FOUND: (what, id) =>
    `لا ${THINGS_AR[what] ?? what} بالمعرّف "${id}". ${
      what === 'story'
        ? 'تحقّق من المعرّف (معرّف قصة، أو معرّف خبر فيها)، أو اسرد القصص بـGET /api/stories.'
        : 'تحقّق من المعرّف، أو اسرد الموجود بـGET /api/articles أو /api/entities.'
    }`,
  API_METHOD_NOT_ALLOWED: (method, path, allow) =>
    `الطريقة ${method} غير مسموح بها على ${path}؛ استعمل ${allow}.`,
  API_INVALID: (where, errors) =>
    `لا يصحّ ${PARTS_AR[where] ?? where}: ${errors.map((e) => `${e.path ? `${e.path}: ` : ''}${fieldProblemAr(e.message).replace(/\.$/u, '')}`).join('؛ ')}. انظر /api/openapi.json لما يقبله كل مسار.`,
  API_UNAUTHORIZED: () => 'هذا المسار يحتاج إلى رمز الخادم: أرسل `Authorization: Bearer <KHABAR_TOKEN>`.',
  API_INGEST_DISABLED: () => 'الإدخال معطّل على هذا الخادم: شغّل `khabar serve` وقد ضُبط KHABAR_TOKEN لتفعيله.',
  API_TOKEN_WRONG: () => 'رمز Bearer المُرسَل ليس KHABAR_TOKEN هذا الخادم.',
  API_TOO_LARGE: (max) => `جسم الطلب أكبر من ${max} بايت. أرسل أخبارًا أقل في الطلب الواحد.`,
  API_UNSUPPORTED_TYPE: (type) => `نوع المحتوى "${type || '(بلا نوع)'}" غير مقبول هنا. ${SEND_TYPES_AR}`,
  API_XML_NOT_FEED: (type) =>
    `جسم ${type} هذا ليس خلاصة RSS أو Atom أو RDF (عنصره الأول ليس <rss> ولا <feed> ولا <rdf:RDF>). ${SEND_TYPES_AR}`,
  API_STORE_NOT_READY: (why) => `المخزن لا يجيب (${why}). تحقّق من قاعدة البيانات.`,
  API_FETCH_FAILED: (reason, url, ruleId, status) => {
    // The fetcher's reason is English («HTTP 404: the page is not there …»): said again in Arabic
    // from the rule and the status when they came with it, the URL kept as it is.
    const why = (ruleId && REASON_AR[ruleId]) || undefined;
    if (!url || !why) return `تعذّر جلب الرابط: ${reason}`;
    const cause = status ? `HTTP ${status}${statusWhyAr(status)}` : networkWhyAr(reason);
    return `تعذّر جلب الرابط ${url}: ${why}${cause ? ` (${cause})` : ''}.`;
  },
};

/** What an HTTP status of a fetched page means for the user, in Arabic (src/ingest/http.ts `statusWhy`). */
function statusWhyAr(status: number): string {
  if (status === 404 || status === 410) return ': الصفحة غير موجودة، تحقّق من الرابط';
  if (status === 401 || status === 403) return ': الموقع يرفض khabar، احفظ الصفحة من المتصفح وأدخل الملف';
  if (status === 429) return ': طلبات كثيرة، أعد المحاولة لاحقًا أو قلّل وتيرة الجلب';
  if (status >= 500) return ': أخفق خادم الموقع، أعد المحاولة لاحقًا';
  return '';
}

/** The network cause the fetcher named in its English reason («… (ECONNREFUSED): …»), in Arabic. */
function networkWhyAr(reason: string): string {
  const code = /\((bad port|[A-Z][A-Z_]+)\)/u.exec(reason)?.[1];
  if (!code) return '';
  const said: Record<string, string> = {
    ENOTFOUND: 'اسم الخادم لا يُعرف عنوانه، تحقّق من الرابط أو من الشبكة',
    EAI_AGAIN: 'تعذّر البحث عن اسم الخادم، تحقّق من الشبكة أو أعد المحاولة لاحقًا',
    ECONNREFUSED: 'رفض الخادم الاتصال، تحقّق من الرابط ومنفذه أو أعد المحاولة لاحقًا',
    ECONNRESET: 'انقطع الاتصال، أعد المحاولة لاحقًا',
    EHOSTUNREACH: 'لا يمكن بلوغ الخادم، تحقّق من الشبكة',
    ENETUNREACH: 'لا يمكن بلوغ الشبكة، تحقّق من الاتصال',
    'bad port': 'منفذه من المنافذ التي يرفضها الجلب، تحقّق من الرابط',
  };
  return said[code] ? `${code}: ${said[code]}` : code;
}

const SEND_TYPES_AR =
  'أرسل application/json أو text/plain أو text/html أو application/x-ndjson، أو خلاصة بـapplication/rss+xml أو application/atom+xml (أو XML هو خلاصة).';

/** EVAL_GOLD_SHAPE's `want`, in Arabic. */
const GOLD_WANT_AR: Readonly<Record<GoldWant, string>> = {
  'a JSON object': 'كائن JSON',
  'a list': 'قائمة',
  'a section kind, or an object with a "kind"': 'نوع قسم، أو كائنًا فيه "kind"',
  'a string or null': 'نصًا أو null',
};

/** INPUT_NOT_EXPORT's `what`, as `khabar import` says it. */
const WHAT_AR: Readonly<Record<string, string>> = {
  'not JSON': 'ليس JSON',
  'a raw article (it has "text" or "html" and no "article")': 'خبر خام (فيه "text" أو "html" ولا "article")',
};

const GOT = String.raw`\(got (".*")\)`;
/**
 * The English phrasings of the commands' details, and their Arabic (a replacement string, or a
 * function of the match for a detail that ends in another detail). Whole strings only.
 */
const PHRASES: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
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
  // BAD_OPTION's `why` ends with no full stop (`khabar relations --actor ZZZ`).
  [
    /^.* is not a country khabar knows: .*$/su,
    (m) => fieldProblemAr(/[.?]$/u.test(m) ? m : `${m}.`).replace(/\.$/u, ''),
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
  [new RegExp(`^must be (.+) or (\\S+) ${GOT}$`, 'u'), 'يجب أن يكون $1 أو $2 (أُعطي $3)'],
  [/^(".*") is not one of (.*)$/u, '$1 ليست واحدة من $2'],
  [/^(".*") is not a positive number$/u, '$1 ليس عددًا موجبًا'],
  [/^(\S+) is in use; pick another$/u, '$1 مشغول؛ اختر غيره'],
  [
    /^(\S+) needs privileges this user lacks; pick one above 1024, such as 8080$/u,
    '$1 يحتاج إلى صلاحيات لا يملكها هذا المستخدم؛ اختر منفذًا فوق 1024، مثل 8080',
  ],
  [
    /^(\S+) is no address of this machine; (.*)$/u,
    (_, host, rest) => `${host} ليس عنوانًا لهذا الجهاز؛ ${detailAr(rest)}`,
  ],
  [
    /^(\S+) does not resolve to an address; (.*)$/u,
    (_, host, rest) => `تعذّر تحويل ${host} إلى عنوان؛ ${detailAr(rest)}`,
  ],
  [
    /^use 127\.0\.0\.1 \(this machine only\) or 0\.0\.0\.0 \(every network interface\)$/u,
    'استعمل 127.0.0.1 (هذا الجهاز وحده) أو 0.0.0.0 (كل واجهات الشبكة)',
  ],
  [/^(\w+)=(".*") is not a number ≥ (\S+)$/u, '$1=$2 ليس عددًا ≥ $3'],
  [
    /^KHABAR_QUEUE_SCHEMA=(".*") must be lower-case letters, digits and _$/u,
    'KHABAR_QUEUE_SCHEMA=$1: يجب أن يتألف من حروف لاتينية صغيرة وأرقام و_ فقط',
  ],
  [
    /^an archive's dyads are per month \(as GET \/api\/relations\); leave it out$/u,
    'ثنائيات الأرشيف شهرية (كما في GET /api/relations)؛ احذف هذا الخيار',
  ],
  [/^khabar eval needs a task \((.*)\)$/u, 'khabar eval يحتاج إلى مهمة ($1)'],
  [/^unknown eval task (".*") \(known: (.*)\)$/u, 'مهمة تقييم غير معروفة $1 (المعروفة: $2)'],
  [/^khabar eval (\S+) needs --data PATH$/u, 'khabar eval $1 يحتاج إلى --data PATH'],
  [
    /^khabar eval (\S+) reads --data from a file or folder, not standard input \(-\)$/u,
    'khabar eval $1 يقرأ --data من ملف أو مجلد، لا من المدخل القياسي (-)',
  ],
  [
    /^khabar eval briefs needs a folder of NAME\.txt \+ NAME\.gold\.json files, and (.+) is a file$/u,
    'khabar eval briefs يحتاج إلى مجلد فيه ملفات NAME.txt مع NAME.gold.json، أما $1 فملف',
  ],
  [
    /^(.+) has no NAME\.txt with a NAME\.gold\.json beside it \((\S+) \.txt files found\)$/u,
    'لا ملف NAME.txt بجانبه NAME.gold.json في $1 (عدد ملفات .txt فيه: $2)',
  ],
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
    /^khabar show takes one article id \(got (.*)\); `khabar search QUERY` prints them$/u,
    'khabar show يأخذ معرّف خبر واحدًا (أُعطي $1)؛ `khabar search QUERY` يطبع المعرّفات',
  ],
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

const MONTHS_EN =
  'January February March April May June July August September October November December'.split(' ');
const MONTHS_AR = 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' ');

/** `calendarProblem`'s English (src/search/query.ts) in Arabic; else as written. */
function calendarAr(why: string): string {
  const month = /^(\d+) is not a month \(01–12\)$/u.exec(why);
  if (month) return `${month[1]} ليس شهرًا (01–12)`;
  const day = /^(\w+) (\d{4}) has no day (\d+) \(01–(\d+)\)$/u.exec(why);
  if (day) {
    const name = MONTHS_AR[MONTHS_EN.indexOf(day[1]!)] ?? day[1];
    return `ليس في ${name} ${day[2]} يوم ${day[3]} (01–${day[4]})`;
  }
  return why;
}

/** The «; did you mean …?» or «.» that ends a search problem, in Arabic. */
const nearAr = (tail: string) =>
  tail === '.' ? '.' : tail.replace(/^; did you mean (.*)\?$/u, '؛ هل تقصد $1؟');

/** One search-query problem (queryErrors, src/search/query.ts) in Arabic; else as written. */
const QUERY_PROBLEMS: Array<[RegExp, (...m: string[]) => string]> = [
  [
    /^(from|to):(\S*) is not a date: (?:(.*); )?write \1:YYYY, \1:YYYY-MM or \1:YYYY-MM-DD, e\.g\. \1:(\S+)\.$/u,
    (_, f, d, why, eg) =>
      `${f}:${d} ليس تاريخًا${why ? `: ${calendarAr(why)}` : ''}؛ اكتب ${f}:YYYY أو ${f}:YYYY-MM أو ${f}:YYYY-MM-DD، مثل ${f}:${eg}.`,
  ],
  [
    /^(from|to)=(\S*) is not a date: (.*)\.$/u,
    (_, f, d, why) => `${f}=${d} ليس تاريخًا: ${calendarAr(why!)}.`,
  ],
  [
    /^country:(.*) is not a country khabar knows: give an ISO 3166-1 alpha-3 code \(IRN\) or a name in Arabic or English \(إيران, Iran\)(\.|; did you mean .*\?)$/u,
    (_, c, tail) =>
      `country:${c} ليس بلدًا يعرفه khabar: أعطِ رمز ISO 3166-1 من ثلاثة أحرف (IRN) أو اسمًا بالعربية أو بالإنجليزية (إيران، Iran)${nearAr(tail!)}`,
  ],
  [
    /^type:(\S*) is not a PLOVER event type: write one of (.*?)(\.|; did you mean .*\?)$/u,
    (_, t, all, tail) => `type:${t} ليس نوع حدث في PLOVER: اكتب واحدًا من ${all}${nearAr(tail!)}`,
  ],
  [
    /^section:(\S*) is not a section kind: write one of (.*?)(\.|; did you mean .*\?)$/u,
    (_, k, all, tail) => `section:${k} ليس نوع قسم: اكتب واحدًا من ${all}${nearAr(tail!)}`,
  ],
  [
    /^the query only excludes \(NOT, -\): a NOT needs something to search for beside it — a word, a phrase or a filter, e\.g\. («[^»]+») or («[^»]+»)\.$/u,
    (_, a, b) =>
      `الاستعلام يستبعد فقط (NOT، -): تحتاج NOT إلى ما يُبحث عنه بجانبها — كلمة أو عبارة أو مرشِّح، مثل ${a} أو ${b}.`,
  ],
  [
    /^the query «(.*)» has nothing to search for: .* e\.g\. («[^»]+»), («[^»]+») or («[^»]+»)\.$/su,
    (_, q, a, b, c) =>
      `الاستعلام «${q}» ليس فيه ما يُبحث عنه: المعاملات (AND وOR وNOT و-) و* وحدها وعلامات التنصيص والأقواس والرموز ليست كلمات. اكتب كلمة أو عبارة أو مرشِّحًا، مثل ${a} أو ${b} أو ${c}.`,
  ],
];

/**
 * BAD_QUERY's problems (one English sentence each, joined by a space) in Arabic: each is
 * split off where the next begins (a filter, or the NOT sentence), then said as QUERY_PROBLEMS says.
 */
export function queryProblemsAr(problems: string): string {
  return problems
    .split(/(?<!e\.g\.)(?<=[.?]) (?=(?:from|to)[:=]|country:|type:|section:|the query (?:only excludes|«))/u)
    .map((p) => {
      for (const [re, ar] of QUERY_PROBLEMS) {
        const m = re.exec(p);
        if (m) return ar(...m);
      }
      return p;
    })
    .join(' ');
}

// The HTTP API's problems (src/api/problem.ts): titles, the part of a request at fault, and
// one bad input's message as src/api/validate.ts, the schemas and zod write it.

/** A problem's `title` in Arabic, by status (the English title names the same status). */
export const TITLES_AR: Readonly<Record<number, string>> = {
  400: 'طلب غير صالح',
  401: 'غير مصرَّح',
  403: 'ممنوع',
  404: 'غير موجود',
  405: 'الطريقة غير مسموح بها',
  413: 'المحتوى أكبر من المسموح',
  415: 'نوع المحتوى غير مقبول',
  500: 'خطأ في الخادم',
  502: 'تعذّر الجلب',
  503: 'الخدمة غير متاحة',
};

/** The detail of a programmer error (problem type `internal`), in Arabic. */
export const INTERNAL_AR = 'فشل الخادم في الإجابة. الخطأ في سجلّ الخادم؛ أعد المحاولة، أو أبلغ عنه.';

export const PARTS_AR: Readonly<Record<ApiPart, string>> = {
  'query string': 'معاملات العنوان (query string)',
  body: 'جسم الطلب',
  path: 'المسار',
  request: 'الطلب',
};

const THINGS_AR: Readonly<Record<ApiThing, string>> = { article: 'خبر', entity: 'كيان', story: 'قصة' };

const ISO_DATE_AR = 'YYYY أو YYYY-MM أو YYYY-MM-DD';

/**
 * One bad input's English message (as src/api/validate.ts words it, or zod) and its Arabic:
 * a replacement string, or a function of the match. The value given (`"abc"`) stays as given.
 */
const FIELD_PHRASES: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  [/^(".*") is not a whole number$/su, '$1 ليس عددًا صحيحًا'],
  [/^(".*") is less than (\S+), the least allowed$/su, '$1 أقل من $2، أدنى المسموح'],
  [/^(".*") is more than (\S+), the most allowed$/su, '$1 أكثر من $2، أقصى المسموح'],
  [/^(".*") is not one of (.*)$/su, '$1 ليس واحدًا من $2'],
  [
    /^(".*"): not a date: (.*); expected YYYY, YYYY-MM or YYYY-MM-DD$/su,
    (_, v, why) => `${v}: ليس تاريخًا: ${calendarAr(why!)}؛ المتوقع ${ISO_DATE_AR}`,
  ],
  [
    /^(".*"): expected an ISO date: YYYY, YYYY-MM, YYYY-MM-DD or a date-time$/su,
    `$1: المتوقع تاريخ ISO: ${ISO_DATE_AR} أو تاريخ ووقت`,
  ],
  [
    /^(?:(".*"): )?Too big: expected string to have <=(\d+) characters$/su,
    (_, v, n) => `${v ? `${v}: ` : ''}أطول من ${n} حرفًا`,
  ],
  [
    /^(?:(".*"): )?Too big: expected array to have <=(\d+) items$/su,
    (_, v, n) => `${v ? `${v}: ` : ''}أكثر من ${n} قيمة`,
  ],
  [
    /^(?:(".*"): )?Too small: expected string to have >=1 characters$/su,
    (_, v) => `${v ? `${v}: ` : ''}فارغ`,
  ],
  [/^Unrecognized keys?: (.*)$/su, 'معامل غير معروف: $1'],
  [/^not a parameter of this route \(it takes (.*)\)$/su, 'ليس من معاملات هذا المسار (معاملاته: $1)'],
  [/^not a parameter of this route$/su, 'ليس من معاملات هذا المسار'],
  [/^not a field this route takes$/u, 'ليس من حقول هذا المسار'],
  [/^Invalid URL$/u, 'عنوان URL غير صالح'],
  [/^Invalid input: expected (\w+), received (\w+)$/u, 'مدخل غير صالح: المتوقع $1، والمُعطى $2'],
  [/^not valid JSON$/u, 'ليس JSON صالحًا'],
  [/^at most (\d+) lines per request$/u, '$1 سطر على الأكثر في الطلب الواحد'],
  [/^give either text or html, not both$/u, 'أعطِ text أو html، لا الاثنين معًا'],
  [/^give text, html or url$/u, 'أعطِ text أو html أو url'],
  [/^not a valid (article|entity) id$/u, (_, what) => `ليس معرّف ${THINGS_AR[what as ApiThing]} صالحًا`],
];

/** One bad input of an API request (`errors[].message`) in Arabic when it is one of FIELD_PHRASES or a country's, else as written. */
export function fieldProblemAr(message: string): string {
  if (/ is not a country khabar knows: /u.test(message))
    return queryProblemsAr(`country:${message}`).replace(/^country:/u, '');
  for (const [re, ar] of FIELD_PHRASES)
    if (re.test(message)) return typeof ar === 'string' ? message.replace(re, ar) : message.replace(re, ar);
  return message;
}

/** A command's English detail in Arabic when it is one of PHRASES, else as written. */
export function detailAr(s: string): string {
  for (const [re, ar] of PHRASES)
    if (re.test(s)) return typeof ar === 'string' ? s.replace(re, ar) : s.replace(re, ar);
  return s;
}

/** The line after «khabar: » for `err` in `lang`: the catalogue's Arabic when there is one. */
export function errorText(err: KhabarError, lang: Lang): string {
  if (lang !== 'ar' || !err.args || !(err.code in ERRORS_AR)) return err.message;
  const make = ERRORS_AR[err.code as ErrorCode] as (...a: unknown[]) => string;
  return make(...err.args);
}
