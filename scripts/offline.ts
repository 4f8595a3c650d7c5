/**
 * The service worker that lets the game run with no network after the first visit
 * (school networks fail). vite-plugin-pwa builds src/offline/sw.ts and injects the
 * precache manifest: every file the build emits — the page, the code, the stylesheet,
 * every scenario chunk (the chapters, the bridge, the campaign's assembler) and the map,
 * which is data inside the map's chunk — each with a revision, so a new build replaces
 * exactly what changed and removes what it no longer ships: a cache never mixes two builds.
 *
 * Why this library: vite-plugin-pwa is the Vite project's own PWA plugin; its
 * `injectManifest` compiles the worker in the same Vite build (about a second) and writes
 * the file list with revisions (Workbox's build tool). The worker itself and its
 * registration (src/offline/register.ts) are the game's own, about 1.5 KB together: the
 * Workbox runtime they replaced (precaching, routing, workbox-window) was 8 KB gzipped of
 * a game that must weigh no more than bare Phaser (issue 12), for the few things the game
 * used of it.
 *
 * - `registerType: 'prompt'`: a new release waits until the game is next opened (or the
 *   player chooses "Use it now"), so a lesson in progress is never reloaded under a
 *   student (src/ui/classroom/offline.ts shows the notice).
 * - `injectRegister: false`: registration is a module of the game's own bundle, not an
 *   inline script, so a strict Content-Security-Policy (`script-src 'self'`) allows it.
 * - `manifest: false`: the game is not an installable app (no icons to keep); it only
 *   needs to open offline at its own address.
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The registration module, as the dev server (no worker built) and worker-less builds use it. */
export const REGISTER_NOTHING = 'export const registerWorker = () => async () => {};';
export const isRegisterModule = (id: string) => id.replaceAll('\\', '/').endsWith('/src/offline/register.ts');

export function offline(): Plugin[] {
  const devServer: Plugin = { name: 'caspian-offline-dev', apply: 'serve', load: (id) => (isRegisterModule(id) ? REGISTER_NOTHING : null) };
  const worker = VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    injectManifest: {
      globPatterns: ['**/*.{html,js,css,svg,png,json,woff2}'],
      // The biggest chunk (Phaser) is about 0.5 MB; keep a margin for growth.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
  });
  return [...worker, devServer];
}
