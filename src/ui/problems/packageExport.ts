/** An imported problem back out as a Kattis package: a .zip of its files in a folder named by its id. */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ImportedProblemRecord } from '../data/importedProblems';

export function packageZip(record: ImportedProblemRecord): Uint8Array {
  const tree: Zippable = {};
  for (const [path, text] of Object.entries(record.files)) tree[`${record.id}/${path}`] = strToU8(text);
  for (const [path, bytes] of Object.entries(record.images ?? {})) tree[`${record.id}/${path}`] = bytes;
  return zipSync(tree, { level: 6 });
}

export function downloadPackage(record: ImportedProblemRecord): void {
  const url = URL.createObjectURL(new Blob([packageZip(record) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${record.id}.zip`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
