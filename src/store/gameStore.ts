/**
 * The one store: the game (scenario, state, the command log) and the UI state (which
 * screen, what is selected, the guide). Panels, the map and the audio subscribe to the
 * slices they show; they send the player's intents here, and this calls the pure core.
 * No rule is computed here: the store only keeps what the core returns.
 */
import { createStore } from 'zustand/vanilla';
import {
  act,
  apply,
  type Change,
  type Command,
  changeCount,
  choose,
  type Difficulty,
  endTurn,
  type ErrorCode,
  type GameState,
  newGame,
  type PowerId,
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
  /** Teacher mode: the facilitator's panel is open (a simple switch, no accounts). */
  teacher: boolean;
  /** Teacher mode: the screen is curtained for a discussion, with the prompt if one was set.
   *  A view state only: the game does not change while paused, so nothing is logged. */
  paused: { prompt: string | null } | null;
}

export interface Decision {
  /** Increments, so the same decision twice still shows twice. */
  id: number;
  kind: 'act' | 'choose';
  changes: Change[];
}

export interface AppActions {
  /** A new game; `people` are the powers played by people on this screen (hot-seat). */
  start(scenario: Scenario, seed: string, difficulty: Difficulty, people?: readonly PowerId[]): void;
  resume(scenario: Scenario, save: ReplayFile): boolean;
  act(actionId: string): boolean;
  choose(eventId: string, choiceId: string): boolean;
  endTurn(): boolean;
  /** Hot-seat: hands a power to people on this screen, or back to the computer. */
  seat(power: PowerId, player: 'people' | 'computer'): boolean;
  /** Hot-seat: the awaited power's people answer (no response: they hold back). */
  respond(power: PowerId, response?: string): boolean;
  /** Teacher mode. */
  setTeacher(on: boolean): void;
  inject(eventId: string): boolean;
  lock(actionId: string, locked: boolean): boolean;
  /** Shows a discussion prompt to the class (logged) and pauses the screen on it. */
  prompt(text: string): boolean;
  pause(): void;
  resumePlay(): void;
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
      const before = changeCount(game.current);
      const undoStack = command.type === 'act' ? [...get().undoStack, { game, commands: get().commands }] : [];
      // One update, so the screen renders the new state once (with its report or result).
      const next: Partial<AppState> = { game: r.state, commands, lastError: null, undoStack };
      if (command.type === 'endTurn' || command.type === 'respond') {
        // The report comes when the turn has closed: with people playing powers, after the last answer.
        const closed = r.state.history.length > game.history.length;
        next.lastDecision = null;
        next.report = closed && !r.state.outcome ? { turn: r.state.history.length - 1, fresh: true } : null;
      } else if (command.type === 'act' || command.type === 'choose') {
        // The decision's own changes, and those of any follow-up it raised at once.
        // The decision's own are the changes after the `before` the turn held already.
        next.lastDecision = { id: ++decisionId, kind: command.type, changes: recordChanges(r.state, r.state.current).slice(before) };
      }
      set(next);
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
      teacher: false,
      paused: null,

      start(scenario, seed, difficulty, people = []) {
        let game = newGame(scenario, seed, { difficulty });
        // Powers played by people are seated by commands at the start of the log, so every
        // replay of the game knows who played what.
        const commands: Command[] = [];
        for (const power of people) {
          const command: Command = { type: 'seat', power, player: 'people' };
          const r = apply(scenario, game, command);
          if (!r.ok) continue;
          game = r.state;
          commands.push(command);
        }
        set({
          screen: 'game',
          scenario,
          game,
          commands,
          selected: null,
          guideStep: 0,
          lastError: null,
          lastDecision: null,
          undoStack: [],
          report: null,
          teacher: false,
          paused: null,
        });
        if (storage) writeSave(storage, game, commands);
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
          teacher: false,
          paused: null,
        });
        return true;
      },

      act: (actionId) => dispatch({ type: 'act', action: actionId }, (sc, s) => act(sc, s, actionId)),
      choose: (eventId, choiceId) => dispatch({ type: 'choose', event: eventId, choice: choiceId }, (sc, s) => choose(sc, s, eventId, choiceId)),
      endTurn: () => dispatch({ type: 'endTurn' }, endTurn),
      seat: (power, player) => dispatch({ type: 'seat', power, player }, (sc, s) => apply(sc, s, { type: 'seat', power, player })),
      respond(power, response) {
        const command: Command = response === undefined ? { type: 'respond', power } : { type: 'respond', power, response };
        return dispatch(command, (sc, s) => apply(sc, s, command));
      },
      setTeacher: (on) => set({ teacher: on }),
      inject: (event) => dispatch({ type: 'inject', event }, (sc, s) => apply(sc, s, { type: 'inject', event })),
      lock(action, locked) {
        const command: Command = locked ? { type: 'lock', action } : { type: 'unlock', action };
        return dispatch(command, (sc, s) => apply(sc, s, command));
      },
      prompt(typed) {
        const text = typed.trim();
        const ok = dispatch({ type: 'prompt', text }, (sc, s) => apply(sc, s, { type: 'prompt', text }));
        if (ok) set({ paused: { prompt: text } });
        return ok;
      },
      pause: () => set({ paused: { prompt: null } }),
      resumePlay: () => set({ paused: null }),
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
