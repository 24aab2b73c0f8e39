import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locate } from '../../src/brief/locate.ts';
import { parseBrief } from '../../src/brief/parse.ts';

test('locate: an offset maps to its part and section', () => {
  const text = 'مقدمة.\nإيران برس - إيران: أهمية الخبر) نص.\nالنقاط الرئيسية)\n- بند أول\nnima rahimi\n44';
  const b = parseBrief(text);
  const at = (s: string) => text.indexOf(s);
  assert.equal(locate(b, at('مقدمة'))?.part, 'lead');
  assert.equal(locate(b, at('برس'))?.part, 'dateline');
  assert.deepEqual(locate(b, at('أهمية'))?.section, { kind: 'why_it_matters', index: 0 });
  assert.equal(locate(b, at('أهمية'))?.part, 'label');
  assert.equal(locate(b, at('نص.'))?.part, 'paragraph');
  assert.deepEqual(locate(b, at('أول')), {
    part: 'item',
    span: [at('- بند'), at('أول') + 3],
    section: { kind: 'key_points', index: 1 },
  });
  assert.equal(locate(b, at('rahimi'))?.part, 'byline');
  assert.equal(locate(b, at('44'))?.part, 'trailing');
  assert.equal(locate(b, at('\n')), undefined);
  assert.equal(locate(b, 10_000), undefined);
});
