/**
 * Leaves out fields whose value is undefined, so records, messages and reports carry only what
 * is known and compare cleanly (JSON would drop them anyway; structured clone would not).
 */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
