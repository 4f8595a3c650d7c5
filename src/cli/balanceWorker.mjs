// Worker threads do not inherit tsx's loader; this plain-JS entry registers it and then
// runs the TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./balanceWorker.ts', import.meta.url);
