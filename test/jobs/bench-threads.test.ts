/**
 * bench/ingest.ts counts the module loader's thread (tsx's hooks) apart from V8's and libuv's
 * threads: it had counted it under «other threads», read as V8's compiler and GC.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loaderThread, threadCpuMs } from '../../bench/threads.ts';
import { tempDir } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const linux = existsSync('/proc/thread-self')
  ? false
  : 'no /proc/thread-self (not Linux): nothing to count by thread';

test("the loader's thread is found, and is neither the main thread nor another's", {
  skip: linux,
}, async () => {
  const tid = await loaderThread();
  assert.ok(tid, 'a thread id');
  assert.notEqual(tid, String(process.pid));
  assert.ok(readdirSync('/proc/self/task').includes(tid), `${tid} is a thread of this process`);
  const cpu = threadCpuMs(tid)!;
  const all = threadCpuMs(undefined)!;
  // The loader's share moved out of «other», nothing lost: the same total either way.
  assert.ok(Math.abs(cpu.main + cpu.loader + cpu.other - (all.main + all.other)) <= 30);
  assert.equal(all.loader, 0);
});

test('bench/ingest.ts prints the loader apart from the other threads', { skip: linux }, () => {
  const dir = tempDir('khabar-bench-threads-');
  const corpus = join(dir, 'c.jsonl');
  const lines = [
    'أعلنت وزارة الزراعة في بلدة الواحة الخضراء عن موسم حصاد وفير للتمور هذا العام بعد أمطار غزيرة.',
    'افتتح المجلس البلدي مكتبة عامة جديدة في حي النخيل تضم آلاف الكتب للأطفال والكبار.',
  ].map((text, i) => JSON.stringify({ id: `t${i}`, outlet: 'صحيفة المثال', text }));
  writeFileSync(corpus, `${lines.join('\n')}\n`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/ingest.ts', '--corpus', corpus, '--db', join(dir, 'a.db')],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /^threads +main [\d.]+ s, module loader \(tsx\) [\d.]+ s, other threads [\d.]+ s of CPU/mu,
  );
});
