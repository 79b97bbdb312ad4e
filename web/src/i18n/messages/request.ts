import type { MessageTable } from './types';

export const requestMessages: MessageTable = {};
