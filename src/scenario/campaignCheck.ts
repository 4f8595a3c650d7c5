/**
 * Build-time half of the campaign's sharing (Node only: it uses the zod schema). The
 * browser assembles the campaign from the chapter chunks, which hold the chapters as the
 * loader returns them (defaults filled in), and from the bridge fragment; so the bridge
 * ships with its defaults filled in too, by the same schema pieces, and the assembled
 * campaign must equal the checked scenarios/campaign-1991-2012.json to the last field.
 */
import { hashValue } from '../core/hash.ts';
import { assembleCampaign, CAMPAIGN_ID } from './campaignRecipe.ts';
import { PowerSchema, ScenarioSchema } from './schema.ts';

type Json = Record<string, unknown>;

const POWER_LISTS = ['influenceSources', 'concerns', 'responses'] as const;
const SCENARIO_LISTS = ['actions', 'events', 'trends', 'features'] as const;

/** The bridge fragment with each of its items parsed by the scenario schema's own pieces. */
export function normalizeBridge(raw: Json): Json {
  const out: Json = { ...raw };
  for (const key of SCENARIO_LISTS) if (raw[key] !== undefined) out[key] = ScenarioSchema.shape[key].parse(raw[key]);
  if (raw.powers !== undefined) {
    const powers: Json = {};
    for (const [id, def] of Object.entries(raw.powers as Record<string, Json>)) {
      const p: Json = {};
      for (const key of POWER_LISTS) if (def[key] !== undefined) p[key] = PowerSchema.shape[key].parse(def[key]);
      powers[id] = p;
    }
    out.powers = powers;
  }
  return out;
}

/**
 * Assembles the campaign from what the browser will receive and compares it with the
 * checked campaign: null when they are the same scenario, else what differs.
 */
export function checkAssembledCampaign(shipped: (id: string) => Json, checked: unknown): string | null {
  const built = assembleCampaign(shipped);
  if (hashValue(built) === hashValue(checked)) return null;
  const a = built as Json;
  const b = checked as Json;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => hashValue(a[k]) !== hashValue(b[k]));
  return `${CAMPAIGN_ID} assembled from the chapter chunks differs from the checked file in: ${keys.join(', ')}`;
}
