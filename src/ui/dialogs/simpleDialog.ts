/** A plain modal dialog (help, menu) that Esc closes. */
import { button, el, fill } from '../dom.ts';

export function createSimpleDialog(testid: string, titleText: string) {
  const body = el('div', { class: 'simple-body' });
  const title = el('h2', { attrs: { id: `${testid}-title` } }, titleText);
  const dialog = el(
    'div',
    { class: 'dialog simple-dialog', testid, role: 'dialog', attrs: { 'aria-modal': 'true', 'aria-labelledby': `${testid}-title` } },
    title,
    body,
    el(
      'div',
      { class: 'dialog-actions' },
      button('Close', () => close(), { class: 'ghost', testid: `${testid}-close` }),
    ),
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) close();
  });
  const close = () => overlay.classList.add('hidden');
  return {
    node: overlay,
    isOpen: () => !overlay.classList.contains('hidden'),
    close,
    open(...children: (Node | string)[]) {
      fill(body, ...children);
      overlay.classList.remove('hidden');
      (dialog.querySelector('button') as HTMLElement | null)?.focus();
    },
  };
}
