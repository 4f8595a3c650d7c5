/** What the built command line (scripts/caspian.mjs) calls: the command, its output, and
 *  where the balance workers' built script is. */
export { useWorkerScript } from './balanceBundle.ts';
export { run } from './main.ts';
export { processIo } from './output.ts';
