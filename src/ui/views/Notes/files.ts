/**
 * Files leave the app as a download (a Blob URL and <a download>) or through the Web Share API
 * with a file where the browser can share one. Both work offline: nothing goes over the network.
 */
import type { ExportFile } from '../../../domain/export/file';

/** Saves a file through the browser's download (the Files app / Downloads on a phone). */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([file.text], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** True when the browser has a share sheet at all. */
export function canShareAnything(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}

/**
 * The file as the share sheet will take it: its own type first, then as plain text (browsers
 * share only some types: Chrome on Android refuses text/markdown but takes text/plain).
 */
export function shareableFile(file: ExportFile): File | undefined {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function')
    return undefined;
  if (typeof File === 'undefined') return undefined;
  const plain = file.fileName.replace(/\.[^.]+$/, '.txt');
  const candidates = [
    new File([file.text], file.fileName, { type: file.mimeType.split(';')[0] }),
    new File([file.text], file.fileName, { type: 'text/plain' }),
    new File([file.text], plain, { type: 'text/plain' }),
  ];
  return candidates.find((f) => {
    try {
      return navigator.canShare({ files: [f] });
    } catch {
      return false;
    }
  });
}

/** How a share ended. */
export type ShareOutcome = 'shared' | 'shared-text' | 'cancelled' | 'unsupported';

/**
 * Shares a file; where files cannot be shared, shares its text (good for Markdown). A user who
 * closes the share sheet gets 'cancelled'.
 */
export async function shareFile(file: ExportFile, title: string): Promise<ShareOutcome> {
  if (!canShareAnything()) return 'unsupported';
  const asFile = shareableFile(file);
  try {
    if (asFile) {
      await navigator.share({ files: [asFile], title });
      return 'shared';
    }
    await navigator.share({ title, text: file.text });
    return 'shared-text';
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') return 'cancelled';
    throw error;
  }
}

/** Reads a chosen file as text; resets the input so the same file can be chosen again. */
export async function readChosenFile(
  input: HTMLInputElement,
): Promise<{ name: string; text: string } | undefined> {
  const file = input.files?.[0];
  if (!file) return undefined;
  try {
    return { name: file.name, text: await file.text() };
  } finally {
    input.value = '';
  }
}

/**
 * Copies text to the clipboard; false when the browser refused (no permission, an insecure
 * origin): the older selection-and-copy way is tried before giving up.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
