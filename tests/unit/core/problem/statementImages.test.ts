import { describe, expect, it } from 'vitest';
import {
  isStatementImage,
  resolveStatementImage,
  statementImageType,
  type StatementImages,
} from '../../../../src/core/problem/statementImages';

const bytes = new Uint8Array([1]);
const images: StatementImages = {
  folder: 'problem_statement',
  files: { 'problem_statement/tree.png': bytes, 'problem_statement/img/my figure.jpg': bytes, 'problem_statement/plot.svg': bytes },
};

describe("a statement's images", () => {
  it('resolves relative sources against the statement folder, LaTeX style names without an extension too', () => {
    expect(resolveStatementImage('tree.png', images)).toEqual({ path: 'problem_statement/tree.png' });
    expect(resolveStatementImage('./img/../tree.png', images)).toEqual({ path: 'problem_statement/tree.png' });
    expect(resolveStatementImage('img/my%20figure.jpg', images)).toEqual({ path: 'problem_statement/img/my figure.jpg' });
    expect(resolveStatementImage('img\\my figure', images)).toEqual({ path: 'problem_statement/img/my figure.jpg' });
    expect(resolveStatementImage('plot', images)).toEqual({ path: 'problem_statement/plot.svg' });
    expect(resolveStatementImage('tree.png?v=2#top', images)).toEqual({ path: 'problem_statement/tree.png' });
  });

  it('never resolves a source with a scheme, a host or an absolute path, whatever the package holds', () => {
    for (const src of [
      'http://evil.example/tree.png',
      'https://x/tree.png',
      '//evil.example/tree.png',
      '/problem_statement/tree.png',
      'data:image/png;base64,AA==',
      'blob:http://x/1',
      'javascript:alert(1)',
      ' HTTP://x/tree.png',
    ]) {
      expect(resolveStatementImage(src, images), src).toEqual({ missing: 'remote' });
    }
  });

  it('calls missing what the package lacks or what leaves the statement folder', () => {
    expect(resolveStatementImage('other.png', images)).toEqual({ missing: 'absent' });
    expect(resolveStatementImage('tree.pdf', images)).toEqual({ missing: 'absent' });
    expect(resolveStatementImage('../problem_statement/tree.png', images)).toEqual({ missing: 'absent' });
    expect(resolveStatementImage('%E0%A4%A.png', images)).toEqual({ missing: 'absent' });
    expect(resolveStatementImage('tree.png', undefined)).toEqual({ missing: 'absent' });
  });

  it('knows which package files are images a browser shows, and their types', () => {
    expect(isStatementImage('problem_statement/tree.PNG')).toBe(true);
    expect(isStatementImage('statement/a/b.jpeg')).toBe(true);
    expect(isStatementImage('statement/notes.pdf')).toBe(false);
    expect(isStatementImage('data/secret/tree.png')).toBe(false);
    expect(statementImageType('statement/a.JPG')).toBe('image/jpeg');
    expect(statementImageType('statement/a.svg')).toBe('image/svg+xml');
  });
});
