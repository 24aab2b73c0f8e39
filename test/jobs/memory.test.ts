import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestV8Flags, OPT_BYTECODE_LIMIT } from '../../src/jobs/memory.ts';

test('ingest V8 flags: heap growth 20 % and no TurboFan compile of functions past the bytecode limit by default', () => {
  assert.deepEqual(ingestV8Flags({}), [
    '--heap-growing-percent=20',
    `--max-optimized-bytecode-size=${OPT_BYTECODE_LIMIT}`,
  ]);
  // the limit sits between the events' processSentence (15.8 KB) and the next longest hot function (6.5 KB)
  assert.ok(OPT_BYTECODE_LIMIT > 6_500 && OPT_BYTECODE_LIMIT < 15_000);
});

test('ingest V8 flags: each can be set or turned off from the environment', () => {
  assert.deepEqual(ingestV8Flags({ KHABAR_HEAP_GROWTH: '35', KHABAR_OPT_BYTECODE_LIMIT: ' 20000 ' }), [
    '--heap-growing-percent=35',
    '--max-optimized-bytecode-size=20000',
  ]);
  assert.deepEqual(ingestV8Flags({ KHABAR_HEAP_GROWTH: 'off', KHABAR_OPT_BYTECODE_LIMIT: 'off' }), []);
  // a value that is no number falls back to the default
  assert.deepEqual(ingestV8Flags({ KHABAR_HEAP_GROWTH: 'lots', KHABAR_OPT_BYTECODE_LIMIT: '-1' }), [
    '--heap-growing-percent=20',
    `--max-optimized-bytecode-size=${OPT_BYTECODE_LIMIT}`,
  ]);
});
