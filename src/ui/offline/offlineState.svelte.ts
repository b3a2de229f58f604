/**
 * State of the Offline view: which runtimes are stored, the "Make available offline" download
 * (size known before it starts, progress while it runs, a clear error when storage is full),
 * and the storage report with the persistent-storage request.
 */
import { downloadFiles, missingFiles, pruneStaleFiles, type DownloadProgress } from './runtimeDownload';
import { loadOfflineManifest, type OfflineManifest } from './offlineManifest';
import { requestPersistentStorage, storageReport, type StorageReport } from './storageReport';

export interface RuntimeStatus {
  id: string;
  label: string;
  /** Decoded: what the runtime takes in storage. */
  totalBytes: number;
  /** Over the wire: what downloading all of it costs (shipped compressed). */
  downloadBytes: number;
  /** Over the wire: what downloading the files not stored yet costs (they are shipped compressed). */
  missingBytes: number;
}

export class OfflineState {
  manifest = $state<OfflineManifest | null>(null);
  runtimes = $state<RuntimeStatus[]>([]);
  report = $state<StorageReport | null>(null);
  progress = $state<DownloadProgress | null>(null);
  downloading = $state(false);
  error = $state<string | null>(null);
  /** Answer to the last persistent-storage request, in words. */
  persistMessage = $state<string | null>(null);
  private abort: AbortController | null = null;

  readonly missingBytes = $derived(this.runtimes.reduce((n, r) => n + r.missingBytes, 0));
  readonly totalBytes = $derived(this.runtimes.reduce((n, r) => n + r.totalBytes, 0));

  async refresh(): Promise<void> {
    try {
      this.manifest ??= await loadOfflineManifest();
    } catch (error) {
      this.error = (error as Error).message;
    }
    const manifest = this.manifest;
    if (manifest && typeof caches !== 'undefined') {
      this.runtimes = await Promise.all(
        manifest.groups.map(async (g) => {
          const missing = await missingFiles(manifest.cacheName, g.files);
          return {
            id: g.id,
            label: g.label,
            totalBytes: g.files.reduce((n, f) => n + f.bytes, 0),
            downloadBytes: g.files.reduce((n, f) => n + f.wireBytes, 0),
            missingBytes: missing.reduce((n, f) => n + f.wireBytes, 0),
          };
        }),
      );
    }
    this.report = await storageReport(manifest?.cacheName ?? null);
  }

  /** At start-up: forgets runtime files of earlier versions (quietly; nothing depends on it). */
  async pruneStale(): Promise<void> {
    try {
      this.manifest ??= await loadOfflineManifest();
      await pruneStaleFiles(
        this.manifest.cacheName,
        this.manifest.groups.flatMap((g) => g.files),
      );
    } catch {
      // no manifest (dev) or no Cache Storage: nothing to prune
    }
  }

  async makeAvailableOffline(): Promise<void> {
    const manifest = this.manifest;
    if (!manifest || this.downloading) return;
    this.downloading = true;
    this.error = null;
    this.abort = new AbortController();
    try {
      const files = await missingFiles(
        manifest.cacheName,
        manifest.groups.flatMap((g) => g.files),
      );
      await downloadFiles(manifest.cacheName, files, (p) => (this.progress = p), this.abort.signal);
    } catch (error) {
      this.error = this.abort.signal.aborted ? 'Download cancelled; what was complete is kept.' : (error as Error).message;
    } finally {
      this.downloading = false;
      this.abort = null;
      await this.refresh();
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  async requestPersistence(): Promise<void> {
    const granted = await requestPersistentStorage().catch(() => false);
    this.persistMessage = granted
      ? 'Granted: the browser will not evict this site’s data to make room.'
      : 'Not granted: the browser may evict this site’s data when space runs low (installing the app usually changes that).';
    await this.refresh();
  }
}
