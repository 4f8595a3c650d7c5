/**
 * GameState: plain JSON data, nothing else. It survives JSON.stringify and
 * structuredClone, and a stable hash of it proves two runs are identical.
 */
import type { Difficulty, FieldStatus, MeterId, PowerId, RouteStatus } from './vocabulary.ts';
import type { RngState } from './rng.ts';

export const STATE_VERSION = 3;

export type Meters = Record<MeterId, number>;

export interface PowerState {
  /** −100..100: how the power feels about Azerbaijan now. */
  relation: number;
  /** 0..100: how dependent Azerbaijan is on it. */
  influence: number;
  /** −100..100: how the power is treating Azerbaijan; it follows the relation with a lag,
   *  so a policy's bill arrives a few turns later, as in the sources. */
  stance: number;
  /** Response id → the turn it may next be used. */
  cooldowns: Record<string, number>;
  /** Where the relation settles, and the percent scaling of its sticks, once an effect
   *  has changed them; absent until then (the scenario's values apply). */
  baseRelation?: number;
  aggression?: number;
}

export interface RouteState {
  status: RouteStatus;
  capacity: number;
  /** Units carried last turn and what they earned ($ million). */
  flow: number;
  revenue: number;
  /** Price ($ million a unit) and leverage once an effect has changed them; absent until
   *  then (the scenario's values apply). */
  price?: number;
  leverage?: number;
}

export interface FieldState {
  status: FieldStatus;
  output: number;
}

/** One change as the player reads it: which variable, by how much (after clamping), and why.
 *  The state keeps changes packed (`TurnRecord.changes`); `recordChanges` reads them back. */
export interface Change {
  var: string;
  delta: number;
  cause: string;
}

/** A power's answer as the player reads it; `recordResponses` rebuilds it from the record. */
export interface ResponseRecord {
  power: PowerId;
  response: string;
  kind: 'stick' | 'carrot';
  label: string;
  text: string;
  /** Why the power acted: its stance and the biggest recent causes behind it — or, for
   *  an answer people chose, that its team chose it. */
  why: string;
  byPeople?: true;
}

/** A power's answer as a record keeps it (packed; read with `responseEntries`): the label
 *  and text are the scenario's, and the reason is derived when shown from the changes
 *  recorded before it (`at` of them in its turn) and the stance it acted from. */
export interface ResponseEntry {
  power: PowerId;
  response: string;
  kind: 'stick' | 'carrot';
  stance: number;
  at: number;
  /** Chosen by the people playing the power (hot-seat); absent for the computer's answers. */
  byPeople?: true;
}

export interface ActiveResponse {
  power: PowerId;
  response: string;
  until: number;
}

/**
 * What one turn held: the player's decisions, the powers' answers, every change and its
 * cause. Kept compact, because a long game holds a hundred of them and the headless
 * balance runs play thousands of games: read the changes, responses and snapshot
 * through `recordChanges`, `recordResponses` and `recordSnapshot` (core/history.ts).
 */
export interface TurnRecord {
  turn: number;
  date: string;
  actions: string[];
  choices: { event: string; choice: string }[];
  events: string[];
  /** Four numbers an answer (see ResponseEntry): the power and the kind (the power's index
   *  in POWER_IDS times two, plus one for a carrot), the response (an index into
   *  `GameState.strings`), the stance it acted from, and how many of the turn's changes
   *  came before it. */
  responses: number[];
  /** Three numbers a change: the variable (an index into `GameState.strings`), the applied
   *  delta, and the cause (an index into `GameState.strings`). A closed turn keeps them
   *  packed in a string (changePack.ts): read them with eachChange / changeCount. */
  changes: number[] | string;
  /** Values at the end of the turn, for charts and the debrief, in `SNAPSHOT_LAYOUT` order;
   *  empty while the turn is played. */
  snapshot: number[];
}

export interface Snapshot {
  meters: Meters;
  treasury: number;
  revenue: number;
  balance: number;
  relation: Record<PowerId, number>;
  influence: Record<PowerId, number>;
}

export interface Outcome {
  status: 'completed' | 'lost' | 'won';
  /** The lose or win rule's id, the ending's id, or "completed". */
  reason: string;
  title: string;
  text: string;
  score: number;
  rating: string;
}

