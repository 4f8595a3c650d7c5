/**
 * The parts of Phaser 4 the map uses, taken from Phaser's own sources (CommonJS, in
 * node_modules/phaser/src) instead of its prebuilt bundle, which ships every feature
 * (WebGL, physics, tilemaps, loaders, sound…) whatever the game imports: 345 KB gzipped
 * against about 120 KB for this set. vite.config.ts (`phaserLean`) resolves
 * `phaser/src/…`, turns the WebGL and sound branches off at build time, and swaps in a
 * CSP-safe canvas feature test (canvasFeatures.cjs).
 *
 * What the map uses, and nothing else: the game loop, the canvas renderer, the scale
 * manager, a scene and its camera, images of canvases (the map paints with Canvas 2D
 * itself), pointer input and tweens. Scene plugins that are not imported here (loader, clock, data, lights, the
 * keyboard) are simply not installed: Phaser skips what is not registered.
 *
 * Types come from Phaser's own declarations (`import type … from 'phaser'`), so a use
 * of anything not listed here is a type error, not a runtime surprise.
 */
import type PhaserTypes from 'phaser';
import CONST from 'phaser/src/const.js';
import GameImpl from 'phaser/src/core/Game.js';
import InputEventsImpl from 'phaser/src/input/events/index.js';
import ScaleEventsImpl from 'phaser/src/scale/events/index.js';
import ScaleModesImpl from 'phaser/src/scale/const/SCALE_MODE_CONST.js';
import SceneImpl from 'phaser/src/scene/Scene.js';
import SceneEventsImpl from 'phaser/src/scene/events/index.js';
// Scene plugins: each registers itself with Phaser's plugin cache when imported.
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/gameobjects/GameObjectFactory.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/input/InputPlugin.js';
import 'phaser/src/tweens/TweenManager.js';
// Game objects: each factory registers `this.add.<kind>`. No container: the map places
// its few images itself (view.ts, onScreen).
import 'phaser/src/gameobjects/image/ImageFactory.js';

export const Game = GameImpl as typeof PhaserTypes.Game;
export const Scene = SceneImpl as typeof PhaserTypes.Scene;
export const CANVAS = (CONST as typeof PhaserTypes).CANVAS;
export const WEBGL = (CONST as typeof PhaserTypes).WEBGL;
export const ScaleModes = ScaleModesImpl as typeof PhaserTypes.Scale.ScaleModes;
export const ScaleEvents = ScaleEventsImpl as typeof PhaserTypes.Scale.Events;
export const InputEvents = InputEventsImpl as typeof PhaserTypes.Input.Events;
export const SceneEvents = SceneEventsImpl as typeof PhaserTypes.Scenes.Events;
