/**
 * Reads offline-assets.json, which the build writes next to index.html: the runtime files
 * (Pyodide, clang, the precompiled header), their sizes (decoded, and as shipped compressed) and the cache the service worker serves
 * them from. Checked on arrival, because a stale or hand-edited site could serve anything.
 */
import { z } from 'zod';

const offlineFileSchema = z.object({
  url: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  wireBytes: z.number().int().nonnegative(),
});
const offlineManifestSchema = z.object({
  cacheName: z.string().min(1),
  groups: z.array(z.object({ id: z.string(), label: z.string(), files: z.array(offlineFileSchema) })),
});

export type OfflineManifest = z.infer<typeof offlineManifestSchema>;
export type OfflineGroup = OfflineManifest['groups'][number];
export type OfflineFile = z.infer<typeof offlineFileSchema>;

export const OFFLINE_MANIFEST_URL = 'offline-assets.json';

export async function loadOfflineManifest(): Promise<OfflineManifest> {
  let response: Response;
  try {
    response = await fetch(new URL(OFFLINE_MANIFEST_URL, document.baseURI));
  } catch {
    throw new Error('The list of runtime files could not be loaded (no network, and the app was not cached yet).');
  }
  if (!response.ok) {
    throw new Error(
      `The list of runtime files is missing (HTTP ${response.status} for ${OFFLINE_MANIFEST_URL}): offline use needs the built site (npm run build).`,
    );
  }
  const parsed = offlineManifestSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error(`${OFFLINE_MANIFEST_URL} is not a list of runtime files this version understands.`);
  return parsed.data;
}

/** Absolute URL of a listed file: the key it has in Cache Storage. */
export function offlineFileUrl(file: OfflineFile): string {
  return new URL(file.url, document.baseURI).href;
}
