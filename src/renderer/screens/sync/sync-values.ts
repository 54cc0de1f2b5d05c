/**
 * How a conflict's values read on the "Đồng bộ" screen: the core sends them as stored (strings,
 * numbers, null, or a form's object), and the clerk needs short text, never "[object Object]".
 */
export function conflictValueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
