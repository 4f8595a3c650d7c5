/**
 * The balance worker's code as one script, built once per process. A worker thread does
 * not inherit tsx's loader: registered in each worker (session 6), it started a
 * loader thread of its own and compiled every module of the engine and the policies
 * through it, ~0.6 s of CPU a worker before its first game. esbuild (tsx's own
 * compiler, so always at hand where the CLI runs) bundles the worker's ~50 modules into
 * one CommonJS script in ~0.1 s, which each worker runs as given (`eval`).
 */
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let code: string | undefined;

/** The worker's script (balanceWorker.ts and what it imports), bundled on first use. */
export function balanceWorkerCode(): string {
  if (code === undefined) {
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
  return code;
}
