// One KPI group: each KPI's card with the inputs only it needs, beside it on a wide screen and
// right under it on a narrow one (so a phone never scrolls from a result to its inputs).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { EngineError, KpiResult, KpiSpec } from '../engine/contract';
import type { FieldSet, GroupForm } from '../lib/form-model';
import { type FieldsContext, renderSetInputs } from './fields-view';
import { renderKpiCard } from './kpi-card-view';
import { cssomStyle } from './cssom-style';

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
 * A group with its first `built` units (progressive-units.ts builds the rest in later tasks): the ones
 * still to come are one empty block about their height, so the page keeps its length meanwhile.
 */
export function renderGroup(ctx: GroupContext, form: GroupForm, built = Number.POSITIVE_INFINITY): TemplateResult {
  const { i18n, message } = ctx.fields;
  const prefix = form.group.id;
  const units = kpiUnits(form);
  const later = units.length - Math.min(units.length, Math.max(0, built));
  return html`<section class="group" id=${`group-${form.group.id}`} data-group=${form.group.id}>
    <div class="section-head"><h2 tabindex="-1">${i18n.text(form.group.name)}</h2></div>
    <div class="kpi-units">
      ${units.slice(0, units.length - later).map(
        (unit) => html`<div class="kpi-unit ${unit.set.fields.length ? '' : 'no-inputs'}" data-unit=${unit.set.kpi.id}>
          <div class="cards">
            ${unit.kpis.map((kpi) =>
              renderKpiCard(i18n, kpi, ctx.results.get(kpi.id), ctx.kpiErrors.get(kpi.id), message, ctx.results, ctx.cardSources?.(kpi.id) ?? nothing),
            )}
          </div>
          ${renderSetInputs(ctx.fields, unit.set, prefix)}
        </div>`,
      )}
      ${later > 0 ? html`<div class="units-later" aria-hidden="true" ${cssomStyle({ 'min-height': `${later * UNIT_HEIGHT_REM}rem` })}></div>` : nothing}
    </div>
  </section>`;
}

/** About one unit's height, for the block that stands in for units not built yet. */
const UNIT_HEIGHT_REM = 18;

/** How many units the groups hold together (what progressive-units.ts counts through). */
export function unitCount(forms: readonly GroupForm[]): number {
  return forms.reduce((sum, form) => sum + kpiUnits(form).length, 0);
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const groupStyles = css`
  .kpi-units {
    display: flex;
    flex-direction: column;
    gap: 14px;
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
