/**
 * The glossary: the actors, organisations, agreements, routes and places a player meets,
 * each in plain words (our own) with the source it rests on. Only what the five sources
 * say; a term the sources do not explain is explained no further than they do.
 */
import type { Source } from '../../scenario/types.ts';

export type TermKind = 'game' | 'person' | 'organisation' | 'agreement' | 'route' | 'place' | 'idea';

/** Headings of the glossary's sections, in the order shown. */
export const KIND_TITLES: Record<TermKind, string> = {
  game: 'Words of the game',
  idea: 'Ideas',
  person: 'People',
  organisation: 'Organisations and companies',
  agreement: 'Agreements and treaties',
  route: 'Pipelines and routes',
  place: 'Places',
};

export interface Term {
  id: string;
  term: string;
  /** Other spellings and names found in the game's texts; linked like the term itself. */
  aliases: string[];
  /** Linked where it appears in the game's texts (the words of the game are too common: they are reached from the help and the panels instead). */
  link?: false;
  kind: TermKind;
  text: string;
  sources: Source[];
}

const S000 = '000_e8ef7e9fb16e62fa.txt';
const S001 = '001_d280760346cc79d6.txt';
const S002 = '002_ce203c2e77db5ddd.txt';
const S003 = '003_2dd91a19950f4940.txt';
const S004 = '004_74badb081486c147.txt';
const src = (doc: string, section: string): Source => ({ doc, section }) as Source;
const INDEPENDENCE = 'Azerbaijan - Russia Relations Following Independence';
const HEYDAR = 'Azerbaijan - Russia Relations during the Presidency of Heydar Aliyev';

