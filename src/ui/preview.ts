/**
 * The numbers a decision would move, as small chips: "Russia +8", "Stability −6",
 * "Treasury −$80m", "Karabakh −4 (40%)". Actions and event choices use the same chips,
 * so every decision shows its price the same way.
 */
import type { PreviewItem } from '../core/index.ts';
import { el } from './dom.ts';
import { money, powerName, signed, varName } from './format.ts';
import type { PowerId } from '../core/index.ts';

export function previewLabel(p: PreviewItem): string {
  const dot = p.var.indexOf('.');
  let name: string;
  let amount = signed(p.delta);
  if (dot > 0) {
    const power = powerName(p.var.slice(0, dot) as PowerId);
    name = p.var.endsWith('.relation') ? power : `${power} influence`;
  } else if (p.var === 'treasury') {
    name = 'Treasury';
    amount = `${p.delta >= 0 ? '+' : '−'}${money(Math.abs(p.delta))}`;
  } else if (p.var === 'capital') {
    name = 'Capital';
  } else name = varName(p.var);
  return `${name} ${amount}${p.chance !== undefined ? ` (${p.chance}%)` : ''}`;
}

/** Sums sure changes to the same variable; chance items stay apart with their odds. */
export function mergePreview(items: readonly PreviewItem[]): PreviewItem[] {
  const out: PreviewItem[] = [];
  for (const p of items) {
    const same = out.find((x) => x.var === p.var && x.chance === p.chance);
    if (same) same.delta += p.delta;
    else out.push({ ...p });
  }
  return out.filter((p) => p.delta !== 0);
}

export function previewChips(items: readonly PreviewItem[], cls: string): HTMLElement {
  const merged = mergePreview(items);
  return el(
    'span',
    { class: cls },
    ...merged.map((p) => el('span', { class: `chip ${p.delta > 0 ? 'up' : 'down'}${p.chance !== undefined ? ' maybe' : ''}` }, previewLabel(p))),
  );
}
