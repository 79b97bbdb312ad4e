import type { MessageTable } from './types';

export const importMessages: MessageTable = {};
