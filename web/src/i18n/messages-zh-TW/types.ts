// The shape of a Traditional Chinese (zh-TW) message table: the text of each core message code, with
// the same {placeholders} as its en and zh-CN texts in ../messages (render-message.ts fills them in).
export type TraditionalTable = Readonly<Record<string, string>>;
