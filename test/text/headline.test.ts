import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headline } from '../../src/text/index.ts';

describe('headline (the stand-in title of an untitled article)', () => {
  const lead =
    'استقبل وزير الزراعة في العاصمة أمس نظيره من البلد المجاور، وبحث الجانبان سبل تعزيز التعاون في مجال المياه.';

  it('cuts between words, never inside one, and ends with an ellipsis', () => {
    const h = headline(lead);
    assert.ok(h.endsWith('…'), h);
    assert.ok(h.length <= 81, `${h.length} characters`);
    const shown = h.slice(0, -1).split(' ');
    const words = lead.split(' ');
    assert.deepEqual(shown, words.slice(0, shown.length), 'every shown word is whole');
    assert.ok(shown.length >= 10, h);
  });

  it('leaves no comma or colon before the ellipsis; collapses line breaks', () => {
    assert.equal(headline('أولا، ثانيا، ثالثا، رابعا', 13), 'أولا، ثانيا…');
    assert.equal(headline('سطر أول\n\nسطر ثان', 80), 'سطر أول سطر ثان');
  });

  it('a short text is kept whole; a single overlong word is cut with an ellipsis', () => {
    assert.equal(headline('  خبر قصير  '), 'خبر قصير');
    assert.equal(headline('ا'.repeat(100), 10), `${'ا'.repeat(10)}…`);
  });
});
