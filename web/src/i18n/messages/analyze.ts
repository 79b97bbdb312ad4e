import type { MessageTable } from './types';

export const analyzeMessages: MessageTable = {};
