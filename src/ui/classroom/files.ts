/**
 * Files in and out of the browser: a download, a file picker and a drop zone. A few lines
 * of DOM each, so no library: the browser's own <a download>, <input type=file> and drag
 * events do all of it. Nothing is uploaded anywhere.
 */

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

export async function readFile(file: File): Promise<ReadFile> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, name: file.name, message: `the file is ${(file.size / 1048576).toFixed(1)} MB; a save is a few KB` };
  try {
    return { ok: true, name: file.name, text: await file.text() };
  } catch {
    return { ok: false, name: file.name, message: 'the browser could not read the file' };
  }
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
