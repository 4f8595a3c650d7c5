#!/usr/bin/env node
// `npm run caspian -- <command>`: runs the command line from its built scripts
// (scripts/cli-bundle.mjs), building them first when a source has changed since. When
// they cannot be built or written (a read-only checkout), it runs the sources through tsx
// as before.
import { build, cliScript, isFresh, workerScript } from './cli-bundle.mjs';

let cli;
try {
  if (!isFresh()) build();
  cli = await import(cliScript);
  cli.useWorkerScript(workerScript);
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/bundleEntry.ts');
}
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo);
