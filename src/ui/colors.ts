/**
 * The four powers' colours: the one place they are defined, for the map (as numbers),
 * the panels, the title screen and the charts (as CSS custom properties --russia,
 * --turkey, --iran, --west, set on the document at start-up by applyPowerColors).
 *
 * Okabe–Ito (Okabe & Ito 2008, "Color Universal Design"), chosen to stay apart for the
 * common colour-vision deficiencies. A power's colour says which power, never whether it
 * is friend or foe: the map shows that by line style, arrowhead and a signed number with
 * its word, the panels by the number and its word.
 */
import type { PowerId } from '../core/index.ts';

export const POWER_COLORS: Record<PowerId, number> = {
  russia: 0xcc79a7, // reddish purple
  turkey: 0xe69f00, // orange
  iran: 0x009e73, // bluish green
  west: 0x0072b2, // blue
};

export const hexColor = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

/** Sets --russia, --turkey, --iran and --west on `root` (the document element by default). */
export function applyPowerColors(root: HTMLElement = document.documentElement): void {
  for (const [id, c] of Object.entries(POWER_COLORS)) root.style.setProperty(`--${id}`, hexColor(c));
}
