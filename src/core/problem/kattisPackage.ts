/**
 * Reads an ICPC/Kattis problem package (legacy and 2023-07 layouts) from a map of relative paths
 * to file text, so the same code serves a folder on disk (CLI), a dropped folder or zip (browser)
 * and the bundled problems. Judging semantics: docs/execution.md; packages: docs/problems.md.
 */
import { parse as parseYaml } from 'yaml';
import { ProblemPackageError } from './problemPackageError';
import {
  DEFAULT_LIMITS,
  DEFAULT_VALIDATOR,
  type OutputValidatorProgram,
  type Problem,
  type ProblemLimits,
  type TestCase,
  type TestGroup,
} from './problem';
import { parseValidatorFlags } from './validatorFlags';
import { assertJudgeableType, declaredTypeWords } from './problemType';
import { readOutputValidator, words } from './outputValidatorPackage';
import { problemContentHash } from './problemContentHash';
import { readTimeLimitRule } from './timeLimitRule';
import { readPackageStatement } from './packageStatement';
import { readProblemConstants, substituteConstants, type ProblemConstants } from './problemConstants';

type PackageFiles = ReadonlyMap<string, string>;

/** `images`: the statement's image files by package path, as the importer collected them (browser imports). */
export async function readKattisPackage(files: PackageFiles, id: string, images?: ReadonlyMap<string, Uint8Array>): Promise<Problem> {
  const normalized = normalizePaths(files);
  const yamlText = normalized.get('problem.yaml');
  if (yamlText === undefined) throw new ProblemPackageError('missing problem.yaml — is this a problem package folder?');
  const config = parseProblemYaml(yamlText);

  assertJudgeableType(config, normalized.keys());

  const constants = readProblemConstants(config);
  const { title, statement, statementLanguage, statementFolder } = readStatement(normalized, config, id, constants);
  const limits = readLimits(normalized, config);
  const testdataFlags = readTestdataFlags(normalized);
  const outputValidator = withConstants(readOutputValidator(normalized, config, testdataFlags), constants);
  // With a custom validator the flags are its arguments; otherwise they configure the default one.
  const validator = outputValidator
    ? DEFAULT_VALIDATOR
    : parseValidatorFlags(
        testdataFlags ?? (config.validator_flags as string | undefined),
        testdataFlags ? 'data/testdata.yaml' : 'problem.yaml',
      );
  const tests = [...readTests(normalized, 'sample'), ...readTests(normalized, 'secret')];
  if (tests.length === 0)
    throw new ProblemPackageError('no test data: expected data/sample/*.in and data/secret/*.in with matching .ans files');

  const timeLimitRule = limits.timeSource === 'default' ? readTimeLimitRule(normalized, config) : undefined;
  const contentHash = await problemContentHash({ statement, limits, validator, tests, ...(outputValidator ? { outputValidator } : {}) });
  return {
    id,
    title,
    statement,
    limits,
    validator,
    tests,
    contentHash,
    ...(statementLanguage ? { statementLanguage } : {}),
    ...(statementFolder !== undefined && images && images.size > 0
      ? { statementImages: { folder: statementFolder, files: Object.fromEntries(images) } }
      : {}),
    ...(isScoringType(config) ? { scoring: true as const } : {}),
    ...(outputValidator ? { outputValidator } : {}),
    ...(timeLimitRule && timeLimitRule.accepted.length > 0 ? { timeLimitRule } : {}),
  };
}

