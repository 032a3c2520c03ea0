/** A value as TypeScript source on one line: `{ status: 'COMPLETED', limit: 25 }`. */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : tsLiteral(key)}: ${tsLiteral(item)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(JSON.stringify(value));
}
