/**
 * The map's view of the game: a MapViewModel derived from the state (nothing here is a
 * rule), with `changed` set on whatever moved since the map last drew, so it pulses.
 *
 * The map shows only what exists at the game's date:
 * - a site is drawn while its `when` holds (Gyumri's base from 1995, Russia's forces in
 *   Georgia while the flag says they are there), never greyed out before its time;
 * - a route still `planned`, or a field still `undeveloped`, is drawn (as a faint
 *   "proposed" line, a grey field) only once the game has put it on the table: an event
 *   that fired or waits for an answer, or an action whose period has begun, has an effect
 *   on it. Otherwise it is not drawn at all, so 1991 shows no BTC and no Nabucco;
 * - a power's answer still in force (state.active) leaves its mark: the routes its
 *   effects close and the sites it brings about carry the power's colour until it ends.
 */
import { type GameState, holds, monthIndex, POWER_IDS, type PowerId, turnLabel } from '../core/index.ts';
import type { PowerResponse, Scenario } from '../scenario/types.ts';
import { powerName, relationWord } from './format.ts';
import BLANK_PNG from './map/phaser/blank.png?no-inline';
import type { MapFeature, MapPressure, MapRoute, MapViewModel, Stance } from './map/types.ts';

/** The relation's word (format.ts holds the thresholds) as one of the arrow's three forms. */
const STANCE_OF: Record<string, Stance> = { close: 'friendly', friendly: 'friendly', wary: 'wary', cold: 'hostile', hostile: 'hostile' };

/** States a route may cross, by name (powers by their own names). */
const STATE_NAMES: Record<string, string> = {
  georgia: 'Georgia',
  armenia: 'Armenia',
  ukraine: 'Ukraine',
  kazakhstan: 'Kazakhstan',
  turkmenistan: 'Turkmenistan',
};

export function stateName(id: string): string {
  if ((POWER_IDS as readonly string[]).includes(id)) return powerName(id as PowerId);
  return STATE_NAMES[id] ?? id.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
}

interface Mentions {
  /** Route and field ids each event's and each action's effects touch. */
  events: Map<string, Set<string>>;
  actions: { ids: Set<string>; from: number }[];
}

const mentionsCache = new WeakMap<Scenario, Mentions>();

/** Every route or field id named by an effect anywhere inside `node`. */
function touched(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) touched(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.op === 'route' && typeof o.route === 'string') out.add(o.route);
    if (o.op === 'field' && typeof o.field === 'string') out.add(o.field);
    for (const v of Object.values(o)) if (v && typeof v === 'object') touched(v, out);
  }
  return out;
}

function mentionsOf(sc: Scenario): Mentions {
  let m = mentionsCache.get(sc);
  if (!m) {
    const start = monthIndex(sc.calendar.start);
    m = {
      events: new Map(sc.events.map((e) => [e.id, touched(e)])),
      actions: sc.actions.map((a) => ({ ids: touched(a.effects), from: a.era?.from ? monthIndex(a.era.from) : start })),
    };
    mentionsCache.set(sc, m);
  }
  return m;
}

/** Routes and fields the game has put on the table by now (see the file's comment). */
function proposed(sc: Scenario, s: GameState): Set<string> {
  const m = mentionsOf(sc);
  const out = new Set<string>();
  const lastMonth = monthIndex(sc.calendar.start) + (s.turn + 1) * sc.calendar.monthsPerTurn - 1;
  for (const a of m.actions) if (a.from <= lastMonth) for (const id of a.ids) out.add(id);
  for (const id of [...Object.keys(s.fired), ...s.pending]) for (const x of m.events.get(id) ?? []) out.add(x);
  return out;
}

/** Flags a response's effects set, and whether a condition names the response or one of them. */
function flagsSet(effects: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(effects)) for (const x of effects) flagsSet(x, out);
  else if (effects && typeof effects === 'object') {
    const o = effects as Record<string, unknown>;
    if (o.op === 'flag' && typeof o.flag === 'string' && o.value !== false && o.value !== 0) out.add(o.flag);
    for (const v of Object.values(o)) if (v && typeof v === 'object') flagsSet(v, out);
  }
  return out;
}

function conditionNames(when: unknown, power: PowerId, response: string, flags: Set<string>): boolean {
  if (Array.isArray(when)) return when.some((w) => conditionNames(w, power, response, flags));
  if (!when || typeof when !== 'object') return false;
  const o = when as Record<string, unknown>;
  const active = o.active as { power?: string; response?: string } | undefined;
  if (active && active.power === power && active.response === response) return true;
  if (typeof o.flag === 'string' && flags.has(o.flag)) return true;
  return Object.values(o).some((v) => v && typeof v === 'object' && conditionNames(v, power, response, flags));
}

