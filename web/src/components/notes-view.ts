// The notes of an answer (what was assumed, what could not be computed), in the page's language
// with the core's own sentence beside the Chinese one where it names numbers, lines or channels.
import { html, nothing, type TemplateResult } from 'lit';
import type { Note } from '../engine/contract';
import { noteText } from '../i18n/data-labels';
import type { I18n } from '../i18n/i18n';

export function renderNotes(i18n: I18n, notes: readonly Note[], testid: string, title?: string): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  return html`<div class="notes panel" data-testid=${testid}>
    ${title ? html`<h4>${title}</h4>` : nothing}
    <ul>
      ${notes.map((n) => {
        const note = noteText(i18n, n);
        return html`<li data-note=${n.id}>${note.text}${note.detail ? html`<span class="muted small note-detail">${note.detail}</span>` : nothing}</li>`;
      })}
    </ul>
  </div>`;
}
