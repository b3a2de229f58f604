/**
 * A converted model on the visitor's disk or a USB stick, for classrooms with slow or no internet.
 * The picked folder is served to the ordinary plan → download path (modelPlan.ts,
 * modelDownloader.ts) as if it were a host: `folderFetch` answers requests for URLs under a
 * reserved origin from the picked files. So the copy into WebLLM's cache gets the download's
 * per-file progress, cancel and resume, its size checks and the config check, and WebLLM then
 * loads everything from its cache with no network at all.
 *
 * The origin is `.invalid` (RFC 6761): it can never resolve, so nothing meant for the folder can
 * reach a network, and WebLLM caches a library there (it skips the cache only for URLs containing
 * "localhost" or relative ones).
 */
import { CONFIG_FILE, LEGACY_MANIFEST_FILE, MANIFEST_FILE, type ModelFileKind, type TensorCacheManifest } from './modelFiles';
import { ModelLoadError } from './modelLoadError';

const FOLDER_ORIGIN = 'https://local-folder.critique-lab.invalid/';

/** A picked file and its path inside the picked folder ("OCR-2-7B-q4f32_1-MLC/params_shard_0.bin"). */
export interface PickedFile {
  path: string;
  file: File;
}

export interface ModelFolder {
  /** The picked folder's path to the model files, for messages ("USB/OCR-2-7B-q4f32_1-MLC"). */
  label: string;
  /** Files by name relative to the model folder (the one holding mlc-chat-config.json). */
  files: ReadonlyMap<string, File>;
  /** A model library (.wasm) found in the folder or beside it, if any. */
  library?: File;
}

/** Where WebLLM will find a folder-loaded model (before its `resolve/main/`). */
export function folderModelUrl(modelId: string): string {
  return `${FOLDER_ORIGIN}${encodeURIComponent(modelId)}/`;
}

/** Where WebLLM will find the library that came with a folder (`libraryName`: its file name). */
export function folderLibraryUrl(modelId: string, libraryName: string): string {
  return `${FOLDER_ORIGIN}${encodeURIComponent(modelId)}/lib/${encodeURIComponent(libraryName)}`;
}

function isFolderUrl(url: string): boolean {
  return url.startsWith(FOLDER_ORIGIN);
}

