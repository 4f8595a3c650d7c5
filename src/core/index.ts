/**
 * The simulation core's public API. Pure and deterministic: no clock, no unseeded randomness,
 * no DOM, no I/O, nothing imported from outside src/core at run time.
 */
export {
  actionsInEra,
  availableActions,
  canTake,
  type LegalAction,
  legalActions,
  type PreviewItem,
  previewEffects,
  stateOpen,
  stateReason,
  turnOpen,
  turnOpenInEra,
  turnReason,
  unavailableReason,
} from './actions.ts';
export { monthIndex, monthString, turnLabel, turnOfMonth } from './calendar.ts';
export { entryHolds, flagSet, flagsOf, holds, MAX_DEPTH, MAX_STEPS, type Test, testOf } from './conditions.ts';
export { balanceOf, dominantPower, worstRelation } from './derived.ts';
export { ownedCopy } from './copies.ts';
export { COUNTER_LIMIT, counterValue } from './counters.ts';
export { describeCondition } from './describe.ts';
// The effect arithmetic a policy's quick look shares with the engine (it writes its own way).
export { counterAfter, draw, writeRoute } from './effects.ts';
export { followUpsDue } from './events.ts';
export {
  act,
  advance,
  apply,
  choose,
  endTurn,
  newGame,
  type ReplayResult,
  replay,
  rememberScenarioHash,
  scenarioHash,
  stateHash,
  whatIf,
} from './engine.ts';
export { type ChoiceView, endsGame, type EventView, eventView } from './eventView.ts';
export { canonicalJson, hashString, hashValue } from './hash.ts';
export { changeCount, eachChange, recordChanges, recordResponses, recordSnapshot, responseEntries, SNAPSHOT_LAYOUT, snapshotMeter } from './history.ts';
export { closesTurn } from './log.ts';
export { checkLoss, completedOutcome, LOST_RATING, LOST_SHARE, rawScore, ratingFor, relationPart } from './outcome.ts';
export { sovereigntyTarget, stabilityTarget } from './drift.ts';
export { reserveLimit, stepToward } from './economy.ts';
export {
  DIFFICULTY,
  DIFFICULTY_HELP,
  explainStance,
  feltStance,
  influenceTarget,
  influenceTargetNow,
  influenceTargetValue,
  influenceTies,
  influenceTiesNow,
  oddsAtStance,
  openResponses,
  responseOdds,
  withWarmth,
} from './powers.ts';
export { nextFloat, nextInt, type RngState, seedRng } from './rng.ts';
export { EVERYTHING, type Footprint, PART, readsOf, readsOfAll, type Touched, touches } from './reads.ts';
export { agendaForTurn } from './agenda.ts';
export { openInTurn, rulesOf } from './rules.ts';
export { awaitedPower } from './seats.ts';
export type * from './state.ts';
export { injectableEvents, PROMPT_MAX } from './teacher.ts';
export { turnDate } from './time.ts';
export { offeredChoices, resolveChoiceText, resolveEventText } from './variants.ts';
export { readVar } from './vars.ts';
export * from './vocabulary.ts';
