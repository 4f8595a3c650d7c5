/**
 * What a built page ships, file by file, gzipped (level 9): the size row of
 * `npm run bench:browser`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Shipped {
  files: { file: string; raw: number; gzip: number }[];
  gzip: number;
}

/** Every file under `dir` (a build's output), raw and gzipped. */
export function sizes(dir: string): Shipped {
  const files: Shipped['files'] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const data = readFileSync(path);
        files.push({ file: path.slice(dir.length + 1), raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return { files, gzip: files.reduce((t, f) => t + f.gzip, 0) };
}
