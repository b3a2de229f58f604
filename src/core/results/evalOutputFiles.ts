/**
 * The files of an eval output folder (`critique-lab eval --out`, `critique-lab merge --out`), named
 * in one place for the command that writes them and the app that reads them: the journal, the
 * summary, and one run record per problem. (metrics.md and report.html are for people, not read back.)
 */
export const JOURNAL_FILE = 'journal.jsonl';
export const METRICS_FILE = 'metrics.json';

const RECORD_SUFFIX = '.run.json';

export const recordFileName = (problemId: string): string => `${problemId}${RECORD_SUFFIX}`;

export const isRecordFileName = (name: string): boolean => name.endsWith(RECORD_SUFFIX) && name.length > RECORD_SUFFIX.length;
