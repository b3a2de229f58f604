/**
 * A folder the user picked (`<input webkitdirectory>`) or dropped, as PackageEntries: paths
 * relative to the folder's parent (so the folder's own name wraps the package, as in a zip) and
 * files read only when the importer asks for them.
 */
import type { PackageEntry } from '../../core/problem/packageImport';

function entryOf(path: string, file: File): PackageEntry {
  return { path, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

export function pickedFolderEntries(files: FileList | File[]): PackageEntry[] {
  return [...files].map((file) => entryOf(file.webkitRelativePath || file.name, file));
}

/** A dropped folder, walked through the File and Directory Entries API. */
export async function droppedFolderEntries(root: FileSystemDirectoryEntry): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string): Promise<void> => {
    const reader = dir.createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) return;
      for (const child of batch) {
        const path = `${prefix}${child.name}`;
        if (child.isDirectory) await walk(child as FileSystemDirectoryEntry, `${path}/`);
        else
          entries.push(entryOf(path, await new Promise<File>((resolve, reject) => (child as FileSystemFileEntry).file(resolve, reject))));
      }
    }
  };
  await walk(root, `${root.name}/`);
  return entries;
}
