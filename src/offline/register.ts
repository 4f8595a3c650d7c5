/**
 * Registers the game's service worker (src/offline/sw.ts) and reports what the page shows
 * (src/ui/classroom/offline.ts): the first copy stored ("ready offline"), and a newer build
 * waiting. The update function hands control to the waiting build and reloads the page.
 * The dev server builds no worker: there this module is replaced by one that registers
 * nothing (scripts/offline.ts), as in the benchmark's builds without a worker (bench/config.ts).
 */
export interface WorkerEvents {
  onOfflineReady(): void;
  onNeedRefresh(): void;
  onRegisterError(error: unknown): void;
}

export function registerWorker(events: WorkerEvents): (reload?: boolean) => Promise<void> {
  const container = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration | undefined;
  let refreshShown = false;
  const needRefresh = () => {
    if (refreshShown) return;
    refreshShown = true;
    events.onNeedRefresh();
  };
  const watch = (w: ServiceWorker) =>
    w.addEventListener('statechange', () => {
      if (w.state !== 'installed') return;
      // With a worker in charge already, the new one waits; without, it is the first copy.
      if (container.controller) needRefresh();
      else events.onOfflineReady();
    });
  container
    .register('./sw.js', { scope: './' })
    .then((r) => {
      registration = r;
      if (r.waiting && container.controller) needRefresh();
      if (r.installing) watch(r.installing);
      r.addEventListener('updatefound', () => {
        if (r.installing) watch(r.installing);
      });
    })
    .catch(events.onRegisterError);
  return async (reload = true) => {
    const waiting = registration?.waiting;
    if (!waiting) return;
    if (reload) container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
}
