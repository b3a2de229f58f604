import { describe, expect, it } from 'vitest';
import { FILE_ERRNO, ROOT_FD, WasiMemoryFiles } from '../../../../src/exec/runtime/wasiMemoryFiles';

const CREAT = 1;
const TRUNC = 8;
const WRITE = 64n;
const READ = 2n;

function tree(cap = 16): WasiMemoryFiles {
  return new WasiMemoryFiles(
    { args: [], readable: { '/judge/input': new TextEncoder().encode('12 34\n') }, writableDir: '/judge/feedback' },
    cap,
  );
}

describe('the in-memory file tree a C++ validator sees', () => {
  it('reads its input through any spelling of the path, and seeks', () => {
    const files = tree();
    const [errno, fd] = files.openPath(ROOT_FD, 'judge//./input', 0, READ);
    expect(errno).toBe(FILE_ERRNO.SUCCESS);
    const buffer = new Uint8Array(3);
    expect(files.read(fd, buffer)).toBe(3);
    expect(new TextDecoder().decode(buffer)).toBe('12 ');
    expect(files.seek(fd, 0, 2)).toEqual([FILE_ERRNO.SUCCESS, 6]);
    expect(files.read(fd, buffer)).toBe(0);
  });

  it('writes only into the feedback folder, within the cap, and hands the files back', () => {
    const files = tree(8);
    expect(files.openPath(ROOT_FD, 'judge/input', TRUNC, WRITE)[0]).toBe(FILE_ERRNO.ACCES);
    expect(files.openPath(ROOT_FD, 'judge/elsewhere.txt', CREAT, WRITE)[0]).toBe(FILE_ERRNO.ACCES);
    const [errno, fd] = files.openPath(ROOT_FD, 'judge/feedback/judgemessage.txt', CREAT | TRUNC, WRITE);
    expect(errno).toBe(FILE_ERRNO.SUCCESS);
    expect(files.write(fd, new TextEncoder().encode('ok: 42'))).toBe(FILE_ERRNO.SUCCESS);
    expect(files.write(fd, new TextEncoder().encode('too much'))).toBe(FILE_ERRNO.NOSPC);
    expect(files.written()).toEqual({ 'judgemessage.txt': 'ok: 42' });
  });

  it('refuses paths that leave the tree and files that do not exist', () => {
    const files = tree();
    expect(files.openPath(ROOT_FD, '../../etc/passwd', 0, READ)[0]).toBe(FILE_ERRNO.NOTCAPABLE);
    expect(files.openPath(ROOT_FD, 'etc/passwd', 0, READ)[0]).toBe(FILE_ERRNO.NOENT);
    expect(files.stat(ROOT_FD, 'judge/feedback')).toEqual([FILE_ERRNO.SUCCESS, 3, 0]);
    expect(files.close(ROOT_FD)).toBe(FILE_ERRNO.BADF);
  });
});
