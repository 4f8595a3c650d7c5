/**
 * The drawing surface the map's vector code draws on. Phaser's Graphics
 * satisfies it (used for hover highlights and pulses), and CanvasPen
 * implements it on a Canvas 2D context (used to bake overlays and the legend
 * into textures, so a frame costs a few textured quads instead of
 * re-tessellating hundreds of paths).
 */

export interface Pen {
  fillStyle(color: number, alpha?: number): unknown;
  lineStyle(lineWidth: number, color: number, alpha?: number): unknown;
  beginPath(): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  closePath(): unknown;
  fillPath(): unknown;
  strokePath(): unknown;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, anticlockwise?: boolean): unknown;
  fillCircle(x: number, y: number, radius: number): unknown;
  strokeCircle(x: number, y: number, radius: number): unknown;
  fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): unknown;
  lineBetween(x1: number, y1: number, x2: number, y2: number): unknown;
  fillRect(x: number, y: number, width: number, height: number): unknown;
  strokeRect(x: number, y: number, width: number, height: number): unknown;
}

/**
 * The map's labels are placed by their measured widths, so the map is set in Arial, which
 * Windows and macOS ship and Linux maps to the metrically identical Liberation Sans: the same
 * label widths, hence the same placement, on every system. Putting it first also spares the
 * browser a synchronous lookup for each family it does not have (Segoe UI and Helvetica Neue
 * came first before: two failed lookups on every Linux load, 1-3 ms each).
 */
export const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/**
 * Every text on the map is set in one size per weight and slant, BASE px, and scaled to its
 * size by the canvas transform: each font the browser resolves costs a synchronous call to
 * the browser process for its rendering settings (1 ms on an idle machine, 3–5 ms while a
 * page loads), and the map's labels, badges and key came in ten sizes. Glyphs are still
 * rasterised at their size on screen.
 */
const BASE = 13;

/** The font the map sets for `st` (its size comes from the transform: see BASE). */
function baseFont(st: Pick<TextStyle, 'weight' | 'italic'>): string {
  return `${st.italic ? 'italic ' : ''}${st.weight ?? 'normal'} ${BASE}px ${FONT}`;
}

/**
 * The map's four fonts, each weight and slant at BASE px (Karabakh's name is bold and
 * italic). index.html's hidden line sets letters in the same four (base.css .font-warm .map),
 * so the browser has resolved them before the map's first paint, while the page waited for
 * its code: each font's first use costs a synchronous call to the browser's font service
 * (5-17 ms on a cold page, measured in headless Chromium). poster.e2e checks both lists.
 */
export const MAP_FONTS: readonly string[] = (['normal', 'bold'] as const).flatMap((weight) => [false, true].map((italic) => baseFont({ weight, italic })));

export interface TextStyle {
  size: number;
  weight?: 'normal' | 'bold';
  italic?: boolean;
  color: string;
  stroke?: string;
  strokeWidth?: number;
  /** Horizontal anchor: 0 left, 0.5 centre, 1 right. */
  ox?: number;
  /** Vertical anchor: 0 top, 0.5 middle, 1 bottom. */
  oy?: number;
  letterSpacing?: number;
  alpha?: number;
  lineHeight?: number;
}

export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

function css(color: number, alpha: number): string {
  return `rgba(${(color >> 16) & 255},${(color >> 8) & 255},${color & 255},${alpha})`;
}

type SpacingCtx = CanvasRenderingContext2D & { letterSpacing?: string };

/** Measured text widths by font and text: labels are measured again on every repaint. */
const WIDTHS = new Map<string, number>();

export class CanvasPen implements Pen {
  readonly ctx: CanvasRenderingContext2D;

  constructor(ctx: CanvasRenderingContext2D) {
    this.ctx = ctx;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
  }

  fillStyle(color: number, alpha = 1): this {
    this.ctx.fillStyle = css(color, alpha);
    return this;
  }

  lineStyle(lineWidth: number, color: number, alpha = 1): this {
    this.ctx.lineWidth = lineWidth;
    this.ctx.strokeStyle = css(color, alpha);
    return this;
  }

  beginPath(): this {
    this.ctx.beginPath();
    return this;
  }

  moveTo(x: number, y: number): this {
    this.ctx.moveTo(x, y);
    return this;
  }

  lineTo(x: number, y: number): this {
    this.ctx.lineTo(x, y);
    return this;
  }

  closePath(): this {
    this.ctx.closePath();
    return this;
  }

  fillPath(): this {
    this.ctx.fill();
    return this;
  }