export interface GameState {
  version: typeof STATE_VERSION;
  scenarioId: string;
  /** Fingerprint of the scenario's content: a save only replays against the same rules. */
  scenarioHash: string;
  seed: string;
  difficulty: Difficulty;
  /** Index of the turn being played (0-based); equals the number of turns completed. */
  turn: number;
  leader: string;
  meters: Meters;
  treasury: number;
  capital: number;
  /** Energy revenue earned in the last completed turn ($ million). */
  revenue: number;
  powers: Record<PowerId, PowerState>;
  routes: Record<string, RouteState>;
  fields: Record<string, FieldState>;
  flags: Record<string, boolean | number>;
  /** Event id → the turn it last fired. */
  fired: Record<string, number>;
  /** Event id → the choice made, for `chose` conditions and the debrief. */
  chosen: Record<string, string>;
  /** Action id → times taken / the turn it was last taken. */
  uses: Record<string, number>;
  lastTaken: Record<string, number>;
  /** Events waiting for the player's choice, the first one shown now. */
  pending: string[];
  /** Events scheduled by effects: the turn they are due, and how many turns past it they
   *  may wait for their conditions (0: dropped if the conditions do not hold when due). */
  scheduled: { turn: number; event: string; wait?: number }[];
  /** Powers' responses still in force (an embargo, a troop build-up) and the last turn
   *  they hold; they end, with their `endEffects`, when the turn after it opens. */
  active: ActiveResponse[];
  /** The game's string table: each variable name and cause its history records, once, in
   *  the order first recorded. The records refer to them by index. */
  strings: string[];
  /** Powers played by people on this screen (hot-seat), in POWER_IDS order; absent while
   *  the computer plays them all. Set by `seat` commands, so the log replays it. */
  humans?: PowerId[];
  /** While a turn closes with people playing powers: those still to answer, the next first. */
  awaiting?: PowerId[];
  /** Actions a teacher has locked for a class exercise (`lock` / `unlock` commands). */
  locked?: string[];
  current: TurnRecord;
  history: TurnRecord[];
  outcome: Outcome | null;
  /** The win rule a `win` effect has named; absent until then. */
  won?: string;
  rng: RngState;
  /** Set on a game played for its numbers alone (`NewGameOptions.explain: false`): it
   *  records no changes and no causes, so nothing can say why a number moved. Only headless
   *  runs play such games (a balance run's, an expert's rollouts); a save keeps commands,
   *  never a state, so a game the player sees is always replayed with its causes. */
  unexplained?: true;
}

export type Command =
  | { type: 'act'; action: string }
  | { type: 'choose'; event: string; choice: string }
  | { type: 'endTurn' }
  /** Hot-seat: a power is handed to people on this screen, or back to the computer. */
  | { type: 'seat'; power: PowerId; player: 'people' | 'computer' }
  /** Hot-seat: a power played by people answers when the turn closes: one response of its
   *  repertoire, or none (no `response`) to hold back. */
  | { type: 'respond'; power: PowerId; response?: string }
  /** Teacher mode: one of the scenario's events, raised now. */
  | { type: 'inject'; event: string }
  /** Teacher mode: an action closed, or opened again, for a class exercise. */
  | { type: 'lock'; action: string }
  | { type: 'unlock'; action: string }
  /** Teacher mode: a discussion prompt shown to the class. It changes nothing in the
   *  game; it is in the log so the replay and the debrief show when it was asked. */
  | { type: 'prompt'; text: string };

/** Error codes are a closed string set, never free text: callers switch on them. */
export type ErrorCode =
  | 'game/over'
  | 'action/unknown'
  | 'action/unavailable'
  | 'event/pending'
  | 'event/not-pending'
  | 'choice/unknown'
  | 'choice/unavailable'
  | 'powers/awaiting'
  | 'power/unknown'
  | 'power/not-awaited'
  | 'response/unavailable'
  | 'event/unknown'
  | 'event/unavailable'
  | 'prompt/invalid'
  | 'command/invalid';

export type Result = { ok: true; state: GameState } | { ok: false; error: ErrorCode; message: string };

export interface NewGameOptions {
  difficulty?: Difficulty;
  /** False for a game nobody will ask "why?" of (a balance run's): every change still
   *  happens, with the same draws, but none is recorded with its cause (GameState.unexplained).
   *  Recording was a third of the engine's cost in such a game: the changes, their causes'
   *  places in the string table, packing each closed turn's list, and their garbage. */
  explain?: boolean;
}
