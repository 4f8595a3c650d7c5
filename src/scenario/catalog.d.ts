declare module 'virtual:scenario-catalog' {
  import type { Scenario } from './types.ts';
  export interface CatalogEntry {
    id: string;
    title: string;
    period: string;
    summary: string;
    turns: number;
  }
  export const catalog: CatalogEntry[];
  /** Each shipped scenario's module: the checked scenario, and its scenarioHash as the build computed it. */
  export const loaders: Record<string, () => Promise<{ default: Scenario; fingerprint?: string }>>;
}
