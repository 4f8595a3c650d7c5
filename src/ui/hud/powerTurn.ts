/**
 * Hot-seat: when the turn closes and a power is played by people, its team chooses its
 * answer here — one response of its repertoire that its stance leaves open, with the
 * numbers each would move, or none. The team sees what Baku did this quarter and how
 * their power stands toward it, the same facts the computer would act on. Focus lands on
 * the dialog, never on a choice, so a held Enter answers nothing.
 */
import { type GameState, openResponses, type PowerId, previewEffects, resolveChoiceText, resolveEventText, rulesOf } from '../../core/index.ts';
import type { PowerResponse, Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { powerName, quarterLabel, relationWord, signed } from '../format.ts';
import { previewChips } from '../preview.ts';

export function createPowerTurn(onRespond: (power: PowerId, response?: string) => void) {
  const title = el('h2', { attrs: { id: 'power-turn-title' } });
  const who = el('p', { class: 'event-date' });
  const standing = el('p', { class: 'power-turn-standing', testid: 'power-turn-standing' });
  const baku = el('div', { class: 'power-turn-baku' });
  const options = el('div', { class: 'event-choices', role: 'group', label: 'Your answer' });
  const dialog = el(
    'div',
    {
      class: 'dialog power-turn',
      testid: 'power-turn',
      role: 'dialog',
      attrs: { 'aria-modal': 'true', 'aria-labelledby': 'power-turn-title', tabindex: '-1' },
    },
    title,
    who,
    standing,
    baku,
    options,
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  let shown: string | null = null;

  return {
    node: overlay,
    isOpen: () => shown !== null,
    update(scenario: Scenario, s: GameState) {
      const power = s.outcome ? undefined : s.awaiting?.[0];
      if (!power) {
        shown = null;
        overlay.classList.add('hidden');
        return;
      }
      // Redraw only for a new power's moment: the team's reading is not disturbed.
      const key = `${s.turn}:${power}:${s.awaiting?.length}`;
      if (key === shown) return;
      shown = key;
      dialog.className = `dialog power-turn power-${power}`;
      title.textContent = `${powerName(power)}: your answer`;
      who.textContent = `${quarterLabel(scenario, s.turn)} · played by people on this screen`;
      const p = s.powers[power];
      // Worded as the powers panel words it: the stance trails the relation, and decides which answers are open.
      const treats = relationWord(p.stance);
      standing.textContent = `Relation with Baku ${signed(p.relation)} (${relationWord(p.relation)})${treats === relationWord(p.relation) ? '' : `; ${powerName(power)} still treats Baku as ${treats}: its conduct follows its feelings a few quarters late`}. How it treats Baku decides which answers are open.`;
      fill(baku, ...bakuThisQuarter(scenario, s));
      const open = openResponses(scenario, s, power);
      fill(
        options,
        ...open.map((r, i) => responseButton(scenario, s, power, r, i, onRespond)),
        button('Hold back this quarter', () => onRespond(power), { class: 'ghost', testid: 'power-hold' }),
        open.length === 0
          ? el(
              'p',
              { class: 'hint' },
              'Nothing in your repertoire is open now: each answer needs a certain attitude toward Baku, and one still in force or used lately must wait.',
            )
          : null,
      );
      overlay.classList.remove('hidden');
      dialog.focus();
    },
  };
}

function responseButton(
  scenario: Scenario,
  s: GameState,
  power: PowerId,
  r: PowerResponse,
  i: number,
  onRespond: (power: PowerId, response?: string) => void,
): HTMLElement {
  const b = el(
    'button',
    { class: `choice response-${r.kind}`, testid: `power-response-${r.id}`, attrs: { type: 'button' } },
    el('span', { class: 'choice-key' }, String(i + 1)),
    el('span', { class: 'choice-label' }, `${r.label} `, el('span', { class: `response-kind ${r.kind}` }, r.kind === 'stick' ? 'stick' : 'carrot')),
    el('span', { class: 'choice-hint' }, r.text),
    r.duration > 0 ? el('span', { class: 'choice-hint' }, `In force for ${r.duration} turn${r.duration === 1 ? '' : 's'}.`) : null,
    previewChips(previewEffects(scenario, s, r.effects), 'choice-chips'),
  );
  b.addEventListener('click', () => onRespond(power, r.id));
  return b;
}

/** What Baku did this quarter: the actions taken and the answers given. */
function bakuThisQuarter(scenario: Scenario, s: GameState): Node[] {
  const rules = rulesOf(scenario);
  const items = [
    ...s.current.actions.map((id) => rules.actionById.get(id)?.label ?? id),
    ...s.current.choices.map((c) => {
      const e = rules.eventById.get(c.event);
      const choice = e?.choices.find((x) => x.id === c.choice);
      return `${e ? resolveEventText(scenario, s, e).title : c.event}: ${choice ? resolveChoiceText(scenario, s, choice).label : c.choice}`;
    }),
  ];
  return [
    el('h3', {}, 'What Baku did this quarter'),
    items.length > 0 ? el('ul', { class: 'power-turn-list' }, ...items.map((t) => el('li', {}, t))) : el('p', { class: 'hint' }, 'Nothing: Baku waited.'),
  ];
}
