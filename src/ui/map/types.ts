import type Phaser from 'phaser';

export type PowerId = 'russia' | 'turkey' | 'iran' | 'west';
export type RouteStatus = 'planned' | 'building' | 'operating' | 'disrupted' | 'closed';
export interface MapPower {
  id: PowerId;
  name: string;
  relation: number /* -100..100 */;
  influence: number /* 0..100 */;
  changed: boolean /* moved this turn: pulse */;
}
export interface MapRoute {
  id: string;
  name: string;
  kind: 'oil' | 'gas' | 'rail';
  status: RouteStatus;
  path: Array<[number, number]> /* [lon, lat] waypoints */;
  capacity: number;
  transit: string[];
  revenue: number /* $ million per turn */;
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
