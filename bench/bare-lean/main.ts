/**
 * The floor for `npm run bench:browser`: the same page as bench/bare, on the lean Phaser
 * the map uses (src/ui/map/phaser/lean.ts: the parts of Phaser the game needs, from
 * Phaser's own sources). No game can ship less Phaser than this and keep its map.
 */
import { CANVAS, Game, ScaleModes, Scene } from '../../src/ui/map/phaser/lean.ts';

class First extends Scene {
  create(): void {
    performance.mark('bare:create'); // Phaser has booted
    // One shape, drawn the way the game's map draws: Canvas 2D into an image texture.
    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 120;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#e69f00';
      ctx.fillRect(0, 0, 200, 120);
    }
    this.textures.addImage('shape', canvas as unknown as HTMLImageElement);
    this.add.image(40, 40, 'shape').setOrigin(0, 0);
    this.game.events.once('postrender', () => performance.mark('bare:first-frame'));
  }
}

new Game({
  type: CANVAS,
  parent: 'app',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: ScaleModes.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [First],
});
