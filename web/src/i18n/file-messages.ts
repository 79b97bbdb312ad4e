// The core's file-level import messages (wrong kind, missing columns, empty or binary file, open
// quote) in Chinese, with field ids as their labels. In English, and for any message not
// recognised, the core's sentence is shown as it is.
import type { DataKind } from '../engine/import-types';
import { fieldLabel, kindName } from './data-labels';
import type { I18n } from './i18n';

/** "a, b and c" (the core's list of field ids) -> the fields' labels, joined the Chinese way. */
function fields(i18n: I18n, kind: DataKind | undefined, list: string): string {
  return list
    .split(/, | and /)
    .map((id) => fieldLabel(i18n, kind, id.trim()))
    .join('、');
}

/** "amount, or quantity and unit_price" -> "金额，或数量和单价". */
function alternatives(i18n: I18n, kind: DataKind | undefined, list: string): string {
  return list
    .split(', or ')
    .map((a) => fields(i18n, kind, a).replace(/、/g, '和'))
    .join('，或');
}

function notThisKind(i18n: I18n, kinds: readonly DataKind[], m: RegExpMatchArray): string {
  const [, kindText = '', problem = '', columns = ''] = m;
  const kind = kinds.find((k) => k.name.en === kindText);
  const name = kind ? kindName(i18n, kinds, kind.id) : kindText;
  const parts: string[] = [];
  const missing = problem.match(/^no column for (.+?) \(headers such as (.*?)\)(?:; it also needs a column for (.*))?$/);
  if (missing) {
    parts.push(`缺少${fields(i18n, kind, missing[1] ?? '')}列（表头可写作 ${(missing[2] ?? '').replace(/, /g, '、')}）`);
    if (missing[3]) parts.push(`还需要${alternatives(i18n, kind, missing[3])}列`);
  } else {
    const needs = problem.match(/^needs a column for (.*)$/);
    parts.push(needs ? `需要${alternatives(i18n, kind, needs[1] ?? '')}列` : problem);
  }
  return `这看起来不像${name}文件：${parts.join('；')}。文件中的列为：${columns}`;
}

export function localizeFileMessage(i18n: I18n, kinds: readonly DataKind[], message: string): string {
  if (i18n.lang !== 'zh-CN') return message;
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^this does not look like an? (.+?) file: (.*)\. The file's columns are: (.*)$/s))) {
    return notThisKind(i18n, kinds, m);
  }
  if (/^the file is empty/.test(message)) return '文件是空的：没有任何行，连表头也没有。';
  if (/^this is not a text file/.test(message)) return '这不是文本文件（看起来是二进制数据）；请将数据另存为 CSV 或 Excel（.xlsx）后再试。';
  if (/^the columns do not fit any data kind/.test(message)) {
    return '这些列不符合任何一种数据类型；请选择数据类型，或按模板重命名各列。';
  }
  if ((m = message.match(/^a quoted field opened on line (\d+) is never closed$/))) return `第 ${m[1]} 行开始的引号字段没有闭合。`;
  if (/^Excel files above 512 MB/.test(message)) return '不读取超过 512 MB 的 Excel 文件；请将工作表另存为 CSV。';
  return message;
}
