/**
 * The five documents the game's history comes from, as a teacher would cite them: title,
 * kind and publisher, and date. The copies the game was written from name no authors,
 * so none are claimed here. Scenario citations name a document by its file name; this
 * turns that into something a student can look up.
 */
export interface SourceInfo {
  file: string;
  title: string;
  kind: string;
  date: string;
  covers: string;
}

export const SOURCES: readonly SourceInfo[] = [
  {
    file: '000_e8ef7e9fb16e62fa.txt',
    title: 'Azerbaijan–Russia Relations: Is the Foreign Policy Strategy of Azerbaijan Changing?',
    kind: 'Journal article, with footnotes',
    date: 'c. 2010',
    covers: '1991–2010',
  },
  {
    file: '001_d280760346cc79d6.txt',
    title: 'Azerbaijan – Russia Relations',
    kind: 'Reference page, GlobalSecurity.org',
    date: 'to 2012',
    covers: '1990–2012',
  },
  {
    file: '002_ce203c2e77db5ddd.txt',
    title: 'Azerbaijan’s foreign policy in the two years after the August 2008 war',
    kind: 'Policy memo',
    date: 'c. 2010',
    covers: '2008–2010',
  },
  {
    file: '003_2dd91a19950f4940.txt',
    title: 'Azerbaijan – Foreign Relations',
    kind: 'Reference page, GlobalSecurity.org',
    date: 'last modified 2018',
    covers: '1991–2012',
  },
  { file: '004_74badb081486c147.txt', title: 'Azerbaijan–Russia relations after 1991', kind: 'Abstract of a study', date: 'undated', covers: 'overview' },
];

/** "“Azerbaijan – Russia Relations”, Reference page, GlobalSecurity.org (to 2012)". */
export function citation(file: string): string {
  const s = SOURCES.find((x) => x.file === file);
  return s ? `“${s.title}”, ${s.kind} (${s.date})` : file;
}

/** A short number for the document, [1]…[5], as the Sources page lists them. */
export function sourceNumber(file: string): number {
  return SOURCES.findIndex((x) => x.file === file) + 1;
}
