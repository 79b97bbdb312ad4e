// The page's results as downloads: the KPIs, the what-if scenario and the files' figures, as CSV for
// spreadsheets (raw numbers plus the formatted text) and as self-describing JSON. Pure: the views
// hand in what the page shows, so node tests can check every byte.
import type {
  AssumptionKey,
  Catalog,
  EngineError,
  ImportAnswer,
  KpiResult,
  KpiSpec,
  Measure,
  ProjectionAnswer,
  ProjectionPath,
  ProjectionRequest,
  Unit,
} from '../engine/contract';
import { measureLabel } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';
import { type CsvValue, csvDocument } from './csv';
import { formatMeasure } from './data-format';
import { ASSUMPTIONS } from './whatif';

export const EXPORT_FORMAT = 'servimetrics-export';
export const EXPORT_VERSION = 1;

/** What every download says about itself: the page's language and currency, the company, when. */
export interface ExportMeta {
  i18n: I18n;
  company: string;
  exportedAt: Date;
}

export type ExportContent = 'kpis' | 'scenario' | 'files';

/** "servimetrics-kpis-2026-12-06.csv", dated in the user's own time zone. */
export function exportFileName(content: ExportContent, extension: 'csv' | 'json', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `servimetrics-${content}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

function envelope(meta: ExportMeta, content: ExportContent): Record<string, unknown> {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    content,
    exported_at: meta.exportedAt.toISOString(),
    lang: meta.i18n.lang,
    currency: meta.i18n.currency,
    company: meta.company.trim(),
  };
}

function json(meta: ExportMeta, content: ExportContent, body: Record<string, unknown>): string {
  return `${JSON.stringify({ ...envelope(meta, content), ...body }, null, 2)}\n`;
}

// ---- KPIs -------------------------------------------------------------------------------------

export interface KpiExportInput {
  catalog: Catalog;
  kpis: readonly KpiResult[];
  /** Where the KPI's inputs came from (typed, a file, the sample); '' when not known. */
  sourceOf?: ((kpiId: string) => string) | undefined;
  /** The rule as the page phrases it; the I18n phrasing of the core's rule_spec otherwise. */
  ruleOf?: ((spec: KpiSpec, result: KpiResult) => string) | undefined;
}

export interface KpiRecord {
  id: string;
  name: string;
  group: string;
  group_name: string;
  value: number;
  unit: Unit;
  formatted: string;
  band: KpiResult['band'];
  band_label: string;
  rule: string;
  /** The core's own English rule sentence. */
  rule_core: string;
  period: string | null;
  annual_rate: number | null;
  details: Record<string, unknown>;
  variant: string | null;
  breakdown: Array<{ name: string; label: string; value: number; formatted: string; band: KpiResult['band']; rule: string }>;
  warnings: Array<{ code: string; params: Record<string, unknown> }>;
  source: string;
}

function specOf(catalog: Catalog, result: KpiResult): KpiSpec {
  // A KPI the catalog does not list is still exported, under its id.
  return (
    catalog.kpis.find((k) => k.id === result.id) ?? {
      id: result.id,
      group: '',
      unit: result.unit,
      symbol: result.id,
      name: { en: result.id, zh: result.id },
      formula: result.formula ?? '',
      explanation: { en: '', zh: '' },
      inputs: [],
      bands: null,
      band_variants: null,
    }
  );
}

function defaultRule(i18n: I18n, spec: KpiSpec, result: KpiResult): string {
  const label = i18n.chinese ? i18n.text(spec.name) : spec.symbol || i18n.text(spec.name);
  return i18n.rule(result.rule, result.rule_spec, label, spec.unit);
}

/** The KPIs in the catalog's order (as the page groups them), then any the catalog does not list. */
export function kpiRecords(meta: ExportMeta, input: KpiExportInput): KpiRecord[] {
  const { i18n } = meta;
  const order = new Map(input.catalog.kpis.map((k, i) => [k.id, i]));
  const sorted = [...input.kpis].sort((a, b) => (order.get(a.id) ?? order.size) - (order.get(b.id) ?? order.size));
  return sorted.map((result) => {
    const spec = specOf(input.catalog, result);
    const unit = spec.unit ?? result.unit;
    const details: Record<string, unknown> = { ...(result.details ?? {}) };
    if (result.interval && !('interval' in details)) details['interval'] = result.interval;
    const period = typeof details['period'] === 'string' ? (details['period'] as string) : null;
    const annual = typeof details['annual_rate'] === 'number' ? (details['annual_rate'] as number) : null;
    const group = input.catalog.groups.find((g) => g.id === spec.group);
    return {
      id: result.id,
      name: i18n.text(spec.name),
      group: spec.group,
      group_name: group ? i18n.text(group.name) : '',
      value: result.value,
      unit,
      formatted: i18n.value(result.value, unit),
      band: result.band,
      band_label: i18n.band(result.band),
      rule: input.ruleOf ? input.ruleOf(spec, result) : defaultRule(i18n, spec, result),
      rule_core: result.rule,
      period,
      annual_rate: annual,
      details,
      variant: result.variant ?? null,
      breakdown: (result.breakdown ?? []).map((row) => ({
        name: row.name,
        label: i18n.rowName(row.name),
        value: row.value,
        formatted: i18n.value(row.value, unit),
        band: row.band,
        rule: row.rule && row.band !== 'none' ? i18n.rule(row.rule, row.rule_spec, i18n.rowName(row.name), unit) : '',
      })),
      warnings: (result.warnings ?? []).map((w) => ({ code: w.code, params: w.params })),
      source: input.sourceOf?.(result.id) ?? '',
    };
  });
}

/** Details other than the period columns, flat: "respondents=120; interval.low=10.2". */
function detailsText(record: KpiRecord): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${key}.${k}`, v);
    else parts.push(`${key}=${String(value)}`);
  };
  for (const [key, value] of Object.entries(record.details)) if (key !== 'period' && key !== 'annual_rate') add(key, value);
  if (record.variant) parts.push(`variant=${record.variant}`);
  return parts.join('; ');
}

