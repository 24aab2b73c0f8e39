/**
 * Writes `data/eld/small.json`: the n-gram tables of `eld/small` (eld 2.x, Apache-2.0, © Nito T.M.,
 * https://github.com/nitotm/efficient-language-detector-js; see data/eld/README.md) as JSON.
 * `JSON.parse` of this file costs ~40 MB of resident memory; compiling eld's 1.6 MB JS object
 * literal costs ~140–180 MB (bench/RESULTS.md, "ingest"). Run again after upgrading eld:
 *   node --import tsx scripts/build-eld-data.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(import.meta.resolve('eld/small'));
const ngramsFile = join(dirname(entry), '..', 'ngrams', 'small.js');
const { ngramsData } = createRequire(import.meta.url)(ngramsFile) as { ngramsData: unknown };
const version = (
  createRequire(import.meta.url)(join(dirname(entry), '..', '..', 'package.json')) as {
    version: string;
  }
).version;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'eld', 'small.json');
writeFileSync(out, `${JSON.stringify({ eldVersion: version, ngramsData })}\n`);
console.log(`wrote ${out}`);
