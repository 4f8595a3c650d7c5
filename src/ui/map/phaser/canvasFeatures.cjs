/**
 * Stands in for Phaser's device/CanvasFeatures.js (vite.config.ts swaps it in). Phaser's
 * own version tests the canvas blend modes by loading two `data:` images, which a
 * Content-Security-Policy of `default-src 'self'` refuses (a console error on every load);
 * this one asks the 2D context directly. Same two answers, same shape.
 */
function test() {
  const out = { supportInverseAlpha: false, supportNewBlendModes: false };
  if (typeof document === 'undefined') return out;
  const canvas = document.createElement('canvas');
  canvas.width = 2;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return out;
  // A browser that knows 'multiply' keeps it; one that does not leaves 'source-over'.
  ctx.globalCompositeOperation = 'multiply';
  out.supportNewBlendModes = ctx.globalCompositeOperation === 'multiply';
  ctx.globalCompositeOperation = 'source-over';
  // Premultiplied alpha survives a getImageData/putImageData round trip unchanged?
  ctx.fillStyle = 'rgba(10, 20, 30, 0.5)';
  ctx.fillRect(0, 0, 1, 1);
  const s1 = ctx.getImageData(0, 0, 1, 1);
  ctx.putImageData(s1, 1, 0);
  const s2 = ctx.getImageData(1, 0, 1, 1);
  out.supportInverseAlpha = s1.data.every((v, i) => v === s2.data[i]);
  return out;
}

module.exports = test();
