/**
 * One command of a log in the player's words, as the replay and the debrief show it:
 * "You took: Visit Moscow", "Russia (played by people): Gas talks stall", "Your teacher
 * locked: Join the CIS". Texts come from the scenario (read as text, never HTML).
 */
import { type Command, type GameState, resolveChoiceText, resolveEventText, rulesOf } from '../../core/index.ts';
import { powerName } from '../format.ts';
import type { Scenario } from '../../scenario/types.ts';

/** What a command did, read against the state it was applied to. */
export function commandWords(scenario: Scenario, before: GameState, c: Command): string {
  const rules = rulesOf(scenario);
  switch (c.type) {
    case 'act':
      return `You took: ${rules.actionById.get(c.action)?.label ?? c.action}`;
    case 'choose': {
      const e = rules.eventById.get(c.event);
      const ch = e?.choices.find((x) => x.id === c.choice);
      return `You answered “${e ? resolveEventText(scenario, before, e).title : c.event}”: ${ch ? resolveChoiceText(scenario, before, ch).label : c.choice}`;
    }
    case 'endTurn':
      return `End of turn ${before.turn + 1}`;
    case 'seat':
      return `${powerName(c.power)} is now played by ${c.player === 'people' ? 'people on this screen' : 'the computer'}`;
    case 'respond': {
      const label = c.response === undefined ? null : scenario.powers[c.power].responses.find((r) => r.id === c.response)?.label;
      return `${powerName(c.power)} (played by people): ${label ?? (c.response === undefined ? 'held back' : c.response)}`;
    }
    case 'inject': {
      const e = rules.eventById.get(c.event);
      return `Your teacher raised: ${e ? resolveEventText(scenario, before, e).title : c.event}`;
    }
    case 'lock':
    case 'unlock':
      return `Your teacher ${c.type === 'lock' ? 'locked' : 'unlocked'}: ${rules.actionById.get(c.action)?.label ?? c.action}`;
    case 'prompt':
      return `Discussion: ${c.text}`;
  }
}
