// The notes of an answer (what was assumed, what could not be computed), in the page's language:
// each note's code rendered from the message tables (render-message.ts).
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Note } from '../engine/contract';
import { type MessageContext, renderMessage } from '../i18n/render-message';

export function renderNotes(messages: MessageContext, notes: readonly Note[], testid: string, title?: string): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  return html`<div class="notes panel" data-testid=${testid}>
    ${title ? html`<h4>${title}</h4>` : nothing}
    <ul>
      ${notes.map((n) => html`<li data-note=${n.id}>${renderMessage(n, messages)}</li>`)}
    </ul>
  </div>`;
}

// How this view looks; the calculator adopts it into its shadow root (calculator.ts).
export const notesStyles = css`
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
`;
