/** What the game screen asks of the classroom side (saving, results, replays): one object passed in by main. */
import type { Command } from '../../core/index.ts';
import type { JournalEntry, ReplayFile } from '../../persistence/replayFormat.ts';

export interface ClassroomHooks {
  /** Menu: save to a slot, the saves dialog, export the game to a file. */
  save(): void;
  load(): void;
  export(): void;
  /** The log, the journal and who is playing, for the debrief and the results files. */
  context(): { commands: readonly Command[]; journal: readonly JournalEntry[]; student: string; className: string };
  setStudent(name: string): void;
  currentSave(): ReplayFile | null;
  /** Watch the game in play turn by turn (absent where there is no replay viewer). */
  openReplay?: () => void;
}