export function kpisCsv(meta: ExportMeta, input: KpiExportInput): string {
  const { i18n } = meta;
  const header = [
    i18n.t('exportColId'), i18n.t('exportColKpi'), i18n.t('exportColGroup'), i18n.t('exportColValue'),
    i18n.t('exportColUnit'), i18n.t('exportColFormatted'), i18n.t('exportColBand'), i18n.t('exportColBandLabel'),
    i18n.t('exportColRule'), i18n.t('exportColPeriod'), i18n.t('exportColAnnualRate'), i18n.t('exportColDetails'),
    i18n.t('exportColWarnings'), i18n.t('exportColSource'),
  ];
  const rows: CsvValue[][] = [];
  for (const r of kpiRecords(meta, input)) {
    const warnings = r.warnings.map((w) => w.code).join(' ');
    rows.push([r.id, r.name, r.group_name, r.value, r.unit, r.formatted, r.band, r.band_label, r.rule,
      r.period ?? '', r.annual_rate, detailsText(r), warnings, r.source]);
    // A KPI's parts (per process, role, channel) follow it, named "kpi/part".
    for (const part of r.breakdown) {
      rows.push([`${r.id}/${part.name}`, i18n.qualified(r.name, part.label), r.group_name, part.value, r.unit, part.formatted,
        part.band, i18n.band(part.band), part.rule, '', null, '', '', r.source]);
    }
  }
  return csvDocument(header, rows);
}

export function kpisJson(meta: ExportMeta, input: KpiExportInput): string {
  return json(meta, 'kpis', { kpis: kpiRecords(meta, input) });
}

// ---- the what-if scenario -----------------------------------------------------------------------

export interface ScenarioExportInput {
  /** The assumptions the projection was asked with (baseline and scenario); null when incomplete. */
  assumptions: ProjectionRequest | null;
  projection: ProjectionAnswer | null;
}

const MONEY_ASSUMPTIONS: ReadonlySet<string> = new Set(['avg_order_value', 'cac']);
const RATE_ASSUMPTIONS: ReadonlySet<string> = new Set(['retention_rate', 'gross_margin']);

