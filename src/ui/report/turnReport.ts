/**
 * The turn report: after End turn, before the next event, one screen that says what
 * each power did and why, what moved and why, the money, the news and what is coming.
 * Readable in twenty seconds; Enter, Esc or the button closes it; any past turn's
 * report opens again from the turn history.
 */
import type { GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { money, powerName, signed, varName } from '../format.ts';
import { eraOf } from '../hud/topbar.ts';
import { type Moved, summarizeTurn, type TurnSummary } from './summary.ts';

const MAX_CAUSES = 2;

export function createTurnReport(onClose: () => void) {
  const title = el('h2', { attrs: { id: 'turn-report-title' } });
  const body = el('div', { class: 'report-body' });
  const next = el('p', { class: 'report-next', testid: 'report-next' });
  const close = button('Continue', onClose, { class: 'primary', testid: 'turn-report-close' });
  const dialog = el(
    'div',
    {
      class: 'dialog report-dialog',
      testid: 'turn-report',
      role: 'dialog',
      attrs: { 'aria-modal': 'true', 'aria-labelledby': 'turn-report-title', tabindex: '-1' },
    },
    title,
    body,
    el('div', { class: 'dialog-actions' }, next, close),
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) onClose();
  });
  let shown = '';
  // A fresh report (End turn) arrives a frame after the new turn: it is built in the click,
  // so it can be read and closed at once, but laid out and painted in the next frame (see
  // .arriving in report.css) — the frame that shows the new turn carries only the panels.
  let arriving = 0;
  const arrive = () => {
    cancelAnimationFrame(arriving);
    overlay.classList.add('arriving');
    arriving = requestAnimationFrame(() => setTimeout(() => overlay.classList.remove('arriving'), 0));
  };

  return {
    node: overlay,
    isOpen: () => !overlay.classList.contains('hidden'),
    update(sc: Scenario, s: GameState, report: { turn: number; fresh: boolean } | null) {
      const summary = report ? summarizeTurn(sc, s, report.turn) : null;
      if (!report || !summary) {
        overlay.classList.add('hidden');
        overlay.classList.remove('arriving');
        shown = '';
        return;
      }
      const key = `${report.turn}:${report.fresh}:${s.history.length}`;
      if (key === shown) return;
      shown = key;
      title.textContent = `${summary.label}: what happened`;
      // A campaign's new era is announced as the quarter that opens it begins.
      const era = report.fresh ? eraOf(sc, s.turn) : null;
      const opening = era !== null && era !== eraOf(sc, report.turn);
      fill(body, opening ? el('p', { class: 'report-era', testid: 'report-era' }, `A new era begins: ${era}`) : null, ...renderSummary(summary));
      const waiting = s.pending.length;
      next.textContent = report.fresh
        ? waiting > 0
          ? `${waiting === 1 ? 'A decision waits' : `${waiting} decisions wait`} for you in ${nextLabel(sc, s)}.`
          : `${sentence(nextLabel(sc, s))} begins.`
        : '';
      close.textContent = report.fresh ? 'Continue' : 'Close';
      if (report.fresh && overlay.classList.contains('hidden')) arrive();
      overlay.classList.remove('hidden');
      // Focus the dialog, not a button: a held Enter must not skip through the game.
      // (It is always in view: no scrolling, so no layout forced inside the click.)
      dialog.focus({ preventScroll: true });
    },
  };
}

function nextLabel(sc: Scenario, s: GameState): string {
  return s.current.date ? `${sc.calendar.monthsPerTurn === 3 ? 'the new quarter' : 'the new turn'}` : 'the next turn';
}

/** The label at the start of a sentence ("The new quarter begins."). */
const sentence = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

export function renderSummary(t: TurnSummary): HTMLElement[] {
  const out: HTMLElement[] = [];
  out.push(
    section(
      'The powers',
      el(
        'ul',
        { class: 'report-powers' },
        ...t.powers.map((p) => {
          const feeling = p.relation.causes[0];
          return el(
            'li',
            { class: `report-power power-${p.power} ${p.kind ?? 'quiet'}`, testid: `report-power-${p.power}` },
            el('span', { class: 'report-power-name' }, powerName(p.power)),
            el(
              'span',
              { class: 'report-power-act' },
              p.kind
                ? el('strong', {}, `${p.kind === 'stick' ? '⚠ Against you: ' : '✦ For you: '}${p.label}. `)
                : el('span', { class: 'muted' }, 'Held back. '),
              p.text ? el('span', {}, `${p.text} `) : null,
              p.why ? el('span', { class: 'why' }, `Why: ${p.why}.`) : null,
              !p.why && feeling ? el('span', { class: 'why' }, `Mood moved by: ${feeling.cause} ${signed(feeling.delta)}.`) : null,
            ),
            el(
              'span',
              { class: 'report-power-numbers' },
              el(
                'span',
                { class: `report-delta ${tone(p.relation.delta)}`, title: 'Its relation with you, and the change this quarter' },
                relationChange(p.relation),
              ),
              p.influence.delta !== 0
                ? el('span', { class: 'report-influence', title: 'Its influence over you' }, `influence ${p.influence.to} (${signed(p.influence.delta)})`)
                : null,
            ),
          );
        }),
      ),
    ),
  );
  out.push(
    section(
      'Azerbaijan',
      t.meters.length
        ? el('ul', { class: 'report-moved' }, ...t.meters.map((m) => movedRow(varName(m.var), m)))
        : el('p', { class: 'muted' }, 'No meter moved.'),
    ),
  );
  out.push(
    section(
      'Money',
      el(
        'p',
        { class: 'report-money' },
        `Energy exports earned ${money(t.revenue)} this quarter. Treasury ${money(t.treasury.from)} → ${money(t.treasury.to)} (${t.treasury.delta >= 0 ? '+' : '−'}${money(Math.abs(t.treasury.delta))}).`,
      ),
    ),
  );
  const happened: HTMLElement[] = [
    ...t.events.map((e) => el('li', {}, el('strong', {}, e.title), e.choice ? ` — you chose: ${e.choice}` : ' (news)')),
    ...t.actions.map((a) => el('li', { class: 'report-action' }, `You: ${a}`)),
  ];
  if (happened.length) out.push(section('This quarter', el('ul', { class: 'report-events' }, ...happened)));
  if (t.coming.length) out.push(section('Coming', el('ul', { class: 'report-coming', testid: 'report-coming' }, ...t.coming.map((c) => el('li', {}, c)))));
  return out;
}

function section(title: string, ...children: HTMLElement[]): HTMLElement {
  return el('section', { class: 'report-section' }, el('h3', {}, title), ...children);
}

function movedRow(label: string, m: Moved): HTMLElement {
  const causes = m.causes.slice(0, MAX_CAUSES).map((c) => `${c.cause} ${signed(c.delta)}`);
  if (m.causes.length > MAX_CAUSES) causes.push(`${m.causes.length - MAX_CAUSES} more`);
  return el(
    'li',
    { class: 'report-moved-row', testid: `report-moved-${m.var}` },
    el('span', { class: 'report-var' }, label),
    el('span', { class: `report-delta ${tone(m.delta)}` }, `${m.from} → ${m.to} (${signed(m.delta)})`),
    el('span', { class: 'report-causes' }, causes.join(' · ')),
  );
}

function relationChange(m: Moved): string {
  return m.delta === 0 ? `${m.to} (±0)` : `${m.to} (${signed(m.delta)})`;
}

const tone = (d: number) => (d > 0 ? 'up' : d < 0 ? 'down' : '');
