/**
 * The save and replay format: which scenario (id and content fingerprint), the seed,
 * the difficulty, and the log of commands, with the state hash they lead to. Replay is
 * a fold of the commands over a new game; the hash proves the result. The format is
 * the same for a browser save, a CLI replay and a classroom submission.
 */
import { z } from 'zod';
import { type Command, DIFFICULTIES, type Difficulty, type GameState, stateHash } from '../core/index.ts';
import { type Finding, formatPath } from '../scenario/findings.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import { issuesToFindings } from '../scenario/zodIssues.ts';

export const REPLAY_FORMAT = 'caspian-balance/replay';
export const REPLAY_VERSION = 1;

const slugText = z.string().min(1).max(64);

export const CommandSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('act'), action: slugText }),
    z.strictObject({ type: z.literal('choose'), event: slugText, choice: slugText }),
    z.strictObject({ type: z.literal('endTurn') }),
  ],
  { error: 'a command is {"type":"act","action":…}, {"type":"choose","event":…,"choice":…} or {"type":"endTurn"}' },
);

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT, { error: `format must be "${REPLAY_FORMAT}"` }),
  version: z.literal(REPLAY_VERSION, { error: `version must be ${REPLAY_VERSION}` }),
  scenario: slugText,
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/, 'scenarioHash is 16 hexadecimal digits'),
  seed: z.string().max(100),
  difficulty: z.enum(DIFFICULTIES),
  commands: z.array(CommandSchema).max(100_000),
  stateHash: z.string().regex(/^[0-9a-f]{16}$/, 'stateHash is 16 hexadecimal digits'),
  /** Free-form labels a classroom may add (student name, class); never executed or rendered as HTML. */
  meta: z.record(z.string().max(40), z.string().max(200)).optional(),
});

export type ReplayFile = z.infer<typeof ReplaySchema>;

export function makeReplay(state: GameState, commands: readonly Command[], meta?: Record<string, string>): ReplayFile {
  const file: ReplayFile = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: state.scenarioId,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    difficulty: state.difficulty as Difficulty,
    commands: [...commands],
    stateHash: stateHash(state),
  };
  if (meta) file.meta = meta;
  return file;
}

export type ReadReplay = { ok: true; replay: ReplayFile } | { ok: false; findings: Finding[] };

export function readReplay(text: string, file: string): ReadReplay {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  const result = ReplaySchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) return { ok: false, findings: issuesToFindings(result.error.issues, parsed.value, file, parsed.lines) };
  return { ok: true, replay: result.data as ReplayFile };
}

export function replayCommands(r: ReplayFile): Command[] {
  return r.commands as Command[];
}

export { formatPath };
