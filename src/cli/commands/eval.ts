import { existsSync, readdirSync } from 'node:fs';
import { fail } from '../../errors.ts';
import type { EvalTask } from '../../eval/task.ts';
import { type Command, write } from '../context.ts';

const evalDir = new URL('../../eval/', import.meta.url);

function tasks(): string[] {
  return readdirSync(evalDir)
    .filter((f) => f.endsWith('.ts') && f !== 'task.ts' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function parseFlags(argv: string[]): { positional: string[]; flags: Record<string, string | boolean> } {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          flags[a.slice(2)] = next;
          i++;
        } else flags[a.slice(2)] = true;
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

export const command: Command = {
  summary: 'score khabar on a gold file: eval ner|events|briefs|compose --data PATH [--json]',
  get usage() {
    return [
      'khabar eval TASK --data PATH [--json] [task options]',
      '',
      `Tasks: ${tasks().join(', ')}`,
      'Formats: see docs/eval.md (ner: CoNLL BIO; events: JSONL; briefs: folder of NAME.txt + NAME.gold.json; compose: JSONL).',
      '--json prints one JSON object of figures and nothing else on stdout.',
    ].join('\n');
  },
  async run(argv, ctx) {
    const { positional, flags } = parseFlags(argv);
    const [task, pathArg] = positional;
    if (!task) throw fail('USAGE', `khabar eval needs a task (${tasks().join(', ')})`);
    if (!tasks().includes(task))
      throw fail('USAGE', `unknown eval task "${task}" (known: ${tasks().join(', ')})`);
    const data = typeof flags.data === 'string' ? flags.data : pathArg;
    if (!data) throw fail('USAGE', `khabar eval ${task} needs --data PATH`);
    // («-: no such file … or pass - to read standard input» contradicted itself here.)
    if (data === '-')
      throw fail('USAGE', `khabar eval ${task} reads --data from a file or folder, not standard input (-)`);
    if (!existsSync(data)) throw fail('FILE_NOT_FOUND', data);
    const mod = (await import(new URL(`./${task}.ts`, evalDir).href)) as { task: EvalTask };
    const { data: _d, json: _j, ...rest } = flags;
    const report = await mod.task.evaluate({ data, flags: rest });
    if (flags.json) write(ctx.stdout, JSON.stringify(report.json));
    else write(ctx.stdout, report.table);
    return 0;
  },
};
