/** The benchmark's rows, their verdicts, and the one table `npm run bench` prints. */

export interface Row {
  /** Which part of the benchmark: build scale, payload, Lighthouse, runtime. */
  section: string;
  name: string;
  /** Undefined when it could not be measured (see `failed`). */
  value: number | undefined;
  unit: string;
  /** The target, or null when the row is for information. */
  target: number | null;
  /** Whether the value should stay at or below the target (times, sizes) or reach it (scores). */
  better: 'lower' | 'higher';
  /** Set when the measure failed: what went wrong. A failed row with a target is a missed target. */
  failed?: string;
  /** Why the target is missed, where known. */
  reason?: string;
  /** More about the measure, for bench/results.json only. */
  detail?: string;
}

export type Verdict = 'ok' | 'MISSED' | 'FAILED' | '';

export function verdict(row: Row): Verdict {
  if (row.failed !== undefined) return 'FAILED';
  if (row.target === null || row.value === undefined) return '';
  const ok = row.better === 'lower' ? row.value <= row.target : row.value >= row.target;
  return ok ? 'ok' : 'MISSED';
}

function decimals(value: number, unit: string): number {
  if (unit === 's' || unit === 'kB' || unit === '×') return unit === '×' ? 2 : 1;
  if (unit === 'ms') return value < 10 ? 2 : value < 100 ? 1 : 0;
  return 0;
}

function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return `${value.toFixed(decimals(value, unit))}${unit ? ` ${unit}` : ''}`;
}

function formatTarget(row: Row): string {
  if (row.target === null) return '-';
  return `${row.better === 'lower' ? '≤' : '≥'} ${row.target}${row.unit ? ` ${row.unit}` : ''}`;
}

/** Prints every row in one table, sections as headings inside it, then the gaps with their reasons. */
export function printTable(rows: Row[]): { missed: Row[] } {
  const nameWidth = Math.max(40, ...rows.map((row) => row.name.length)) + 2;
  const line = (name: string, value: string, target: string, result: string) =>
    console.log(`${name.padEnd(nameWidth)}${value.padStart(12)}${target.padStart(12)}  ${result}`.trimEnd());
  line('Measure', 'Value', 'Target', 'Result');
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      line(`[${section}]`, '', '', '');
    }
    line(`  ${row.name}`, formatValue(row.value, row.unit), formatTarget(row), verdict(row));
  }
  const missed = rows.filter((row) => verdict(row) === 'MISSED' || verdict(row) === 'FAILED');
  if (missed.length === 0) {
    console.log('\nEvery target met.');
    return { missed };
  }
  console.log(`\n${missed.length} target(s) missed or not measured. Gaps:`);
  for (const row of missed) {
    const why = [row.failed, row.reason].filter(Boolean).join('; ') || 'no known reason';
    console.log(
      `- ${row.section}, ${row.name}: ${formatValue(row.value, row.unit)} against ${formatTarget(row)}. ${why}`,
    );
  }
  return { missed };
}
