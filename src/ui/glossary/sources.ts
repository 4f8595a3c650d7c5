/**
 * The five source documents by what they are (title, author or publisher, year), so a
 * citation reads as something a student can look up rather than a file name. From
 * ../shared/sources/README.md.
 */
import type { SourceDoc } from '../../core/index.ts';
import type { Source } from '../../scenario/types.ts';

export const SOURCE_TITLES: Record<SourceDoc, string> = {
  '000_e8ef7e9fb16e62fa.txt': '“Azerbaijan–Russia Relations: Is the Foreign Policy Strategy of Azerbaijan Changing?”, journal article, c. 2010',
  '001_d280760346cc79d6.txt': '“Azerbaijan – Russia Relations”, GlobalSecurity.org reference page',
  '002_ce203c2e77db5ddd.txt': 'Policy memo on Azerbaijan’s foreign policy after the August 2008 war, c. 2010',
  '003_2dd91a19950f4940.txt': '“Azerbaijan – Foreign Relations”, GlobalSecurity.org reference page, 2018',
  '004_74badb081486c147.txt': 'Abstract of a study of Azerbaijan–Russia relations after 1991',
};

/** "“Azerbaijan – Russia Relations”, GlobalSecurity.org reference page — Qabala radar". */
export function cite(source: Source): string {
  return `${SOURCE_TITLES[source.doc as SourceDoc] ?? source.doc} — ${source.section}`;
}
