/**
 * The floor for `npm run bench:browser`: the same page as bench/bare, on the lean Phaser
 * the map uses (src/ui/map/phaser/lean.ts: the parts of Phaser the game needs, from
 * Phaser's own sources). No game can ship less Phaser than this and keep its map.
 */
import { CANVAS, Game, ScaleModes, Scene } from '../../src/ui/map/phaser/lean.ts';

class First extends Scene {
  create(): void {
    this.add.graphics().fillStyle(0xe69f00, 1).fillRect(40, 40, 200, 120);
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