/** An assumption's value as the what-if panel shows it. */
export function formatAssumption(i18n: I18n, key: AssumptionKey | 'starting_customers', value: number): string {
  if (RATE_ASSUMPTIONS.has(key)) return i18n.percent(value, 1);
  if (MONEY_ASSUMPTIONS.has(key)) return i18n.money(value);
  if (key === 'purchases_per_year') return i18n.number(value, 2);
  return i18n.number(value, 0);
}

/** A change of an assumption: points for rates, the amount otherwise. */
export function formatAssumptionChange(i18n: I18n, key: AssumptionKey | 'starting_customers', diff: number): string {
  if (RATE_ASSUMPTIONS.has(key)) return i18n.points(diff);
  return i18n.signed(formatAssumption(i18n, key, diff), diff);
}

export const PATH_METRICS: ReadonlyArray<keyof ProjectionPath> = ['customers', 'revenue', 'gross_profit', 'acquisition_cost', 'profit'];

export function metricLabel(i18n: I18n, metric: string): string {
  return i18n.maybe(`metric_${metric}`, metric);
}

function metricValue(i18n: I18n, metric: string, value: number): string {
  return metric === 'customers' ? i18n.number(value, 0) : i18n.money(value);
}

type ScenarioRow = [section: string, id: string, name: string, year: number | null, base: number, scn: number, diff: number, format: (v: number) => string, formatDiff: (v: number) => string];

function scenarioRows(i18n: I18n, input: ScenarioExportInput): ScenarioRow[] {
  const rows: ScenarioRow[] = [];
  const a = input.assumptions;
  if (a) {
    const customers = (v: number) => formatAssumption(i18n, 'starting_customers', v);
    rows.push(['assumption', 'starting_customers', i18n.t('assume_starting_customers'), null, a.starting_customers, a.starting_customers, 0, customers, customers]);
    for (const key of ASSUMPTIONS) {
      const base = a.baseline[key];
      const scn = a.scenario[key];
      rows.push(['assumption', key, i18n.t(`assume_${key}`), null, base, scn, scn - base, (v) => formatAssumption(i18n, key, v), (v) => formatAssumptionChange(i18n, key, v)]);
    }
  }
  const p = input.projection;
  if (p) {
    for (const metric of PATH_METRICS) {
      const format = (v: number) => metricValue(i18n, metric, v);
      const signed = (v: number) => i18n.signed(format(v), v);
      p.years.forEach((year, i) => {
        rows.push(['year', metric, metricLabel(i18n, metric), year, p.baseline[metric][i] ?? 0, p.scenario[metric][i] ?? 0, p.difference[metric][i] ?? 0, format, signed]);
      });
      const total = p.totals.baseline[metric];
      if (typeof total === 'number') {
        rows.push(['total', metric, metricLabel(i18n, metric), null, total, p.totals.scenario[metric] ?? 0, p.totals.difference[metric] ?? 0, format, signed]);
      }
    }
  }
  return rows;
}

export function scenarioCsv(meta: ExportMeta, input: ScenarioExportInput): string {
  const { i18n } = meta;
  const header = [
    i18n.t('exportColSection'), i18n.t('exportColId'), i18n.t('exportColName'), i18n.t('year'),
    i18n.t('baseline'), i18n.t('scenario'), i18n.t('difference'),
    i18n.t('exportColFormattedOf', { what: i18n.t('baseline') }), i18n.t('exportColFormattedOf', { what: i18n.t('scenario') }),
    i18n.t('exportColFormattedOf', { what: i18n.t('difference') }),
  ];
  return csvDocument(
    header,
    scenarioRows(i18n, input).map(([section, id, name, year, base, scn, diff, format, formatDiff]) => [
      section, id, name, year, base, scn, diff, format(base), format(scn), formatDiff(diff),
    ]),
  );
}

