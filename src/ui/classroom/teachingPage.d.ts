declare module 'virtual:teaching' {
  import type { DocNode } from './teachingTree.ts';
  /** docs/teaching.md as the teachers' page draws it (made at build time: vite.config.ts). */
  const tree: DocNode[];
  export default tree;
}