function normalizePaths(files: PackageFiles): Map<string, string> {
  const entries = [...files].map(([path, text]) => [path.replace(/\\/g, '/').replace(/^\.?\//, ''), text] as const);
  // A zip or a dropped folder often wraps the package in one top-level folder: unwrap it.
  if (!entries.some(([p]) => p === 'problem.yaml')) {
    const wrapped = entries.find(([p]) => /^[^/]+\/problem\.yaml$/.test(p));
    if (wrapped) {
      const prefix = wrapped[0].slice(0, wrapped[0].indexOf('/') + 1);
      return new Map(entries.filter(([p]) => p.startsWith(prefix)).map(([p, t]) => [p.slice(prefix.length), t]));
    }
  }
  return new Map(entries);
}

type YamlRecord = Record<string, unknown>;

function parseProblemYaml(text: string): YamlRecord {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ProblemPackageError(`not valid YAML (${(error as Error).message.split('\n')[0]})`, 'problem.yaml');
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ProblemPackageError('must be a YAML mapping', 'problem.yaml');
  return value as YamlRecord;
}

interface ShownStatement {
  title: string;
  statement: string;
  statementLanguage?: string;
  /** The folder of the statement's file, against which its images resolve. */
  statementFolder?: string;
}

function readStatement(files: Map<string, string>, config: YamlRecord, id: string, constants: ProblemConstants): ShownStatement {
  const shown = readPackageStatement(files, constants);
  const title = yamlName(config.name, shown.language) || shown.latexTitle || id;
  return {
    title,
    statement: shown.markdown,
    ...(shown.language ? { statementLanguage: shown.language } : {}),
    ...(shown.path ? { statementFolder: shown.path.slice(0, shown.path.lastIndexOf('/')) } : {}),
  };
}

/** `name` is a string or a map of languages: English first, then the statement's language, then any. */
function yamlName(name: unknown, statementLanguage: string | undefined): string | undefined {
  if (typeof name === 'string') return name.trim() || undefined;
  if (!name || typeof name !== 'object' || Array.isArray(name)) return undefined;
  const names = name as YamlRecord;
  const pick = [names.en, statementLanguage ? names[statementLanguage] : undefined, ...Object.values(names)].find(
    (v) => typeof v === 'string' && v.trim(),
  );
  return typeof pick === 'string' ? pick.trim() : undefined;
}

/**
 * `type: scoring` (legacy packages say it the same way): test groups are worth points. This judge
 * is pass-fail, so such a problem is judged as if every group had to pass — and the app says so.
 */
function isScoringType(config: YamlRecord): boolean {
  return declaredTypeWords(config).includes('scoring');
}

/** 2025-09 constants are substituted into every file of the validator (sources and headers). */
function withConstants(validator: OutputValidatorProgram | undefined, constants: ProblemConstants): OutputValidatorProgram | undefined {
  if (!validator || constants.size === 0) return validator;
  const files = Object.fromEntries(Object.entries(validator.files).map(([name, text]) => [name, substituteConstants(text, constants)]));
  return { ...validator, files };
}

function readLimits(files: Map<string, string>, config: YamlRecord): ProblemLimits {
  const limits = (config.limits ?? {}) as YamlRecord;
  if (typeof limits !== 'object' || Array.isArray(limits)) throw new ProblemPackageError('limits must be a mapping', 'problem.yaml');
  const positive = (value: unknown, what: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new ProblemPackageError(`limits.${what} must be a positive number`, 'problem.yaml');
    return n;
  };
  const timelimitFile = files.get('.timelimit');
  const fromFile = timelimitFile === undefined ? undefined : positive(timelimitFile.trim(), 'time_limit (.timelimit file)');
  const stated = positive(limits.time_limit, 'time_limit') ?? fromFile;
  return {
    timeSeconds: stated ?? DEFAULT_LIMITS.timeSeconds,
    timeSource: stated === undefined ? 'default' : 'package',
    memoryMiB: positive(limits.memory, 'memory') ?? DEFAULT_LIMITS.memoryMiB,
    outputMiB: positive(limits.output, 'output') ?? DEFAULT_LIMITS.outputMiB,
  };
}

/** `output_validator_flags` / `output_validator_args` of data/testdata.yaml, when it sets them. */
function readTestdataFlags(files: Map<string, string>): string[] | undefined {
  const text = files.get('data/testdata.yaml');
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new ProblemPackageError(`not valid YAML (${(error as Error).message.split('\n')[0]})`, 'data/testdata.yaml');
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ProblemPackageError('must be a YAML mapping', 'data/testdata.yaml');
  const record = parsed as YamlRecord;
  const flags = record.output_validator_flags ?? record.output_validator_args ?? record.validator_flags;
  return flags === undefined ? undefined : words(flags);
}

function readTests(files: Map<string, string>, group: TestGroup): TestCase[] {
  const prefix = `data/${group}/`;
  const inputs = [...files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.in')).sort();
  return inputs.map((inputPath) => {
    const answerPath = inputPath.replace(/\.in$/, '.ans');
    const answer = files.get(answerPath);
    if (answer === undefined) throw new ProblemPackageError(`test input has no answer file ${answerPath}`, inputPath);
    return {
      name: `${group}/${inputPath.slice(prefix.length, -'.in'.length)}`,
      group,
      input: files.get(inputPath)!,
      answer,
    };
  });
}
