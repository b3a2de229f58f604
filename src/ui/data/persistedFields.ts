/**
 * Remembers a few fields of a state object in localStorage (model choice, endpoint URL), so a
 * reload keeps what the visitor picked. Secrets (the API key) are never among them. A missing or
 * corrupt entry leaves the defaults.
 */
export function restoreFields<T extends object>(key: string | null, target: T, fields: readonly (keyof T & string)[]): void {
  if (!key || typeof localStorage === 'undefined') return;
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<T>;
    for (const field of fields) {
      const value = saved[field];
      if (value !== undefined && value !== null && typeof value === typeof target[field]) target[field] = value as T[typeof field];
    }
  } catch {
    // a corrupt entry: keep the defaults
  }
}

export function saveFields<T extends object>(key: string | null, source: T, fields: readonly (keyof T & string)[]): void {
  if (!key || typeof localStorage === 'undefined') return;
  localStorage.setItem(key, JSON.stringify(Object.fromEntries(fields.map((f) => [f, source[f]]))));
}
