// Phaser's CommonJS sources have no declarations of their own: src/ui/map/phaser/lean.ts
// gives each value its type from Phaser's published declarations.
declare module 'phaser/src/*' {
  const value: unknown;
  export default value;
}
