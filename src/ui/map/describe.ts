/**
 * What the tooltip says about whatever is under the pointer: in the panels' words (the
 * same relation word for the same number), with units on every number (the game counts
 * exports in units a quarter and money in $ million) and states by name.
 */
import type { GeoData } from './geoData.ts';
import { STATUS_LABEL, signed } from './palette.ts';
import type { MapPressure, MapViewModel, PowerId } from './types.ts';

export type Target = { kind: 'power'; id: PowerId } | { kind: 'route'; id: string } | { kind: 'feature'; id: string } | { kind: 'country'; id: string };

export interface TipText {
  title: string;
  lines: string[];
}

const KIND_NAME = { oil: 'Oil pipeline', gas: 'Gas pipeline', rail: 'Railway' } as const;

export const units = (n: number) => `${n.toLocaleString('en-US')} export unit${n === 1 ? '' : 's'}`;
const inForce = (p: MapPressure) => (p.quartersLeft <= 1 ? 'ends after this quarter' : `in force until ${p.until}`);

/** "Russia: Oil embargo (in force until Jan–Mar 1993)". */
export function pressureLine(vm: MapViewModel, p: MapPressure): string {
  const name = vm.powers.find((q) => q.id === p.power)?.name ?? p.power;
  return `${name}: ${p.label} (${inForce(p)})`;
}

function powerLines(vm: MapViewModel, id: PowerId): string[] | null {
  const p = vm.powers.find((q) => q.id === id);
  if (!p) return null;
  const lines = [`Relation: ${signed(p.relation)} (${p.word})`, `Influence: ${Math.round(p.influence)} / 100`];
  for (const x of vm.pressures) if (x.power === id) lines.push(`${x.kind === 'stick' ? 'Pressure' : 'Favour'}: ${x.label} (${inForce(x)})`);
  return lines;
}

export function describe(t: Target, vm: MapViewModel, geo: GeoData): TipText | null {
  switch (t.kind) {
    case 'power': {
      const lines = powerLines(vm, t.id);
      const p = vm.powers.find((q) => q.id === t.id);
      return p && lines ? { title: p.name, lines } : null;
    }
    case 'route': {
      const r = vm.routes.find((q) => q.id === t.id);
      if (!r) return null;
      const carries = r.kind !== 'rail';
      const lines = [
        `${KIND_NAME[r.kind]} · ${STATUS_LABEL[r.status]}`,
        `Transit: ${r.transit.length ? r.transit.join(', ') : 'none (Azerbaijani soil only)'}`,
      ];
      if (carries) {
        lines.push(`Capacity: ${units(r.capacity)} a quarter`);
        if (r.status === 'operating' || r.flow > 0) lines.push(`Carried last quarter: ${units(r.flow)}`);
        lines.push(`Revenue: $${r.revenue.toLocaleString('en-US')} million last quarter`);
      }
      for (const p of vm.pressures) if (p.routes.includes(r.id)) lines.push(pressureLine(vm, p));
      return { title: r.name, lines };
    }
    case 'feature': {
      const f = vm.features.find((q) => q.id === t.id);
      if (!f) return null;
      const lines = f.text ? [f.text] : [];
      if (!f.active) lines.push('Not in use now');
      for (const p of vm.pressures) if (p.features.includes(f.id)) lines.push(pressureLine(vm, p));
      return { title: f.name, lines };
    }
    case 'country': {
      if (t.id === 'karabakh') {
        return { title: 'Nagorno-Karabakh', lines: ['Former autonomous oblast of Azerbaijan, disputed', 'Outline approximate'] };
      }
      const c = geo.countries.find((q) => q.id === t.id);
      if (!c) return null;
      if (c.role === 'focus') {
        return {
          title: c.name,
          lines: [`Sovereignty: ${Math.round(vm.azerbaijan.sovereignty)} / 100`, `Stability: ${Math.round(vm.azerbaijan.stability)} / 100`],
        };
      }
      const p = vm.powers.find((q) => q.id === c.id);
      const lines = p ? powerLines(vm, p.id) : null;
      if (p && lines) return { title: p.name, lines };
      return { title: c.name, lines: [c.role === 'neighbor' ? 'Neighbour in the South Caucasus' : 'Neutral'] };
    }
  }
}
