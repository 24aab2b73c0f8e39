import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestV8Flags, OPT_BYTECODE_LIMIT } from '../../src/jobs/memory.ts';

test('ingest V8 flags: heap growth 20 % and no TurboFan compile of functions past the bytecode limit by default', () => {
  assert.deepEqual(ingestV8Flags({}), [
    '--heap-growing-percent=20',
    `--max-optimized-bytecode-size=${OPT_BYTECODE_LIMIT}`,
  ]);
  // below the events' assignRoles (6,270 bytes) and the posts' postAt
  // (5,274), above the next longest hot functions (findDates 3,988; --trace-opt-verbose, 30 Nov)
  assert.ok(OPT_BYTECODE_LIMIT > 3_988 && OPT_BYTECODE_LIMIT < 5_274);
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
