/** The first-turn guide, before the first event: four short callouts pointing at the meters, the powers, the actions and the end-turn button. */
import { button, el, fill } from '../dom.ts';

const STEPS = [
  {
    target: '.meters',
    title: 'Azerbaijan',
    text: 'Your five meters. The red tick on a bar is the line you must not cross: at or below it the game is lost. Hover over or tap any meter to see what moved it and why.',
  },
  {
    target: '.powers',
    title: 'The powers',
    text: 'Russia, Turkey, Iran and the West: their relation with you, and their influence over you. Lean too far toward one and the others answer. ⚠ 35% means a 35% chance it acts against you next quarter; ✦ a chance it helps.',
  },
  {
    target: '.actions',
    title: 'Your levers',
    text: 'Spend political capital (◆) on energy, diplomacy and security. R+ T− I+ W+ show who an action pleases and who it worries; point at it for every number. Undo takes back an action until you end the turn.',
  },
  {
    target: '[data-testid="end-turn"]',
    title: 'End the turn',
    text: 'When you are done, end the turn (or press Enter). The powers answer, the economy moves, and the turn report tells you what happened and why. History reopens any past report.',
  },
] as const;

export function createGuide(onStep: (step: number | null) => void) {
  const body = el('div', { class: 'guide-body' });
  const node = el('div', { class: 'guide hidden', role: 'dialog', label: 'Guide', testid: 'guide' }, body);
  let highlighted: Element | null = null;
  return {
    node,
    update(step: number | null, blocked: boolean) {
      highlighted?.classList.remove('guide-target');
      highlighted = null;
      const s = step === null ? undefined : STEPS[step];
      if (!s || blocked) {
        node.classList.add('hidden');
        return;
      }
      const target = document.querySelector(s.target);
      target?.classList.add('guide-target');
      highlighted = target;
      const last = step === STEPS.length - 1;
      fill(
        body,
        el('p', { class: 'guide-step' }, `${(step ?? 0) + 1} / ${STEPS.length}`),
        el('h3', {}, s.title),
        el('p', {}, s.text),
        el(
          'div',
          { class: 'dialog-actions' },
          button(last ? 'Got it' : 'Next', () => onStep(last ? null : (step ?? 0) + 1), { class: 'primary small', testid: 'guide-next' }),
          last ? null : button('Skip the guide', () => onStep(null), { class: 'ghost small', testid: 'guide-skip' }),
        ),
      );
      node.classList.remove('hidden');
      if (target) {
        // On a narrow window the screen stacks and scrolls (responsive.css): bring the panel
        // the step is about into view first.
        const seen = target.getBoundingClientRect();
        if (seen.bottom > window.innerHeight || seen.top < 0) target.scrollIntoView({ block: 'start' });
        const r = target.getBoundingClientRect();
        const w = 300;
        if (r.left <= w + 24 && r.right + 16 + w > window.innerWidth - 12) {
          // No room beside the panel (the stacked screen): under it, or over it.
          const h = node.offsetHeight;
          node.style.left = `${Math.max(12, (window.innerWidth - w) / 2)}px`;
          node.style.top = `${r.bottom + 8 + h <= window.innerHeight ? r.bottom + 8 : Math.max(8, r.top - h - 8)}px`;
          return;
        }
        const left = r.left > w + 24 ? r.left - w - 16 : Math.min(window.innerWidth - w - 12, r.right + 16);
        node.style.left = `${Math.max(12, left)}px`;
        node.style.top = `${Math.max(60, Math.min(window.innerHeight - 220, r.top + 10))}px`;
      }
    },
  };
}
