/**
 * The four powers: relation (a diverging bar with a word, so colour is never the only
 * cue), influence, what each did last turn, and on hover the causes, the ties behind
 * its influence and its odds of a stick or a carrot next turn.
 */
import { type GameState, influenceTarget, POWER_IDS, type PowerId, recordResponses, responseOdds } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el, setAttr, setClass, setStyle, setText } from '../dom.ts';
import { explainVar } from '../explain.ts';
import { powerName, relationWord, signed } from '../format.ts';
import { attachTip } from '../tooltip.ts';

export function createPowers(onSelect: (id: PowerId) => void) {
  let state: GameState | null = null;
  let scenario: Scenario | null = null;
  const node = el('section', { class: 'panel powers', label: 'The powers' }, el('h2', {}, 'The powers'));
  const rows = new Map<
    PowerId,
    {
      row: HTMLElement;
      relation: HTMLElement;
      relNeg: HTMLElement;
      relPos: HTMLElement;
      word: HTMLElement;
      influence: HTMLElement;
      infFill: HTMLElement;
      last: HTMLElement;
      intent: HTMLElement;
    }
  >();
  for (const id of POWER_IDS) {
    const relation = el('span', { class: 'rel-value' });
    // The diverging bar: a half each side of the middle, each with a fill slid in from the
    // middle (translateX, so it animates off the main thread and its stripes keep their shape).
    const relNeg = el('span', { class: 'rel-fill neg' });
    const relPos = el('span', { class: 'rel-fill pos' });
    const word = el('span', { class: 'rel-word' });
    const influence = el('span', { class: 'inf-value' });
    const infFill = el('span', { class: 'inf-fill' });
    const last = el('span', { class: 'last-response' });
    const intent = el('span', { class: 'intent', testid: `intent-${id}` });
    const row = el(
      'button',
      { class: `power power-${id}`, testid: `relation-${id}`, attrs: { type: 'button' }, on: { click: () => onSelect(id) } },
      el('span', { class: 'power-name' }, powerName(id)),
      el(
        'span',
        { class: 'rel-bar', attrs: { 'aria-hidden': 'true' } },
        el('span', { class: 'rel-mid' }),
        el('span', { class: 'rel-half neg' }, relNeg),
        el('span', { class: 'rel-half pos' }, relPos),
      ),
      relation,
      word,
      el('span', { class: 'inf-label' }, 'influence'),
      el('span', { class: 'inf-bar', attrs: { 'aria-hidden': 'true' } }, infFill),
      influence,
      intent,
      last,
    );
    attachTip(row, () => (state && scenario ? powerTip(scenario, state, id) : null));
    rows.set(id, { row, relation, relNeg, relPos, word, influence, infFill, last, intent });
    node.appendChild(row);
  }
  return {
    node,
    update(sc: Scenario, s: GameState) {
      state = s;
      scenario = sc;
      const lastTurn = s.history[s.history.length - 1];
      const answers = lastTurn ? recordResponses(sc, s, lastTurn) : [];
      for (const id of POWER_IDS) {
        const r = rows.get(id);
        if (!r) continue;
        // Only what changed is written (see setText): the rest of the page stays clean.
        const p = s.powers[id];
        setText(r.relation, signed(p.relation).replace('±0', '0'));
        setText(r.word, relationWord(p.relation));
        // Each fill is as wide as its half; slid out of view by the share it does not show.
        const shown = Math.min(100, Math.abs(p.relation));
        setStyle(r.relNeg, 'transform', `translateX(${p.relation < 0 ? 100 - shown : 100}%)`);
        setStyle(r.relPos, 'transform', `translateX(${p.relation > 0 ? shown - 100 : -100}%)`);
        setText(r.influence, String(p.influence));
        // The bar is scaled, not resized: its animation runs off the main thread.
        setStyle(r.infFill, 'transform', `scaleX(${p.influence / 100})`);
        const odds = responseOdds(sc, s, id);
        setText(r.intent, odds.stick > 0 ? `⚠ ${odds.stick}%` : odds.carrot > 0 ? `✦ ${odds.carrot}%` : '');
        setClass(r.intent, `intent ${odds.stick > 0 ? 'stick' : odds.carrot > 0 ? 'carrot' : ''}`);
        setAttr(
          r.intent,
          'title',
          odds.stick > 0
            ? `${odds.stick}% chance it acts against you next quarter`
            : odds.carrot > 0
              ? `${odds.carrot}% chance of a gesture for you next quarter`
              : '',
        );
        const response = answers.find((x) => x.power === id);
        setText(r.last, response ? `${response.kind === 'stick' ? '⚠' : '✦'} ${response.label}` : '');
        setClass(r.last, `last-response ${response?.kind ?? ''}`);
        setAttr(
          r.row,
          'aria-label',
          `${powerName(id)}: relation ${p.relation} (${relationWord(p.relation)}), influence ${p.influence}${response ? `; last turn: ${response.label}` : ''}. Open details.`,
        );
      }
    },
  };
}

export function powerTip(sc: Scenario, s: GameState, id: PowerId) {
  const p = s.powers[id];
  const rel = explainVar(s, `${id}.relation`);
  const target = influenceTarget(sc, s, id);
  const odds = responseOdds(sc, s, id);
  const mood =
    odds.stick > 0
      ? `${odds.stick}% chance it acts against you next quarter`
      : odds.carrot > 0
        ? `${odds.carrot}% chance of a gesture in your favour next quarter`
        : 'It watches: no move for or against you expected next quarter';
  // The stance (how the power treats you now) trails the relation by a few quarters:
  // said in words, because a second number beside the relation only confused players.
  const treats = relationWord(p.stance);
  const lag = treats === relationWord(p.relation) ? '' : ` — it still treats you as ${treats}: its conduct follows its feelings a few quarters late`;
  return {
    title: `${powerName(id)}: relation ${p.relation} (${relationWord(p.relation)}), influence ${p.influence}`,
    lines: [
      { text: `${mood}${lag}.`, tone: 'muted' as const },
      ...rel.causes.slice(0, 6).map((c) => ({ text: `${c.cause} ${signed(c.delta)}`, tone: c.delta > 0 ? ('up' as const) : ('down' as const) })),
      {
        text: `Influence tends toward ${target.value}${target.parts.length ? `: ${target.parts.map((x) => `${x.label} ${signed(x.amount)}`).join(', ')}` : ''}`,
        tone: 'muted' as const,
      },
    ],
  };
}
