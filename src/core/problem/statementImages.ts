/**
 * A statement's figures: the image files a package keeps next to its statement, and which of them
 * an image in the statement means. Statements write `![alt](figure.png)`, `<img src="figure.png">`
 * or, in LaTeX, `\includegraphics{figure}` (no extension: LaTeX tries its own list) — always
 * relative to the statement's folder. Only the package's own files are ever shown; an image that
 * points anywhere else (another site, `data:`, an absolute path, out of the folder) is never
 * loaded, and one the package lacks is named as missing.
 */
export interface StatementImages {
  /** The statement's folder in the package (`problem_statement`): image paths resolve against it. */
  folder: string;
  /** The image files under the statement folders, by path in the package. */
  files: Readonly<Record<string, Uint8Array>>;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** What LaTeX would try for `\includegraphics{figure}`, among the formats a browser shows. */
const IMPLIED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'];

const STATEMENT_IMAGE = new RegExp(`^(?:problem_)?statement/(?:[^/]+/)*[^/]+\\.(?:${Object.keys(IMAGE_TYPES).join('|')})$`, 'i');

/** `path` (relative to the package root) is an image file of the statement that a browser can show. */
export function isStatementImage(path: string): boolean {
  return STATEMENT_IMAGE.test(path);
}

/** The MIME type of a statement image, from its extension. */
export function statementImageType(path: string): string {
  return IMAGE_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Which package file an image's `src` means: `{path}`; or why none is shown: `remote` (a URL with a
 * scheme or host, or an absolute path: never loaded) or `absent` (a relative path the package does
 * not have, or one that leaves the statement's folder).
 */
type StatementImageResolution = { path: string } | { missing: 'remote' | 'absent' };

export function resolveStatementImage(src: string, images: StatementImages | undefined): StatementImageResolution {
  const raw = src.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('/') || raw.startsWith('\\')) return { missing: 'remote' };
  const relative = decodedPath(raw.split(/[?#]/)[0]!);
  if (!images || relative === undefined) return { missing: 'absent' };
  const parts: string[] = images.folder.split('/').filter(Boolean);
  const folderDepth = parts.length;
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === folderDepth) return { missing: 'absent' };
      parts.pop();
    } else parts.push(part);
  }
  const path = parts.join('/');
  const candidates = /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/') + 1))
    ? [path]
    : IMPLIED_EXTENSIONS.map((ext) => `${path}.${ext}`);
  const found = candidates.find((candidate) => images.files[candidate] !== undefined);
  return found ? { path: found } : { missing: 'absent' };
}

function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}
