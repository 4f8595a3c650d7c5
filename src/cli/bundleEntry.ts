/** What the built command line (scripts/caspian.mjs) calls: the command, its output,
 *  where the balance workers' built script is (and the workers it started already) and
 *  where validated scenarios are kept. */
export { useWorkerScript } from './balanceBundle.ts';
export { useStartedWorkers } from './balancePool.ts';
export { run } from './main.ts';
export { processIo } from './output.ts';
export { useScenarioCache } from './scenarioCache.ts';
