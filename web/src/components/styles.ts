import { css } from 'lit';

// Every style of the page lives in the calculator's shadow root. The host page can theme it with
// custom properties: --sm-accent, --sm-font, --sm-bg, --sm-surface, --sm-text, --sm-muted,
// --sm-border, --sm-good, --sm-watch, --sm-bad, --sm-none, --sm-radius.
export const styles = css`
  :host {
    --_accent: var(--sm-accent, #0f5e6e);
    --_accent-soft: color-mix(in srgb, var(--_accent) 10%, transparent);
    --_font: var(
      --sm-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
    --_bg: var(--sm-bg, #f4f6f8);
    --_surface: var(--sm-surface, #ffffff);
    --_text: var(--sm-text, #1b2430);
    --_muted: var(--sm-muted, #5d6b7a);
    --_border: var(--sm-border, #dde3ea);
    --_good: var(--sm-good, #1f7a4d);
    --_watch: var(--sm-watch, #a8650b);
    --_bad: var(--sm-bad, #c0362c);
    --_none: var(--sm-none, #6b7785);
    --_radius: var(--sm-radius, 10px);
    --_shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.45;
    font-size: 15px;
    -webkit-text-size-adjust: 100%;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1,
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* ---- top bar ------------------------------------------------------------------------------ */
  .topbar {
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .topbar-inner,
  .wrap {
    max-width: 1360px;
    margin: 0 auto;
    padding: 0 24px;
  }
  .topbar-inner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    padding-top: 14px;
    padding-bottom: 14px;
    flex-wrap: wrap;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 12px;
    min-width: 0;
  }
  .brand svg {
    flex: none;
  }
  .brand h1 {
    font-size: 20px;
    letter-spacing: -0.01em;
    font-weight: 700;
  }
  .brand p {
    color: var(--_muted);
    font-size: 13px;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    margin-left: auto;
  }
  .btn.lang {
    min-width: 72px;
  }
  .btn {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 8px;
    padding: 7px 12px;
    cursor: pointer;
    font-size: 14px;
    line-height: 1.2;
    white-space: nowrap;
  }
  .btn:hover {
    border-color: var(--_accent);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  .btn:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .btn.primary:hover {
    filter: brightness(1.08);
  }
  .btn.small {
    padding: 4px 9px;
    font-size: 13px;
  }
  .btn:focus-visible,
  .seg button:focus-visible,
  .nav button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .currency {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    color: var(--_muted);
  }
  .currency select {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 6px 8px;
    background: var(--_surface);
  }

  /* ---- notices, overview, navigation --------------------------------------------------------- */
  .notice {
    margin: 16px 0 0;
    padding: 10px 14px;
    border-radius: 8px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 14px;
  }
  .notice.error {
    background: color-mix(in srgb, var(--_bad) 10%, transparent);
    color: var(--_bad);
  }
  .overview {
    margin-top: 20px;
    display: grid;
    grid-template-columns: minmax(220px, 1fr) 3fr;
    gap: 16px;
    align-items: stretch;
  }
  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .overview .totals {
    padding: 16px 18px;
  }
  .overview h2 {
    font-size: 13px;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
    font-weight: 600;
  }
  .tally {
    display: flex;
    gap: 14px;
    margin-top: 10px;
    flex-wrap: wrap;
  }
  .tally div {
    display: flex;
    flex-direction: column;
  }
  .tally strong {
    font-size: 26px;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .tally span {
    font-size: 12px;
    color: var(--_muted);
  }
  .tally .good strong {
    color: var(--_good);
  }
  .tally .watch strong {
    color: var(--_watch);
  }
  .tally .bad strong {
    color: var(--_bad);
  }
  .computed {
    margin-top: 8px;
    font-size: 12px;
    color: var(--_muted);
  }
  .group-tiles {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 10px;
  }
  .group-tile {
    text-align: left;
    padding: 12px 14px;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .group-tile:hover {
    border-color: var(--_accent);
  }
  .group-tile .name {
    font-weight: 600;
    font-size: 14px;
  }
  .tile-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    font-size: 12px;
    color: var(--_muted);
    margin-top: auto;
  }
  .tile-counts .good {
    color: var(--_good);
  }
  .tile-counts .watch {
    color: var(--_watch);
  }
  .tile-counts .bad {
    color: var(--_bad);
  }
  .dots {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 3px;
    background: var(--_border);
  }
  .dot.good {
    background: var(--_good);
  }
  .dot.watch {
    background: var(--_watch);
  }
  .dot.bad {
    background: var(--_bad);
  }
  .dot.none {
    background: color-mix(in srgb, var(--_none) 45%, transparent);
  }
  .nav {
    position: sticky;
    top: 0;
    z-index: 5;
    margin-top: 18px;
    background: color-mix(in srgb, var(--_bg) 92%, transparent);
    backdrop-filter: blur(6px);
    -webkit-backdrop-filter: blur(6px);
    border-bottom: 1px solid var(--_border);
  }
  .nav .wrap {
    display: flex;
    gap: 4px;
    overflow-x: auto;
    scrollbar-width: none;
    padding-top: 6px;
    padding-bottom: 6px;
  }
  .nav button {
    border: 0;
    background: none;
    padding: 7px 12px;
    border-radius: 999px;
    cursor: pointer;
    white-space: nowrap;
    font-size: 14px;
    color: var(--_muted);
  }
  .nav button:hover {
    color: var(--_text);
    background: var(--_accent-soft);
  }
  .nav button.active {
    color: var(--_accent);
    background: var(--_accent-soft);
    font-weight: 600;
  }

  /* ---- group sections ---------------------------------------------------------------------- */
  section.group,
  section.block {
    padding-top: 28px;
    scroll-margin-top: 56px;
  }
  .section-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
    margin-bottom: 12px;
    flex-wrap: wrap;
  }
  .section-head h2 {
    font-size: 21px;
    letter-spacing: -0.01em;
  }
  .section-head p {
    color: var(--_muted);
    font-size: 14px;
    max-width: 70ch;
  }
  .group-grid {
    display: grid;
    grid-template-columns: minmax(300px, 5fr) 7fr;
    gap: 16px;
    align-items: start;
  }
  .inputs {
    padding: 6px 18px 16px;
  }
  .inputs h3,
  .results-title {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
    font-weight: 600;
  }
  .results-title {
    margin: 0 0 8px 2px;
  }
  fieldset {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 0;
    padding: 12px 0 6px;
  }
  fieldset:first-of-type {
    border-top: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
    font-size: 14px;
    float: left;
    width: 100%;
    margin-bottom: 8px;
  }
  legend + * {
    clear: both;
  }
  .legend-note {
    font-weight: 400;
    color: var(--_muted);
    font-size: 12px;
    display: block;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
    gap: 10px 14px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 3px;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field > label,
  .field .label {
    font-size: 13px;
    font-weight: 500;
    color: var(--_text);
  }
  .control {
    position: relative;
    display: flex;
    align-items: stretch;
  }
  .control input,
  .control select,
  .counts input,
  .rows input {
    width: 100%;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: 7px;
    padding: 7px 9px;
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
    font-size: 15px;
  }
  .control .affix {
    position: absolute;
    right: 9px;
    top: 50%;
    transform: translateY(-50%);
    color: var(--_muted);
    font-size: 13px;
    pointer-events: none;
  }
  .control .affix + input,
  .control input.has-affix {
    padding-right: 42px;
  }
  .hint {
    font-size: 12px;
    color: var(--_muted);
  }
  .field-error {
    font-size: 12px;
    color: var(--_bad);
    display: flex;
    gap: 4px;
  }
  .field.invalid input,
  .field.invalid select,
  input.invalid {
    border-color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 4%, var(--_surface));
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 6px;
  }
  .counts label {
    display: flex;
    flex-direction: column;
    font-size: 11px;
    color: var(--_muted);
    gap: 2px;
    text-align: center;
  }
  .counts input {
    color: var(--_text);
    text-align: center;
    padding: 7px 4px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  .rows th {
    font-size: 12px;
    font-weight: 500;
    color: var(--_muted);
    text-align: left;
    padding: 0 6px 4px 0;
  }
  .rows td {
    padding: 3px 6px 3px 0;
    vertical-align: middle;
  }
  .rows td.rowname {
    font-size: 13px;
    width: 38%;
  }
  .rows td.remove {
    width: 30px;
    padding-right: 0;
  }
  .icon-btn {
    border: 0;
    background: none;
    cursor: pointer;
    color: var(--_muted);
    border-radius: 6px;
    width: 28px;
    height: 28px;
    font-size: 16px;
    line-height: 1;
  }
  .icon-btn:hover {
    color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 8%, transparent);
  }
  .add-row {
    margin-top: 6px;
  }

  /* ---- KPI cards ---------------------------------------------------------------------------- */
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(270px, 1fr));
    gap: 12px;
  }
  .kpi {
    position: relative;
    padding: 14px 16px 14px 18px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overflow: hidden;
    min-width: 0;
  }
  .kpi::before {
    content: '';
    position: absolute;
    left: 0;
    top: 0;
    bottom: 0;
    width: 4px;
    background: var(--_band, var(--_border));
  }
  .kpi.good {
    --_band: var(--_good);
  }
  .kpi.watch {
    --_band: var(--_watch);
  }
  .kpi.bad {
    --_band: var(--_bad);
  }
  .kpi.none {
    --_band: color-mix(in srgb, var(--_none) 50%, transparent);
  }
  .kpi.empty {
    box-shadow: none;
    background: color-mix(in srgb, var(--_surface) 60%, transparent);
  }
  .kpi-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 8px;
  }
  .kpi h3 {
    font-size: 14px;
    font-weight: 600;
    line-height: 1.3;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 8px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    white-space: nowrap;
    flex: none;
    color: var(--_chip, var(--_none));
    background: color-mix(in srgb, var(--_chip, var(--_none)) 12%, transparent);
  }
  .chip.good {
    --_chip: var(--_good);
  }
  .chip.watch {
    --_chip: var(--_watch);
  }
  .chip.bad {
    --_chip: var(--_bad);
  }
  .chip svg {
    width: 11px;
    height: 11px;
  }
  .value {
    font-size: 28px;
    font-weight: 700;
    letter-spacing: -0.02em;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .kpi.empty .value {
    color: var(--_muted);
    font-weight: 500;
  }
  .sub {
    font-size: 13px;
    color: var(--_muted);
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 13px;
    color: var(--_muted);
  }
  .details b {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .explanation {
    font-size: 13px;
    color: var(--_text);
  }
  .meta {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 3px 10px;
    font-size: 12px;
    color: var(--_muted);
    border-top: 1px dashed var(--_border);
    padding-top: 8px;
  }
  .meta dt {
    font-weight: 600;
  }
  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .meta code {
    font-family: var(--_mono);
    font-size: 11.5px;
    color: var(--_text);
  }
  .kpi-error {
    font-size: 13px;
    color: var(--_bad);
    background: color-mix(in srgb, var(--_bad) 7%, transparent);
    border-radius: 6px;
    padding: 6px 8px;
  }
  .breakdown {
    font-size: 13px;
  }
  .breakdown caption {
    text-align: left;
    font-size: 12px;
    color: var(--_muted);
    font-weight: 600;
    padding-bottom: 4px;
  }
  .breakdown td {
    padding: 3px 0;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  .breakdown td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    padding: 3px 8px;
    white-space: nowrap;
  }
  .breakdown td.band {
    text-align: right;
    width: 1%;
  }
  .note {
    font-size: 12.5px;
    background: var(--_accent-soft);
    border-radius: 6px;
    padding: 8px 10px;
  }
  .note strong {
    display: block;
    margin-bottom: 2px;
  }

  /* ---- data files ----------------------------------------------------------------------------- */
  .files-grid {
    display: grid;
    grid-template-columns: minmax(260px, 4fr) 8fr;
    gap: 16px;
    align-items: stretch;
  }
  .dropzone {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 10px;
    text-align: center;
    padding: 26px 18px;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-height: 190px;
    transition: border-color 0.15s, background 0.15s;
  }
  .dropzone > svg {
    color: var(--_accent);
  }
  .dropzone.over {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .dropzone .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    justify-content: center;
  }
  .dropzone a {
    color: var(--_accent);
    font-size: 13px;
  }
  .inline {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
    font-size: 13px;
    color: var(--_muted);
  }
  .margin-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin: 8px 0 4px;
  }
  .margin-control {
    width: 7.5em;
  }
  .kind-result.combined {
    margin-top: 20px;
  }
  .inline select,
  .import-report select,
  .mapping select {
    border: 1px solid var(--_border);
    border-radius: 7px;
    padding: 6px 8px;
    background: var(--_surface);
    color: var(--_text);
    max-width: 100%;
  }
  .small {
    font-size: 12px;
  }
  .kind-list {
    padding: 14px 18px;
    min-width: 0;
  }
  .kind-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .kind-list li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 6px 16px;
    padding: 9px 0;
    border-top: 1px solid var(--_border);
    flex-wrap: wrap;
  }
  .kind-list li:first-child {
    border-top: 0;
  }
  .kind-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 260px;
  }
  .kind-text strong {
    font-size: 14px;
  }
  .kind-actions {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  .templates {
    color: var(--_muted);
    white-space: nowrap;
  }
  .templates a,
  .linkish {
    color: var(--_accent);
  }
  .linkish {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .import-progress {
    margin-top: 16px;
    padding: 12px 16px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .progress-top,
  .progress-sub {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .progress-sub {
    font-size: 13px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  progress {
    width: 100%;
    height: 10px;
    accent-color: var(--_accent);
  }
  .files-results {
    margin-top: 18px;
    min-width: 0;
  }
  .tabs {
    display: flex;
    gap: 6px;
    overflow-x: auto;
    border-bottom: 1px solid var(--_border);
    margin-bottom: 14px;
  }
  .tabs button {
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    padding: 8px 12px;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    font-weight: 600;
    white-space: nowrap;
  }
  .tabs button[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
  }
  .tabs button span {
    font-weight: 400;
  }
  .kind-result {
    display: flex;
    flex-direction: column;
    gap: 14px;
    min-width: 0;
  }
  .kind-result > .notice {
    margin: 0;
  }
  .result-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 10px;
    flex-wrap: wrap;
  }
  .result-head h3 {
    font-size: 18px;
  }
  .result-head p {
    overflow-wrap: anywhere;
  }
  .file-error {
    border-left: 4px solid var(--_bad);
    display: flex;
    flex-direction: column;
    gap: 6px;
    font-size: 15px;
  }
  .file-error p {
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .measures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(140px, 40%), 1fr));
    gap: 14px 20px;
    padding: 14px 18px;
  }
  .measures .stat strong {
    font-size: 20px;
    overflow-wrap: anywhere;
  }
  .file-tables {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr));
    gap: 14px;
    align-items: start;
  }
  .file-table.wide {
    grid-column: 1 / -1;
  }
  /* A shadow at an edge where the table goes on: it scrolls sideways on narrow screens. */
  .file-table .scroll-x {
    background:
      linear-gradient(to right, var(--_surface) 30%, transparent) left / 24px 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 30%, transparent) right / 24px 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 16%), transparent) left / 10px 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 16%), transparent) right / 10px 100% no-repeat scroll;
  }
  /* Dates, ids and Chinese titles read badly broken; a wide table scrolls instead. */
  .file-table .data-table th,
  .file-table .data-table td:first-child {
    white-space: nowrap;
  }
  .file-table {
    margin: 0;
    min-width: 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px 14px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .file-table figcaption {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  .file-table figcaption h4 {
    margin: 0;
  }
  .file-table .btn {
    align-self: flex-start;
  }
  .data-table th.txt,
  .data-table td.txt {
    text-align: left;
  }
  .notes {
    padding: 12px 18px;
  }
  .notes ul {
    margin: 0;
    padding-left: 18px;
    font-size: 13px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .import-report {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 14px 18px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .import-report .results-title {
    margin: 0;
  }
  .import-report .btn {
    margin-top: 8px;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 22px;
    margin: 0;
    font-size: 13px;
  }
  .facts div {
    display: flex;
    gap: 6px;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  ul.formats {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 14px;
  }
  .format-row {
    padding: 7px 0;
    border-bottom: 1px solid var(--_border);
  }
  .format-main {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  .format-name {
    flex: 0 1 260px;
  }
  .format-name code,
  .format-value code {
    font-family: var(--_mono);
    font-size: 12.5px;
    color: var(--_muted);
  }
  .format-value {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    min-width: 0;
  }
  .warn {
    color: var(--_watch);
    font-size: 13px;
    margin-top: 4px;
  }
  .mapping {
    padding: 14px 18px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .mapping h3 {
    font-size: 15px;
  }
  .mapping-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(190px, 40%), 1fr));
    gap: 10px 14px;
  }
  .mapping .row {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .mapping select {
    width: 100%;
  }
  .req {
    color: var(--_bad);
    text-decoration: none;
    margin-left: 2px;
  }
  .chip.tiny {
    font-size: 11px;
    padding: 0 6px;
    margin-left: 6px;
    font-weight: 500;
  }
  .data-table {
    font-size: 14px;
    font-variant-numeric: tabular-nums;
  }
  .data-table th,
  .data-table td {
    padding: 7px 10px;
    border-bottom: 1px solid var(--_border);
    text-align: right;
    white-space: nowrap;
  }
  .data-table th:first-child,
  .data-table td:first-child {
    text-align: left;
  }
  .data-table thead th {
    font-size: 12px;
    color: var(--_muted);
    font-weight: 600;
  }
  .data-table tfoot td,
  .data-table tr.total td {
    font-weight: 700;
    border-bottom: 0;
    border-top: 2px solid var(--_border);
  }
  .data-table.text th,
  .data-table.text td {
    text-align: left;
  }
  .data-table td.wrap {
    white-space: normal;
    text-align: left;
  }
  .scroll-x {
    overflow-x: auto;
    -webkit-overflow-scrolling: touch;
  }
  .stats {
    display: flex;
    gap: 22px;
    flex-wrap: wrap;
  }
  .stat {
    display: flex;
    flex-direction: column;
  }
  .stat span {
    font-size: 12px;
    color: var(--_muted);
  }
  .stat strong {
    font-size: 22px;
    font-variant-numeric: tabular-nums;
  }
  .stat.big strong {
    font-size: 28px;
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
    font-size: 14px;
  }
  h4 {
    font-size: 13px;
    font-weight: 600;
    margin-bottom: 6px;
  }
  ul.errors {
    margin: 0;
    padding-left: 18px;
    color: var(--_bad);
    font-size: 13px;
  }

  /* ---- what-if ------------------------------------------------------------------------------- */
  .whatif-grid {
    display: grid;
    grid-template-columns: minmax(280px, 4fr) 8fr;
    gap: 16px;
    align-items: start;
  }
  .sliders {
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .slider {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .slider-top {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    font-size: 14px;
  }
  .slider-top label {
    font-weight: 500;
  }
  .slider-top output {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .slider-sub {
    display: flex;
    justify-content: space-between;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .delta.up {
    color: var(--_good);
  }
  .delta.down {
    color: var(--_bad);
  }
  input[type='range'] {
    width: 100%;
    accent-color: var(--_accent);
    margin: 2px 0;
    height: 24px;
  }
  .chart-panel {
    padding: 14px 18px 16px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-width: 0;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 10px;
  }
  .summary .box {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 10px 12px;
  }
  .summary .box span {
    font-size: 12px;
    color: var(--_muted);
    display: block;
  }
  .summary .box strong {
    font-size: 20px;
    font-variant-numeric: tabular-nums;
  }
  .summary .box small {
    display: block;
    font-size: 12px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .chart-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
    flex-wrap: wrap;
  }
  .seg {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 2px;
    background: var(--_bg);
  }
  .seg button {
    border: 0;
    background: none;
    padding: 5px 12px;
    border-radius: 6px;
    cursor: pointer;
    font-size: 13px;
    color: var(--_muted);
  }
  .seg button[aria-pressed='true'] {
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    box-shadow: var(--_shadow);
  }
  .legend {
    display: flex;
    gap: 14px;
    font-size: 12px;
    color: var(--_muted);
  }
  .legend i {
    display: inline-block;
    width: 18px;
    height: 0;
    border-top: 2px dashed var(--_none);
    vertical-align: middle;
    margin-right: 5px;
  }
  .legend i.scn {
    border-top: 3px solid var(--_accent);
  }
  .chart {
    width: 100%;
    min-height: 220px;
  }
  .chart.tall {
    min-height: 280px;
  }
  .chart svg {
    display: block;
    overflow: visible;
  }
  .chart text {
    font-family: var(--_font);
    font-size: 11px;
    fill: var(--_muted);
  }
  .chart .grid {
    stroke: var(--_border);
  }
  .chart .base {
    stroke: var(--_none);
    stroke-width: 2;
    stroke-dasharray: 5 4;
    fill: none;
  }
  .chart .scn {
    stroke: var(--_accent);
    stroke-width: 3;
    fill: none;
  }
  .chart .area {
    fill: var(--_accent);
    opacity: 0.08;
  }
  .chart circle.scn {
    fill: var(--_surface);
    stroke-width: 2.5;
  }
  .chart circle.base {
    fill: var(--_surface);
    stroke-dasharray: none;
  }
  .chart .end-label {
    font-weight: 600;
    fill: var(--_accent);
  }
  .chart .zero {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .pos {
    color: var(--_good);
  }
  .neg {
    color: var(--_bad);
  }

  footer {
    padding: 28px 0 36px;
    color: var(--_muted);
    font-size: 13px;
    text-align: center;
  }

  /* ---- loading skeleton ------------------------------------------------------------------ */
  .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(270px, 1fr));
    gap: 12px;
    margin-top: 20px;
  }
  .skeleton div {
    height: 140px;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface), var(--_bg), var(--_surface));
    background-size: 200% 100%;
    animation: shimmer 1.4s infinite linear;
    border: 1px solid var(--_border);
  }
  @keyframes shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton div {
      animation: none;
    }
  }

  /* ---- narrower screens ------------------------------------------------------------------ */
  @media (max-width: 1100px) {
    .overview {
      grid-template-columns: 1fr;
    }
    .group-grid,
    .files-grid,
    .whatif-grid {
      grid-template-columns: 1fr;
    }
    /* One column: the results come first, the inputs that drive them follow. */
    .group-grid > .inputs {
      order: 2;
    }
  }
  @media (max-width: 720px) {
    :host {
      font-size: 14px;
    }
    .topbar-inner,
    .wrap {
      padding-left: 14px;
      padding-right: 14px;
    }
    .topbar-inner {
      gap: 10px;
    }
    .brand p {
      display: none;
    }
    .brand {
      flex: 1;
    }
    .actions {
      order: 3;
      width: 100%;
      margin-left: 0;
    }
    .actions .currency {
      margin-left: auto;
    }
    .group-tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .group-tile:last-child:nth-child(odd) {
      grid-column: 1 / -1;
    }
    .cards {
      grid-template-columns: 1fr;
    }
    .fields {
      grid-template-columns: 1fr 1fr;
    }
    .inputs,
    .kind-list,
    .measures,
    .import-report,
    .mapping,
    .sliders,
    .chart-panel {
      padding-left: 14px;
      padding-right: 14px;
    }
    .section-head h2 {
      font-size: 19px;
    }
    .summary {
      grid-template-columns: 1fr;
    }
    .data-table {
      font-size: 13px;
    }
    .data-table th,
    .data-table td {
      padding: 6px 5px;
    }
    .data-table thead th,
    .data-table td:first-child {
      white-space: normal;
      vertical-align: bottom;
    }
    .data-table td:first-child {
      vertical-align: middle;
    }
    .stats {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 10px 16px;
    }
  }
  @media (max-width: 400px) {
    .fields {
      grid-template-columns: 1fr;
    }
    .data-table {
      font-size: 12px;
    }
    .data-table th,
    .data-table td {
      padding: 6px 4px;
    }
  }
`;
