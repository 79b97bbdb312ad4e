import { css } from 'lit';

// The design tokens and the rules every view shares (buttons, panels, notices, tables, chips, muted
// text). Each view's own rules sit beside it (its `...Styles`); all of them live in the calculator's
// shadow root, these first. The host page themes it with custom properties (docs/EMBED.md):
// --servimetrics-accent, -font, -background, -surface, -text, -muted, -border, -good, -watch, -bad,
// -none, -radius (the older --sm-* names still work). Layout follows the element's own width
// (container queries on the host), not the window's: an embed may sit in a narrow column.
export { themeTokens } from './theme-tokens';

export const sharedStyles = css`
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

  .wrap {
    max-width: 1360px;
    margin: 0 auto;
    padding: 0 24px;
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

  input:focus-visible,

  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .notice {
    margin: 16px 0 0;
    padding: 10px 14px;
    border-radius: 8px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: 14px;
  }

  .notice.confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    background: color-mix(in srgb, var(--_watch, #b7791f) 12%, transparent);
  }

  .notice.confirm span {
    flex: 1 1 16rem;
  }

  .notice .btn.small {
    margin-left: 8px;
  }

  .notice.error {
    background: color-mix(in srgb, var(--_bad) 10%, transparent);
    color: var(--_bad);
  }

  .panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
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

  table {
    border-collapse: collapse;
    width: 100%;
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(270px, 1fr));
    gap: 12px;
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

  .inline {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
    font-size: 13px;
    color: var(--_muted);
  }

  /* The selects of inline rows, the column mapping and the import report's formats. */
  .inline select,
  .mapping select,
  .import-report select {
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

  .data-table th.txt,

  .data-table td.txt {
    text-align: left;
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

  /* A table that scrolls sideways takes focus, so the keyboard can scroll it too. */
  .scroll-x:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
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

  .pos {
    color: var(--_good);
  }

  .neg {
    color: var(--_bad);
  }

  @container (max-width: 720px) {
    .app {
      font-size: 14px;
    }

    .wrap {
      padding-left: 14px;
      padding-right: 14px;
    }

    .cards {
      grid-template-columns: 1fr;
    }

    .section-head h2 {
      font-size: 19px;
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

  @container (max-width: 400px) {
    .data-table {
      font-size: 12px;
    }

    .data-table th,
    .data-table td {
      padding: 6px 4px;
    }
  }
`;