export const TERMS: Term[] = [
  {
    id: 'sovereignty',
    term: 'Sovereignty',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'A meter (0–100): how freely Azerbaijan sets its own course. It falls when one power gains too much influence over the country; at zero Azerbaijan has become a client state and the game is lost. Keeping and increasing independence and sovereignty is the goal the sources give Baku’s foreign policy.',
    sources: [src(S003, 'Ilham Aliyev inherited from his father a clever, realistic foreign policy')],
  },
  {
    id: 'stability',
    term: 'Stability',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'A meter (0–100): the government’s hold at home. Hardship, defeat at the front and looking like a foreign power’s client wear it down; if it collapses, the government falls — as Mutalibov’s and Elchibey’s did.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'economy',
    term: 'Economy',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'A meter (0–100): trade, jobs and budgets. Oil and gas exports lift it; embargoes and war drag it down. When Russia imposed a three-year embargo during its war in Chechnya (1994–96), 70 percent of Azerbaijan’s trade had been with Russia: a heavy blow.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'security',
    term: 'Security',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'A meter (0–100): military readiness and protection of the country and its pipelines. Arms purchases, training with partners and quiet borders raise it.',
    sources: [src(S002, 'Reports of an S-300 sale')],
  },
  {
    id: 'political-capital',
    term: 'Political capital',
    aliases: ['capital'],
    link: false,
    kind: 'game',
    text: 'The ◆ pips at the top: how many decisions the government can push through in a quarter. Each action costs some; they refill at the start of every turn.',
    sources: [],
  },
  {
    id: 'treasury',
    term: 'Treasury',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'The state’s money, in dollars. Energy exports fill it every quarter; some actions cost money as well as political capital.',
    sources: [],
  },
  {
    id: 'relation',
    term: 'Relation',
    aliases: ['hostile', 'cold', 'wary', 'friendly', 'close'],
    link: false,
    kind: 'game',
    text: 'How a power feels about Azerbaijan, from −100 to +100, also said in words: hostile (−50 or less), cold, wary (around zero), friendly, close (+50 or more). It moves with your decisions and with what the power wants and fears (its agenda).',
    sources: [],
  },
  {
    id: 'stance',
    term: 'Stance',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'How a power treats you now. It follows the relation a few quarters late, so the bill for a decision can arrive later: a warm stance brings gestures (investment, visits, arms), a hostile one brings pressure (embargoes, arms to Armenia, backing the opposition).',
    sources: [src(S000, INDEPENDENCE)],
  },
  {
    id: 'influence',
    term: 'Influence',
    aliases: [],
    link: false,
    kind: 'game',
    text: 'How dependent Azerbaijan is on a power (0–100): trade, memberships, bases and routes through its land all add to it. Influence concentrated in one power erodes sovereignty.',
    sources: [src(S004, 'Abstract')],
  },
  {
    id: 'balance',
    term: 'Balance',
    aliases: ['balance gauge'],
    link: false,
    kind: 'game',
    text: 'The gauge at the top: how evenly influence over Azerbaijan is spread among the four powers. High is even; low means one power dominates — the danger the sources see in the pro-Russian line of Mutalibov and the anti-Russian line of Elchibey.',
    sources: [src(S000, 'Conclusion')],
  },
  {
    id: 'psa',
    term: 'Production sharing agreement',
    aliases: ['production sharing agreement', 'production sharing contract', 'PSA'],
    kind: 'agreement',
    text: 'An oil contract in which foreign companies pay to develop a field and recover their costs and a share of the oil, while the state keeps ownership and the larger share. (The sources do not define it; this is the usual meaning.) Who gets shares is politics: the 1994 Contract of the Century gave Russia’s Lukoil ten percent, which gave Moscow a stake in Azerbaijan’s oil.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'cis',
    term: 'CIS',
    aliases: ['Commonwealth of Independent States'],
    kind: 'organisation',
    text: 'The Commonwealth of Independent States: the loose club of former Soviet republics that Russia led after 1991. Azerbaijan’s parliament first kept the country out; under Heydar Aliyev it approved membership on 20 September 1993, and Aliyev signed the agreements in Moscow four days later.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'csto',
    term: 'CSTO',
    aliases: ['Collective Security Treaty Organization', 'Collective Security Treaty'],
    kind: 'organisation',
    text: 'The Collective Security Treaty Organization: a military alliance of former Soviet states led by Moscow. Azerbaijan stayed in the CIS but kept out of the CSTO, turning down Russia’s offers of closer security ties.',
    sources: [
      src(S001, 'Since the mid-1990s Azerbaijan has pursued a delicate balancing act'),
      src(S003, 'Azerbaijan absented itself from the CSTO while participating in GUAM'),
    ],
  },
  {
    id: 'guam',
    term: 'GUAM',
    aliases: [],
    kind: 'organisation',
    text: 'A grouping of four former Soviet states — its letters stand for Georgia, Ukraine, Azerbaijan and Moldova — outside Russia’s alliances. Taking part in GUAM while staying out of the CSTO is one of the ways Baku shows it is not in Moscow’s camp.',
    sources: [
      src(S001, 'Azerbaijan absents itself from the CSTO while participating in GUAM'),
      src(S003, 'Azerbaijan absented itself from the CSTO while participating in GUAM'),
    ],
  },
  {
    id: 'minsk-group',
    term: 'Minsk Group',
    aliases: [],
    kind: 'organisation',
    text: 'The group of international mediators working on the Nagorno-Karabakh conflict; it proposed the “Basic Principles” for a settlement. Russia sits in it, but Baku does not see Russia as an honest broker there: it believes Moscow favours Armenia.',
    sources: [
      src(S001, 'Russia is not considered an honest broker in the Minsk Group process'),
      src(S003, 'Aliyev worked on the Minsk Group-proposed Basic Principles'),
    ],
  },
  {
    id: 'karabakh',
    term: 'Nagorno-Karabakh',
    aliases: ['Karabakh'],
    kind: 'place',
    text: 'The region at the heart of the war between Azerbaijan and Armenia in the early 1990s. Armenian forces, with Russian help according to Baku, took it and lands around it; the conflict then froze into a deadlock that Russia — Armenia’s ally and an arms seller to Baku — has an interest in keeping. In the game, the Karabakh meter is your position in this conflict.',
    sources: [src(S000, INDEPENDENCE), src(S004, 'Abstract (Russia’s interest in keeping the status quo frozen)')],
  },
  {
    id: 'khodzhaly',
    term: 'Khodzhaly',
    aliases: [],
    kind: 'place',
    text: 'A town in Karabakh where hundreds of civilians were killed in an attack in February 1992; Russian troops were said to have helped the Armenian forces. The outcry in Baku pushed the Russian force in Azerbaijan to start leaving.',
    sources: [src(S001, 'Second paragraph: Khodzhaly, February 1992')],
  },
  {
    id: 'nakhchivan',
    term: 'Nakhchivan',
    aliases: ['Nakhichevan'],
    kind: 'place',
    text: 'A part of Azerbaijan cut off from the rest of the country by southern Armenia, with a short border with Turkey. Treaties between Russia and Turkey say it cannot be handed away from Azerbaijan.',
    sources: [src(S003, 'Opening paragraph: Nakhichevan and its border with Turkey')],
  },
  {
    id: 'popular-front',
    term: 'Popular Front',
    aliases: ['Azerbaijan Popular Front'],
    kind: 'organisation',
    text: 'The nationalist movement that took power in 1992 under Ebulfez Elchibey, with an openly anti-Russian line that leaned on Turkey. Moscow’s pressure and a military rebellion ended its government in 1993.',
    sources: [src(S000, INDEPENDENCE)],
  },
  {
    id: 'mutalibov',
    term: 'Ayaz Mutalibov',
    aliases: ['Mutalibov'],
    kind: 'person',
    text: 'Azerbaijan’s leader at independence, who followed Moscow closely. The sources see his fall as the price of a clearly pro-Russian line.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'elchibey',
    term: 'Ebulfez Elchibey',
    aliases: ['Elchibey'],
    kind: 'person',
    text: 'Leader of the Popular Front and president in 1992–93. His anti-Russian course was answered with Russian support for Armenia and for a rebel colonel; the sources see his fall as the penalty for that imbalance.',
    sources: [src(S000, INDEPENDENCE), src(S000, HEYDAR)],
  },
  {
    id: 'heydar-aliyev',
    term: 'Heydar Aliyev',
    aliases: [],
    kind: 'person',
    text: 'Called to Baku in June 1993, then elected speaker and president. He softened the tone towards Moscow, joined the CIS, and built the “balanced” foreign policy: energy deals with the West and Turkey while keeping Russia and Iran engaged.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'ilham-aliyev',
    term: 'Ilham Aliyev',
    aliases: [],
    kind: 'person',
    text: 'Heydar Aliyev’s son and successor from 2003, who kept his father’s balanced policy: closer ties with NATO and westward pipelines, without provoking Moscow or Tehran.',
    sources: [src(S003, 'Ilham Aliyev inherited from his father a clever, realistic foreign policy'), src(S000, 'Change of Leadership')],
  },
  {
    id: 'balanced-policy',
    term: 'balanced foreign policy',
    aliases: ['balanced policy'],
    kind: 'idea',
    text: 'Baku’s way of staying independent between stronger powers: keep every power invested in Azerbaijan and none in command of it, using the contradictions between them. The sources contrast it with the one-sided lines of Mutalibov and Elchibey.',
    sources: [src(S000, 'Conclusion'), src(S002, 'Opening: a balanced foreign policy course and “silent diplomacy”')],
  },
  {
    id: 'contract-of-the-century',
    term: 'Contract of the Century',
    aliases: [],
    kind: 'agreement',
    text: 'The oil agreement signed in Baku on 20 September 1994 with Western companies to develop Azerbaijan’s offshore fields. The Russian company Lukoil was given a ten percent share, which gave Moscow a stake in the deal.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'lukoil',
    term: 'Lukoil',
    aliases: [],
    kind: 'organisation',
    text: 'A Russian oil company. Its ten percent share in the 1994 Contract of the Century brought Russian business into Azerbaijan’s oil.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 'socar',
    term: 'SOCAR',
    aliases: [],
    kind: 'organisation',
    text: 'Azerbaijan’s state oil company. It sells gas to Russia and Turkey and invests abroad, above all in Georgia, where Azerbaijani companies had put in about $3 billion by 2010.',
    sources: [src(S002, 'SOCAR and Gazprom; Azerbaijani investment in Georgia'), src(S003, 'SOCAR continued gas transit and supply talks with Turkey')],
  },
  {
    id: 'gazprom',
    term: 'Gazprom',
    aliases: [],
    kind: 'organisation',
    text: 'Russia’s state-led gas company. In 2009 SOCAR agreed to sell it gas from 2010 at $350 per thousand cubic metres — a deal that could take gas away from pipelines bypassing Russia such as Nabucco.',
    sources: [src(S002, 'SOCAR signs with Gazprom'), src(S001, 'A small but symbolically important agreement with Gazprom')],
  },
  {
    id: 'btc',
    term: 'BTC',
    aliases: ['Baku–Tbilisi–Ceyhan', 'Baku-Tbilisi-Ceyhan', 'Baku–Tbilisi–Ceyhan pipeline'],
    kind: 'route',
    text: 'The Baku–Tbilisi–Ceyhan oil pipeline, running from the Caspian through Georgia to Turkey’s coast without crossing Russia. Its opening deepened Azerbaijan’s partnership with Turkey; even in quarrels with Ankara, Baku did not think of cutting its flow.',
    sources: [src(S003, 'Caspian pipeline routes via Georgia and Turkey; the opening of Baku-Tbilisi-Ceyhan')],
  },
  {
    id: 'nabucco',
    term: 'Nabucco',
    aliases: [],
    kind: 'route',
    text: 'A planned gas pipeline to carry Caspian gas to Europe without crossing Russia. Baku’s support for it irritated Moscow; selling gas to Gazprom instead could starve it.',
    sources: [src(S001, 'Russia irritated by support for Nabucco and Odessa-Brody'), src(S002, 'SOCAR signs with Gazprom')],
  },
  {
    id: 'odessa-brody',
    term: 'Odessa–Brody',
    aliases: ['Odessa-Brody', 'Odessa–Brody–Plotsk–Gdansk'],
    kind: 'route',
    text: 'An oil pipeline project from Ukraine’s Black Sea coast towards Poland, meant to take Caspian oil to Europe around Russia. Azerbaijan’s support for it was one of Moscow’s complaints.',
    sources: [src(S001, 'Russia irritated by support for Nabucco and Odessa-Brody')],
  },
  {
    id: 'gabala',
    term: 'Gabala radar',
    aliases: ['Gabala', 'Qabala', 'Qabala radar', 'Gebele'],
    kind: 'place',
    text: 'A Soviet-built radar station in Azerbaijan that Russia rented to watch the Middle East and the Indian Ocean. Its status was settled in an agreement of January 2002; Baku even offered it as a way to ease the missile-defence dispute between Washington and Moscow. Russia gave it up in December 2012.',
    sources: [src(S000, HEYDAR), src(S001, 'The Qabala radar station')],
  },
  {
    id: 'gyumri',
    term: 'Gyumri base',
    aliases: ['Gyumri'],
    kind: 'place',
    text: 'A Russian military base in Armenia. Its lease was extended in 2010 on terms that, in Baku’s reading, commit Russian troops to Armenia’s defence — a worry for Azerbaijan, which nonetheless answered calmly.',
    sources: [src(S002, 'Azerbaijani-Russian Relations and the Gyumri Military Base')],
  },
  {
    id: 'moscow-declaration',
    term: 'Moscow Declaration',
    aliases: [],
    kind: 'agreement',
    text: 'A declaration signed on 2 November 2008 by Azerbaijan, Armenia and Russia against using military force to settle the Karabakh conflict — signed as Baku showed its displeasure with Turkey’s opening to Armenia.',
    sources: [src(S000, 'Change of Leadership')],
  },
  {
    id: 'protocols',
    term: 'Turkish–Armenian protocols',
    aliases: ['Turkish-Armenian protocols', 'protocols'],
    kind: 'agreement',
    text: 'Agreements signed in October 2009 to set up diplomatic relations between Turkey and Armenia and open their border, without waiting for a Karabakh settlement. Baku saw them as a betrayal by its closest ally and pushed back, among other ways through its gas deals.',
    sources: [src(S002, 'Turkish-Armenian Rapprochement and Azerbaijan')],
  },
  {
    id: 'hasavyurt',
    term: 'Hasavyurt Treaty',
    aliases: ['Hasavyurt', 'Khasavyurt'],
    kind: 'agreement',
    text: 'The 1996 agreement that ended the first war in Chechnya. It eased the “Chechnya question” between Baku and Moscow, who had accused Azerbaijan of helping the rebels.',
    sources: [src(S000, HEYDAR)],
  },
  {
    id: 's-300',
    term: 'S-300',
    aliases: [],
    kind: 'idea',
    text: 'A Russian air-defence system. Reports in 2010 that Russia would sell it to Azerbaijan — denied by Russia’s arms exporter — would have signalled Moscow’s courting of Baku, and warned Iran, whose jets had crossed into Azerbaijani airspace.',
    sources: [src(S002, 'Reports of an S-300 sale'), src(S000, 'Footnotes on the S-300 reports')],
  },
  {
    id: 'caspian-seabed',
    term: 'Caspian seabed',
    aliases: ['Caspian delimitation'],
    kind: 'agreement',
    text: 'Who may drill where under the Caspian Sea. Despite their quarrels, Baku and Moscow reached a deal on exploiting the seabed — an example of the pragmatic side of their relations.',
    sources: [src(S004, 'Abstract')],
  },
  {
    id: 'nato',
    term: 'NATO',
    aliases: [],
    kind: 'organisation',
    text: 'The Western military alliance. Azerbaijan works with NATO and, in private, welcomes closer ties, but in public says it is content with the present level of cooperation and does not seek membership — so as not to provoke Russia.',
    sources: [src(S001, 'Since the mid-1990s Azerbaijan has pursued a delicate balancing act'), src(S003, 'Ilham Aliyev encourages involvement with NATO')],
  },
];

export const termById = (id: string) => TERMS.find((t) => t.id === id);
