/** RFC 4180 CSV: the given columns in order, objects as JSON, quotes doubled, null as empty. */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(','))].join('\n') + '\n';
}
