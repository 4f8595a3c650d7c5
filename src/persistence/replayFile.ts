/** Reading a save, replay or result file from text, any format version, with findings that name the file and path. */
import type { Finding } from '../scenario/findings.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import { upgradeSave } from './migrate.ts';
import type { ReplayFile } from './replayFormat.ts';

export type ReadReplay = { ok: true; replay: ReplayFile } | { ok: false; findings: Finding[] };

export function readReplay(text: string, file: string): ReadReplay {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  const check = upgradeSave(parsed.value);
  if (check.ok) return { ok: true, replay: check.replay };
  const finding: Finding = { severity: 'error', file, path: check.path, message: check.reason };
  const line = parsed.lines.get(check.path);
  if (line !== undefined) finding.line = line;
  return { ok: false, findings: [finding] };
}
