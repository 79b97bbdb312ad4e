// The panels below the first screen, in their own chunk (loaded by lazy-view.ts when reached or
// when the page is idle): the files panel with its results and customer base and the what-if, with the
// styles only they use. The print report is in the calculator's own chunk: a print may come any time.
import type { CSSResult } from 'lit';
import { combinedResultStyles } from './combined-result-view';
import { customerBaseStyles } from './customer-base-view';
import { dataTableStyles } from './data-table-view';
import { filesStyles } from './files-view';
import { importProgressStyles } from './import-progress-view';
import { importReportStyles } from './import-report-view';
import { kindResultStyles } from './kind-result-view';
import { mappingStyles } from './mapping-view';
import { notesStyles } from './notes-view';
import { whatIfStyles } from './whatif-view';

export { renderCustomerBase } from './customer-base-view';
export { renderFiles } from './files-view';
export { renderWhatIf } from './whatif-view';

/** In the order the calculator listed them before they moved here. */
export const panelStyles: CSSResult[] = [
  filesStyles,
  importProgressStyles,
  kindResultStyles,
  customerBaseStyles,
  combinedResultStyles,
  dataTableStyles,
  notesStyles,
  importReportStyles,
  mappingStyles,
  whatIfStyles,
];
