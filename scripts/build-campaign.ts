/**
 * `npm run campaign`: writes scenarios/campaign-1991-2012.json from the three chapters and
 * the 2004–08 bridge (see src/scenario/campaign.ts), then validates it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_FILE, campaignFromDisk } from './campaign-sources.ts';
import { formatFinding } from '../src/scenario/findings.ts';
import { loadScenarioText } from '../src/scenario/load.ts';

const text = `${JSON.stringify(campaignFromDisk(), null, 2)}\n`;
const result = loadScenarioText(text, CAMPAIGN_FILE);
for (const f of result.findings) process.stderr.write(`${formatFinding(f)}\n`);
if (!result.scenario) process.exit(1);
writeFileSync(join(import.meta.dirname, '..', CAMPAIGN_FILE), text);
process.stderr.write(
  `wrote ${CAMPAIGN_FILE}: ${result.scenario.events.length} events, ${result.scenario.actions.length} actions, ${result.scenario.calendar.turns} turns\n`,
);
