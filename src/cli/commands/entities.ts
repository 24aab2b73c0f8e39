import { findEntities } from '../../analyze/entities.ts';
import { fail } from '../../errors.ts';
import { glossEntityJson } from '../../i18n/gloss.ts';
import { type Lang, glossEntity } from '../../i18n/glossary.ts';
import type { Entity, Mention } from '../../model.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';
import { tableLang, takeLang } from '../lang.ts';

/**
 * Name, country, sector and post in `lang` (English names fall back to transliteration). A post
 * that is the entity's name (a post entity, «وزير الخارجية المغربي») is not said twice.
 */
export function describe(e: Entity | undefined, lang: Lang): string {
  if (!e) return '';
  const g = glossEntity(e, lang);
  const country = e.id === `country:${e.country}` ? undefined : g.country;
  const post = g.post === g.display ? undefined : g.post;
  return [g.display, country, g.sector, post].filter(Boolean).join(' · ');
}

function table(mentions: Mention[], entities: Entity[], lang: Lang): string {
  const lines: string[] = [];
  lines.push(
    lang === 'ar'
      ? `الكيانات: ${entities.length}، الإشارات: ${mentions.length}`
      : `${entities.length} entities, ${mentions.length} mentions`,
    '',
  );
  for (const e of entities) {
    const ms = mentions.filter((m) => m.entityId === e.id || m.entityIds?.includes(e.id));
    // The name column is Arabic: an Arabic description does not open with it again
    // («الأردن  —  الأردن», «وزير الخارجية الأردني  —  وزير الخارجية الأردني · الأردن · حكومة»).
    let about = describe(e, lang);
    if (about === e.names.ar) about = '';
    else if (about.startsWith(`${e.names.ar} · `)) about = about.slice(e.names.ar.length + 3);
    lines.push(`${e.type.padEnd(5)} ${e.id}  ${e.names.ar}${about ? `  —  ${about}` : ''}`);
    const forms = [...new Set(ms.map((m) => `${m.text}${m.role === 'name' ? '' : ` [${m.role}]`}`))];
    const count =
      lang === 'ar' ? `الإشارات (${ms.length})` : `${ms.length} mention${ms.length === 1 ? '' : 's'}`;
    lines.push(`      ${count}: ${forms.join('، ')}`);
  }
  const loose = mentions.filter((m) => !m.entityId);
  if (loose.length > 0) {
    lines.push('', lang === 'ar' ? 'غير محسومة:' : 'unresolved:');
    for (const m of loose) lines.push(`  ${m.span[0]}-${m.span[1]} ${m.type} ${m.text}`);
  }
  return lines.join('\n');
}

export const command: Command = {
  readsLang: true,
  summary: 'list the people (with posts), countries, organizations and places FILE names',
  usage: [
    'khabar entities FILE|- [--lang ar|en] [--json]',
    '',
    'Finds the entities an Arabic article names: people with their posts, countries (also as',
    'demonyms «الإيراني», capitals standing for their state «طهران», loaded aliases «الكيان',
    'الصهيوني» kept as framing), organizations, outlets, regions and cities; links every',
    'mention (surnames, repeated posts, «الطرفان») to one entity. An HTML page is reduced to its',
    'main text first.',
    '--json prints {"mentions": [...], "entities": [...], "messages": [...]}; each mention has',
    'its span [start, end) in UTF-16 code units of the text as read; each entity gains English',
    'glosses: name_en (English name, else transliteration), display, type_label, post_en,',
    'country_name, sector_label.',
    '--lang ar|en: language of the table (names, countries, sectors, posts); default from the',
    'locale (LC_ALL, LC_MESSAGES, LANG: ar… → ar, else en).',
  ].join('\n'),
  async run(argv, ctx) {
    const { lang, rest } = takeLang(argv);
    const json = rest.includes('--json');
    const unknown = rest.find((a) => a.startsWith('--') && a !== '--json');
    if (unknown) throw fail('BAD_OPTION', unknown, 'not an option of khabar entities (--json, --lang ar|en)');
    const inputs = rest.filter((a) => !a.startsWith('--'));
    if (inputs.length !== 1) throw fail('USAGE', 'khabar entities needs one FILE, or - for standard input');
    const input = await readInput(inputs[0]!, ctx, 'entities');
    const result = findEntities(input.text);
    const messages = [...input.messages, ...result.messages];
    if (json) {
      const entities = result.entities.map((e) => glossEntityJson(e, 'en'));
      write(ctx.stdout, JSON.stringify({ mentions: result.mentions, entities, messages }));
    } else {
      printMessages(messages, ctx.stderr);
      write(ctx.stdout, table(result.mentions, result.entities, tableLang(lang, ctx)));
    }
    return 0;
  },
};
