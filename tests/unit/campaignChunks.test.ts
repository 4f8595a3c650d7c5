/**
 * The browser assembles the campaign from the chapter chunks and the bridge chunk
 * (vite.config.ts); the build refuses to ship unless that gives the checked campaign.
 * The same check here, and proof that it notices a difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/core/index.ts';
import { checkAssembledCampaign, normalizeBridge } from '../../src/scenario/campaignCheck.ts';
import { assembleCampaign, BRIDGE_ID } from '../../src/scenario/campaignRecipe.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT, shippedScenario } from '../helpers.ts';

type Json = Record<string, unknown>;
const bridge = () => normalizeBridge(JSON.parse(readFileSync(join(ROOT, 'scenarios/campaign', `${BRIDGE_ID}.json`), 'utf8')) as Json);
/** What the chunks hold: each chapter as the loader returns it, through JSON. */
const shipped = (id: string): Json => (id === BRIDGE_ID ? bridge() : (JSON.parse(JSON.stringify(shippedScenario(id))) as Json));

describe('the campaign assembled from the chapter chunks', () => {
  it('is the checked campaign, with the same scenarioHash', () => {
    const campaign = shippedScenario('campaign-1991-2012');
    expect(checkAssembledCampaign(shipped, campaign)).toBeNull();
    expect(scenarioHash(assembleCampaign(shipped) as unknown as Scenario)).toBe(scenarioHash(campaign));
  }, 120_000); // it validates the four scenarios first: past 30 s on a loaded machine

  it('is refused when a part differs', () => {
    const campaign = shippedScenario('campaign-1991-2012');
    const changed = (id: string): Json => {
      const data = shipped(id);
      if (id === BRIDGE_ID) (data.events as Json[]).pop();
      return data;
    };
    expect(checkAssembledCampaign(changed, campaign)).toMatch(/differs from the checked file in: events/);
  });

  it('fills in the bridge’s defaults the way the loader does for a scenario', () => {
    const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios/campaign', `${BRIDGE_ID}.json`), 'utf8')) as Json;
    const events = raw.events as Json[];
    const index = events.findIndex((e) => !('effects' in e));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(events[index]).not.toHaveProperty('effects');
    // An event written without effects gets the schema's default, as in a loaded chapter.
    expect(((normalizeBridge(raw).events as Json[])[index] as Json).effects).toEqual([]);
  });
});
