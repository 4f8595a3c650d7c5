/**
 * Map text in Node: a 2D context that measures text at about the game font's proportions
 * (there is no canvas in Node), and the map's sizes in the game screen.
 */

/** A 2D context that draws nothing: it measures text from its font and records what is written. */
export function recordingContext(written: string[], at: { text: string; x: number; y: number }[] = []): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif', letterSpacing: '0px' };
  return new Proxy(state, {
    get(target, key) {
      if (key === 'measureText')
        return (text: string) => {
          const font = String(target.font);
          const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 10);
          const spacing = Number.parseFloat(String(target.letterSpacing)) || 0;
          // About DejaVu Sans's advance, the font the game's map falls back to here.
          const em = font.includes('bold') ? (text === text.toUpperCase() ? 0.76 : 0.66) : 0.58;
          return { width: text.length * (size * em + spacing) };
        };
      if (key === 'fillText')
        return (text: string, x: number, y: number) => {
          written.push(text);
          at.push({ text, x, y });
        };
      if (key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
    has: (target, key) => key in target,
  }) as unknown as CanvasRenderingContext2D;
}

/** The map's box in the game screen at 1366×768, 1920×1080 and 1024×640 (between the side columns). */
export const MAP_SIZES = [
  [815, 722],
  [1171, 1039],
  [531, 599],
] as const;
