/** The panel a click on a country or a power opens: its agenda, what it has against you and for you, its ties, its recent answers. */
import { type GameState, holds, influenceTarget, POWER_IDS, type PowerId, recordResponses, responseEntries, responseOdds } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { linkTerms } from '../glossary/glossary.ts';
import { powerName, quarterLabel, relationWord, signed } from '../format.ts';

/** Countries on the board that are not players: a line each, paraphrasing the sources. */
const BOARD: Record<string, { name: string; text: string }> = {
  azerbaijan: {
    name: 'Azerbaijan',
    text: 'You. Independent since 1991, with the Nakhchivan exclave cut off by Armenia, and the Nagorno-Karabakh conflict unresolved.',
  },
  armenia: {
    name: 'Armenia',
    text: 'On the board, not a player. Baku sees it as governed from Moscow: its strength in Karabakh rises and falls with Russian support.',
  },
  georgia: {
    name: 'Georgia',
    text: 'On the board, not a player: the chokepoint of every route west that avoids Russia, and a friend Baku sold gas to when Russia would not.',
  },
  karabakh: {
    name: 'Nagorno-Karabakh',
    text: 'Azerbaijani land held by Armenian forces since the war of the early 1990s; the conflict froze into a deadlock that Moscow, ally of Yerevan and arms seller to Baku, has an interest in keeping.',
  },
};

const NEIGHBOUR = 'A neighbour on the map, not a party to this story.';

export function createCountryPanel(onClose: () => void) {
  const body = el('div', { class: 'country-body' });
  const node = el(
    'aside',
    { class: 'country-panel hidden', testid: 'country-panel', role: 'dialog', label: 'Country details' },
    button('×', onClose, { class: 'icon-button close', label: 'Close' }),
    body,
  );
  return {
    node,
    isOpen: () => !node.classList.contains('hidden'),
    update(sc: Scenario, s: GameState, selected: string | null) {
      if (!selected) {
        node.classList.add('hidden');
        return;
      }
      node.classList.remove('hidden');
      if ((POWER_IDS as readonly string[]).includes(selected)) {
        fill(body, ...powerDetails(sc, s, selected as PowerId));
      } else {
        const info = BOARD[selected] ?? { name: selected.charAt(0).toUpperCase() + selected.slice(1), text: NEIGHBOUR };
        fill(body, el('h2', {}, info.name), el('p', {}, ...linkTerms(info.text)));
      }
    },
  };
}

function powerDetails(sc: Scenario, s: GameState, id: PowerId): HTMLElement[] {
  const def = sc.powers[id];
  const p = s.powers[id];
  const odds = responseOdds(sc, s, id);
  const target = influenceTarget(sc, s, id);
  const concerns = def.concerns.filter((c) => holds(sc, s, c.when));
  const recent = s.history
    .flatMap((r) =>
      (responseEntries(s, r).some((x) => x.power === id) ? recordResponses(sc, s, r) : []).filter((x) => x.power === id).map((x) => ({ turn: r.turn, x })),
    )
    .slice(-5)
    .reverse();
  return [
    el('h2', {}, def.name),
    el('p', { class: 'agenda' }, ...linkTerms(def.agenda)),
    el('p', {}, `Relation ${p.relation} (${relationWord(p.relation)}) · influence ${p.influence} · stance ${p.stance}`),
    el(
      'p',
      { class: 'hint' },
      odds.stick
        ? `${odds.stick}% chance of a stick next turn.`
        : odds.carrot
          ? `${odds.carrot}% chance of a carrot next turn.`
          : 'Neither stick nor carrot expected next turn.',
    ),
    el('h3', {}, 'What it reacts to now'),
    concerns.length
      ? el('ul', {}, ...concerns.map((c) => el('li', { class: c.delta > 0 ? 'up' : 'down' }, `${c.label} (${signed(c.delta)} a turn)`)))
      : el('p', { class: 'hint' }, 'Nothing in particular this turn.'),
    el('h3', {}, `Its hold over you: influence tends toward ${target.value}`),
    target.parts.length
      ? el('ul', {}, ...target.parts.map((x) => el('li', {}, `${x.label} ${signed(x.amount)}`)))
      : el('p', { class: 'hint' }, 'No standing ties.'),
    el('h3', {}, 'What it did lately'),
    recent.length
      ? el('ul', {}, ...recent.map(({ turn, x }) => el('li', { class: x.kind }, `${quarterLabel(sc, turn)}: ${x.label}. ${x.why}.`)))
      : el('p', { class: 'hint' }, `${powerName(id)} has not acted yet.`),
  ];
}
