/**
 * The browser refused to store more (QuotaExceededError). Said in words, with the numbers the
 * browser gives, instead of a download that stops for no visible reason.
 */
import { formatBytes } from '../model/byteFormat';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Turns a quota error into a StorageFullError that says how full the storage is. */
export async function storageFullError(what: string): Promise<StorageFullError> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const numbers = estimate?.quota
    ? ` This site uses ${formatBytes(estimate.usage ?? 0)} of the ${formatBytes(estimate.quota)} the browser allows it.`
    : '';
  return new StorageFullError(
    `Not enough storage to keep ${what}.${numbers} Free space — delete a model in the Model view, or allow more storage for this site in the browser's settings — and try again; nothing already stored was lost.`,
  );
}
