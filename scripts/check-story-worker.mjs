// Worker threads do not inherit tsx's loader; this plain-JS entry registers it and then
// runs the TypeScript worker of `npm run check:story`.
import { tsImport } from 'tsx/esm/api';

await tsImport('./check-story-worker.ts', import.meta.url);