/** The picked files from `<input type=file webkitdirectory>` (each has webkitRelativePath). */
export function pickedFromInput(files: Iterable<File>): PickedFile[] {
  return [...files].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** Every file under a File System Access API directory handle, with paths like the input's. */
export async function pickedFromHandle(dir: FileSystemDirectoryHandle, prefix = `${dir.name}/`): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for await (const handle of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    if (handle.kind === 'file') out.push({ path: `${prefix}${handle.name}`, file: await (handle as FileSystemFileHandle).getFile() });
    else out.push(...(await pickedFromHandle(handle as FileSystemDirectoryHandle, `${prefix}${handle.name}/`)));
  }
  return out;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * Finds the model in a picked folder: the shallowest folder holding mlc-chat-config.json (a stick
 * may hold the model folder or its parent). A .wasm in that folder or its parent is the library.
 */
export function modelFolderFrom(picked: readonly PickedFile[]): ModelFolder {
  const configs = picked
    .filter((p) => p.path.split('/').pop() === CONFIG_FILE)
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const config = configs[0];
  const top = picked[0]?.path.split('/')[0] ?? 'the folder';
  if (!config) {
    throw new ModelLoadError({
      kind: 'folder-incomplete',
      file: CONFIG_FILE,
      fileKind: 'config',
      why:
        picked.length === 0
          ? 'The picked folder is empty'
          : `No ${CONFIG_FILE} in "${top}" or its subfolders: it does not hold an MLC-converted model`,
      todo: 'Pick the folder mlc_llm wrote (it holds mlc-chat-config.json, tensor-cache.json, tokenizer.json and params_shard_*.bin), or a folder containing it.',
    });
  }
  const base = dirOf(config.path);
  const files = new Map<string, File>();
  for (const p of picked) if (p.path.startsWith(base)) files.set(p.path.slice(base.length), p.file);
  const parent = dirOf(base.slice(0, -1));
  const wasm = picked.filter((p) => p.path.endsWith('.wasm') && (dirOf(p.path) === base || dirOf(p.path) === parent));
  return { label: base.slice(0, -1) || top, files, library: wasm[0]?.file };
}

function folderError(
  folder: ModelFolder,
  file: string,
  fileKind: ModelFileKind,
  why: string,
  todo: string,
  kind: 'folder-incomplete' | 'file-corrupt' = 'folder-incomplete',
): ModelLoadError {
  return new ModelLoadError({ kind, file, fileKind, why, todo: todo.replace('$FOLDER', folder.label) });
}

const RECOPY = 'Copy the whole mlc_llm output folder onto the stick again ("$FOLDER" is incomplete), then pick it again.';

/**
 * Checks a folder before anything is copied: the manifest is present (either name) and valid,
 * every shard it lists is present with the size it states, and the tokenizer is there. Content
 * hashes are checked during the copy (modelDownloader `verifyHashes`).
 */
export async function verifyModelFolder(folder: ModelFolder): Promise<TensorCacheManifest> {
  const manifestName = folder.files.has(MANIFEST_FILE)
    ? MANIFEST_FILE
    : folder.files.has(LEGACY_MANIFEST_FILE)
      ? LEGACY_MANIFEST_FILE
      : null;
  if (!manifestName)
    throw folderError(
      folder,
      MANIFEST_FILE,
      'manifest',
      `"${folder.label}" has neither ${MANIFEST_FILE} nor ${LEGACY_MANIFEST_FILE} (the weights manifest)`,
      RECOPY,
    );
  let manifest: TensorCacheManifest;
  try {
    manifest = JSON.parse(await folder.files.get(manifestName)!.text()) as TensorCacheManifest;
  } catch (error) {
    throw folderError(
      folder,
      manifestName,
      'manifest',
      `${manifestName} in "${folder.label}" is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      RECOPY,
      'file-corrupt',
    );
  }
  if (!Array.isArray(manifest?.records))
    throw folderError(folder, manifestName, 'manifest', `${manifestName} in "${folder.label}" has no records list`, RECOPY, 'file-corrupt');
  const missing = manifest.records.filter((r) => !folder.files.has(r.dataPath)).map((r) => r.dataPath);
  if (missing.length > 0) {
    const list = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
    throw folderError(
      folder,
      missing[0]!,
      'shard',
      `${missing.length} of ${manifest.records.length} shards listed in ${manifestName} are not in "${folder.label}": ${list}`,
      RECOPY,
    );
  }
  for (const r of manifest.records) {
    const size = folder.files.get(r.dataPath)!.size;
    if (size !== r.nbytes) {
      throw folderError(
        folder,
        r.dataPath,
        'shard',
        `${r.dataPath} has ${size.toLocaleString('en-US')} bytes but ${manifestName} says ${r.nbytes.toLocaleString('en-US')}`,
        'The copy is truncated or from another conversion: copy the file again from the same mlc_llm output folder, then pick the folder again.',
        'file-corrupt',
      );
    }
  }
  if (!folder.files.has('tokenizer.json') && !folder.files.has('tokenizer.model')) {
    throw folderError(folder, 'tokenizer.json', 'tokenizer', `"${folder.label}" has no tokenizer.json`, RECOPY);
  }
  return manifest;
}

/** A Response for one picked file, streamed from disk. */
function fileResponse(file: File, method: string): Response {
  return new Response(method === 'HEAD' ? null : file.stream(), {
    status: 200,
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'Content-Length': String(file.size) },
  });
}

/**
 * A fetch that serves `folderModelUrl(id)resolve/main/<name>` and the folder's library from the
 * picked files (ndarray-cache.json also under tensor-cache.json's name is left to the planner),
 * and passes any other URL (a default library on the internet) to `fallback`.
 */
export function folderFetch(folder: ModelFolder | null, fallback: typeof fetch = (i, init) => globalThis.fetch(i, init)): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!isFolderUrl(url)) return fallback(input, init);
    init?.signal?.throwIfAborted();
    const method = init?.method ?? 'GET';
    const path = decodeURIComponent(new URL(url).pathname).split('/').slice(2);
    const name = path[0] === 'lib' ? null : path.slice(2).join('/');
    const file =
      name === null ? (folder?.library && folder.library.name === path[1] ? folder.library : undefined) : folder?.files.get(name);
    if (!file) return new Response(folder ? 'Not in the picked folder' : 'No folder picked', { status: 404, statusText: 'Not Found' });
    return fileResponse(file, method);
  };
}

/**
 * A folder-source failure said in the folder's terms: a file that is not there names the folder,
 * and a file read from the folder has no HTTP status to show.
 */
export function explainFolderFailure(error: unknown, folder: ModelFolder | null): unknown {
  if (!(error instanceof ModelLoadError) || !error.url || !isFolderUrl(error.url)) return error;
  if (error.kind !== 'file-missing') {
    const { message: _shown, status: _status, ...init } = error.toJSON();
    return new ModelLoadError(init);
  }
  return new ModelLoadError({
    kind: 'folder-incomplete',
    file: error.file,
    fileKind: error.fileKind,
    why: folder ? `${error.file} is not in "${folder.label}"` : `${error.file} is not in this browser's cache, and no folder is picked`,
    todo: folder
      ? RECOPY.replace('$FOLDER', folder.label)
      : 'Pick the model folder again (after a reload the browser forgets the picked folder; what was copied stays cached).',
  });
}
