/**
 * The balance worker's code as one script. A worker thread does not inherit tsx's loader:
 * registered in each worker (session 6), it started a loader thread of its own and
 * compiled every module of the engine and the policies through it, ~0.6 s of CPU a worker
 * before its first game. `npm run caspian` builds the script once, beside the command's
 * own (scripts/cli-bundle.mjs), and names it here; run from the sources (tsx, the tests),
 * esbuild (tsx's own compiler, so always at hand where the CLI runs) bundles the worker's
 * ~50 modules into one CommonJS script in ~0.1 s, which each worker runs as given (`eval`).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

let code: string | undefined;
let file: string | undefined;

/** The worker's script is this built file (a CommonJS script), not bundled here. */
export function useWorkerScript(path: string): void {
  file = path;
}

/** What a worker runs: the built file when there is one, else the script bundled on first use. */
export function balanceWorkerScript(): { script: string; eval: boolean } {
  if (file !== undefined) return { script: file, eval: false };
  if (code === undefined) {
    // Loaded only here: the built command line never needs it.
    const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const built = buildSync({
      entryPoints: [fileURLToPath(new URL('./balanceWorker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const out = built.outputFiles[0];
    if (!out) throw new Error('esbuild produced no worker script');
    code = out.text;
  }
  return { script: code, eval: true };
}