function pressures(sc: Scenario, s: GameState): MapPressure[] {
  const out: MapPressure[] = [];
  for (const a of s.active ?? []) {
    const def: PowerResponse | undefined = sc.powers[a.power].responses.find((r) => r.id === a.response);
    if (!def) continue;
    const flags = flagsSet(def.effects);
    const routes = [...touched(def.effects)].filter((id) => sc.energy.routes.some((r) => r.id === id));
    const features = sc.features.filter((f) => conditionNames(f.when, a.power, a.response, flags)).map((f) => f.id);
    out.push({
      power: a.power,
      id: a.response,
      label: def.label,
      kind: def.kind,
      quartersLeft: Math.max(1, a.until - s.turn + 1),
      until: turnLabel(sc.calendar, Math.min(a.until, sc.calendar.turns - 1)),
      routes,
      features,
    });
  }
  return out;
}

export function buildViewModel(sc: Scenario, s: GameState, previous: MapViewModel | null): MapViewModel {
  const before = <T extends { id: string }>(list: T[] | undefined, id: string) => list?.find((x) => x.id === id);
  const onTable = proposed(sc, s);
  const powers = POWER_IDS.map((id) => {
    const p = s.powers[id];
    const old = before(previous?.powers, id);
    const word = relationWord(p.relation);
    return {
      id,
      name: powerName(id),
      relation: p.relation,
      word,
      stance: STANCE_OF[word] ?? 'wary',
      influence: p.influence,
      changed: old !== undefined && (old.relation !== p.relation || old.influence !== p.influence),
    };
  });
  const routes: MapRoute[] = [];
  for (const r of sc.energy.routes) {
    if (!r.path || r.path.length < 2) continue;
    const rs = s.routes[r.id];
    const status = rs?.status ?? r.status;
    if (status === 'planned' && !onTable.has(r.id)) continue;
    const old = before(previous?.routes, r.id);
    const revenue = rs?.revenue ?? 0;
    routes.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status,
      path: r.path as [number, number][],
      capacity: rs?.capacity ?? r.capacity,
      flow: rs?.flow ?? 0,
      transit: r.transit.map(stateName),
      revenue,
      changed: old !== undefined && (old.status !== status || old.revenue !== revenue),
    });
  }
  const features: MapFeature[] = [];
  for (const f of sc.energy.fields) {
    const fs = s.fields[f.id];
    const status = fs?.status ?? f.status;
    if (status === 'undeveloped' && !onTable.has(f.id)) continue;
    const active = status === 'producing' || status === 'developing';
    const old = before(previous?.features, f.id);
    features.push({
      id: f.id,
      kind: 'field',
      name: f.name,
      at: f.at as [number, number],
      active,
      text: `${f.kind === 'oil' ? 'Oil' : 'Gas'} field, ${status}${status === 'producing' ? `: ${fs?.output ?? f.output} export units a quarter` : ''}.`,
      changed: old !== undefined && old.active !== active,
    });
  }
  for (const f of sc.features) {
    // A site exists while its condition holds: not before its time, not after it ends.
    if (!holds(sc, s, f.when)) continue;
    const old = before(previous?.features, f.id);
    features.push({
      id: f.id,
      kind: f.kind,
      name: f.name,
      at: f.at as [number, number],
      active: true,
      text: f.text,
      changed: previous !== null && old === undefined,
    });
  }
  return { powers, routes, features, pressures: pressures(sc, s), azerbaijan: { sovereignty: s.meters.sovereignty, stability: s.meters.stability } };
}

export type PosterModule = typeof import('./map/poster.ts');
let posterModule: Promise<PosterModule> | null = null;
let posterLoaded: PosterModule | null = null;

/** The map's poster code (map/poster.ts, no Phaser), fetched once. */
export function loadPoster(): Promise<PosterModule> {
  posterModule ??= import('./map/poster.ts').then((m) => {
    posterLoaded = m;
    return m;
  });
  return posterModule;
}

/** The poster's code if it is already in memory (then the poster can paint at once). */
export function posterIfLoaded(): PosterModule | null {
  return posterLoaded;
}

/** Settles once the poster's code has run (never rejects: without it the game still starts). */
export function mapCodeLoaded(): Promise<void> {
  return loadPoster().then(
    () => undefined,
    () => undefined,
  );
}

let posterRequested = false;
let sceneRequested = false;

/**
 * Fetches and runs the map's code ahead of need: the poster's and the one-pixel image
 * Phaser waits for before its first frame (see map/start.ts); with `andScene`, Phaser's and
 * the scene's too. On the way to a first turn (a game started, a `?play` link) Phaser's
 * code waits for the poster's frame (game.ts
 * showPoster): run beside the entry, the scenario and the poster, its compile and
 * evaluation held them back on two cores — the first playable turn came ~90 ms later on
 * an idle machine (session 11). index.html prefetches its chunk (vite.config.ts), so only
 * its compile and run follow the poster. The title screen, which the player reads for a
 * while, asks for the scene as well, when idle.
 */
export function preloadMap(andScene = false): void {
  if (!posterRequested) {
    posterRequested = true;
    void loadPoster();
    new Image().src = BLANK_PNG;
  }
  if (andScene && !sceneRequested) {
    sceneRequested = true;
    void loadPoster().then((m) => m.loadScene());
  }
}
