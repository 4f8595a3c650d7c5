/**
 * The debrief's account of how a class played the game: the powers its teams played and
 * the teacher's interventions (locks, raised events, discussion prompts), each at its
 * turn, read from the command log the replay also reads. Absent for a game played alone.
 */
import { type Command, closesTurn, type GameState, newGame, apply } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el } from '../dom.ts';
import { quarterLabel } from '../format.ts';
import { commandWords } from '../replay/commandWords.ts';

const CLASS_COMMANDS = new Set<Command['type']>(['seat', 'inject', 'lock', 'unlock', 'prompt']);

/** Each intervention with the quarter it was made in, worded against the game as it stood. */
export function interventions(
  scenario: Scenario,
  seed: string,
  difficulty: GameState['difficulty'],
  commands: readonly Command[],
): { when: string; what: string }[] {
  const out: { when: string; what: string }[] = [];
  let s = newGame(scenario, seed, { difficulty });
  let turn = 0;
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as Command;
    if (CLASS_COMMANDS.has(c.type)) out.push({ when: quarterLabel(scenario, turn), what: commandWords(scenario, s, c) });
    const r = apply(scenario, s, c);
    if (!r.ok) break;
    s = r.state;
    if (closesTurn(commands, i)) turn++;
  }
  return out;
}

export function interventionsSection(scenario: Scenario, seed: string, difficulty: GameState['difficulty'], commands: readonly Command[]): HTMLElement | null {
  const list = interventions(scenario, seed, difficulty, commands);
  if (list.length === 0) return null;
  return el(
    'section',
    { class: 'debrief-section', testid: 'debrief-interventions' },
    el('h3', {}, 'How the class played it: teams and the teacher'),
    el('ul', { class: 'interventions' }, ...list.map((x) => el('li', {}, el('strong', {}, `${x.when}: `), x.what))),
  );
}
