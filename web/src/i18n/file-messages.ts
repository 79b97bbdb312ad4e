// The core's file-level import messages (wrong kind, missing columns, empty or binary file, open
// quote) in Chinese, with field ids as their labels. In English, and for any message not
// recognised, the core's sentence is shown as it is.
import type { DataKind } from '../engine/contract';
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

// ---- Row rejects --------------------------------------------------------------------------------

const CELL_REASONS_ZH: Readonly<Record<string, string>> = {
  empty: '为空',
  'not a number': '不是数字',
  'too many digits': '位数过多',
  'too large': '数值过大',
  'too large (above 10^15)': '数值过大（超过 10^15）',
  'thousands separator in the wrong place': '千位分隔符位置不对',
  'more than one decimal point': '有多个小数点',
  'more than one decimal comma': '有多个小数逗号',
  'sign after the number': '正负号在数字之后',
  'more than one sign': '有多个正负号',
  'more than one percent sign': '有多个百分号',
  'unbalanced parentheses': '括号不成对',
  'more than one currency': '有多个货币符号',
  'both a currency and a percent sign': '同时有货币符号和百分号',
  'not a yes/no value': '不是“是/否”值',
  'not a known category (product, basic service or value-added service)': '不是已知类别（产品、基础服务或增值服务）',
  'no such time zone offset': '没有这个时区偏移',
  'Excel serial numbers start at 1 (1900-01-01)': 'Excel 日期序号从 1（1900-01-01）开始',
  'Excel serial 60 is 1900-02-29, a day that does not exist': 'Excel 日期序号 60 是 1900-02-29，这一天并不存在',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date format label as the core writes it ("YYYY-MM-DD", "Excel serial number"). */
function formatLabel(label: string): string {
  return label.replace('Excel serial number', 'Excel 日期序号');
}

function dateReason(reason: string): string | null {
  let m: RegExpMatchArray | null;
  if ((m = reason.match(/^does not match the date format (.+)$/))) return `与日期格式 ${formatLabel(m[1] ?? '')} 不符`;
  if ((m = reason.match(/^year (-?\d+) is outside the supported years 1900 to 2200$/))) return `年份 ${m[1]} 超出支持的范围（1900–2200 年）`;
  if ((m = reason.match(/^no such month: (-?\d+)$/))) return `没有 ${m[1]} 月`;
  if ((m = reason.match(/^no such day: (\w+) has (\d+) days(?: in (\d+))?$/))) {
    const month = MONTHS.indexOf(m[1] ?? '') + 1;
    return `没有这一天：${m[3] ? `${m[3]} 年 ` : ''}${month} 月只有 ${m[2]} 天`;
  }
  if ((m = reason.match(/^no such day: (-?\d+)$/))) return `没有 ${m[1]} 日`;
  if ((m = reason.match(/^no such hour with AM\/PM: (-?\d+)$/))) return `与上午/下午同用时没有 ${m[1]} 点`;
  if ((m = reason.match(/^no such hour: (-?\d+)$/))) return `没有 ${m[1]} 点`;
  if ((m = reason.match(/^no such minute: (-?\d+)$/))) return `没有 ${m[1]} 分`;
  if ((m = reason.match(/^no such second: (-?\d+)$/))) return `没有 ${m[1]} 秒`;
  return null;
}

/**
 * Why the core rejected a row (import report, rejects download), in Chinese; field ids become their
 * labels. In English, and for a reason not recognised, the core's words are kept.
 */
export function localizeRejectReason(i18n: I18n, kind: DataKind | undefined, reason: string): string {
  if (i18n.lang !== 'zh-CN') return reason;
  const cell = CELL_REASONS_ZH[reason];
  if (cell) return cell;
  let m: RegExpMatchArray | null;
  if ((m = reason.match(/^(.*) \(format (.+)\)$/))) {
    const inner = localizeRejectReason(i18n, kind, m[1] ?? '');
    return `${inner}（格式 ${formatLabel(m[2] ?? '')}）`;
  }
  const date = dateReason(reason);
  if (date) return date;
  if ((m = reason.match(/^the row has (\d+) columns, the header has (\d+)$/))) return `该行有 ${m[1]} 列，而表头有 ${m[2]} 列`;
  if ((m = reason.match(/^the row has no (.+)$/))) return `该行没有${alternatives(i18n, kind, m[1] ?? '')}`;
  if ((m = reason.match(/^(\w+) is empty$/))) return `${fieldLabel(i18n, kind, m[1] ?? '')}为空`;
  if ((m = reason.match(/^(\w+) must not be negative$/))) return `${fieldLabel(i18n, kind, m[1] ?? '')}不能为负数`;
  return reason;
}
