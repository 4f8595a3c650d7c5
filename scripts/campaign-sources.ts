/** What the campaign is made of, read from disk: shared by the build script and its test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCampaign, type CampaignPart } from '../src/scenario/campaign.ts';

export const CAMPAIGN_FILE = 'scenarios/campaign-1991-2012.json';
const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

export function campaignFromDisk(): Record<string, unknown> {
  const bridge = read('scenarios/campaign/bridge-2004-2008.json');
  const parts: CampaignPart[] = [
    { data: read('scenarios/independence-1991.json'), era: { from: '1991-10', to: '1994-09' }, tag: '1991' },
    // The 1994 chapter's powers and trends run until the war in Georgia; its menu of
    // actions (contracts, early-oil routes, Chechen fighters) gives way to the bridge's in 2004.
    { data: read('scenarios/balanced-1994.json'), era: { from: '1994-10', to: '2008-06' }, actionEra: { from: '1994-10', to: '2003-12' }, tag: '1994' },
    { data: bridge, era: bridge.era as { from: string; to: string }, tag: '2004' },
    { data: read('scenarios/after-georgia-2008.json'), era: { from: '2008-07' }, tag: '2008' },
  ];
  return buildCampaign(
    {
      id: 'campaign-1991-2012',
      title: 'The Whole Arc',
      period: '1991–2012',
      summary:
        'From the first months of independence to Russia leaving the Gabala radar: twenty-one years of pressure from Moscow, Ankara, Tehran and the West, one game. The chapters’ events in order, and the years between.',
      briefing:
        'Late 1991. Azerbaijan is independent, with Russian troops on its soil, a war with Armenia and most of its trade running north. Ahead lie a coup, an embargo, the Contract of the Century, Putin and Medvedev, a war in Georgia and Turkey’s flirtation with Armenia. Governments will change; the test does not: keep every power invested in Azerbaijan’s independence and none in command of it, until 2012.',
      start: '1991-10',
      end: '2012-12',
      // Russia runs the Soviet-built Qabala radar through all these years (001).
      standingFlags: { 'gabala-russian': true },
    },
    parts,
  );
}
