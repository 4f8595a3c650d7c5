/**
 * The actions of this period, grouped by domain: one compact row each (label, who it
 * pleases and worries where the column is wide enough, cost or turns to wait), all
 * visible at once; pointing at one (or focusing it) shows its text, every number it
 * would move, and why it is closed when it is. Actions used up for good leave the list.
 * Undo takes back the last action of the turn.
 */
import { DOMAINS, type GameState, type LegalAction, POWER_IDS, type PowerId } from '../../core/index.ts';
import { legalActions } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill, fillKeyed, setAttr, setText } from '../dom.ts';
import { money, powerName } from '../format.ts';
import { mergePreview, previewLabel } from '../preview.ts';
import { attachTip } from '../tooltip.ts';

const DOMAIN_TITLES = { energy: 'Energy', diplomacy: 'Diplomacy', security: 'Security' } as const;
const INITIAL: Record<PowerId, string> = { russia: 'R', turkey: 'T', iran: 'I', west: 'W' };

/** Who an action pleases (+) and worries (−), for sure: one marker per power. */
function reactions(a: LegalAction): { power: PowerId; up: boolean }[] {
  const out: { power: PowerId; up: boolean }[] = [];
  for (const id of POWER_IDS) {
    const sure = a.preview.filter((p) => p.var === `${id}.relation` && p.chance === undefined).reduce((t, p) => t + p.delta, 0);
    if (sure !== 0) out.push({ power: id, up: sure > 0 });
  }
  return out;
}

export interface ActionsOptions {
  onAct: (id: string) => void;
  onEndTurn: () => void;
  onUndo: () => void;
}

export function createActions(opts: ActionsOptions) {
  let list: LegalAction[] = [];
  let canUndo = false;
  const groups = el('div', { class: 'action-groups' });
  const endTurn = button('End turn', opts.onEndTurn, { class: 'primary end-turn', testid: 'end-turn', attrs: { 'aria-keyshortcuts': 'Enter' } });
  const undo = button('↶ Undo', opts.onUndo, { class: 'ghost small undo', testid: 'undo-action', label: 'Undo the last action' });
  const endHint = el('p', { class: 'hint end-hint', attrs: { id: 'end-hint' } });
  const node = el(
    'section',
    { class: 'panel actions', label: 'Actions' },
    el('h2', {}, 'Actions'),
    groups,
    el('div', { class: 'end-turn-row' }, el('div', { class: 'end-turn-buttons' }, undo, endTurn), endHint),
  );
  const buttons = new Map<string, HTMLButtonElement>();
  let shownIds = '';
  const buildButton = (a: LegalAction) => {
    const b = el(
      'button',
      { class: 'action', testid: `action-${a.id}`, attrs: { type: 'button' } },
      el('span', { class: 'action-label' }, a.label),
      el('span', { class: 'marks' }),
      el('span', { class: 'cost' }),
    );
    b.addEventListener('click', () => {
      if (!b.disabled) opts.onAct(a.id);
    });
    attachTip(b, () => {
      const cur = list.find((x) => x.id === a.id);
      if (!cur) return null;
      const merged = mergePreview(cur.preview);
      return {
        title: `${cur.label} — ◆${cur.cost.capital}${cur.cost.treasury ? ` and ${money(cur.cost.treasury)}` : ''}`,
        lines: [
          { text: cur.text, tone: 'muted' as const },
          ...(cur.available ? [] : [{ text: cur.reason ?? '', tone: 'down' as const }]),
          ...(merged.length
            ? merged.map((p) => ({ text: previewLabel(p), tone: p.delta > 0 ? ('up' as const) : ('down' as const) }))
            : ['No immediate change: the powers answer at the end of the turn.']),
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
    update(sc: Scenario, s: GameState, undoable: boolean) {
      // Actions used up for good are dead buttons: they leave the list.
      list = legalActions(sc, s).filter((a) => !a.spent);
      canUndo = undoable && !s.outcome;
      const ids = list.map((a) => a.id).join(',');
      if (ids !== shownIds) {
        shownIds = ids;
        buttons.clear();
        fill(
          groups,
          ...DOMAINS.map((d) => {
            const mine = list.filter((a) => a.domain === d);
            return mine.length
              ? el(
                  'div',
                  { class: `action-group domain-${d}`, role: 'group', label: DOMAIN_TITLES[d] },
                  el('h3', {}, DOMAIN_TITLES[d]),
                  ...mine.map(buildButton),
                )
              : null;
          }),
        );
      }
      for (const a of list) {
        const b = buttons.get(a.id);
        if (!b) continue;
        // Only what changed is written (see setText): the rest of the page stays clean.
        if (b.disabled !== !a.available) b.disabled = !a.available;
        b.classList.toggle('unavailable', !a.available);
        const marks = b.querySelector('.marks');
        const r = reactions(a);
        if (marks)
          fillKeyed(marks, r.map((x) => `${x.power}${x.up}`).join(), () =>
            r.map((x) =>
              el(
                'span',
                { class: `mark power-${x.power} ${x.up ? 'up' : 'down'}`, title: `${powerName(x.power)} ${x.up ? 'pleased' : 'worried'}` },
                `${INITIAL[x.power]}${x.up ? '+' : '−'}`,
              ),
            ),
          );
        const cost = b.querySelector('.cost');
        if (cost) {
          if (a.wait !== undefined)
            fillKeyed(cost, `wait:${a.wait}:${a.reason ?? ''}`, () => [
              el('span', { class: 'wait', title: a.reason ?? '' }, `⟳ ${a.wait} turn${a.wait === 1 ? '' : 's'}`),
            ]);
          else fillKeyed(cost, `cost:${a.cost.capital}:${a.cost.treasury}`, () => [`◆${a.cost.capital}`, a.cost.treasury ? ` ${money(a.cost.treasury)}` : '']);
        }
        setAttr(
          b,
          'aria-label',
          `${a.label}, costs ${a.cost.capital} political capital${a.cost.treasury ? ` and ${money(a.cost.treasury)}` : ''}. ${
            a.available ? mergePreview(a.preview).map(previewLabel).join(', ') : `Unavailable: ${a.reason}`
          }`,
        );
      }
      const waiting = s.pending.length > 0;
      endTurn.disabled = waiting || s.outcome !== null || s.awaiting !== undefined;
      undo.disabled = !canUndo;
      setText(endHint, waiting ? 'Answer the event first.' : s.capital > 0 ? `${s.capital} capital left: unused capital carries over.` : 'All capital spent.');
    },
  };
}
