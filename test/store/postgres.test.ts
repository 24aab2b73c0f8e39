/**
 * The shared suite on PostgreSQL (KHABAR_TEST_PG, set by scripts/test.mjs). Each store gets
 * its own schema, dropped afterwards, so parallel runs do not collide. When the server is
 * unreachable the suite skips with the reason — except under CI, where it must run.
 */
import { after } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { dropSchemas, freshName, PG_URL as url, pgSkipReason } from '../pg.ts';
import { storeSuite } from './suite.ts';

const schemas: string[] = [];
const why = await pgSkipReason('the PostgreSQL store suite');

after(async () => {
  if (!why) await dropSchemas(schemas);
});

storeSuite('postgres', {
  ...(why ? { skip: why } : {}),
  fresh: () => {
    const schema = freshName('khabar_test');
    schemas.push(schema);
    return openStore(url, { schema });
  },
});
