/**
 * One floating tooltip for the whole page: DOM elements explain themselves on hover and
 * on keyboard focus; the map passes its hover info here too.
 */
import { el, fill } from './dom.ts';

export interface TipContent {
  title: string;
  lines: (string | { text: string; tone?: 'up' | 'down' | 'muted' })[];
}

let tip: HTMLDivElement | null = null;

function node(): HTMLDivElement {
  if (!tip) {
    tip = el('div', { class: 'tooltip', role: 'tooltip', attrs: { id: 'tooltip', 'aria-hidden': 'true' } });
    document.body.appendChild(tip);
    // A click changes what is under the pointer (a button disables, a panel opens): the
    // explanation of the old state must not linger.
    document.addEventListener('pointerdown', hideTip, true);
  }
  return tip;
}

export function showTip(content: TipContent, x: number, y: number): void {
  const t = node();
  fill(
    t,
    el('div', { class: 'tip-title' }, content.title),
    ...content.lines.map((l) => (typeof l === 'string' ? el('div', { class: 'tip-line' }, l) : el('div', { class: `tip-line ${l.tone ?? ''}` }, l.text))),
  );
  t.classList.add('visible');
  t.setAttribute('aria-hidden', 'false');
  const { innerWidth: w, innerHeight: h } = window;
  const rect = t.getBoundingClientRect();
  const left = Math.min(x + 14, w - rect.width - 8);
  const top = y + 16 + rect.height > h ? y - rect.height - 10 : y + 16;
  t.style.left = `${Math.max(8, left)}px`;
  t.style.top = `${Math.max(8, top)}px`;
}

export function hideTip(): void {
  if (!tip) return;
  tip.classList.remove('visible');
  tip.setAttribute('aria-hidden', 'true');
}

/** Shows `content()` while the pointer is over the element or it has keyboard focus. */
export function attachTip(target: HTMLElement, content: () => TipContent | null): void {
  const show = (x: number, y: number) => {
    const c = content();
    if (c) showTip(c, x, y);
  };
  target.addEventListener('mouseenter', (e) => show(e.clientX, e.clientY));
  target.addEventListener('mousemove', (e) => {
    if (tip?.classList.contains('visible')) show(e.clientX, e.clientY);
  });
  target.addEventListener('mouseleave', hideTip);
  target.addEventListener('focus', () => {
    const r = target.getBoundingClientRect();
    show(r.left, r.bottom);
  });
  target.addEventListener('blur', hideTip);
}
