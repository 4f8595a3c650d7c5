#!/usr/bin/env node
// `npm run caspian -- <command>`: runs the command line from its built scripts
// (scripts/cli-bundle.mjs), building them first when a source has changed since. When
// they cannot be built or written (a read-only checkout), it runs the sources through tsx
// as before.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { build, cliScript, freshBuild, scenarioDir, workerScript } from './cli-bundle.mjs';

/** `balance` plays on every core: its workers start loading their script now, beside the
 *  command line's own loading, rather than after it (src/cli/balancePool.ts
 *  useStartedWorkers). Unref'd until a pool takes them; the first error each meets is kept. */
function startWorkers() {
  return Array.from({ length: availableParallelism() }, () => {
    const started = { worker: new Worker(workerScript), error: undefined };
    started.worker.unref();
    started.worker.on('error', (e) => {
      started.error ??= e;
    });
    return started;
  });
}

let cli;
try {
  let id = freshBuild();
  if (id === null) {
    build();
    id = freshBuild();
  }
  const started = process.argv[2] === 'balance' ? startWorkers() : [];
  cli = await import(cliScript);
  cli.useWorkerScript(workerScript);
  cli.useStartedWorkers(started);
  if (id !== null) cli.useScenarioCache(scenarioDir, id);
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/bundleEntry.ts');
}
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo);