export function scenarioJson(meta: ExportMeta, input: ScenarioExportInput): string {
  const { i18n } = meta;
  const labels: Record<string, string> = {};
  for (const key of [...ASSUMPTIONS, 'starting_customers'] as const) labels[key] = i18n.t(`assume_${key}`);
  for (const metric of PATH_METRICS) labels[metric] = metricLabel(i18n, metric);
  return json(meta, 'scenario', { labels, assumptions: input.assumptions, projection: input.projection });
}

// ---- imported files ------------------------------------------------------------------------------

/** What the export reads of one file's result (lib/file-imports.ts KindResult). */
export interface FileResultLike {
  kind: string;
  fileName: string;
  readAt: string;
  answer: ImportAnswer;
}

export interface FileExportInput {
  files: readonly FileResultLike[];
  catalog: Catalog;
  kindName: (kind: string) => string;
  /** A core message (a file's problem) in the page's language; the core's English otherwise. */
  message?: ((error: EngineError) => string) | undefined;
  ruleOf?: KpiExportInput['ruleOf'];
}

function measureRecord(i18n: I18n, m: Measure) {
  return { id: m.id, name: measureLabel(i18n, m.id), value: m.value, unit: m.unit, formatted: formatMeasure(i18n, m) };
}

function fileRecord(meta: ExportMeta, input: FileExportInput, file: FileResultLike) {
  const { i18n } = meta;
  const report = file.answer.import;
  const message = input.message ?? ((e: EngineError) => e.message);
  return {
    file_name: file.fileName,
    kind: file.kind,
    kind_name: input.kindName(file.kind),
    read_at: file.readAt,
    import: report
      ? {
          format: report.file.format ?? null,
          encoding: report.file.encoding ?? null,
          bytes: report.file.bytes,
          rows_read: report.rows_read ?? 0,
          rows_used: report.rows_used ?? 0,
          rows_rejected: report.rows_rejected ?? 0,
        }
      : null,
    measures: (file.answer.measures ?? []).map((m) => measureRecord(i18n, m)),
    kpis: kpiRecords(meta, { catalog: input.catalog, kpis: file.answer.kpis, ruleOf: input.ruleOf }),
    errors: file.answer.errors.map((e) => ({ code: e.code, kpi: e.kpi, input: e.input, params: e.params, message: message(e) })),
    notes: (file.answer.notes ?? []).map((n) => ({ id: n.id, code: n.code, params: n.params })),
  };
}

export function filesCsv(meta: ExportMeta, input: FileExportInput): string {
  const { i18n } = meta;
  const header = [
    i18n.t('exportColFile'), i18n.t('exportColKind'), i18n.t('exportColReadAt'), i18n.t('exportColType'),
    i18n.t('exportColId'), i18n.t('exportColName'), i18n.t('exportColValue'), i18n.t('exportColUnit'),
    i18n.t('exportColFormatted'), i18n.t('exportColBand'),
  ];
  const rows: CsvValue[][] = [];
  for (const file of input.files) {
    const r = fileRecord(meta, input, file);
    const lead = [r.file_name, r.kind_name, r.read_at];
    if (r.import) {
      for (const key of ['rows_read', 'rows_used', 'rows_rejected'] as const) {
        const label = i18n.t(key === 'rows_read' ? 'rowsRead' : key === 'rows_used' ? 'rowsUsed' : 'rowsRejected');
        rows.push([...lead, 'import', key, label, r.import[key], 'count', i18n.number(r.import[key], 0), '']);
      }
    }
    for (const m of r.measures) rows.push([...lead, 'measure', m.id, m.name, m.value, m.unit, m.formatted, '']);
    for (const k of r.kpis) rows.push([...lead, 'kpi', k.id, k.name, k.value, k.unit, k.formatted, k.band_label]);
    // A file that could not be read, or a KPI it could not give, says why rather than vanishing.
    for (const e of r.errors) rows.push([...lead, 'error', e.code, e.message, null, '', '', '']);
  }
  return csvDocument(header, rows);
}

export function filesJson(meta: ExportMeta, input: FileExportInput): string {
  return json(meta, 'files', { files: input.files.map((f) => fileRecord(meta, input, f)) });
}
