/**
 * Finds a package's custom output validator and reads it into an OutputValidatorProgram.
 *
 * - Legacy layout: `output_validators/<name>/…` (or a single file directly in `output_validators/`),
 *   used when present or when `validation: custom` asks for it; flags from `validator_flags`.
 * - 2023-07 / 2025-09 layout: one `output_validator/` folder, its files directly in it or one
 *   folder deeper (`output_validator/<name>/…`).
 *
 * We run Python (`.py`) and C++ (`.cpp`, `.cc`, `.cxx`, with any headers) validators; anything else
 * is refused with the file named, never judged with rules the package did not ask for.
 */
import type { Language } from './language';
import { DEFAULT_VALIDATION_LIMITS, type OutputValidatorProgram, type ValidationLimits } from './problem';
import { ProblemPackageError } from './problemPackageError';
import { declaredTypeWords } from './problemType';

const LEGACY_DIR = 'output_validators/';
const CURRENT_DIR = 'output_validator/';
const CPP_SOURCE = /\.(cpp|cc|cxx)$/i;
const PYTHON_SOURCE = /\.py$/i;
const PYTHON_ENTRIES = ['validate.py', 'validator.py', 'output_validator.py', 'main.py', '__main__.py'];

type YamlRecord = Record<string, unknown>;

/**
 * The package's validator, or undefined when it uses the default one. `testdataFlags` are the
 * words of `output_validator_flags` / `output_validator_args` in data/testdata.yaml, if any.
 */
export function readOutputValidator(
  files: ReadonlyMap<string, string>,
  config: YamlRecord,
  testdataFlags: string[] | undefined,
): OutputValidatorProgram | undefined {
  const paths = [...files.keys()];
  const legacy = paths.filter((p) => p.startsWith(LEGACY_DIR));
  const current = paths.filter((p) => p.startsWith(CURRENT_DIR));
  const customRequested = declaredTypeWords(config).includes('custom');
  if (legacy.length > 0 && current.length > 0) {
    throw new ProblemPackageError('the package has both output_validator/ and output_validators/: keep one', CURRENT_DIR);
  }
  if (legacy.length === 0 && current.length === 0) {
    if (customRequested)
      throw new ProblemPackageError(
        'asks for a custom output validator (validation: custom) but has no output_validators/ folder',
        'problem.yaml',
      );
    return undefined;
  }
  const folder = legacy.length > 0 ? validatorFolder(legacy, LEGACY_DIR, true) : validatorFolder(current, CURRENT_DIR, false);
  const folderFiles = Object.fromEntries(paths.filter((p) => p.startsWith(folder)).map((p) => [p.slice(folder.length), files.get(p)!]));
  const { language, entry } = validatorEntry(Object.keys(folderFiles), folder);
  const yamlFlags = legacy.length > 0 ? words(config.validator_flags) : [];
  return { language, entry, files: folderFiles, flags: testdataFlags ?? yamlFlags, folder, limits: validationLimits(config) };
}

/** The folder holding the validator: the layout's folder itself, or its single sub-folder. */
function validatorFolder(paths: string[], dir: string, legacy: boolean): string {
  const subfolders = new Set(
    paths
      .map((p) => p.slice(dir.length))
      .filter((rest) => rest.includes('/'))
      .map((rest) => rest.slice(0, rest.indexOf('/'))),
  );
  const loose = paths.filter((p) => !p.slice(dir.length).includes('/'));
  if (subfolders.size === 0) return dir;
  if (subfolders.size === 1 && (loose.length === 0 || legacy)) {
    const [only] = subfolders;
    // Legacy: a loose file beside one folder is a second validator.
    if (loose.length > 0)
      throw new ProblemPackageError(`several output validators (${loose[0]!.slice(dir.length)} and ${only}/): only one is supported`, dir);
    return `${dir}${only}/`;
  }
  if (subfolders.size > 1 && legacy) {
    throw new ProblemPackageError(`several output validators (${[...subfolders].sort().join(', ')}): only one is supported`, dir);
  }
  return dir; // 2023-07: a validator may have sub-folders of its own
}

function validatorEntry(names: string[], folder: string): { language: Language; entry: string } {
  const topLevel = names.filter((n) => !n.includes('/'));
  const cpp = topLevel.filter((n) => CPP_SOURCE.test(n));
  const python = topLevel.filter((n) => PYTHON_SOURCE.test(n));
  if (cpp.length > 0 && python.length > 0) {
    throw new ProblemPackageError(`both C++ (${cpp[0]}) and Python (${python[0]}) sources: cannot tell which is the validator`, folder);
  }
  if (cpp.length > 1)
    throw new ProblemPackageError(
      `several C++ translation units (${cpp.join(', ')}): only a single-file C++ validator (plus headers) is supported`,
      folder,
    );
  if (cpp.length === 1) return { language: 'cpp', entry: cpp[0]! };
  if (python.length === 1) return { language: 'python', entry: python[0]! };
  if (python.length > 1) {
    const entry = PYTHON_ENTRIES.find((n) => python.includes(n));
    if (!entry)
      throw new ProblemPackageError(
        `several Python files (${python.join(', ')}) and none is named ${PYTHON_ENTRIES.slice(0, 2).join(' or ')}`,
        folder,
      );
    return { language: 'python', entry };
  }
  const found = topLevel.length > 0 ? `found ${topLevel.slice(0, 3).join(', ')}` : 'the folder has no files';
  throw new ProblemPackageError(
    `no validator this judge can run (${found}): only Python (.py) and C++ (.cpp, .cc, .cxx) validators are supported`,
    folder,
  );
}

function validationLimits(config: YamlRecord): ValidationLimits {
  const limits = (config.limits ?? {}) as YamlRecord;
  const positive = (key: string, fallback: number): number => {
    const value = limits[key];
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new ProblemPackageError(`limits.${key} must be a positive number`, 'problem.yaml');
    return n;
  };
  return {
    timeSeconds: positive('validation_time', DEFAULT_VALIDATION_LIMITS.timeSeconds),
    memoryMiB: positive('validation_memory', DEFAULT_VALIDATION_LIMITS.memoryMiB),
    outputMiB: positive('validation_output', DEFAULT_VALIDATION_LIMITS.outputMiB),
  };
}

/** Validator flags are a space-separated string (older packages) or a list of words (2025-09). */
export function words(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(words);
  if (typeof value === 'number') return [String(value)];
  return [];
}
