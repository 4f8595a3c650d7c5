/** The top bar: date and turn, leader, political capital, treasury, balance, sound, help. */
import { balanceOf, type GameState, monthIndex } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fillKeyed, setAttr, setStyle, setText, svg } from '../dom.ts';
import { explainVar } from '../explain.ts';
import { money, quarterLabel, signed } from '../format.ts';
import { attachTip } from '../tooltip.ts';

export interface TopbarOptions {
  onHelp: () => void;
  onHistory: () => void;
  onMenu: () => void;
  toggleMute: () => boolean;
  muted: () => boolean;
}

export function createTopbar(opts: TopbarOptions) {
  const turnLabel = el('span', { class: 'turn-label', testid: 'turn-label', attrs: { 'aria-live': 'polite' } });
  const leader = el('span', { class: 'leader' });
  const eraLabel = el('span', { class: 'era-label', testid: 'era-label' });
  const capital = el('span', { class: 'capital', label: 'Political capital' });
  const treasury = el('span', { class: 'treasury' });
  const balanceValue = el('span', { class: 'gauge-value' });
  const balanceFill = el('span', { class: 'gauge-fill' });
  const balance = el(
    'span',
    { class: 'balance', attrs: { tabindex: '0' } },
    el('span', { class: 'gauge-label' }, 'Balance'),
    el('span', { class: 'gauge' }, balanceFill),
    balanceValue,
  );
  const mute = button(
    '',
    () => {
      opts.toggleMute();
      paintMute();
    },
    { class: 'icon-button', testid: 'mute' },
  );
  const paintMute = () => {
    const m = opts.muted();
    fillKeyed(mute, String(m), () => [speakerIcon(m)]);
    setAttr(mute, 'aria-label', m ? 'Sound off: turn it on' : 'Sound on: mute');
    setAttr(mute, 'aria-pressed', String(m));
  };
  paintMute();

  let state: GameState | null = null;
  let scenario: Scenario | null = null;
  attachTip(treasury, () => {
    if (!state) return null;
    const e = explainVar(state, 'treasury');
    return {
      title: `Treasury ${money(state.treasury)}`,
      lines: [
        `Energy revenue last turn: ${money(state.revenue)}`,
        ...e.causes.slice(0, 6).map((c) => ({ text: `${c.cause} ${signed(c.delta)}`, tone: c.delta > 0 ? ('up' as const) : ('down' as const) })),
      ],
    };
  });
  attachTip(capital, () =>
    state && scenario
      ? {
          title: `Political capital ${state.capital} of ${scenario.model.capitalMax}`,
          lines: [
            `Refilled by ${scenario.model.capitalPerTurn} each turn; one more when stability is 65 or above, one less below 30.`,
            'Each action costs some.',
          ],
        }
      : null,
  );
  attachTip(balance, () =>
    state
      ? {
          title: `Balance ${balanceOf(state)} of 100`,
          lines: ['How evenly influence over Azerbaijan is spread among the four powers.', 'At 70 or more sovereignty grows each turn; below 40 it erodes.'],
        }
      : null,
  );

  const node = el(
    'header',
    { class: 'topbar' },
    el('span', { class: 'brand' }, 'Caspian Balance'),
    turnLabel,
    eraLabel,
    leader,
    capital,
    treasury,
    balance,
    el('span', { class: 'spacer' }),
    button('History', opts.onHistory, { class: 'ghost small history-button', label: 'Turn history: every quarter’s report', testid: 'open-history' }),
    button('?', opts.onHelp, { class: 'icon-button', label: 'How to play', testid: 'help' }),
    mute,
    button('☰', opts.onMenu, { class: 'icon-button', label: 'Menu', testid: 'menu' }),
  );

  return {
    node,
    update(sc: Scenario, s: GameState) {
      state = s;
      scenario = sc;
      // Only what changed is written (see setText): the rest of the page stays clean.
      setText(turnLabel, `Turn ${s.turn + 1} of ${sc.calendar.turns} · ${quarterLabel(sc, s.turn)}`);
      setText(eraLabel, eraOf(sc, s.turn) ?? '');
      setText(leader, s.leader);
      fillKeyed(capital, `${s.capital}/${sc.model.capitalMax}`, () => [
        el('span', { class: 'pip-label' }, 'Capital'),
        ...Array.from({ length: sc.model.capitalMax }, (_, i) => el('span', { class: `pip${i < s.capital ? ' full' : ''}`, attrs: { 'aria-hidden': 'true' } })),
        el('span', { class: 'sr-only' }, `${s.capital} of ${sc.model.capitalMax}`),
      ]);
      setText(treasury, `Treasury ${money(s.treasury)}`);
      const b = balanceOf(s);
      setText(balanceValue, String(b));
      // The bar is scaled, not resized: its animation runs off the main thread.
      setStyle(balanceFill, 'transform', `scaleX(${b / 100})`);
      balance.classList.toggle('low', b < 40);
      balance.classList.toggle('high', b >= 70);
      paintMute();
    },
  };
}

/** The title of the era a turn falls in, for scenarios that have eras (the campaign). */
export function eraOf(sc: Scenario, turn: number): string | null {
  let title: string | null = null;
  const first = monthIndex(sc.calendar.start) + turn * sc.calendar.monthsPerTurn;
  for (const e of sc.eras ?? []) if (monthIndex(e.from) <= first + sc.calendar.monthsPerTurn - 1) title = e.title;
  return title;
}

/** A speaker, crossed out when muted: drawn, because emoji fonts are not on every school machine. */
function speakerIcon(muted: boolean): SVGSVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 24 24', 'aria-hidden': 'true' },
    svg('path', { d: 'M4 9h4l5-4v14l-5-4H4z' }),
    muted ? svg('path', { d: 'M17 9l5 6M22 9l-5 6' }) : svg('path', { d: 'M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12' }),
  );
}
