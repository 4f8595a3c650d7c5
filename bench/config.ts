/**
 * The game's Vite config for the benchmark's own builds, without the offline worker: the
 * bare pages would not ship one, and an unminified profiling build cannot build it
 * (Workbox finds its manifest placeholder twice in unminified code). The game's
 * registration module is kept, registering nothing (as on the dev server).
 */
import { join } from 'node:path';
import type { InlineConfig, PluginOption } from 'vite';

export const CONFIG = join(import.meta.dirname, '..', 'vite.config.ts');

export async function configWithoutWorker(root: string, build: InlineConfig['build']): Promise<InlineConfig> {
  const game = (await import('../vite.config.ts')).default as InlineConfig;
  const plugins = (game.plugins ?? ([] as PluginOption[]))
    .flat(3)
    .filter((p) => !(p && typeof p === 'object' && 'name' in p && String(p.name).startsWith('vite-plugin-pwa')));
  const noWorker: PluginOption = {
    name: 'caspian-bench-no-worker',
    resolveId: (id) => (id === 'virtual:pwa-register' ? '\0virtual:pwa-register' : null),
    load: (id) => (id === '\0virtual:pwa-register' ? 'export const registerSW = () => async () => {};' : null),
  };
  return { ...game, plugins: [...plugins, noWorker], root, configFile: false, build: { ...game.build, ...build } };
}
