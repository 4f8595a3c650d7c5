/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker built by scripts/offline.ts, so the game opens and plays
 * with no network after the first visit. Two short notices, outside #app so no screen
 * change removes them: "ready to play offline" once every file is stored (it fades), and
 * "a newer version is ready" when a new release is waiting — it starts the next time the
 * game is opened, or now if the player chooses, never by itself in the middle of a game.
 * The dev server registers nothing (the plugin's virtual module is a no-op there).
 */
import { registerSW } from 'virtual:pwa-register';
import { button, el, fill, publishHeight } from '../dom.ts';

export function startOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const notice = el('div', { class: 'offline-notice hidden', role: 'status', testid: 'offline-notice' });
  document.body.appendChild(notice);
  let fade = 0;
  // What else lives in the bottom-left corner (the journal's prompt and its pill) stands
  // on the notice instead of under it: the notice publishes its height (0 when hidden) and
  // the CSS places them. Its size, not its place: a screen change moves the notice (top
  // right on the title screen) without resizing it, so no observer would see a new place.
  publishHeight(notice, '--offline-notice-height');
  const show = (text: string, ...extra: Node[]) => {
    window.clearTimeout(fade);
    fill(notice, el('span', {}, text), ...extra);
    notice.classList.remove('hidden');
  };
  const hide = () => notice.classList.add('hidden');
  let update: (reload?: boolean) => Promise<void> = async () => {};
  const register = () => {
    update = registerSW({
      immediate: true,
      onOfflineReady() {
        document.documentElement.dataset.offline = 'ready';
        show('Stored on this computer: the game now opens and plays without a network.');
        fade = window.setTimeout(hide, 8000);
      },
      onNeedRefresh() {
        show(
          'A newer version of the game is ready. It starts the next time you open the game.',
          button('Use it now', () => void update(true), { class: 'small', testid: 'offline-update' }),
          button('Later', hide, { class: 'ghost small' }),
        );
      },
      onRegisterError(error: unknown) {
        // Not an error for the player: the game plays online as before.
        console.warn('The offline copy could not be set up:', error);
      },
    });
  };
  // Stored once the page has loaded and is idle, so the download of the whole game never
  // competes with the title screen's own first paint.
  const whenIdle = () => (window.requestIdleCallback ? window.requestIdleCallback(register, { timeout: 3000 }) : window.setTimeout(register, 500));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
