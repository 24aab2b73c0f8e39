/**
 * A search filter chip is a flex box (a 32 px target, web/src/style.css): a flex box drops the
 * spaces between its words, and the chip read «الدولة:تونس✕» (uidef4's walk, desktop and phone).
 * The chip's words are kept apart by a gap.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

test('a filter chip (a flex button) keeps a gap between its label, value and ✕', () => {
  const css = readFileSync(new URL('../../web/src/style.css', import.meta.url), 'utf8');
  assert.match(css, /(^|[\s,}])a\.chip,\s*button\.chip,[^{]*\{[^}]*display:\s*inline-flex/);
  assert.match(css, /(^|\n)button\.chip\s*\{[^}]*\bgap:\s*0\.3em/);
});
