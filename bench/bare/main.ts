/**
 * The yardstick for `npm run bench:browser`: the smallest Phaser page, built by the same
 * Vite as the game. Phaser as its package ships it (`import Phaser from 'phaser'`), the
 * canvas renderer, a scene that shows one shape, and a performance mark at its first
 * frame. The game's size and time to its first playable turn are measured against it.
 */
import Phaser from 'phaser';

class First extends Phaser.Scene {
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

new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'app',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [First],
});