  strokePath(): this {
    this.ctx.stroke();
    return this;
  }

  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, anticlockwise = false): this {
    this.ctx.arc(x, y, radius, startAngle, endAngle, anticlockwise);
    return this;
  }

  fillCircle(x: number, y: number, radius: number): this {
    this.ctx.beginPath();
    this.ctx.arc(x, y, radius, 0, Math.PI * 2);
    this.ctx.fill();
    return this;
  }

  strokeCircle(x: number, y: number, radius: number): this {
    this.ctx.beginPath();
    this.ctx.arc(x, y, radius, 0, Math.PI * 2);
    this.ctx.stroke();
    return this;
  }

  fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): this {
    const c = this.ctx;
    c.beginPath();
    c.moveTo(x0, y0);
    c.lineTo(x1, y1);
    c.lineTo(x2, y2);
    c.closePath();
    c.fill();
    return this;
  }

  lineBetween(x1: number, y1: number, x2: number, y2: number): this {
    const c = this.ctx;
    c.beginPath();
    c.moveTo(x1, y1);
    c.lineTo(x2, y2);
    c.stroke();
    return this;
  }

  fillRect(x: number, y: number, width: number, height: number): this {
    this.ctx.fillRect(x, y, width, height);
    return this;
  }

  strokeRect(x: number, y: number, width: number, height: number): this {
    this.ctx.strokeRect(x, y, width, height);
    return this;
  }

  roundedRect(x: number, y: number, w: number, h: number, r: number): this {
    const c = this.ctx;
    c.beginPath();
    c.moveTo(x + r, y);
    c.arcTo(x + w, y, x + w, y + h, r);
    c.arcTo(x + w, y + h, x, y + h, r);
    c.arcTo(x, y + h, x, y, r);
    c.arcTo(x, y, x + w, y, r);
    c.closePath();
    return this;
  }

  private font = '';

  private setFont(st: TextStyle): string {
    const k = st.size / BASE;
    const spacing = (st.letterSpacing ?? 0) / k;
    const font = `${baseFont(st)}|${spacing}`;
    // Setting a font makes the browser parse it and match it to the installed fonts:
    // only when it changes.
    if (font !== this.font) {
      const c = this.ctx as SpacingCtx;
      c.font = font.slice(0, font.lastIndexOf('|'));
      // Spacing in the font's own units, scaled with the glyphs.
      if ('letterSpacing' in c) c.letterSpacing = `${spacing}px`;
      this.font = font;
    }
    return font;
  }

  /** Size of a (possibly multi-line) text in this style. */
  measure(s: string, st: TextStyle): { w: number; h: number } {
    const font = this.setFont(st);
    const k = st.size / BASE;
    const lines = s.split('\n');
    const lh = st.lineHeight ?? st.size * 1.2;
    let w = 0;
    for (const l of lines) {
      const key = `${font}|${l}`;
      let lw = WIDTHS.get(key);
      if (lw === undefined) {
        lw = this.ctx.measureText(l).width;
        if (WIDTHS.size > 4000) WIDTHS.clear();
        WIDTHS.set(key, lw);
      }
      w = Math.max(w, lw * k);
    }
    return { w, h: lines.length * lh };
  }

  /** Draw text (stroke under fill); returns its box. Text is drawn, never parsed. */
  text(s: string, x: number, y: number, st: TextStyle): TextBox {
    const c = this.ctx;
    const { w, h } = this.measure(s, st);
    const ox = st.ox ?? 0;
    const oy = st.oy ?? 0;
    const lh = st.lineHeight ?? st.size * 1.2;
    const left = x - w * ox;
    const top = y - h * oy;
    c.save();
    c.globalAlpha = st.alpha ?? 1;
    c.textBaseline = 'middle';
    c.textAlign = ox === 0.5 ? 'center' : ox === 1 ? 'right' : 'left';
    const ax = ox === 0.5 ? left + w / 2 : ox === 1 ? left + w : left;
    const lines = s.split('\n');
    const k = st.size / BASE;
    lines.forEach((line, i) => {
      const ly = top + lh * (i + 0.5);
      // Scaled about the line's anchor, which stays where it is.
      c.save();
      c.translate(ax, ly);
      c.scale(k, k);
      c.translate(-ax, -ly);
      if (st.stroke && st.strokeWidth) {
        c.strokeStyle = st.stroke;
        c.lineWidth = st.strokeWidth / k;
        c.lineJoin = 'round';
        c.strokeText(line, ax, ly);
      }
      c.fillStyle = st.color;
      c.fillText(line, ax, ly);
      c.restore();
    });
    c.restore();
    return { x: left, y: top, w, h };
  }
}
