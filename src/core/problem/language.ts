/** Languages a candidate can be written in; each has an executor worker. */
export const LANGUAGES = ['python', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABEL: Record<Language, string> = { python: 'Python 3', cpp: 'C++17' };

/** Fence tags models use for each language, lower-cased; the first is the canonical one. */
export const FENCE_TAGS: Record<Language, readonly string[]> = {
  python: ['python', 'py', 'python3'],
  cpp: ['cpp', 'c++', 'cc', 'cxx', 'c'],
};

export function languageFromFileName(fileName: string): Language | undefined {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'py') return 'python';
  if (ext === 'cpp' || ext === 'cc' || ext === 'cxx') return 'cpp';
  return undefined;
}
