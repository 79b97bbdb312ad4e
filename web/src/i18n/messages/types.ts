// The shape of the page's message tables: one entry per core message code, the text in every
// language with {placeholders} filled from the message's params (render-message.ts).
//
// A placeholder is {name} or {name:format}, with format one of
//   number   a number through Intl (the default for a numeric param)
//   count    a whole number through Intl
//   percent  a fraction shown as a percentage
//   money    an amount in the page's currency
//   input    a catalog input id, shown as its label ("purchases_per_year" -> "Purchases per year")
//   kpi      a catalog KPI id, shown as its name
//   field    a data-kind field id, shown as its label in the file's kind
//   fields   an array of field ids, shown as a list of labels
//   kind     a data-kind id, shown as the kind's name
//   list     an array of texts, joined the language's way
//   lines    an array of file line numbers; the param "more" (if present) counts those left out
//   text     as it is (column names and values the file itself holds)
// A param that is missing leaves the placeholder's name in brackets, so a test can find it.
export interface MessageText {
  readonly en: string;
  readonly 'zh-CN': string;
}
export type MessageTable = Readonly<Record<string, MessageText>>;
