import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { storeSuite } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-store-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite', { fresh: () => openStore(join(dir, `s${++n}.db`)) });
