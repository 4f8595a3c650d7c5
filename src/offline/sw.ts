/**
 * The game's service worker (built by vite-plugin-pwa's injectManifest, see
 * scripts/offline.ts): Workbox's precaching stores every file of this build, listed in
 * `self.__WB_MANIFEST` with a revision each, and answers from that store first, so the
 * game opens and plays with no network after one visit. Every page navigation (class
 * links' `?scenario=…&seed=…` included) is answered with the stored index.html. Caches
 * of older builds are deleted when this one activates, so two builds never mix. A new
 * build waits until the game is next opened, or until the page asks for it
 * ("Use it now" in src/ui/classroom/offline.ts sends SKIP_WAITING).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// The DOM typings are the project's lib; these are the few worker names used here.
interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
const worker = self as unknown as WorkerScope;

worker.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void worker.skipWaiting();
});

// Query strings are the game's own parameters, never part of a file's identity.
// Written out as `self.__WB_MANIFEST`: the build looks for that text to put the list in.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
