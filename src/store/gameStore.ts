/**
 * The one store: the game (scenario, state, the command log) and the UI state (which
 * screen, what is selected, the guide). Panels, the map and the audio subscribe to the
 * slices they show; they send the player's intents here, and this calls the pure core.
 * No rule is computed here: the store only keeps what the core returns.
 */
import { createStore } from 'zustand/vanilla';
import {
  act,
  type Change,
  type Command,
  choose,
  type Difficulty,
  endTurn,
  type ErrorCode,
  type GameState,
  newGame,
  recordChanges,
  replay,
  type Result,
  stateHash,
} from '../core/index.ts';
import type { ReplayFile } from '../persistence/replayFormat.ts';
import { type SaveStore, writeSave } from '../persistence/saves.ts';
import type { Scenario } from '../scenario/types.ts';

export type Screen = 'title' | 'game';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Increments so the same message twice still shows twice. */
  id: number;
}

export interface AppState {
  screen: Screen;
  scenario: Scenario | null;
  game: GameState | null;
  commands: Command[];
  /** The country or power whose panel is open. */
  selected: string | null;
  /** Step of the first-turn guide, or null when it is closed. */
  guideStep: number | null;
  notice: Notice | null;
  /** The last command the engine refused, for the status line and tests. */
  lastError: { code: ErrorCode; message: string } | null;
  /** What the last decision changed, shown at once so every click gets an answer. */
  lastDecision: Decision | null;
  /** The games before each action of this turn, newest last: what Undo goes back to. */
  undoStack: { game: GameState; commands: Command[] }[];
  /** The turn report on screen: the index of a completed turn in the history; `fresh`
   *  when it is the turn just ended (the next event waits until it is read). */
  report: { turn: number; fresh: boolean } | null;
}

export interface Decision {
  /** Increments, so the same decision twice still shows twice. */
  id: number;
  kind: 'act' | 'choose';
  changes: Change[];
}

export interface AppActions {
  start(scenario: Scenario, seed: string, difficulty: Difficulty): void;
  resume(scenario: Scenario, save: ReplayFile): boolean;
  act(actionId: string): boolean;
  choose(eventId: string, choiceId: string): boolean;
  endTurn(): boolean;
  /** Takes back the last action of this turn (before End turn). */
  undo(): boolean;
  openReport(turn: number): void;
  closeReport(): void;
  select(id: string | null): void;
  setGuideStep(step: number | null): void;
  notify(kind: Notice['kind'], text: string): void;
  toTitle(): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

let noticeId = 0;
let decisionId = 0;

export function createAppStore(storage: SaveStore | null) {
  return createStore<AppState & AppActions>()((set, get) => {
    /** Applies one command through the core; on success keeps the new state and autosaves. */
    const dispatch = (command: Command, step: (scenario: Scenario, state: GameState) => Result): boolean => {
      const { scenario, game } = get();
      if (!scenario || !game) return false;
      const r = step(scenario, game);
      if (!r.ok) {
        set({ lastError: { code: r.error, message: r.message }, notice: { kind: 'error', text: r.message, id: ++noticeId } });
        return false;
      }
      const commands = [...get().commands, command];
      const before = game.current.changes.length;
      const undoStack = command.type === 'act' ? [...get().undoStack, { game, commands: get().commands }] : [];
      // One update, so the screen renders the new state once (with its report or result).
      if (command.type === 'endTurn') {
        set({
          game: r.state,
          commands,
          lastError: null,
          undoStack,
          lastDecision: null,
          report: r.state.outcome ? null : { turn: r.state.history.length - 1, fresh: true },
        });
      } else {
        // The decision's own changes, and those of any follow-up it raised at once.
        // Records pack three numbers a change: the decision's own are those after `before`.
        const changes = recordChanges(r.state, r.state.current).slice(before / 3);
        set({ game: r.state, commands, lastError: null, undoStack, lastDecision: { id: ++decisionId, kind: command.type, changes } });
      }
      persist(r.state, commands);
      return true;
    };

    const persist = (state: GameState, commands: Command[]) => {
      if (!storage) return;
      const saved = writeSave(storage, state, commands);
      if (!saved.ok) set({ notice: { kind: 'error', text: `The game could not be saved (${saved.reason}); your previous save is kept.`, id: ++noticeId } });
    };

    return {
      screen: 'title',
      scenario: null,
      game: null,
      commands: [],
      selected: null,
      guideStep: null,
      notice: null,
      lastError: null,
      lastDecision: null,
      undoStack: [],
      report: null,

      start(scenario, seed, difficulty) {
        const game = newGame(scenario, seed, { difficulty });
        set({ screen: 'game', scenario, game, commands: [], selected: null, guideStep: 0, lastError: null, lastDecision: null, undoStack: [], report: null });
        if (storage) writeSave(storage, game, []);
      },

      resume(scenario, save) {
        const result = replay(scenario, save.seed, { difficulty: save.difficulty }, save.commands);
        if (result.failed || stateHash(result.state) !== save.stateHash) {
          set({ notice: { kind: 'error', text: 'Your saved game does not replay with this version of the scenario; it was left untouched.', id: ++noticeId } });
          return false;
        }
        set({
          screen: 'game',
          scenario,
          game: result.state,
          commands: [...save.commands],
          selected: null,
          guideStep: null,
          lastError: null,
          lastDecision: null,
          undoStack: [],
          report: null,
        });
        return true;
      },

      act: (actionId) => dispatch({ type: 'act', action: actionId }, (sc, s) => act(sc, s, actionId)),
      choose: (eventId, choiceId) => dispatch({ type: 'choose', event: eventId, choice: choiceId }, (sc, s) => choose(sc, s, eventId, choiceId)),
      endTurn: () => dispatch({ type: 'endTurn' }, endTurn),
      undo() {
        const stack = get().undoStack;
        const last = stack[stack.length - 1];
        if (!last) return false;
        set({ game: last.game, commands: last.commands, undoStack: stack.slice(0, -1), lastDecision: null, lastError: null });
        persist(last.game, last.commands);
        return true;
      },
      openReport: (turn) => set({ report: { turn, fresh: false } }),
      closeReport: () => set({ report: null }),
      select: (id) => set({ selected: id }),
      setGuideStep: (step) => set({ guideStep: step }),
      notify: (kind, text) => set({ notice: { kind, text, id: ++noticeId } }),
      toTitle: () => set({ screen: 'title', selected: null, guideStep: null }),
    };
  });
}
