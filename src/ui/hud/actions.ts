/**
 * The actions, grouped by domain, each with its cost, why it is disabled when it is, and
 * the expected reactions — who is pleased and who is worried — before the player commits.
 */
import { DOMAINS, type GameState, type LegalAction, legalActions, POWER_IDS, type PowerId } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { money, powerName, signed, varName } from '../format.ts';
import { attachTip } from '../tooltip.ts';

const DOMAIN_TITLES = { energy: 'Energy', diplomacy: 'Diplomacy', security: 'Security' } as const;

function reactions(a: LegalAction): { text: string; tone: 'up' | 'down' }[] {
  const out: { text: string; tone: 'up' | 'down' }[] = [];
  for (const id of POWER_IDS) {
    const sure = a.preview.filter((p) => p.var === `${id}.relation` && p.chance === undefined).reduce((t, p) => t + p.delta, 0);
    if (sure !== 0) out.push({ text: `${powerName(id as PowerId)} ${signed(sure)}`, tone: sure > 0 ? 'up' : 'down' });
  }
  return out;
}

export function createActions(onAct: (id: string) => void, onEndTurn: () => void) {
  let list: LegalAction[] = [];
  const groups = el('div', { class: 'action-groups' });
  const endTurn = button('End turn', onEndTurn, { class: 'primary end-turn', testid: 'end-turn', attrs: { 'aria-keyshortcuts': 'Enter' } });
  const endHint = el('p', { class: 'hint end-hint', attrs: { id: 'end-hint' } });
  const node = el(
    'section',
    { class: 'panel actions', label: 'Actions' },
    el('h2', {}, 'Actions'),
    groups,
    el('div', { class: 'end-turn-row' }, endTurn, endHint),
  );
  const buttons = new Map<string, HTMLButtonElement>();
  let shownIds = '';

  const buildButton = (a: LegalAction) => {
    const cost = el('span', { class: 'cost' }, `◆${a.cost.capital}`, a.cost.treasury ? ` ${money(a.cost.treasury)}` : '');
    const chips = el('span', { class: 'chips' });
    const b = el(
      'button',
      { class: 'action', testid: `action-${a.id}`, attrs: { type: 'button' } },
      el('span', { class: 'action-label' }, a.label),
      cost,
      chips,
    );
    b.addEventListener('click', () => {
      if (!b.disabled) onAct(a.id);
    });
    attachTip(b, () => {
      const cur = list.find((x) => x.id === a.id);
      if (!cur) return null;
      return {
        title: cur.label,
        lines: [
          { text: cur.text, tone: 'muted' as const },
          ...(cur.available ? [] : [{ text: `Unavailable: ${cur.reason}`, tone: 'down' as const }]),
          ...cur.preview.map((p) => ({
            text: `${varName(p.var)} ${signed(p.delta)}${p.chance !== undefined ? ` (${p.chance}% chance)` : ''}`,
            tone: p.delta > 0 ? ('up' as const) : ('down' as const),
          })),
        ],
      };
    });
    buttons.set(a.id, b);
    return b;
  };

  return {
    node,
    focusFirst() {
      (groups.querySelector('button:not([disabled])') as HTMLElement | null)?.focus();
    },
    update(sc: Scenario, s: GameState) {
      list = legalActions(sc, s);
      // The set of actions changes with the era (legalActions lists only the current
      // period's): rebuild the buttons when it does.
      const ids = list.map((a) => a.id).join(',');
      if (ids !== shownIds) {
        shownIds = ids;
        buttons.clear();
        fill(
          groups,
          ...DOMAINS.map((d) =>
            el(
              'div',
              { class: `action-group domain-${d}`, role: 'group', label: DOMAIN_TITLES[d] },
              el('h3', {}, DOMAIN_TITLES[d]),
              ...list.filter((a) => a.domain === d).map(buildButton),
            ),
          ),
        );
      }
      for (const a of list) {
        const b = buttons.get(a.id);
        if (!b) continue;
        b.disabled = !a.available;
        b.classList.toggle('unavailable', !a.available);
        const chips = b.querySelector('.chips');
        if (chips) fill(chips, ...reactions(a).map((r) => el('span', { class: `chip ${r.tone}` }, r.text)));
        b.setAttribute(
          'aria-label',
          `${a.label}, costs ${a.cost.capital} political capital${a.cost.treasury ? ` and ${money(a.cost.treasury)}` : ''}. ${
            a.available
              ? reactions(a)
                  .map((r) => r.text)
                  .join(', ')
              : `Unavailable: ${a.reason}`
          }`,
        );
      }
      const waiting = s.pending.length > 0;
      endTurn.disabled = waiting || s.outcome !== null;
      endHint.textContent = waiting
        ? 'Answer the event first.'
        : s.capital > 0
          ? `${s.capital} capital left: unused capital carries over.`
          : 'All capital spent.';
    },
  };
}
