/**
 * Files in and out of the browser: a download, a file picker and a drop zone. A few lines
 * of DOM each, so no library: the browser's own <a download>, <input type=file> and drag
 * events do all of it. Nothing is uploaded anywhere.
 */
import { clip } from '../../scenario/findings.ts';
import { decodeUtf8, firstInvalidUtf8 } from '../../scenario/utf8.ts';

/** Offers text as a file download. */
export function download(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Files bigger than this are not save files: refuse them before reading. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadFile = { ok: true; name: string; text: string } | { ok: false; name: string; message: string };

/** Reads a chosen or dropped file's bytes and decodes them strictly (decodeFile). */
export async function readFile(file: File): Promise<ReadFile> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, name: file.name, message: `the file is ${(file.size / 1048576).toFixed(1)} MB; a save is a few KB` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, name: file.name, message: 'the browser could not read the file' };
  }
  return decodeFile(bytes, file.name);
}

/**
 * A file's bytes as text, refusing bytes that are not UTF-8 (issue 11.7): `File.text()`
 * would turn them into U+FFFD without a word, and the file would then fail later with a
 * vaguer reason (or, in a text the checksum does not cover, change meaning). The message
 * says where the first bad byte is.
 */
export function decodeFile(bytes: Uint8Array, name: string): ReadFile {
  const decoded = decodeUtf8(bytes, name);
  if (decoded.ok) return { ok: true, name, text: decoded.text };
  const at = decoded.findings[0];
  const byte = (bytes[firstInvalidUtf8(bytes)] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const where = at?.line === undefined ? '' : ` at line ${at.line}, column ${at.column ?? 1}${at.path ? ` (in ${clip(at.path, 80)})` : ''}`;
  return { ok: false, name, message: `the file is not valid UTF-8: byte 0x${byte}${where} is not text; the file is damaged, or was not written by the game` };
}

/** A hidden file input; `open()` shows the picker and resolves with the chosen files. */
export function filePicker(testid: string, multiple: boolean, onFiles: (files: File[]) => void): { input: HTMLInputElement; open: () => void } {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.multiple = multiple;
  input.className = 'sr-only';
  input.dataset.testid = testid;
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) onFiles(files);
  });
  return { input, open: () => input.click() };
}

/** Makes an element accept dropped files; `dragging` marks it while a file is over it. */
export function dropZone(node: HTMLElement, onFiles: (files: File[]) => void): void {
  let depth = 0;
  node.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    depth++;
    node.classList.add('dragging');
  });
  node.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  node.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) node.classList.remove('dragging');
  });
  node.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    node.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
}
