/**
 * A modal dialog of the classroom screens (saves, class link, replay, glossary). It lives
 * outside the game's root, so it works over the title and the game alike; its keys stay
 * inside it (typing "1" in a note must not answer an event), Esc closes it, and focus
 * returns where it was.
 */
import { button, el, fill } from '../dom.ts';

export interface Modal {
  node: HTMLElement;
  body: HTMLElement;
  open(...children: (Node | string | null)[]): void;
  close(): void;
  isOpen(): boolean;
}

export function createModal(testid: string, title: string, opts: { wide?: boolean; onClose?: () => void } = {}): Modal {
  const heading = el('h2', { attrs: { id: `${testid}-title` } }, title);
  const body = el('div', { class: 'modal-body' });
  const dialog = el(
    'div',
    {
      class: `dialog classroom-dialog${opts.wide ? ' wide' : ''}`,
      testid,
      role: 'dialog',
      attrs: { 'aria-modal': 'true', 'aria-labelledby': `${testid}-title`, tabindex: '-1' },
    },
    el(
      'div',
      { class: 'modal-head' },
      heading,
      button('Close', () => close(), { class: 'ghost small', testid: `${testid}-close` }),
    ),
    body,
  );
  const overlay = el('div', { class: 'overlay classroom-overlay hidden' }, dialog);
  let returnTo: Element | null = null;
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) close();
  });
  overlay.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') close();
  });
  const close = () => {
    if (overlay.classList.contains('hidden')) return;
    overlay.classList.add('hidden');
    if (returnTo instanceof HTMLElement) returnTo.focus();
    opts.onClose?.();
  };
  document.body.appendChild(overlay);
  return {
    node: overlay,
    body,
    open(...children) {
      returnTo = document.activeElement;
      // The newest dialog goes on top of any other classroom dialog already open.
      document.body.appendChild(overlay);
      fill(body, ...children);
      overlay.classList.remove('hidden');
      dialog.focus();
    },
    close,
    isOpen: () => !overlay.classList.contains('hidden'),
  };
}
