/** Printing for the CLI: findings to stderr, results to stdout, never a stack trace. */
import { type Finding, formatFindings } from '../scenario/findings.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

// A reader that stops early (`caspian play --trace | head`) closes the pipe: that is not an
// error of ours, so stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

export function printFindings(io: Io, findings: readonly Finding[]): void {
  for (const line of formatFindings(findings)) io.err(line);
}

export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (typeof cell === 'number' ? String(cell).padStart(widths[i] ?? 0) : String(cell).padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
