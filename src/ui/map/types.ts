import type Phaser from 'phaser';

export type PowerId = 'russia' | 'turkey' | 'iran' | 'west';
export type RouteStatus = 'planned' | 'building' | 'operating' | 'disrupted' | 'closed';
/** How a power's arrow is drawn: solid and barbed, long-dashed, short-dashed and open. */
export type Stance = 'friendly' | 'wary' | 'hostile';

export interface MapPower {
  id: PowerId;
  name: string;
  relation: number /* -100..100 */;
  /** The relation's word, from the scale the panels use ("wary", "cold"…). */
  word: string;
  stance: Stance;
  influence: number /* 0..100 */;
  changed: boolean /* moved this turn: pulse */;
}
/** A power's answer still in force (an embargo, a troop build-up): marked until it ends. */
export interface MapPressure {
  power: PowerId;
  id: string;
  label: string;
  kind: 'stick' | 'carrot';
  /** Quarters it holds, this one included, and the last of them ("Jan–Mar 1993"). */
  quartersLeft: number;
  until: string;
  /** Routes and sites it touches (they carry its mark). */
  routes: string[];
  features: string[];
}
export interface MapRoute {
  id: string;
  name: string;
  kind: 'oil' | 'gas' | 'rail';
  status: RouteStatus;
  path: Array<[number, number]> /* [lon, lat] waypoints */;
  /** Export units it can carry a quarter, and carried last quarter. */
  capacity: number;
  flow: number;
  /** The states it crosses after Azerbaijan, by name. */
  transit: string[];
  revenue: number /* $ million last quarter */;
  changed: boolean;
}
export interface MapFeature {
  id: string;
  kind: 'radar' | 'base' | 'troops' | 'front' | 'field';
  name: string;
  at: [number, number] /* [lon, lat] */;
  active: boolean;
  text: string;
  changed: boolean;
}
export interface MapViewModel {
  powers: MapPower[];
  routes: MapRoute[];
  features: MapFeature[];
  pressures: MapPressure[];
  azerbaijan: { sovereignty: number; stability: number };
}
export interface MapHandlers {
  /** `screen` is in viewport (client) pixels, ready for a position: fixed tooltip. */
  onHover(info: { title: string; lines: string[] } | null, screen: { x: number; y: number }): void;
  onSelectCountry(id: string): void;
}
export interface MapController {
  update(vm: MapViewModel): void;
  destroy(): void;
  game: Phaser.Game;
}
