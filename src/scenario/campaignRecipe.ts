/**
 * What the campaign 1991–2012 is made of: which chapters, in which eras, with which
 * header. `npm run campaign` writes scenarios/campaign-1991-2012.json from the files on
 * disk with it; the browser builds the same campaign from the chapter chunks it already
 * has (plus the small bridge chunk), so the campaign's data is never shipped twice. The
 * build checks both ways give the same scenario (vite.config.ts).
 */
import { buildCampaign, type CampaignPart } from './campaign.ts';

type Json = Record<string, unknown>;

export const CAMPAIGN_ID = 'campaign-1991-2012';
export const BRIDGE_ID = 'bridge-2004-2008';

type Era = CampaignPart['era'];

/** The parts the campaign is made of, in order, with the era each covers (the bridge names its own). */
export const CAMPAIGN_PARTS: { id: string; era?: Era; actionEra?: Era; tag: string }[] = [
  { id: 'independence-1991', era: { from: '1991-10', to: '1994-09' }, tag: '1991' },
  // The 1994 chapter's powers and trends run until the war in Georgia; its menu of
  // actions (contracts, early-oil routes, Chechen fighters) gives way to the bridge's in 2004.
  { id: 'balanced-1994', era: { from: '1994-10', to: '2008-06' }, actionEra: { from: '1994-10', to: '2003-12' }, tag: '1994' },
  { id: BRIDGE_ID, tag: '2004' },
  { id: 'after-georgia-2008', era: { from: '2008-07' }, tag: '2008' },
];

/** Builds the campaign from its parts' data (`data(id)` gives a chapter or the bridge). */
export function assembleCampaign(data: (id: string) => Json): Json {
  const parts: CampaignPart[] = CAMPAIGN_PARTS.map((c) => {
    const d = data(c.id);
    const part: CampaignPart = { data: d, era: c.era ?? (d.era as Era), tag: c.tag };
    if (c.actionEra) part.actionEra = c.actionEra;
    return part;
  });
  return buildCampaign(
    {
      id: CAMPAIGN_ID,
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
      // Independence and war; the balanced policy from the Contract of the Century and the
      // 1994 ceasefire; Ilham Aliyev's presidency from October 2003; after the war in
      // Georgia of August 2008 (000, 001).
      eras: [
        { from: '1991-10', title: 'Independence and war, 1991–94' },
        { from: '1994-10', title: 'The balanced policy, 1994–2003' },
        { from: '2003-10', title: 'A new president, 2003–08' },
        { from: '2008-07', title: 'After Georgia, 2008–12' },
      ],
      // The campaign's own ratings (model, issue 7 §7): its score is read in 2012 after
      // twenty-one years, lower than a chapter's (historical line ~43, balancer ~62 over 10 seeds).
      ratings: [
        {
          min: 60,
          label: 'Master of balance',
          text: 'Twenty-one years, four powers, and none of them ever owned Baku’s choices: each kept a stake in an independent Azerbaijan.',
        },
        { min: 50, label: 'Steady hand', text: 'Through war, coups, pipelines and a war next door, the country kept its own course and most of its options.' },
        { min: 38, label: 'Survivor', text: 'Azerbaijan reached 2012 independent, with less room to move than a steadier course would have left it.' },
        { min: 0, label: 'Precarious', text: 'The state lasted the twenty-one years, but others set much of its course.' },
      ],
    },
    parts,
  );
}
