/**
 * The yardstick for `npm run bench:browser`: the smallest Phaser page, built by the same
 * Vite as the game. Phaser as its package ships it (`import Phaser from 'phaser'`), the
 * canvas renderer, a scene that draws one shape, and a performance mark at its first
 * frame. The game's size and time to its first playable turn are measured against it.
 */
import Phaser from 'phaser';

class First extends Phaser.Scene {
  create(): void {
    this.add.graphics().fillStyle(0xe69f00, 1).fillRect(40, 40, 200, 120);
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
