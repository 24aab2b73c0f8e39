import { findEntities } from '../../analyze/entities.ts';
import { fail } from '../../errors.ts';
import type { Entity, Mention } from '../../model.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';

function describe(e: Entity | undefined): string {
  if (!e) return '';
  const bits = [e.names.en ?? e.names.latin ?? e.names.ar];
  if (e.country) bits.push(e.country);
  if (e.sector) bits.push(e.sector);
  if (e.post) bits.push(`${e.post.ar}${e.post.en ? ` (${e.post.en})` : ''}`);
  return bits.join(' · ');
}

function table(mentions: Mention[], entities: Entity[]): string {
  const lines: string[] = [];
  lines.push(`${entities.length} entities, ${mentions.length} mentions`, '');
  for (const e of entities) {
    const ms = mentions.filter((m) => m.entityId === e.id || m.entityIds?.includes(e.id));
    lines.push(`${e.type.padEnd(5)} ${e.id}  ${e.names.ar}  —  ${describe(e)}`);
    const forms = [...new Set(ms.map((m) => `${m.text}${m.role === 'name' ? '' : ` [${m.role}]`}`))];
    lines.push(`      ${ms.length} mention${ms.length === 1 ? '' : 's'}: ${forms.join('، ')}`);
  }
  const loose = mentions.filter((m) => !m.entityId);
  if (loose.length > 0) {
    lines.push('', 'unresolved:');
    for (const m of loose) lines.push(`  ${m.span[0]}-${m.span[1]} ${m.type} ${m.text}`);
  }
  return lines.join('\n');
}

export const command: Command = {
  summary: 'list the people (with posts), countries, organizations and places FILE names',
  usage: [
    'khabar entities FILE|- [--json]',
    '',
    'Finds the entities an Arabic article names: people with their posts, countries (also as',
    'demonyms «الإيراني», capitals standing for their state «طهران», loaded aliases «الكيان',
    'الصهيوني» kept as framing), organizations, outlets, regions and cities; links every',
    'mention (surnames, repeated posts, «الطرفان») to one entity.',
    '--json prints {"mentions": [...], "entities": [...], "messages": [...]}; each mention has',
    'its span [start, end) in UTF-16 code units of the text as read.',
  ].join('\n'),
  async run(argv, ctx) {
    const json = argv.includes('--json');
    const unknown = argv.find((a) => a.startsWith('--') && a !== '--json');
    if (unknown) throw fail('BAD_OPTION', unknown, 'not an option of khabar entities (only --json)');
    const inputs = argv.filter((a) => !a.startsWith('--'));
    if (inputs.length !== 1) throw fail('USAGE', 'khabar entities needs one FILE, or - for standard input');
    const input = await readInput(inputs[0]!, ctx);
    const result = findEntities(input.text);
    const messages = [...input.messages, ...result.messages];
    if (json) {
      write(ctx.stdout, JSON.stringify({ mentions: result.mentions, entities: result.entities, messages }));
    } else {
      printMessages(messages, ctx.stderr);
      write(ctx.stdout, table(result.mentions, result.entities));
    }
    return 0;
  },
};
