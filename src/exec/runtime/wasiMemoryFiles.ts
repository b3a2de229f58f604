/**
 * The in-memory file tree a C++ output validator sees through WASI (RunFiles): one preopened
 * directory `/`, the readable files (input, answer) and one writable folder (the feedback
 * folder). Nothing here touches a real file system; paths that leave the tree, or files that do
 * not exist, fail as they would on a judge. Submissions never get one (wasiProgram.ts).
 */
import { decodeUtf8, type RunFiles } from './runOutcome';

export const FILE_ERRNO = {
  SUCCESS: 0,
  ACCES: 2,
  BADF: 8,
  EXIST: 20,
  INVAL: 28,
  ISDIR: 31,
  NOENT: 44,
  NOSPC: 51,
  NOTDIR: 54,
  NOTCAPABLE: 76,
} as const;
export const FILETYPE = { DIRECTORY: 3, REGULAR: 4 } as const;

const OFLAG = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 } as const;
const RIGHT_FD_WRITE = 64n;
/** The preopened root's descriptor: wasi-libc looks for preopens from 3 upwards. */
export const ROOT_FD = 3;

interface OpenFile {
  path: string;
  directory: boolean;
  writable: boolean;
  position: number;
}

export class WasiMemoryFiles {
  private readonly files = new Map<string, Uint8Array>();
  private readonly directories = new Set<string>(['']);
  private readonly writableDir: string;
  private readonly open = new Map<number, OpenFile>([[ROOT_FD, { path: '', directory: true, writable: false, position: 0 }]]);
  private nextFd = ROOT_FD + 1;
  private writtenBytes = 0;

  constructor(
    spec: RunFiles,
    /** Cap on everything written into the writable folder together. */
    private readonly writeCap: number,
  ) {
    for (const [path, bytes] of Object.entries(spec.readable)) {
      const clean = normalize(path)!;
      this.files.set(clean, bytes);
      this.addParents(clean);
    }
    this.writableDir = normalize(spec.writableDir)!;
    this.directories.add(this.writableDir);
    this.addParents(this.writableDir);
  }

  isOpen(fd: number): boolean {
    return this.open.has(fd);
  }

  /** Resolves `path` against an open directory and opens it; returns [errno, fd]. */
  openPath(dirFd: number, path: string, oflags: number, rights: bigint): [number, number] {
    const dir = this.open.get(dirFd);
    if (!dir?.directory) return [FILE_ERRNO.BADF, -1];
    const target = normalize(dir.path ? `${dir.path}/${path}` : path);
    if (target === undefined) return [FILE_ERRNO.NOTCAPABLE, -1];
    if (this.directories.has(target)) {
      if (oflags & (OFLAG.CREAT | OFLAG.TRUNC)) return [FILE_ERRNO.ISDIR, -1];
      return [FILE_ERRNO.SUCCESS, this.register({ path: target, directory: true, writable: false, position: 0 })];
    }
    if (oflags & OFLAG.DIRECTORY) return [this.files.has(target) ? FILE_ERRNO.NOTDIR : FILE_ERRNO.NOENT, -1];
    const inWritable = parentOf(target) === this.writableDir;
    const wantsWrite = (rights & RIGHT_FD_WRITE) !== 0n || (oflags & (OFLAG.CREAT | OFLAG.TRUNC)) !== 0;
    if (wantsWrite && !inWritable) return [FILE_ERRNO.ACCES, -1];
    const exists = this.files.has(target);
    if (exists && oflags & OFLAG.EXCL && oflags & OFLAG.CREAT) return [FILE_ERRNO.EXIST, -1];
    if (!exists && !(oflags & OFLAG.CREAT)) return [FILE_ERRNO.NOENT, -1];
    if (!exists || oflags & OFLAG.TRUNC) this.files.set(target, new Uint8Array(0));
    return [FILE_ERRNO.SUCCESS, this.register({ path: target, directory: false, writable: inWritable, position: 0 })];
  }

