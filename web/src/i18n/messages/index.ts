// Every text of the core's message codes, in every language the page speaks: the tables of the
// import (files, rows, cells), analyze (notes of each kind's answer, combine), request (inputs,
// thresholds, projection), whatif (the what-if engine) and models (customer-base fits) layers
// merged into one, keyed by code (render-message.ts fills them in).
import { analyzeMessages } from './analyze';
import { importMessages } from './import';
import { modelsMessages } from './models';
import { requestMessages } from './request';
import type { MessageTable } from './types';
import { whatifMessages } from './whatif';

export type { MessageTable, MessageText } from './types';

export const messages: MessageTable = {
  ...importMessages,
  ...analyzeMessages,
  ...requestMessages,
  ...whatifMessages,
  ...modelsMessages,
};
