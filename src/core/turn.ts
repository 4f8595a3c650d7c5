/**
 * Closing a turn and opening the next. `endTurn` starts the close (the powers' agendas);
 * when people play some of the powers (hot-seat) the close waits for their answers, and
 * the last answer finishes it. Both paths end here, so a turn closes the same way
 * whoever plays the powers.
 */
import type { Scenario } from '../scenario/types.ts';
import { type TrendRule, turnAgenda } from './agenda.ts';
import { driftMeters } from './drift.ts';
import { energyAndEconomy } from './economy.ts';
import { causeOf } from './causes.ts';
import { applyEffects } from './effects.ts';
import { raiseEvents } from './events.ts';
import { packChanges } from './changePack.ts';
import { changeList, snapshotRow } from './history.ts';
import { checkLoss, completedOutcome } from './outcome.ts';
import { endResponses, powersRespond } from './powers.ts';
import type { GameState, TurnRecord } from './state.ts';
import { turnDate } from './time.ts';
import { change } from './vars.ts';

export function emptyRecord(scenario: Scenario, turn: number): TurnRecord {
  return {
    turn,
    date: turnDate(scenario, turn),
    actions: [],
    choices: [],
    events: [],
    responses: [],
    changes: [],
    snapshot: [],
  };
}

/**
 * The rest of the close, after every power has updated and the people's powers have
 * answered: the computer's powers answer, ongoing trends apply, energy earns and the
 * economy moves, the meters drift, the turn is filed and the losing conditions are
 * checked; then, unless the game is over, the next turn opens.
 */
export function closeTurn(scenario: Scenario, s: GameState): void {
  powersRespond(scenario, s);
  const trends = turnAgenda(scenario, s.turn).trends;
  for (let i = 0; i < trends.length; i++) {
    const t = trends[i] as TrendRule;
    if (t.test(scenario, s)) applyEffects(scenario, s, t.trend.effects, t.cause);
  }
  energyAndEconomy(scenario, s);
  driftMeters(scenario, s);
  // Filed with its changes packed: a closed turn is only read again (changePack.ts). An
  // unexplained game has none to pack.
  const changes = s.unexplained === true ? s.current.changes : packChanges(changeList(s.current));
  s.current = { ...s.current, changes, snapshot: snapshotRow(s) };
  s.history = [...s.history, s.current];

  const loss = checkLoss(scenario, s);
  if (loss) {
    s.outcome = loss;
    return;
  }
  if (s.turn + 1 >= scenario.calendar.turns) {
    s.outcome = completedOutcome(scenario, s);
    return;
  }
  openTurn(scenario, s);
}

/** The refill's causes, each with its place in the string table kept (causes.ts Cause): a
 *  game records one every turn, between an action's 'Spent on' and its label. */
const NEW_QUARTER = causeOf('A new quarter');
const SECURE_QUARTER = causeOf('A new quarter; a secure regime has room to act');
const UNREST_QUARTER = causeOf('A new quarter; unrest ties your hands');

/** The calendar advances, political capital is refilled, what has run its course ends,
 *  and the new turn's events are raised. */
function openTurn(scenario: Scenario, s: GameState): void {
  s.turn += 1;
  s.current = emptyRecord(scenario, s.turn);
  const { capitalPerTurn, capitalMax } = scenario.model;
  const bonus = s.meters.stability >= 65 ? 1 : s.meters.stability < 30 ? -1 : 0;
  const refill = Math.max(0, Math.min(capitalMax - s.capital, capitalPerTurn + bonus));
  change(s, 'capital', refill, bonus > 0 ? SECURE_QUARTER : bonus < 0 ? UNREST_QUARTER : NEW_QUARTER);
  endResponses(scenario, s);
  raiseEvents(scenario, s);
  s.outcome = checkLoss(scenario, s);
}
