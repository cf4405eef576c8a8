// The one table the benchmark prints: measured value, the baseline measured in the same run,
// their ratio, and the budget it is held to.

export interface Budget {
  /** What the target bounds: the ratio to the baseline, or the measured value itself. */
  on: 'ratio' | 'measured';
  max: number;
  /** Strictly below (`faster than`), rather than at most. */
  strict?: boolean;
}

export interface Row {
  metric: string;
  measured?: number;
  unit: 'ms' | 'MB' | 'KB';
  baseline?: number;
  baselineLabel?: string;
  budget?: Budget;
  /** Why a row has no figure (e.g. the server bundle is not built). */
  missing?: string;
}

export function ratio(row: Row): number | undefined {
  return row.measured !== undefined && row.baseline ? row.measured / row.baseline : undefined;
}

export function verdict(row: Row): 'pass' | 'MISS' | undefined {
  if (!row.budget || row.measured === undefined) return undefined;
  const value = row.budget.on === 'ratio' ? ratio(row) : row.measured;
  if (value === undefined) return undefined;
  return (row.budget.strict ? value < row.budget.max : value <= row.budget.max) ? 'pass' : 'MISS';
}

function fmt(value: number, unit: Row['unit']): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function target(row: Row): string {
  const b = row.budget;
  if (!b) return '';
  const op = b.strict ? '<' : '≤';
  return b.on === 'ratio' ? `${op} ${b.max.toFixed(2)}×` : `${op} ${fmt(b.max, row.unit)}`;
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['metric', 'measured', 'baseline (same run)', 'ratio', 'target', 'verdict'];
  const cells = rows.map((r) => {
    if (r.missing) return [r.metric, 'n/a', r.missing, '', target(r), 'not measured'];
    const q = ratio(r);
    return [
      r.metric,
      r.measured === undefined ? 'n/a' : fmt(r.measured, r.unit),
      r.baseline === undefined ? '—' : `${fmt(r.baseline, r.unit)} ${r.baselineLabel ?? ''}`.trim(),
      q === undefined ? '—' : `${q.toFixed(2)}×`,
      target(r),
      verdict(r) ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
