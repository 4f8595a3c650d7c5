/**
 * A saved game as a list of steps, rebuilt by the same core: the state after every
 * command, and what each command did — the decision, the changes it made with their
 * causes, and for an End turn the powers' answers with their reasons and the events that
 * opened the next quarter. No DOM here.
 */
import {
  apply,
  type Change,
  type Command,
  type Difficulty,
  type GameState,
  newGame,
  recordChanges,
  recordResponses,
  type ResponseRecord,
} from '../../core/index.ts';
import type { JournalEntry } from '../../persistence/replayFormat.ts';
import type { Scenario } from '../../scenario/types.ts';
import { commandWords } from './commandWords.ts';

export interface Step {
  /** The command that led here (null for the start). */
  command: Command | null;
  index: number;
  state: GameState;
  /** The turn the command was taken in (0-based). */
  turn: number;
  /** "You took: Visit Moscow", "You answered “Join the CIS?”: Sign…", "End of Oct–Dec 1991". */
  what: string;
  changes: Change[];
  responses: ResponseRecord[];
  /** Events raised by this step (the new quarter's, or a follow-up). */
  raised: string[];
  /** The command closed a turn (an End turn, or the last answer of people's powers). */
  closes?: boolean;
  note?: string;
}

export function buildSteps(
  scenario: Scenario,
  seed: string,
  difficulty: Difficulty,
  commands: readonly Command[],
  journal: readonly JournalEntry[] = [],
): Step[] {
  const notes = new Map(journal.map((j) => [j.at, j.text]));
  let s = newGame(scenario, seed, { difficulty });
  const steps: Step[] = [
    { command: null, index: -1, state: s, turn: 0, what: 'The game begins', changes: recordChanges(s, s.current), responses: [], raised: [...s.pending] },
  ];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as Command;
    const r = apply(scenario, s, c);
    if (!r.ok) break;
    const before = s;
    const after = r.state;
    let changes: Change[];
    let responses: ResponseRecord[] = [];
    let raised: string[];
    const closes = after.history.length > before.history.length;
    let what = commandWords(scenario, before, c);
    if (closes) {
      const closed = after.history[after.history.length - 1];
      // An answer of people's power closes the turn when it is the last one.
      if (c.type !== 'endTurn') what = `${what} · end of turn ${before.turn + 1}`;
      // The closed turn's record, less what the turn held before this command.
      changes = closed ? recordChanges(after, closed).slice(before.current.changes.length / 3) : [];
      responses = closed ? recordResponses(scenario, after, closed) : [];
      raised = after.outcome ? [] : [...after.pending];
    } else {
      changes = recordChanges(after, after.current).slice(before.current.changes.length / 3);
      raised = after.pending.filter((p) => !before.pending.includes(p));
    }
    const step: Step = { command: c, index: i, state: after, turn: before.turn, what, changes, responses, raised, closes };
    const note = notes.get(i);
    if (note) step.note = note;
    steps.push(step);
    s = after;
  }
  return steps;
}

/** The index of the first step of a turn (the state as the quarter opens). */
export function stepOfTurn(steps: readonly Step[], turn: number): number {
  if (turn <= 0) return 0;
  const i = steps.findIndex((st) => st.closes === true && st.turn === turn - 1);
  return i < 0 ? steps.length - 1 : i;
}
