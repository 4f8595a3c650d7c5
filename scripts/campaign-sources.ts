/** What the campaign is made of, read from disk: shared by the build script and its test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleCampaign, BRIDGE_ID } from '../src/scenario/campaignRecipe.ts';

export const CAMPAIGN_FILE = 'scenarios/campaign-1991-2012.json';
const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

export function campaignFromDisk(): Record<string, unknown> {
  return assembleCampaign((id) => read(id === BRIDGE_ID ? `scenarios/campaign/${id}.json` : `scenarios/${id}.json`));
}
