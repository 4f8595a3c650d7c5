/**
 * The game's service worker (scripts/offline.ts builds it with vite-plugin-pwa's
 * injectManifest, which writes the build's file list into `self.__WB_MANIFEST`, each file
 * with a revision or a hashed name). It stores every file of this build and answers from
 * that store first, so the game opens and plays with no network after one visit. Every
 * page navigation (class links' `?scenario=…&seed=…` included) is answered with the stored
 * index.html. A new build's worker fetches only the files that changed, waits until the
 * game is next opened, or until the page asks for it ("Use it now" in
 * src/ui/classroom/offline.ts sends SKIP_WAITING), and on taking over removes what its build
 * no longer ships, so two builds never mix.
 *
 * Written by hand (about 1 KB) rather than with Workbox's precaching and routing (about
 * 6 KB): this is all of what the game used of them, with the same cache layout (a file
 * with a revision is stored under `url?__WB_REVISION__=revision`).
 */

// The DOM typings are the project's lib; these are the few worker names used here.
interface FetchEvent extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  registration: { scope: string };
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
const worker = self as unknown as WorkerScope;

const CACHE = 'caspian-precache';
const scope = worker.registration.scope;
// Written out as `self.__WB_MANIFEST`: the build looks for that text to put the list in.
const files = (self as unknown as WorkerScope).__WB_MANIFEST;
/** A file's address (no query) → the key it is stored under. */
const stored = new Map(
  files.map((f) => {
    const url = new URL(f.url, scope);
    if (f.revision) url.searchParams.set('__WB_REVISION__', f.revision);
    return [new URL(f.url, scope).href, url.href];
  }),
);
const page = stored.get(new URL('index.html', scope).href);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const have = new Set((await cache.keys()).map((r) => r.url));
      await Promise.all(
        [...stored.values()]
          .filter((key) => !have.has(key))
          .map(async (key) => {
            const response = await fetch(key, { credentials: 'same-origin' });
            // A file missing from the server must not leave a half-stored game marked ready.
            if (!response.ok) throw new Error(`${key}: ${response.status}`);
            await cache.put(key, response);
          }),
      );
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set(stored.values());
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
      // Stores of other builds or of the Workbox worker this one replaced.
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // Query strings are the game's own parameters, never part of a file's identity.
  url.search = '';
  url.hash = '';
  const key = request.mode === 'navigate' ? page : stored.get(url.pathname.endsWith('/') ? `${url.href}index.html` : url.href);
  if (!key) return;
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});

worker.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void worker.skipWaiting();
});
