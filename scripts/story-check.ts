/**
 * Does the story name a leader who is not in office? Plays games with a scripted policy
 * and reads every event the way the player sees it (`eventView`, with its text variants,
 * at the moment it is shown): a decision when it comes up, a news item in the quarter it
 * is reported. A text may name the leader in office, a leader who held office earlier in
 * that game, or a leader the event's own choices install ("Heydar Aliyev is invited to
 * Baku"); any other leader of Azerbaijan it names is a finding.
 *
 * Shared by tests/unit/story-leaders.test.ts (a seeded subset) and `npm run check:story`
 * (500 games of every chapter and the campaign with each scripted policy).
 */
import { apply, eventView, type GameState, newGame, seedRng } from '../src/core/index.ts';
import type { Policy } from '../src/policies/policy.ts';
import type { Effect, Scenario, ScenarioEvent } from '../src/scenario/types.ts';

export interface LeaderFinding {
  scenario: string;
  policy: string;
  seed: number;
  event: string;
  /** The month of the turn it was shown in. */
  turn: number;
  /** The name as written, and who leads. */
  named: string;
  leader: string;
  text: string;
}

/** Every leader of Azerbaijan any of the scenarios can install. */
export function leaderUniverse(scenarios: readonly Scenario[]): string[] {
  const out = new Set<string>();
  const scan = (list: readonly Effect[]) => walkEffects(list, (e) => e.op === 'leader' && out.add(e.name));
  for (const s of scenarios) {
    out.add(s.initial.leader);
    for (const e of s.events) {
      scan(e.effects);
      for (const c of e.choices) scan(c.effects);
    }
    for (const a of s.actions) scan(a.effects);
    for (const p of Object.values(s.powers)) for (const r of p.responses) scan(r.effects);
  }
  return [...out].sort();
}

function walkEffects(list: readonly Effect[], visit: (e: Effect) => unknown): void {
  for (const e of list) {
    visit(e);
    if (e.op === 'if' || e.op === 'chance') {
      walkEffects(e.then, visit);
      walkEffects(e.else ?? [], visit);
    }
  }
}

/**
 * The words that name a leader: the full name, the surname and the first name (a
 * surname two leaders share names either). "Aliev" is the other spelling of Aliyev.
 */
export function nameMatcher(universe: readonly string[]): (text: string) => Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  const add = (word: string, leader: string) => {
    const set = table.get(word) ?? new Set<string>();
    set.add(leader);
    table.set(word, set);
  };
  for (const u of universe) {
    const words = u.split(/\s+/);
    add(u, u);
    if (words.length > 1) {
      add(words[0] as string, u);
      add(words[words.length - 1] as string, u);
      if ((words[words.length - 1] as string).endsWith('iyev')) add((words[words.length - 1] as string).replace(/iyev$/, 'iev'), u);
    }
  }
  const alternatives = [...table.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => {
    const found = new Map<string, Set<string>>();
    for (const m of text.matchAll(pattern)) found.set(m[1] as string, table.get(m[1] as string) as Set<string>);
    return found;
  };
}

function installs(e: ScenarioEvent): Set<string> {
  const out = new Set<string>();
  const scan = (list: readonly Effect[]) => walkEffects(list, (x) => x.op === 'leader' && out.add(x.name));
  scan(e.effects);
  for (const c of e.choices) scan(c.effects);
  return out;
}

/** Everything the player reads of an event in this state: title, text, choice labels and hints. */
function shownText(scenario: Scenario, s: GameState, id: string): string {
  const view = eventView(scenario, s, id);
  if (!view) return '';
  return [view.title, view.text, ...view.choices.flatMap((c) => [c.label, c.hint ?? ''])].join('\n');
}

/** Plays one game and returns every text shown that names a leader not (yet, or ever) in office. */
export function checkGame(scenario: Scenario, policy: Policy, seed: number, match: (text: string) => Map<string, Set<string>>): LeaderFinding[] {
  const out: LeaderFinding[] = [];
  const events = new Map(scenario.events.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const checked = new Set<string>();
  const look = (s: GameState, id: string) => {
    const e = events.get(id);
    if (!e) return;
    const allowed = new Set([...seen, s.leader, ...installs(e)]);
    const text = shownText(scenario, s, id);
    for (const [named, refersTo] of match(text)) {
      if ([...refersTo].some((u) => allowed.has(u))) continue;
      out.push({ scenario: scenario.id, policy: policy.name, seed, event: id, turn: s.turn, named, leader: s.leader, text });
    }
  };
  /** News (no choices) is read in the quarter it is reported; a decision when it comes up. */
  const read = (s: GameState, before: GameState | null) => {
    seen.add(s.leader);
    for (const id of s.current.events) {
      if (before && before.turn === s.turn && before.current.events.includes(id)) continue;
      if ((events.get(id)?.choices.length ?? 0) === 0) look(s, id);
    }
    const head = s.pending[0];
    const key = `${head}@${s.turn}`;
    if (head !== undefined && !checked.has(key)) {
      checked.add(key);
      look(s, head);
    }
  };
  let state = newGame(scenario, seed);
  read(state, null);
  const ctx = { scenario, rng: seedRng(`policy:${policy.name}:${seed}`) };
  let inTurn = 0;
  while (!state.outcome) {
    let command = policy.next(ctx, state);
    if (++inTurn > 60 && command.type === 'act') command = { type: 'endTurn' };
    const r = apply(scenario, state, command);
    if (!r.ok) throw new Error(`${policy.name} seed ${seed}: ${JSON.stringify(command)} refused: ${r.message}`);
    const before = state;
    state = r.state;
    if (command.type === 'endTurn') inTurn = 0;
    read(state, before);
  }
  return out;
}
