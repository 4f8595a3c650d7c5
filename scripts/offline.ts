/**
 * The service worker that lets the game run with no network after the first visit
 * (school networks fail). vite-plugin-pwa builds src/offline/sw.ts (Workbox's
 * precaching and routing) and injects the precache manifest: every file the build
 * emits — the page, the code, the stylesheet, every scenario chunk (the chapters, the
 * bridge, the campaign's assembler) and the map, which is data inside the map's chunk —
 * each with a revision, so a new build replaces exactly what changed and removes what it
 * no longer ships: a cache never mixes two builds.
 *
 * Why this library: vite-plugin-pwa is the Vite project's own PWA plugin and Workbox is
 * the standard service-worker toolkit (precaching with revisions, cache clean-up, update
 * flow) — the parts that are easy to get subtly wrong by hand. `injectManifest` rather
 * than `generateSW`: the worker is compiled by the same Vite build (about a second)
 * instead of Workbox's own Rollup+Babel+Terser pass (about 20 s on this machine), and
 * its source is short enough to read.
 *
 * - `registerType: 'prompt'`: a new release waits until the game is next opened (or the
 *   player chooses "Use it now"), so a lesson in progress is never reloaded under a
 *   student (src/ui/classroom/offline.ts shows the notice).
 * - `injectRegister: false`: registration is a module of the game's own bundle, not an
 *   inline script, so a strict Content-Security-Policy (`script-src 'self'`) allows it.
 * - `manifest: false`: the game is not an installable app (no icons to keep); it only
 *   needs to open offline at its own address.
 */
import { VitePWA } from 'vite-plugin-pwa';

export function offline() {
  return VitePWA({
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
}
