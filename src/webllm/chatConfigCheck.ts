/**
 * A conversion's mlc-chat-config.json checked against the model library it will run on, before
 * any weights are downloaded. A library is compiled for one vocabulary and one prefill chunk
 * size; the app renders ChatML prompts and stops on the template's end-of-turn token. A config
 * that disagrees would fail gigabytes later (or generate garbage), so each mismatch is named here:
 * the field, the config's value, what the library (or the chosen setting) needs, and what to do.
 */
import { libraryPrefillChunk, type ResolvedModel } from './modelCatalog';
import type { ChatConfigLike } from './modelFiles';
import { ModelLoadError } from './modelLoadError';

export interface ConfigExpectation {
  modelLabel: string;
  quantization: string;
  /** The library's file name, for messages. */
  libraryName: string;
  vocabSize?: number;
  /** Largest prefill chunk the library was compiled for (its `_cs1k` name), if known. */
  prefillChunkSize?: number;
  /** The context window the app will ask WebLLM for. */
  contextWindow: number;
  promptFormat: 'chatml';
  stopTokenIds?: number[];
}

/** A field that disagrees with what the library or the app needs. */
interface ConfigMismatch {
  field: string;
  found: string;
  expected: string;
  todo: string;
}

/** What the config must say for `resolved`; a user-supplied library's vocabulary is not known, so not checked. */
export function configExpectation(resolved: ResolvedModel): ConfigExpectation {
  const { entry } = resolved;
  return {
    modelLabel: entry.label,
    quantization: entry.quantization,
    libraryName: resolved.modelLibUrl.split('/').pop() ?? resolved.modelLibUrl,
    vocabSize: resolved.libraryOverridden ? undefined : entry.libraryShape?.vocabSize,
    prefillChunkSize: libraryPrefillChunk(resolved.modelLibUrl) ?? undefined,
    contextWindow: resolved.contextWindow,
    promptFormat: entry.promptFormat,
    stopTokenIds: entry.libraryShape?.stopTokenIds,
  };
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
const GEN_CONFIG =
  'mlc_llm gen_config <model> --quantization <q> --conv-template qwen2 --prefill-chunk-size 1024 --context-window-size 32768';

/** Every field of `config` that disagrees with `want`, most fundamental first. */
export function configMismatches(config: ChatConfigLike, want: ConfigExpectation): ConfigMismatch[] {
  const out: ConfigMismatch[] = [];
  if (config.quantization !== undefined && config.quantization !== want.quantization) {
    out.push({
      field: 'quantization',
      found: show(config.quantization),
      expected: show(want.quantization),
      todo: `These weights are ${String(config.quantization)}; pick the catalog entry of that quantization, or use the ${want.quantization} conversion with ${want.modelLabel}.`,
    });
  }
  const vocab = config.vocab_size ?? config.model_config?.vocab_size;
  if (want.vocabSize !== undefined && vocab !== want.vocabSize) {
    out.push({
      field: 'vocab_size',
      found: show(vocab),
      expected: `${want.vocabSize} (compiled into ${want.libraryName})`,
      todo: `This conversion is of a model with another vocabulary; the library cannot run it. Use a conversion of the catalog's source model, or compile a library for this one (mlc_llm compile) and set it under Advanced → Model library URL.`,
    });
  }
  const chunk = config.prefill_chunk_size;
  if (want.prefillChunkSize !== undefined && (typeof chunk !== 'number' || chunk > want.prefillChunkSize)) {
    out.push({
      field: 'prefill_chunk_size',
      found: show(chunk),
      expected: `at most ${want.prefillChunkSize} (${want.libraryName} is compiled for it)`,
      todo: `Set "prefill_chunk_size": ${want.prefillChunkSize} in mlc-chat-config.json, or regenerate it: ${GEN_CONFIG}.`,
    });
  }
  const ctx = config.context_window_size;
  if (typeof ctx !== 'number' || (ctx > 0 && ctx < want.contextWindow)) {
    out.push({
      field: 'context_window_size',
      found: show(ctx),
      expected: `at least ${want.contextWindow} (the context window chosen in Generation)`,
      todo:
        typeof ctx === 'number'
          ? `Lower the context window to ${ctx} or less, or regenerate the config with --context-window-size ${want.contextWindow} or more.`
          : `Regenerate the config: ${GEN_CONFIG}.`,
    });
  }
  out.push(...templateMismatches(config, want));
  return out;
}

/** ChatML: the user role opens with <|im_start|>, turns end with <|im_end|>, and its token id stops generation. */
function templateMismatches(config: ChatConfigLike, want: ConfigExpectation): ConfigMismatch[] {
  const t = config.conv_template;
  const regenerate = `Regenerate the config with --conv-template qwen2 (ChatML): ${GEN_CONFIG}.`;
  if (typeof t === 'string') {
    return /^(qwen2|chatml)/.test(t)
      ? []
      : [
          {
            field: 'conv_template',
            found: show(t),
            expected: '"qwen2" or "chatml" (ChatML, the template of Qwen2.5 and OCR-2)',
            todo: regenerate,
          },
        ];
  }
  if (!t || typeof t !== 'object')
    return [{ field: 'conv_template', found: show(t), expected: 'a ChatML template object', todo: regenerate }];
  const out: ConfigMismatch[] = [];
  const user = t.roles?.user;
  if (typeof user !== 'string' || !user.startsWith('<|im_start|>')) {
    out.push({ field: 'conv_template.roles.user', found: show(user), expected: '"<|im_start|>user" (ChatML)', todo: regenerate });
  }
  const stopStr = Array.isArray(t.stop_str) ? t.stop_str : [];
  if (!stopStr.includes('<|im_end|>'))
    out.push({ field: 'conv_template.stop_str', found: show(t.stop_str), expected: 'a list containing "<|im_end|>"', todo: regenerate });
  const ids = Array.isArray(t.stop_token_ids) ? t.stop_token_ids : [];
  const missing = (want.stopTokenIds ?? []).filter((id) => !ids.includes(id));
  if (missing.length > 0) {
    out.push({
      field: 'conv_template.stop_token_ids',
      found: show(t.stop_token_ids),
      expected: `a list containing ${missing.join(', ')} (<|im_end|> in this vocabulary)`,
      todo: `Without it the model never stops at the end of its turn. Add ${missing.join(', ')} to stop_token_ids, or ${regenerate.charAt(0).toLowerCase()}${regenerate.slice(1)}`,
    });
  }
  return out;
}

/** The first mismatch as a ModelLoadError naming the config file (the others listed in `why`). */
export function configMismatchError(
  mismatches: ConfigMismatch[],
  file: { name: string; url: string },
  want: ConfigExpectation,
): ModelLoadError | null {
  const first = mismatches[0];
  if (!first) return null;
  const more =
    mismatches.length > 1
      ? ` (also: ${mismatches
          .slice(1)
          .map((m) => `${m.field} ${m.found}`)
          .join('; ')})`
      : '';
  return new ModelLoadError({
    kind: 'config-mismatch',
    file: file.name,
    fileKind: 'config',
    url: file.url,
    why: `${file.name} does not fit ${want.modelLabel} on ${want.libraryName}: ${first.field} is ${first.found}, but it must be ${first.expected}${more}. Nothing else was downloaded`,
    todo: first.todo,
  });
}
