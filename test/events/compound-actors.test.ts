// A compound actor names each side once: the state of a named official beside the official is the
// same side, not a second actor (examples/article.txt: «Morocco/Government (Minister of Foreign
// Affairs) + Morocco/Government + Mauritania/Government»).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dedupe } from '../../src/analyze/events/roles.ts';
import { articleFromText } from '../../src/brief/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import type { Actor } from '../../src/model.ts';

const key = (a: Actor) => `${a.country ?? ''}/${a.sector ?? ''}/${a.name ?? ''}`;

test('dedupe drops a bare state actor beside a named one of the same country and sector', () => {
  const minister = { entityId: 'post:x', name: 'Minister of Foreign Affairs', country: 'MAR', sector: 'GOV' };
  const got = dedupe([
    { country: 'MAR', sector: 'GOV' },
    minister,
    { country: 'MRT', sector: 'GOV' },
    { country: 'MAR', sector: 'MIL' },
    { sector: 'GOV' },
  ]).map(key);
  assert.deepEqual(got, ['MAR/GOV/Minister of Foreign Affairs', 'MRT/GOV/', 'MAR/MIL/', '/GOV/']);
  // two named officials of one state stay two
  const other = { name: 'Prime Minister', country: 'MAR', sector: 'GOV' };
  assert.equal(dedupe([minister, other, { country: 'MAR', sector: 'GOV' }]).length, 2);
});

test('examples/article.txt: no event lists Morocco’s government beside its minister', () => {
  const path = new URL('../../examples/article.txt', import.meta.url).pathname;
  const base = articleFromText({ text: readFileSync(path, 'utf8'), source: path, format: 'text' });
  const { analysis } = processArticle(base);
  const consult = analysis.events.find((e) => e.type === 'CONSULT');
  assert.ok(consult, 'the meeting is found');
  for (const e of analysis.events)
    for (const side of [e.source, e.target]) {
      const keys = side.map(key);
      for (const a of side)
        if (!a.name)
          assert.ok(
            !side.some((o) => o.name && o.country === a.country && o.sector === a.sector),
            `${e.id}: ${keys.join(' + ')}`,
          );
    }
});
