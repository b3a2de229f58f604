/**
 * Where the page keeps Pyodide's start-up snapshot between visits (see pyodideStart.ts):
 * one entry in a Cache Storage cache of its own, named by Pyodide's version and the snapshot
 * format, so an app update that changes either never hands a worker an old snapshot. The sandbox
 * frame cannot keep it (its origin is opaque: no storage), so the page does, and hands it over with
 * Pyodide's other files. Without Cache Storage (an insecure origin) nothing is kept: every visit
 * starts Pyodide from scratch once, as before.
 */
import { PYODIDE_SNAPSHOT_FORMAT } from './pyodideStart';

export const PYODIDE_SNAPSHOT_CACHE = 'critique-lab-pyodide-snapshot';

function entryUrl(pyodideVersion: string): string {
  return `/pyodide-snapshot/${encodeURIComponent(pyodideVersion)}/format-${PYODIDE_SNAPSHOT_FORMAT}`;
}

export async function loadPyodideSnapshot(pyodideVersion: string): Promise<ArrayBuffer | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const hit = await (await caches.open(PYODIDE_SNAPSHOT_CACHE)).match(entryUrl(pyodideVersion));
    return hit ? await hit.arrayBuffer() : undefined;
  } catch {
    return undefined; // storage unavailable or evicted mid-read: start from scratch
  }
}

/** Keeps `snapshot` as the only entry (an older version's is deleted). Never throws: a full disk only costs speed. */
export async function savePyodideSnapshot(pyodideVersion: string, snapshot: ArrayBuffer): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(PYODIDE_SNAPSHOT_CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(snapshot.byteLength) };
    await cache.put(entryUrl(pyodideVersion), new Response(snapshot, { headers }));
  } catch {
    // quota or private mode: the next visit starts Pyodide from scratch
  }
}
