// Gives the message renderer the texts of every layer's codes (messages/index.ts): imported by the full
// calculator, which shows imports, notes and fits; the embed's card renders compute errors only.
import { messages } from './messages';
import { useMessageTable } from './render-message';

useMessageTable(messages);
