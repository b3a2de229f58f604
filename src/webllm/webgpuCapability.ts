/**
 * What this device can run, checked before anything is downloaded: WebGPU present, the adapter,
 * shader-f16 (without it the q4f32 builds are chosen), buffer limits, a GPU-memory estimate
 * against the model's need at the chosen context window, and storage quota for the weights.
 *
 * WebGPU does not reveal how much memory a GPU has. The verdict therefore rests on what can be
 * known (feature, limits, quota, a software adapter) and states the memory need plainly for the
 * person to judge; `navigator.deviceMemory` (system RAM, capped at 8 GB by browsers) is shown as
 * a hint for integrated GPUs, which share system memory.
 */
import type { CatalogModel, ModelCatalog } from './modelCatalog';
import { estimateVramMB, f32Sibling } from './modelCatalog';

interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software/fallback adapter (e.g. SwiftShader): runs, but far too slowly for a 7B model. */
  software: boolean;
}

export interface GpuCapability {
  webgpu: 'available' | 'no-api' | 'no-adapter' | 'error';
  /** Why WebGPU is unavailable, in a sentence. */
  reason?: string;
  adapter?: AdapterSummary;
  features: string[];
  shaderF16: boolean;
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  /** Bytes the origin may still store (quota − usage), when the browser says. */
  storageAvailableBytes?: number;
  storageQuotaBytes?: number;
  storagePersisted?: boolean;
  /** System RAM in GB as the browser reports it (capped at 8), when it does. */
  deviceMemoryGB?: number;
  crossOriginIsolated: boolean;
  secureContext: boolean;
}

interface NavigatorLike {
  gpu?: { requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GPUAdapterLike | null> };
  storage?: { estimate?(): Promise<{ quota?: number; usage?: number }>; persisted?(): Promise<boolean> };
  deviceMemory?: number;
  userAgent?: string;
}

interface GPUAdapterLike {
  features: { has(name: string): boolean; forEach(cb: (value: string) => void): void };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|microsoft basic render|software/i;

export async function checkCapability(nav: NavigatorLike = globalThis.navigator as unknown as NavigatorLike): Promise<GpuCapability> {
  const cap: GpuCapability = {
    webgpu: 'available',
    features: [],
    shaderF16: false,
    crossOriginIsolated: Boolean((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated),
    secureContext: Boolean((globalThis as { isSecureContext?: boolean }).isSecureContext ?? true),
  };
  if (typeof nav?.deviceMemory === 'number') cap.deviceMemoryGB = nav.deviceMemory;
  try {
    const est = await nav?.storage?.estimate?.();
    if (est?.quota !== undefined) {
      cap.storageQuotaBytes = est.quota;
      cap.storageAvailableBytes = Math.max(0, est.quota - (est.usage ?? 0));
    }
    cap.storagePersisted = await nav?.storage?.persisted?.();
  } catch {
    // storage estimate unavailable (e.g. opaque origin): leave unknown
  }

  if (!nav?.gpu) {
    cap.webgpu = 'no-api';
    cap.reason = cap.secureContext
      ? 'This browser does not offer WebGPU (navigator.gpu is missing). Chrome and Edge 113+ have it on desktop; Safari 26 and Firefox 141+ on some platforms; Linux Chrome may need chrome://flags/#enable-unsafe-webgpu.'
      : 'WebGPU is only offered to secure pages (https or localhost); this page is not one.';
    return cap;
  }
  let adapter: GPUAdapterLike | null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    cap.webgpu = 'error';
    cap.reason = `Asking for a GPU adapter failed: ${error instanceof Error ? error.message : String(error)}`;
    return cap;
  }
  if (!adapter) {
    cap.webgpu = 'no-adapter';
    cap.reason =
      'WebGPU exists but no GPU adapter is available: the GPU or its driver is blocklisted, or hardware acceleration is off (chrome://gpu shows why).';
    return cap;
  }
  const info = adapter.info ?? {};
  const description = info.description ?? '';
  const software =
    Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) ||
    SOFTWARE.test(`${description} ${info.vendor ?? ''} ${info.architecture ?? ''} ${info.device ?? ''}`);
  cap.adapter = {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description,
    software,
  };
  adapter.features.forEach((f) => cap.features.push(f));
  cap.features.sort();
  cap.shaderF16 = adapter.features.has('shader-f16');
  cap.maxBufferSize = adapter.limits.maxBufferSize;
  cap.maxStorageBufferBindingSize = adapter.limits.maxStorageBufferBindingSize;
  return cap;
}