  read(fd: number, into: Uint8Array): number {
    const file = this.open.get(fd)!;
    const data = this.files.get(file.path) ?? new Uint8Array(0);
    const n = Math.max(0, Math.min(into.length, data.length - file.position));
    into.set(data.subarray(file.position, file.position + n));
    file.position += n;
    return n;
  }

  /** Writes at the file's position; returns the errno (NOSPC past the write cap). */
  write(fd: number, bytes: Uint8Array): number {
    const file = this.open.get(fd)!;
    if (file.directory) return FILE_ERRNO.ISDIR;
    if (!file.writable) return FILE_ERRNO.BADF;
    const old = this.files.get(file.path)!;
    const end = file.position + bytes.length;
    const grown = Math.max(0, end - old.length);
    if (this.writtenBytes + grown > this.writeCap) return FILE_ERRNO.NOSPC;
    this.writtenBytes += grown;
    const next = grown > 0 ? new Uint8Array(end) : old;
    if (next !== old) next.set(old);
    next.set(bytes, file.position);
    this.files.set(file.path, next);
    file.position = end;
    return FILE_ERRNO.SUCCESS;
  }

  /** whence: 0 set, 1 current, 2 end; returns [errno, new position]. */
  seek(fd: number, offset: number, whence: number): [number, number] {
    const file = this.open.get(fd)!;
    if (file.directory) return [FILE_ERRNO.ISDIR, 0];
    const base = whence === 0 ? 0 : whence === 1 ? file.position : (this.files.get(file.path)?.length ?? 0);
    const next = base + offset;
    if (next < 0 || whence > 2) return [FILE_ERRNO.INVAL, 0];
    file.position = next;
    return [FILE_ERRNO.SUCCESS, next];
  }

  close(fd: number): number {
    if (fd === ROOT_FD || !this.open.delete(fd)) return FILE_ERRNO.BADF;
    return FILE_ERRNO.SUCCESS;
  }

  /** [filetype, size, writable] of an open descriptor. */
  describe(fd: number): { filetype: number; size: number; writable: boolean } {
    const file = this.open.get(fd)!;
    return {
      filetype: file.directory ? FILETYPE.DIRECTORY : FILETYPE.REGULAR,
      size: this.files.get(file.path)?.length ?? 0,
      writable: file.writable,
    };
  }

  /** [errno, filetype, size] of a path relative to an open directory. */
  stat(dirFd: number, path: string): [number, number, number] {
    const dir = this.open.get(dirFd);
    if (!dir?.directory) return [FILE_ERRNO.BADF, 0, 0];
    const target = normalize(dir.path ? `${dir.path}/${path}` : path);
    if (target === undefined) return [FILE_ERRNO.NOTCAPABLE, 0, 0];
    if (this.directories.has(target)) return [FILE_ERRNO.SUCCESS, FILETYPE.DIRECTORY, 0];
    const data = this.files.get(target);
    return data ? [FILE_ERRNO.SUCCESS, FILETYPE.REGULAR, data.length] : [FILE_ERRNO.NOENT, 0, 0];
  }

  /** The files the program left in the writable folder, as text, by name. */
  written(): Record<string, string> {
    const prefix = `${this.writableDir}/`;
    return Object.fromEntries(
      [...this.files].filter(([path]) => path.startsWith(prefix)).map(([path, bytes]) => [path.slice(prefix.length), decodeUtf8(bytes)]),
    );
  }

  private register(file: OpenFile): number {
    const fd = this.nextFd++;
    this.open.set(fd, file);
    return fd;
  }

  private addParents(path: string): void {
    for (let parent = parentOf(path); parent !== ''; parent = parentOf(parent)) this.directories.add(parent);
  }
}

/** `a//b/./c/` → `a/b/c`, relative to the root; undefined when `..` would leave the root. */
function normalize(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}
