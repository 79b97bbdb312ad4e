// The embed's script (build: embed/servimetrics-embed.js): one <script type="module"> on any site
// defines <servimetrics-calculator> there (embed-element.ts, docs/EMBED.md). Unlike the page's own
// entry (main.ts) it leaves the host's <title> and <html lang> alone.
import { ServimetricsEmbed } from './embed-element';
import { warmUpIntl } from './views/next-task';

warmUpIntl();
if (!customElements.get('servimetrics-calculator')) customElements.define('servimetrics-calculator', ServimetricsEmbed);
