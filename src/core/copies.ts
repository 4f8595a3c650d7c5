/**
 * Copies of the state's parts, one level deep: what copy-on-write copies the first time an
 * operation writes to a part (clone.ts), and `ownedCopy`, a whole position made safe to
 * play on. Listed field by field: one object shape per part keeps the copies fast.
 */
import type { FieldState, GameState, Meters, PowerState, RouteState, TurnRecord } from './state.ts';
import type { PowerId } from './vocabulary.ts';

/**
 * A record keyed by ids from a scenario or a save (flags, fired events, uses…): it has no
 * prototype, so an id such as "constructor", "toString" or "__proto__" finds only its own
 * entry, never something every object inherits (issue 11.4). Copies keep that.
 */
export const idRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export const shallow = <T extends object>(x: T): T =>
  Array.isArray(x) ? (x.slice() as T) : Object.assign(Object.getPrototypeOf(x) === null ? idRecord() : {}, x);
export const copyMeters = (m: Meters): Meters => ({
  sovereignty: m.sovereignty,
  stability: m.stability,
  economy: m.economy,
  security: m.security,
  karabakh: m.karabakh,
});
export const copyPowers = (p: GameState['powers']): GameState['powers'] => ({ russia: p.russia, turkey: p.turkey, iran: p.iran, west: p.west });
// Optional parts (set only once an effect changes them) are copied only when present, so a
// game that never uses them keeps the same shape and the same hash.
export const copyPower = (p: PowerState): PowerState => {
  const c: PowerState = { relation: p.relation, influence: p.influence, stance: p.stance, cooldowns: p.cooldowns };
  if (p.baseRelation !== undefined) c.baseRelation = p.baseRelation;
  if (p.aggression !== undefined) c.aggression = p.aggression;
  return c;
};
export const copyRoute = (r: RouteState): RouteState => {
  const c: RouteState = { status: r.status, capacity: r.capacity, flow: r.flow, revenue: r.revenue };
  if (r.price !== undefined) c.price = r.price;
  if (r.leverage !== undefined) c.leverage = r.leverage;
  return c;
};
export const copyField = (f: FieldState): FieldState => ({ status: f.status, output: f.output });
export const copyRecord = (r: TurnRecord): TurnRecord => ({
  turn: r.turn,
  date: r.date,
  actions: r.actions,
  choices: r.choices,
  events: r.events,
  responses: r.responses,
  changes: r.changes,
  snapshot: r.snapshot,
});

/**
 * A copy of `s` that shares nothing `advance` changes in place, so a runner can play on
 * from a state others hold (a policy's rollout from the game's position) without
 * copying at every command. Completed turn records are shared: nothing writes to them
 * again. The string table is copied (and indexed again on first use). `explain: false`
 * plays the copy on without recording causes (GameState.unexplained: a rollout reads only
 * where it ends).
 */
export function ownedCopy(s: GameState, { explain = true } = {}): GameState {
  const powers = copyPowers(s.powers);
  for (const id of Object.keys(powers) as PowerId[]) {
    const p = copyPower(powers[id]);
    p.cooldowns = shallow(p.cooldowns);
    powers[id] = p;
  }
  const routes: GameState['routes'] = {};
  for (const id of Object.keys(s.routes)) routes[id] = copyRoute(s.routes[id] as RouteState);
  const fields: GameState['fields'] = {};
  for (const id of Object.keys(s.fields)) fields[id] = copyField(s.fields[id] as FieldState);
  const c = s.current;
  const d: GameState = {
    ...s,
    meters: copyMeters(s.meters),
    powers,
    routes,
    fields,
    flags: shallow(s.flags),
    fired: shallow(s.fired),
    chosen: shallow(s.chosen),
    uses: shallow(s.uses),
    lastTaken: shallow(s.lastTaken),
    pending: s.pending.slice(),
    scheduled: s.scheduled.slice(),
    active: s.active.slice(),
    strings: s.strings.slice(),
    current: {
      turn: c.turn,
      date: c.date,
      actions: c.actions.slice(),
      choices: c.choices.slice(),
      events: c.events.slice(),
      responses: c.responses.slice(),
      changes: c.changes.slice(),
      snapshot: c.snapshot.slice(),
    },
    rng: { c: s.rng.c, s0: s.rng.s0, s1: s.rng.s1, s2: s.rng.s2 },
  };
  if (!explain) d.unexplained = true;
  return d;
}
