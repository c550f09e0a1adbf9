/** The oversight feature's public module: what other features may use. Everything else is private. */
export { gatherDashboardData } from './dashboard-data.ts';
export { allTables, caseSections } from './dashboard-sections.ts';
export { discloseTable, type DisclosedTable, type DisclosurePolicy, type TableSpec } from './disclosure-control.ts';
export { GROUP_LABELS, type Dimension } from './disproportionality.ts';
export { type ExportFile } from './export-tables.ts';
export { CSV_TYPE, XLSX_TYPE, tableToCsv, tablesToXlsx } from './exports.ts';
export { disclosurePolicy, publicScope } from './oversight-scope.ts';
export { periodQueryString, withCharts, yearItems } from './oversight.pages.ts';
export { oversightPolicy } from './oversight.policy.ts';
export {
  asAtDay,
  financialYearLabel,
  financialYearOf,
  periodFromInput,
  periodQuerySchema,
  selectableYears,
  type PeriodQuery,
} from './period.ts';
