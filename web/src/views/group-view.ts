// One KPI group: each KPI's card with the inputs only it needs, beside it on a wide screen and
// right under it on a narrow one (so a phone never scrolls from a result to its inputs).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EngineError, KpiResult, KpiSpec } from '../engine/contract';
import type { FieldSet, GroupForm } from '../lib/form-model';
import { type FieldsContext, renderSetInputs } from './fields-view';
import { renderKpiCard } from './kpi-card-view';
import { cssomStyle } from './cssom-style';
import { later, type ProgressiveUnits } from './progressive-units';

export interface GroupContext {
  fields: FieldsContext;
  results: Map<string, KpiResult>;
  kpiErrors: Map<string, EngineError[]>;
  /** The sources line of a KPI's card (source-view.ts). */
  cardSources?: (kpiId: string) => TemplateResult | typeof nothing;
}

/** A KPI with inputs of its own, and the KPIs after it that need none of their own (the net ROI). */
export interface KpiUnit {
  set: FieldSet;
  kpis: KpiSpec[];
}

export function kpiUnits(form: GroupForm): KpiUnit[] {
  const units: KpiUnit[] = [];
  for (const set of form.sets) {
    const last = units.at(-1);
    // A KPI whose inputs were all asked for already sits with the KPI that asked for them.
    if (set.fields.length === 0 && last) last.kpis.push(set.kpi);
    else units.push({ set, kpis: [set.kpi] });
  }
  return units;
}

/**
 * A group of KPI units. With `progressive` (the calculator's), units past the first screen are built
 * one per task after the first render (progressive-units.ts); each waits as an empty block about its
 * height, so the page keeps its length meanwhile.
 */
export function renderGroup(ctx: GroupContext, form: GroupForm, progressive?: ProgressiveUnits): TemplateResult {
  const { i18n, message } = ctx.fields;
  const prefix = form.group.id;
  const unitView = (unit: KpiUnit) => html`<div class="kpi-unit ${unit.set.fields.length ? '' : 'no-inputs'}" data-unit=${unit.set.kpi.id}>
    <div class="cards">
      ${unit.kpis.map((kpi) =>
        renderKpiCard(i18n, kpi, ctx.results.get(kpi.id), ctx.kpiErrors.get(kpi.id), message, ctx.results, ctx.cardSources?.(kpi.id) ?? nothing),
      )}
    </div>
    ${renderSetInputs(ctx.fields, unit.set, prefix)}
  </div>`;
  return html`<section class="group" id=${`group-${form.group.id}`} data-group=${form.group.id}>
    <div class="section-head"><h2 tabindex="-1">${i18n.text(form.group.name)}</h2></div>
    <div class="kpi-units">
      ${kpiUnits(form).map((unit) =>
        progressive ? later(progressive, progressive.takeTurn(), () => unitView(unit), UNIT_LATER) : unitView(unit),
      )}
    </div>
  </section>`;
}

const UNIT_LATER = html`<div class="unit-later" aria-hidden="true"></div>`;

/**
 * The groups' one stand-in before they come (progressive-units.ts region()): about the height of their
 * headings and units' stand-ins, so nothing below it moves when they come (an embed's host page too).
 */
export function groupsLater(forms: GroupForm[]): TemplateResult {
  const units = forms.reduce((n, form) => n + kpiUnits(form).length, 0);
  const height = `calc(${units} * (18rem + 14px) + ${forms.length} * 4rem)`;
  return html`<div class="groups-later" aria-hidden="true" ${cssomStyle({ 'min-height': height })}></div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const groupStyles = css`
  .kpi-units {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }

  /* A unit still to be built (progressive-units.ts): about its height, so the page does not jump. */
  .unit-later {
    min-height: 18rem;
  }

  /* Wide: the inputs on the left, what they give on the right, one row per KPI. */
  .kpi-unit {
    display: grid;
    grid-template-columns: minmax(300px, 5fr) 7fr;
    grid-template-areas: 'inputs cards';
    gap: 16px;
    align-items: stretch;
  }

  /* One card fills its row; two (the ROI and the net ROI) share it. */
  .kpi-unit > .cards {
    grid-area: cards;
    grid-template-columns: repeat(auto-fit, minmax(270px, 1fr));
  }

  .kpi-unit > .inputs {
    grid-area: inputs;
  }

  .kpi-unit.no-inputs {
    grid-template-areas: 'cards cards';
  }

  /* Two fields side by side keep their boxes level when one label takes two lines. */
  .kpi-unit .field > label {
    flex-grow: 1;
    display: flex;
    align-items: flex-end;
  }

  @container (max-width: 1100px) {
    /* Narrow: the card first, its inputs attached right under it. */
    .kpi-unit {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'cards' 'inputs';
      gap: 0;
    }

    .kpi-unit.no-inputs {
      grid-template-areas: 'cards';
    }

    .kpi-unit > .cards {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }

    .kpi-unit > .cards > .kpi {
      border-radius: 0;
    }

    .kpi-unit > .cards > .kpi:first-child {
      border-top-left-radius: var(--_radius);
      border-top-right-radius: var(--_radius);
    }

    .kpi-unit > .cards > .kpi + .kpi {
      border-top: 0;
    }

    .kpi-unit > .inputs {
      border-top: 1px dashed var(--_border);
      border-top-left-radius: 0;
      border-top-right-radius: 0;
      margin-top: -1px;
      box-shadow: none;
      background: color-mix(in srgb, var(--_accent) 3%, var(--_surface));
    }

    .kpi-unit.no-inputs > .cards > .kpi:last-child {
      border-bottom-left-radius: var(--_radius);
      border-bottom-right-radius: var(--_radius);
    }
  }
`;
