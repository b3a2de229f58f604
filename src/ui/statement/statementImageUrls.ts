/**
 * Object URLs for a statement's images: each of the package's own image files that the statement
 * shows gets a `blob:` URL, made when the statement is rendered and revoked when it goes away.
 * Nothing else becomes a URL: an image pointing elsewhere gets a note instead (statementImages.ts
 * decides which file, if any, an image means).
 */
import { resolveStatementImage, statementImageType, type StatementImages } from '../../core/problem/statementImages';
import type { ShownImage } from './statementSanitizer';

const NOTES = {
  remote: 'not loaded: a statement shows only its package’s own images',
  absent: 'missing from the package',
} as const;

export class StatementImageUrls {
  private readonly urls = new Map<string, string>();

  constructor(private readonly images: StatementImages | undefined) {}

  /** What `<img src>` shows; an argument for sanitizeStatementHtml. */
  readonly source = (src: string): ShownImage => {
    const found = resolveStatementImage(src, this.images);
    if ('missing' in found) return { note: NOTES[found.missing] };
    let url = this.urls.get(found.path);
    if (!url) {
      const bytes = this.images!.files[found.path]! as Uint8Array<ArrayBuffer>;
      url = URL.createObjectURL(new Blob([bytes], { type: statementImageType(found.path) }));
      this.urls.set(found.path, url);
    }
    return { url };
  };

  revoke(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}
