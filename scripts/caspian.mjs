#!/usr/bin/env node
// `npm run caspian -- <command>`: runs the command line from its built scripts
// (scripts/cli-bundle.mjs), building them first when a source has changed since. When
// they cannot be built or written (a read-only checkout), it runs the sources through tsx
// as before.
import { build, cliScript, freshBuild, scenarioDir, workerScript } from './cli-bundle.mjs';

let cli;
try {
  let id = freshBuild();
  if (id === null) {
    build();
    id = freshBuild();
  }
  cli = await import(cliScript);
  cli.useWorkerScript(workerScript);
  if (id !== null) cli.useScenarioCache(scenarioDir, id);
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/bundleEntry.ts');
}
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo);
