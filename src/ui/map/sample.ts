/**
 * Sample view models for the map preview and its e2e test (not game data:
 * the simulation builds the real ones).
 */
import type { MapViewModel } from './types.ts';

export function sampleViewModel(): MapViewModel {
  return {
    azerbaijan: { sovereignty: 62, stability: 48 },
    powers: [
      { id: 'russia', name: 'Russia', relation: -18, word: 'cold', stance: 'hostile', influence: 72, changed: false },
      { id: 'turkey', name: 'Turkey', relation: 64, word: 'close', stance: 'friendly', influence: 46, changed: false },
      { id: 'iran', name: 'Iran', relation: -8, word: 'wary', stance: 'wary', influence: 28, changed: false },
      { id: 'west', name: 'The West', relation: 35, word: 'friendly', stance: 'friendly', influence: 38, changed: false },
    ],
    routes: [
      {
        id: 'baku-novorossiysk',
        name: 'Baku\u2013Novorossiysk oil pipeline',
        kind: 'oil',
        status: 'operating',
        path: [
          [49.87, 40.41],
          [47.5, 42.98],
          [37.77, 44.72],
        ],
        capacity: 100,
        flow: 9,
        transit: ['Russia'],
        revenue: 9,
        changed: false,
      },
      {
        id: 'baku-supsa',
        name: 'Baku\u2013Supsa oil pipeline',
        kind: 'oil',
        status: 'operating',
        path: [
          [49.87, 40.41],
          [44.79, 41.72],
          [41.8, 42.0],
        ],
        capacity: 145,
        flow: 11,
        transit: ['Georgia'],
        revenue: 11,
        changed: false,
      },
      {
        id: 'btc',
        name: 'Baku\u2013Tbilisi\u2013Ceyhan pipeline',
        kind: 'oil',
        status: 'building',
        path: [
          [49.87, 40.41],
          [44.79, 41.72],
          [42.7, 41.0],
          [38.5, 39.0],
          [35.9, 37.0],
        ],
        capacity: 1000,
        flow: 0,
        transit: ['Georgia', 'Turkey'],
        revenue: 0,
        changed: false,
      },
      {
        id: 'scp',
        name: 'South Caucasus gas pipeline',
        kind: 'gas',
        status: 'planned',
        path: [
          [49.87, 40.41],
          [44.79, 41.72],
          [42.7, 41.0],
          [41.27, 39.9],
        ],
        capacity: 20,
        flow: 0,
        transit: ['Georgia', 'Turkey'],
        revenue: 0,
        changed: false,
      },
      {
        id: 'kars-gyumri',
        name: 'Kars\u2013Gyumri railway',
        kind: 'rail',
        status: 'closed',
        path: [
          [43.1, 40.6],
          [43.85, 40.79],
        ],
        capacity: 2,
        flow: 0,
        transit: ['Turkey', 'Armenia'],
        revenue: 0,
        changed: false,
      },
    ],
    pressures: [
      {
        power: 'russia',
        id: 'troops-on-the-border',
        label: 'Troops on the border',
        kind: 'stick',
        quartersLeft: 2,
        until: 'Apr–Jun 1993',
        routes: [],
        features: ['abkhazia-pk'],
      },
    ],
    features: [
      {
        id: 'gabala',
        kind: 'radar',
        name: 'Gabala radar',
        at: [47.85, 40.98],
        active: true,
        text: 'Soviet-built early-warning radar, operated by Russia',
        changed: false,
      },
      {
        id: 'gyumri',
        kind: 'base',
        name: '102nd base, Gyumri',
        at: [43.85, 40.79],
        active: true,
        text: 'Russian military base in Armenia',
        changed: false,
      },
      {
        id: 'loc',
        kind: 'front',
        name: 'Line of contact',
        at: [47.05, 39.9],
        active: true,
        text: 'Ceasefire line since May 1994',
        changed: false,
      },
      {
        id: 'acg',
        kind: 'field',
        name: 'Azeri\u2013Chirag\u2013Guneshli',
        at: [50.95, 40.1],
        active: true,
        text: 'Offshore oil field, "Contract of the Century" (1994)',
        changed: false,
      },
      {
        id: 'abkhazia-pk',
        kind: 'troops',
        name: 'CIS peacekeepers',
        at: [41.6, 42.85],
        active: true,
        text: 'Russian-led peacekeeping force in Abkhazia',
        changed: false,
      },
    ],
  };
}

/** A following turn with consequences, every changed item flagged. */
export function nextViewModel(vm: MapViewModel): MapViewModel {
  const next: MapViewModel = structuredClone(vm);
  for (const p of next.powers) p.changed = false;
  for (const r of next.routes) r.changed = false;
  for (const f of next.features) f.changed = false;
  const russia = next.powers.find((p) => p.id === 'russia');
  if (russia) {
    russia.relation = Math.max(-100, russia.relation - 22);
    russia.word = russia.relation <= -50 ? 'hostile' : 'cold';
    russia.influence = Math.min(100, russia.influence + 6);
    russia.changed = true;
  }
  const west = next.powers.find((p) => p.id === 'west');
  if (west) {
    west.relation = Math.min(100, west.relation + 15);
    west.word = west.relation >= 50 ? 'close' : 'friendly';
    west.influence = Math.min(100, west.influence + 12);
    west.changed = true;
  }
  const nov = next.routes.find((r) => r.id === 'baku-novorossiysk');
  if (nov) {
    nov.status = nov.status === 'disrupted' ? 'operating' : 'disrupted';
    nov.revenue = nov.status === 'disrupted' ? 0 : 9;
    nov.flow = nov.status === 'disrupted' ? 0 : 9;
    nov.changed = true;
  }
  const btc = next.routes.find((r) => r.id === 'btc');
  if (btc && btc.status === 'building') {
    btc.status = 'operating';
    btc.revenue = 40;
    btc.changed = true;
  }
  const scp = next.routes.find((r) => r.id === 'scp');
  if (scp && scp.status === 'planned') {
    scp.status = 'building';
    scp.changed = true;
  }
  const loc = next.features.find((f) => f.id === 'loc');
  if (loc) {
    loc.text = 'Ceasefire violated: skirmishes near Aghdam';
    loc.changed = true;
  }
  next.azerbaijan.stability = Math.max(0, next.azerbaijan.stability - 5);
  return next;
}
