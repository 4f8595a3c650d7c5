/** Reading a replay or save file from text, with findings that name the file and path. */
import type { Finding } from '../scenario/findings.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import type { ReplayFile } from './replayFormat.ts';
import { checkReplayShape } from './replayShape.ts';

export type ReadReplay = { ok: true; replay: ReplayFile } | { ok: false; findings: Finding[] };

export function readReplay(text: string, file: string): ReadReplay {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  const check = checkReplayShape(parsed.value);
  if (check.ok) return { ok: true, replay: check.replay };
  const finding: Finding = { severity: 'error', file, path: check.path, message: check.reason };
  const line = parsed.lines.get(check.path);
  if (line !== undefined) finding.line = line;
  return { ok: false, findings: [finding] };
}