type FitVerdict = 'ok' | 'warn' | 'no';

export interface ModelFit {
  verdict: FitVerdict;
  /** Sentences, most important first. */
  reasons: string[];
  vramEstimateMB: number;
  /** A catalog model to use instead (e.g. the q4f32 build when shader-f16 is missing). */
  insteadId?: string;
}

const MiB = 1024 * 1024;

function paramsB(entry: CatalogModel): number {
  const m = /(\d+(?:\.\d+)?)B/i.exec(entry.sourceModel);
  return m ? Number(m[1]) : 7;
}

/** Can this device run `entry` at `contextWindow`? Pure: takes a capability report. */
export function assessModel(cap: GpuCapability, catalog: ModelCatalog, entry: CatalogModel, contextWindow: number): ModelFit {
  const vram = estimateVramMB(entry, contextWindow);
  const fit: ModelFit = { verdict: 'ok', reasons: [], vramEstimateMB: vram };
  const worst = (v: FitVerdict): void => {
    if (v === 'no' || (v === 'warn' && fit.verdict === 'ok')) fit.verdict = v;
  };
  if (cap.webgpu !== 'available') {
    worst('no');
    fit.reasons.push(cap.reason ?? 'WebGPU is not available.');
    return fit;
  }
  for (const feature of entry.requiredFeatures) {
    if (!cap.features.includes(feature)) {
      worst('no');
      const sibling = feature === 'shader-f16' ? f32Sibling(catalog, entry) : undefined;
      if (sibling) fit.insteadId = sibling.id;
      fit.reasons.push(
        feature === 'shader-f16'
          ? `This GPU lacks shader-f16, which ${entry.quantization} needs${sibling ? `; use ${sibling.label}, built for float32 shaders` : ''}.`
          : `This GPU lacks the WebGPU feature ${feature}.`,
      );
    }
  }
  const binding = cap.maxStorageBufferBindingSize ?? 0;
  const needBinding = paramsB(entry) >= 7 ? 512 * MiB : 128 * MiB;
  if (binding < needBinding) {
    worst(binding < 128 * MiB ? 'no' : 'warn');
    fit.reasons.push(
      `The GPU allows storage buffers of ${Math.round(binding / MiB)} MiB; a ${paramsB(entry)}B model's embedding table wants about ${needBinding / MiB} MiB in one buffer.`,
    );
  }
  if (cap.adapter?.software) {
    worst('warn');
    fit.reasons.push(
      `The adapter is a software renderer (${cap.adapter.description || cap.adapter.vendor || 'fallback adapter'}): it runs WebGPU on the CPU, so a model would load but write only a token every few seconds.`,
    );
  }
  if (cap.storageAvailableBytes !== undefined && cap.storageAvailableBytes < entry.downloadMB * MiB * 1.05) {
    worst('no');
    fit.reasons.push(
      `The browser lets this site store ${(cap.storageAvailableBytes / 1024 / MiB).toFixed(1)} GB; the weights need ${(entry.downloadMB / 1024).toFixed(1)} GB. Free disk space, or allow persistent storage.`,
    );
  }
  fit.reasons.push(
    `Needs about ${(vram / 1024).toFixed(1)} GB of GPU memory at a ${contextWindow.toLocaleString('en-US')}-token context (WebGPU cannot report how much this GPU has).`,
  );
  if (cap.deviceMemoryGB !== undefined && cap.deviceMemoryGB * 1024 < vram && cap.deviceMemoryGB < 8) {
    worst('warn');
    fit.reasons.push(
      `The browser reports ${cap.deviceMemoryGB} GB of system memory; an integrated GPU shares it, which is less than the model needs.`,
    );
  }
  return fit;
}

/** The best catalog model this device can plausibly run: primary first, then alternatives, then smaller ones. */
export function recommendModel(cap: GpuCapability, catalog: ModelCatalog): CatalogModel | null {
  const order = ['primary', 'alternative', 'smaller'] as const;
  for (const role of order) {
    for (const entry of catalog.models.filter((m) => m.role === role)) {
      const fit = assessModel(cap, catalog, entry, entry.defaultContextWindow);
      if (fit.verdict === 'ok') return entry;
    }
  }
  return null;
}
