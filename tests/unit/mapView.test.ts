/**
 * The map's view model (src/ui/mapView.ts) and its tooltips (src/ui/map/describe.ts):
 * only what exists at the game's date, states by name, units, the panels' relation words,
 * and the marks of a power's answer in force.
 */
import { describe, expect, it } from 'vitest';
import { type GameState, newGame } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { relationWord } from '../../src/ui/format.ts';
import { describe as describeTarget } from '../../src/ui/map/describe.ts';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import geo from '../../src/ui/map/geo/caucasus.json';
import { buildViewModel } from '../../src/ui/mapView.ts';
import { shippedScenario } from '../helpers.ts';

const GEO = geo as unknown as GeoData;
const campaign = shippedScenario('campaign-1991-2012');

/** The campaign's state at the quarter starting in `month`, as far as the map reads it. */
function at(sc: Scenario, month: string, patch: Partial<GameState> = {}): GameState {
  const s = newGame(sc, '1');
  const [y, m] = month.split('-').map(Number) as [number, number];
  const [y0, m0] = sc.calendar.start.split('-').map(Number) as [number, number];
  const turn = ((y - y0) * 12 + (m - m0)) / sc.calendar.monthsPerTurn;
  return { ...s, turn, pending: [], ...patch };
}

const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id).sort();

describe('the map shows only what exists at the game’s date', () => {
  it('in the campaign’s first quarter: the northern pipeline and Soviet-era fields, no later route or site', () => {
    const vm = buildViewModel(campaign, at(campaign, '1991-10'), null);
    expect(ids(vm.routes)).toEqual(['baku-novorossiysk']);
    expect(ids(vm.features)).toEqual(['gabala-radar', 'karabakh-front', 'russian-forces', 'soviet-fields']);
  });

  it('a site appears when its condition starts to hold: the Gyumri base from 1995', () => {
    expect(ids(buildViewModel(campaign, at(campaign, '1994-10'), null).features)).not.toContain('gyumri-base');
    expect(ids(buildViewModel(campaign, at(campaign, '1995-01'), null).features)).toContain('gyumri-base');
  });

  it('a planned route is drawn, as planned, once an action of the current period proposes it', () => {
    const before = buildViewModel(campaign, at(campaign, '1996-10'), null);
    expect(ids(before.routes)).toEqual(['baku-novorossiysk', 'baku-supsa']);
    const after = buildViewModel(campaign, at(campaign, '1997-01'), null);
    expect(after.routes.find((r) => r.id === 'btc')?.status).toBe('planned');
    // Nabucco is never proposed in the game: never drawn, whatever the date.
    expect(ids(buildViewModel(campaign, at(campaign, '2012-10'), null).routes)).not.toContain('nabucco');
  });

  it('an event that has fired puts its route on the table, and a built route is drawn whatever proposed it', () => {
    const s = at(campaign, '1991-10');
    expect(ids(buildViewModel(campaign, { ...s, fired: { 'route-question': 0 } }, null).routes)).toContain('baku-supsa');
    const built = { ...s, routes: { ...s.routes, btc: { status: 'building' as const, capacity: 30, flow: 0, revenue: 0 } } };
    expect(ids(buildViewModel(campaign, built, null).routes)).toContain('btc');
  });
});

describe('the map says what the panels say', () => {
  it('uses the panels’ relation word for the same number, and draws the arrow from it', () => {
    const s = at(campaign, '1991-10');
    const vm = buildViewModel(campaign, { ...s, powers: { ...s.powers, russia: { ...s.powers.russia, relation: -4 } } }, null);
    const russia = vm.powers.find((p) => p.id === 'russia');
    expect(russia?.word).toBe(relationWord(-4));
    expect(russia?.word).toBe('wary');
    expect(russia?.stance).toBe('wary');
    expect(describeTarget({ kind: 'power', id: 'russia' }, vm, GEO)?.lines[0]).toBe('Relation: \u22124 (wary)');
  });

  it('names the transit states and gives capacity, flow and revenue with their units', () => {
    const s = at(campaign, '1999-01');
    const state = { ...s, routes: { ...s.routes, btc: { status: 'operating' as const, capacity: 30, flow: 24, revenue: 192 } } };
    const tip = describeTarget({ kind: 'route', id: 'btc' }, buildViewModel(campaign, state, null), GEO);
    expect(tip?.lines).toEqual([
      'Oil pipeline · operating',
      'Transit: Georgia, Turkey',
      'Capacity: 30 export units a quarter',
      'Carried last quarter: 24 export units',
      'Revenue: $192 million last quarter',
    ]);
    const north = describeTarget({ kind: 'route', id: 'baku-novorossiysk' }, buildViewModel(campaign, at(campaign, '1991-10'), null), GEO);
    expect(north?.lines[1]).toBe('Transit: Russia');
  });
});

describe('a power’s answer in force leaves its mark until it ends', () => {
  // A stick that closes the northern pipeline for three quarters (scenarios may give a
  // response a duration; the map reads state.active).
  const embargo: Scenario = structuredClone(campaign);
  embargo.powers.russia.responses.push({
    id: 'oil-embargo',
    kind: 'stick',
    label: 'Oil embargo',
    text: 'Moscow shuts the northern pipeline.',
    weight: 1,
    cooldown: 4,
    duration: 2,
    effects: [{ op: 'route', route: 'baku-novorossiysk', status: 'disrupted' }],
    endEffects: [{ op: 'route', route: 'baku-novorossiysk', status: 'operating' }],
  });

  it('marks the routes its effects touch, with the power and the last quarter it holds', () => {
    const s = at(embargo, '1993-01', { active: [{ power: 'russia', response: 'oil-embargo', until: 7 }] });
    const vm = buildViewModel(embargo, s, null);
    expect(vm.pressures).toEqual([
      {
        power: 'russia',
        id: 'oil-embargo',
        label: 'Oil embargo',
        kind: 'stick',
        quartersLeft: 3,
        until: 'Jul–Sep 1993',
        routes: ['baku-novorossiysk'],
        features: [],
      },
    ]);
    const tip = describeTarget({ kind: 'route', id: 'baku-novorossiysk' }, vm, GEO);
    expect(tip?.lines.at(-1)).toBe('Russia: Oil embargo (in force until Jul–Sep 1993)');
    expect(describeTarget({ kind: 'power', id: 'russia' }, vm, GEO)?.lines).toContain('Pressure: Oil embargo (in force until Jul–Sep 1993)');
  });

  it('marks the sites whose condition names it, and nothing once it has ended', () => {
    const sc: Scenario = structuredClone(embargo);
    sc.features.push({
      id: 'troops-north',
      kind: 'troops',
      name: 'Troops on the border',
      at: [48.5, 41.6],
      text: 'A build-up.',
      when: { active: { power: 'russia', response: 'oil-embargo' } },
    });
    const during = buildViewModel(sc, at(sc, '1993-01', { active: [{ power: 'russia', response: 'oil-embargo', until: 7 }] }), null);
    expect(during.pressures[0]?.features).toEqual(['troops-north']);
    expect(ids(during.features)).toContain('troops-north');
    const after = buildViewModel(sc, at(sc, '1993-10'), null);
    expect(after.pressures).toEqual([]);
    expect(ids(after.features)).not.toContain('troops-north');
  });
});
