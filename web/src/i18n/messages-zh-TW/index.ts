// Every core message code's text in Traditional Chinese (Taiwan), kept apart from ../messages so that
// codes added there by other work do not conflict here; a code missing here shows its zh-CN text
// (render-message.ts) and tests/wasm/zh-tw.test.mjs names it.
import { analyzeMessagesTW } from './analyze';
import { importMessagesTW } from './import';
import { modelsMessagesTW } from './models';
import { requestMessagesTW } from './request';
import type { TraditionalTable } from './types';
import { whatifMessagesTW } from './whatif';

export type { TraditionalTable } from './types';

export const traditionalMessages: TraditionalTable = {
  ...importMessagesTW,
  ...analyzeMessagesTW,
  ...requestMessagesTW,
  ...whatifMessagesTW,
  ...modelsMessagesTW,
};
