#!/usr/bin/env node
// Entry point of the `khabar` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// `khabar events FILE | head`: once the reader has closed the pipe, the rest of the output has
// nowhere to go. Stop quietly, as the shell's own tools do, instead of dying on an unhandled
// EPIPE with a stack trace. The archive loses nothing: every article is its own transaction.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
