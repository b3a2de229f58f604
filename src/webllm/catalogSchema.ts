/**
 * The schema of models/catalog.json: what critique-lab needs to know about a WebLLM model to
 * decide whether a device can run it, download it, and drive it (context window, template,
 * reasoning). Environment-free; validated by src/webllm/modelCatalog.ts.
 */
import { z } from 'zod';

const QUANTIZATIONS = ['q4f16_1', 'q4f32_1', 'q0f16', 'q0f32'] as const;

const CatalogModelSchema = z.object({
  /** WebLLM model_id, also the cache key; unique. */
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  label: z.string().min(1),
  family: z.string().min(1),
  /** The Hugging Face model the weights were converted from. */
  sourceModel: z.string().min(1),
  quantization: z.enum(QUANTIZATIONS),
  architecture: z.string().min(1),
  /** File name under `modelLibBase`, or an absolute URL. */
  modelLib: z.string().min(1),
  weights: z.object({
    /** Default weights location (Hugging Face repo URL or any base URL mirroring `resolve/main/`). */
    url: z.string().url(),
    /**
     * Who converted the weights to MLC format: `webllm-prebuilt` (mlc-ai, listed in WebLLM's
     * prebuiltAppConfig) or `community` (someone else; the UI and docs name them and the model's
     * original publisher, who did not publish this conversion).
     */
    conversion: z.enum(['webllm-prebuilt', 'community']),
    /** The account that published the conversion (e.g. "mlc-ai", "JackBinary"). */
    publishedBy: z.string().min(1),
    /** Who published the original model (for a community conversion: "not published by …"). */
    originalPublisher: z.string().min(1).optional(),
    /** Where a deployment of this app may put the converted folder, relative to the app. */
    selfHostedPath: z.string().optional(),
  }),
  /** Approximate total size of the weight shards. */
  downloadMB: z.number().positive(),
  /** WebLLM's measured VRAM need at `vramContextWindow` (from its prebuilt model list). */
  vramRequiredMB: z.number().positive(),
  vramContextWindow: z.number().int().positive(),
  /** KV-cache bytes per token of context (layers × 2 × KV heads × head dim × dtype bytes). */
  kvBytesPerToken: z.number().int().positive(),
  defaultContextWindow: z.number().int().min(1024),
  maxContextWindow: z.number().int().min(1024),
  requiredFeatures: z.array(z.string()),
  /** Writes a `<think>` trace before answering. */
  reasoning: z.boolean(),
  /** Its chat template opens `<think>` in the prompt. */
  startInReasoning: z.boolean(),
  promptFormat: z.enum(['chatml']),
  role: z.enum(['primary', 'alternative', 'smaller']),
  notes: z.string(),
  /**
   * What the model library was compiled for, checked against the conversion's
   * mlc-chat-config.json before any weights are downloaded (src/webllm/chatConfigCheck.ts).
   * The prefill chunk size is read from the library's file name (`_cs1k` = 1024).
   */
  libraryShape: z
    .object({
      vocabSize: z.number().int().positive(),
      /** Token ids that end an assistant turn; the config's stop_token_ids must include them. */
      stopTokenIds: z.array(z.number().int().nonnegative()).min(1),
    })
    .optional(),
});

export const ModelCatalogSchema = z.object({
  $comment: z.string().optional(),
  version: z.literal(1),
  modelLibBase: z.string().url(),
  models: z.array(CatalogModelSchema).min(1),
});

export type CatalogModel = z.infer<typeof CatalogModelSchema>;
export type ModelCatalog = z.infer<typeof ModelCatalogSchema>;
