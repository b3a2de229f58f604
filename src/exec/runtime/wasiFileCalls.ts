/**
 * The WASI preview 1 file calls over a WasiMemoryFiles tree (output validators only): preopen,
 * open, read, write, seek, stat, close. Descriptors 0–2 stay with the runner's stdin/stdout/stderr.
 */
import { FILE_ERRNO, FILETYPE, ROOT_FD, type WasiMemoryFiles } from './wasiMemoryFiles';

type WasiCall = (...args: never[]) => number;

export interface WasiMemoryAccess {
  view(): DataView;
  bytes(): Uint8Array;
  iovecs(iovs: number, count: number): Array<[number, number]>;
}

const ROOT_NAME = new TextEncoder().encode('/');
const ALL_RIGHTS = 0x1fffffffn;

export function wasiFileCalls(tree: WasiMemoryFiles, memory: WasiMemoryAccess, base: Record<string, WasiCall>): Record<string, WasiCall> {
  return { ...pathCalls(tree, memory), ...descriptorCalls(tree, memory, base) };
}

/** A filestat record: filetype and size; device, inode and times are zero. */
function writeFilestat(memory: WasiMemoryAccess, out: number, filetype: number, size: number): void {
  const dv = memory.view();
  for (let i = 0; i < 64; i += 8) dv.setBigUint64(out + i, 0n, true);
  dv.setUint8(out + 16, filetype);
  dv.setBigUint64(out + 24, 1n, true);
  dv.setBigUint64(out + 32, BigInt(size), true);
}

/** The preopened root and calls that take a path. */
function pathCalls(tree: WasiMemoryFiles, memory: WasiMemoryAccess): Record<string, WasiCall> {
  const text = (ptr: number, len: number): string => new TextDecoder().decode(memory.bytes().subarray(ptr, ptr + len));
  return {
    fd_prestat_get: (fd: number, out: number) => {
      if (fd !== ROOT_FD) return FILE_ERRNO.BADF;
      memory.view().setUint8(out, 0);
      memory.view().setUint32(out + 4, ROOT_NAME.length, true);
      return FILE_ERRNO.SUCCESS;
    },
    fd_prestat_dir_name: (fd: number, path: number, len: number) => {
      if (fd !== ROOT_FD) return FILE_ERRNO.BADF;
      memory.bytes().set(ROOT_NAME.subarray(0, len), path);
      return FILE_ERRNO.SUCCESS;
    },
    path_open: (
      dirFd: number,
      _dirflags: number,
      path: number,
      pathLen: number,
      oflags: number,
      rights: bigint,
      _inheriting: bigint,
      _fdflags: number,
      fdOut: number,
    ) => {
      const [errno, fd] = tree.openPath(dirFd, text(path, pathLen), oflags, BigInt(rights));
      if (errno === FILE_ERRNO.SUCCESS) memory.view().setUint32(fdOut, fd, true);
      return errno;
    },
    path_filestat_get: (dirFd: number, _flags: number, path: number, pathLen: number, out: number) => {
      const [errno, filetype, size] = tree.stat(dirFd, text(path, pathLen));
      if (errno === FILE_ERRNO.SUCCESS) writeFilestat(memory, out, filetype, size);
      return errno;
    },
  };
}

/** Calls on an open descriptor; 0–2 (and anything not in the tree) go to the runner's own. */
function descriptorCalls(tree: WasiMemoryFiles, memory: WasiMemoryAccess, base: Record<string, WasiCall>): Record<string, WasiCall> {
  return {
    fd_filestat_get: (fd: number, out: number) => {
      if (!tree.isOpen(fd)) return fd <= 2 ? (writeFilestat(memory, out, 0, 0), FILE_ERRNO.SUCCESS) : FILE_ERRNO.BADF;
      const { filetype, size } = tree.describe(fd);
      writeFilestat(memory, out, filetype, size);
      return FILE_ERRNO.SUCCESS;
    },
    fd_fdstat_get: (fd: number, out: number) => {
      if (!tree.isOpen(fd)) return base.fd_fdstat_get!(fd as never, out as never);
      const { filetype } = tree.describe(fd);
      const dv = memory.view();
      dv.setUint8(out, filetype);
      dv.setUint16(out + 2, 0, true);
      dv.setBigUint64(out + 8, ALL_RIGHTS, true);
      dv.setBigUint64(out + 16, ALL_RIGHTS, true);
      return FILE_ERRNO.SUCCESS;
    },
    fd_read: (fd: number, iovs: number, count: number, nread: number) => {
      if (!tree.isOpen(fd)) return base.fd_read!(fd as never, iovs as never, count as never, nread as never);
      if (tree.describe(fd).filetype !== FILETYPE.REGULAR) return FILE_ERRNO.ISDIR;
      let total = 0;
      for (const [ptr, len] of memory.iovecs(iovs, count)) {
        const n = tree.read(fd, memory.bytes().subarray(ptr, ptr + len));
        total += n;
        if (n < len) break;
      }
      memory.view().setUint32(nread, total, true);
      return FILE_ERRNO.SUCCESS;
    },
    fd_write: (fd: number, iovs: number, count: number, nwritten: number) => {
      if (!tree.isOpen(fd)) return base.fd_write!(fd as never, iovs as never, count as never, nwritten as never);
      let total = 0;
      for (const [ptr, len] of memory.iovecs(iovs, count)) {
        const errno = tree.write(fd, memory.bytes().slice(ptr, ptr + len));
        if (errno !== FILE_ERRNO.SUCCESS) return errno;
        total += len;
      }
      memory.view().setUint32(nwritten, total, true);
      return FILE_ERRNO.SUCCESS;
    },
    fd_seek: (fd: number, offset: bigint, whence: number, out: number) => {
      if (!tree.isOpen(fd)) return base.fd_seek!(fd as never);
      const [errno, position] = tree.seek(fd, Number(offset), whence);
      if (errno === FILE_ERRNO.SUCCESS) memory.view().setBigUint64(out, BigInt(position), true);
      return errno;
    },
    fd_tell: (fd: number, out: number) => {
      if (!tree.isOpen(fd)) return FILE_ERRNO.BADF;
      const [errno, position] = tree.seek(fd, 0, 1);
      memory.view().setBigUint64(out, BigInt(position), true);
      return errno;
    },
    fd_close: (fd: number) => (tree.isOpen(fd) ? tree.close(fd) : base.fd_close!(fd as never)),
  };
}
