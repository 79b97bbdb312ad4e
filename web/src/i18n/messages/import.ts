// The page's words for the import's codes: file-level problems (empty or binary file, not this
// kind's columns, encodings, CSV and Excel problems) and why a row was rejected (cell readers and
// the table builder). docs/codes/import.md lists where each code comes from and its params; a
// reject's params also hold its "column" (the file's header) and "field" (the kind's field id).
import type { MessageTable } from './types';

export const importMessages: MessageTable = {
  // ---- Cells: numbers, dates, yes/no, categories (reasons of rejected rows) ----
  cell_empty: { en: 'The cell is empty.', 'zh-CN': '单元格为空。' },
  cell_not_a_number: { en: 'Not a number', 'zh-CN': '不是数字' },
  number_too_many_digits: { en: 'Too many digits', 'zh-CN': '位数过多' },
  number_too_large: { en: 'Too large', 'zh-CN': '数值过大' },
  number_misplaced_separator: {
    en: 'Thousands separator in the wrong place',
    'zh-CN': '千位分隔符位置不对',
  },
  number_two_decimal_points: { en: 'More than one decimal point', 'zh-CN': '有多个小数点' },
  number_two_decimal_commas: { en: 'More than one decimal comma', 'zh-CN': '有多个小数逗号' },
  number_sign_after: { en: 'Sign after the number', 'zh-CN': '正负号在数字之后' },
  number_two_signs: { en: 'More than one sign', 'zh-CN': '有多个正负号' },
  number_two_percent_signs: { en: 'More than one percent sign', 'zh-CN': '有多个百分号' },
  number_unbalanced_parentheses: { en: 'Unbalanced parentheses', 'zh-CN': '括号不成对' },
  number_two_currencies: { en: 'More than one currency', 'zh-CN': '有多个货币符号' },
  number_currency_and_percent: {
    en: 'Both a currency and a percent sign',
    'zh-CN': '同时有货币符号和百分号',
  },
  number_above_limit: { en: 'Too large (above 10^15)', 'zh-CN': '数值过大（超过 10^15）' },
  flag_not_yes_no: { en: 'Not a yes/no value', 'zh-CN': '不是“是/否”值' },
  category_unknown: {
    en: 'Not a known category (product, basic service or value-added service)',
    'zh-CN': '不是已知类别（产品、基础服务或增值服务）',
  },
  date_format_mismatch: {
    en: 'Does not match the date format {format:text}',
    'zh-CN': '与日期格式 {format:text} 不符',
  },
  date_year_out_of_range: {
    en: 'Year {year:text} is outside the supported years {first:text} to {last:text}',
    'zh-CN': '年份 {year:text} 超出支持的范围（{first:text}–{last:text} 年）',
  },
  date_no_such_month: { en: 'No such month: {month:text}', 'zh-CN': '没有 {month:text} 月' },
  date_no_such_day: { en: 'No such day: {day:text}', 'zh-CN': '没有 {day:text} 日' },
  date_past_month_end: {
    en: 'No such day: month {month:text} of {year:text} has {days:count} days',
    'zh-CN': '没有这一天：{year:text} 年 {month:text} 月只有 {days:count} 天',
  },
  date_no_such_hour: { en: 'No such hour: {hour:text}', 'zh-CN': '没有 {hour:text} 点' },
  date_no_such_meridiem_hour: {
    en: 'No such hour with AM/PM: {hour:text}',
    'zh-CN': '与上午/下午同用时没有 {hour:text} 点',
  },
  date_no_such_minute: { en: 'No such minute: {minute:text}', 'zh-CN': '没有 {minute:text} 分' },
  date_no_such_second: { en: 'No such second: {second:text}', 'zh-CN': '没有 {second:text} 秒' },
  date_bad_offset: { en: 'No such time zone offset', 'zh-CN': '没有这个时区偏移' },
  date_excel_serial_zero: {
    en: 'Excel serial numbers start at 1 (1900-01-01)',
    'zh-CN': 'Excel 日期序号从 1（1900-01-01）开始',
  },
  date_excel_leap_day: {
    en: 'Excel serial 60 is 1900-02-29, a day that does not exist',
    'zh-CN': 'Excel 日期序号 60 是 1900-02-29，这一天并不存在',
  },

  // ---- Rows ----
  field_empty: { en: '{field:field} is empty', 'zh-CN': '{field:field}为空' },
  field_negative: { en: '{field:field} must not be negative', 'zh-CN': '{field:field}不能为负数' },
  row_width_mismatch: {
    en: 'The row has {columns:count} columns, the header has {header_columns:count}',
    'zh-CN': '该行有 {columns:count} 列，而表头有 {header_columns:count} 列',
  },
  row_missing_alternatives: {
    en: 'The row lacks the values it needs: one of {options:fields}',
    'zh-CN': '该行缺少所需的值：{options:fields}中的一项',
  },

  // ---- A column's date format ----
  date_no_values: {
    en: 'Column "{column:text}" has no values to tell its date format from.',
    'zh-CN': '列「{column:text}」没有可用来判断日期格式的值。',
  },
  date_no_format_fits: {
    en: 'No date format fits column "{column:text}": "{value:text}" is not written in any of the date formats the calculator reads.',
    'zh-CN': '没有适合列「{column:text}」的日期格式：「{value:text}」不是计算器能读取的任何一种日期格式。',
  },
  date_format_fits_too_few: {
    en: 'No date format fits column "{column:text}": the closest, {format:text}, reads {read:count} of {total:count} values; it cannot read "{value:text}".',
    'zh-CN': '没有适合列「{column:text}」的日期格式：最接近的 {format:text} 只能读取 {total:count} 个值中的 {read:count} 个，无法读取「{value:text}」。',
  },
  date_years_only: {
    en: 'Column "{column:text}" holds years such as "{value:text}", not dates: a date needs a month and a day.',
    'zh-CN': '列「{column:text}」中是年份（如「{value:text}」），不是日期：日期需要有月和日。',
  },
  unknown_date_format: {
    en: 'Unknown date format "{format:text}" for {field:field}.',
    'zh-CN': '{field:field}的日期格式「{format:text}」无法识别。',
  },

  // ---- The file ----
  file_empty: {
    en: 'The file is empty: it has no rows, not even a header.',
    'zh-CN': '文件是空的：没有任何行，连表头也没有。',
  },
  binary_file: {
    en: 'This is not a text file (it looks like binary data); save the data as CSV or Excel (.xlsx) and try again.',
    'zh-CN': '这不是文本文件（看起来是二进制数据）；请将数据另存为 CSV 或 Excel（.xlsx）后再试。',
  },
  unknown_encoding: {
    en: 'Unknown encoding "{encoding:text}" (known: UTF-8, UTF-16LE, UTF-16BE, GB18030).',
    'zh-CN': '无法识别的编码「{encoding:text}」（支持：UTF-8、UTF-16LE、UTF-16BE、GB18030）。',
  },
  mapping_unknown_field: {
    en: 'The column mapping names a field "{field:text}" that {kind:kind} files do not have.',
    'zh-CN': '列映射中的字段「{field:text}」在{kind:kind}文件中不存在。',
  },
  mapping_unknown_column: {
    en: 'The column mapping puts {field:field} in a column "{column:text}" that the file does not have.',
    'zh-CN': '列映射把{field:field}对应到列「{column:text}」，但文件中没有这一列。',
  },
  // ---- Files without a header line, and mappings by column position (issue 12) ----
  no_header_line: {
    en: 'The file has no header line: its first row ({first_row:list}) was read as data, and its {columns:count} columns by position.',
    'zh-CN': '文件没有表头行：第一行（{first_row:list}）已作为数据读取，其 {columns:count} 列按位置（第 1 列、第 2 列……）识别。',
  },
  headerless_needs_kind: {
    en: 'The file has no header line: its first row ({first_row:list}) is data, so its {columns:count} columns are known by position only. Choose the kind of data, then the column of each field.',
    'zh-CN': '文件没有表头行：第一行（{first_row:list}）就是数据，其 {columns:count} 列只能按位置识别。请选择数据类型，再为每个字段选择所在的列。',
  },
  headerless_needs_mapping: {
    en: 'The file has no header line: its first row ({first_row:list}) is data, so its {columns:count} columns are known by position only. Choose the column of each field; still without a column: {missing:fields}.',
    'zh-CN': '文件没有表头行：第一行（{first_row:list}）就是数据，其 {columns:count} 列只能按位置识别。请为每个字段选择所在的列；尚未指定列的字段：{missing:fields}。',
  },
  mapping_position_missing: {
    en: 'The column mapping puts {field:field} in column {position:count}, but the file has {columns:count} columns.',
    'zh-CN': '列映射把{field:field}对应到第 {position:count} 列，但文件只有 {columns:count} 列。',
  },
  mapping_bad_position: {
    en: 'The column mapping of {field:field} must be a column position: 1, 2, 3, …',
    'zh-CN': '{field:field}的列映射必须是列的位置：1、2、3……',
  },
  import_memory_limit: {
    en: 'The file is too large to import here: its table would need about {needed_mb:count} MB, more than the {limit_mb:count} MB allowed ({rows:count} rows read so far). Split the file, or leave out columns and rows you do not need.',
    'zh-CN': '文件太大，无法在此导入：其数据表约需 {needed_mb:count} MB，超过允许的 {limit_mb:count} MB（目前已读取 {rows:count} 行）。请拆分文件，或删去不需要的列和行。',
  },
  import_too_many_lines: {
    en: 'The file has more than {lines:count} lines, more than an import can hold. Split the file.',
    'zh-CN': '文件超过 {lines:count} 行，超出一次导入所能容纳的行数。请拆分文件。',
  },
  import_stopped: { en: 'The import stopped.', 'zh-CN': '导入已中止。' },

  // ---- CSV ----
  csv_open_quote: {
    en: 'A quoted field opened on line {line:count} is never closed.',
    'zh-CN': '第 {line:count} 行开始的引号字段没有闭合。',
  },
  csv_record_too_long: {
    en: 'The record starting on line {line:count} is longer than {limit_bytes:count} bytes, the most one row may hold.',
    'zh-CN': '从第 {line:count} 行开始的记录超过 {limit_bytes:count} 字节，超出了单行的上限。',
  },
  csv_record_too_long_open_quote: {
    en: 'The record starting on line {line:count} is longer than {limit_bytes:count} bytes, the most one row may hold; the quoted field opened on line {quote_line:count} may be missing its closing quote.',
    'zh-CN': '从第 {line:count} 行开始的记录超过 {limit_bytes:count} 字节，超出了单行的上限；第 {quote_line:count} 行开始的引号字段可能缺少右引号。',
  },
  csv_too_many_columns: {
    en: 'Line {line:count} has more than {limit:count} columns.',
    'zh-CN': '第 {line:count} 行超过 {limit:count} 列。',
  },

  // ---- Excel ----
  excel_too_large: {
    en: 'Excel files above {limit_mb:count} MB are not read; save the sheet as CSV instead.',
    'zh-CN': '不读取超过 {limit_mb:count} MB 的 Excel 文件；请将工作表另存为 CSV。',
  },
  sheet_missing: {
    en: 'The workbook has {sheets:count} sheet(s); sheet {sheet:count} does not exist.',
    'zh-CN': '工作簿共有 {sheets:count} 个工作表；第 {sheet:count} 个工作表不存在。',
  },
  xlsx_legacy_or_encrypted: {
    en: 'The file is an older Excel .xls workbook or a password-protected one; save it as .xlsx without a password and try again.',
    'zh-CN': '该文件是旧版 Excel .xls 工作簿或受密码保护的工作簿；请另存为不带密码的 .xlsx 后再试。',
  },
  xlsx_not_zip: {
    en: 'The file is not a readable .xlsx workbook.',
    'zh-CN': '该文件不是可读取的 .xlsx 工作簿。',
  },
  xlsx_no_workbook: {
    en: 'The file is a ZIP archive but not an Excel workbook: it has no {part:text}.',
    'zh-CN': '该文件是 ZIP 压缩包，但不是 Excel 工作簿：其中没有 {part:text}。',
  },
  xlsx_damaged: {
    en: 'The workbook is damaged: its part {part:text} cannot be read.',
    'zh-CN': '工作簿已损坏：无法读取其中的 {part:text}。',
  },
  xlsx_malformed_xml: {
    en: 'The workbook is damaged: {part:text} is not well-formed XML.',
    'zh-CN': '工作簿已损坏：{part:text} 不是格式正确的 XML。',
  },
  xlsx_shared_strings_too_large: {
    en: "The workbook's shared-strings table is {megabytes:count} MB uncompressed, above the {limit_mb:count} MB this reader accepts.",
    'zh-CN': '工作簿的共享字符串表解压后为 {megabytes:count} MB，超过了可读取的上限 {limit_mb:count} MB。',
  },
  xlsx_sheet_part_missing: {
    en: 'The workbook is damaged: sheet "{sheet_name:text}" ({part:text}) is missing from the file.',
    'zh-CN': '工作簿已损坏：文件中缺少工作表「{sheet_name:text}」（{part:text}）。',
  },
  xlsx_sheet_too_large: {
    en: 'Sheet "{sheet_name:text}" is {megabytes:count} MB uncompressed, above the 1 GB this reader accepts; split it into smaller sheets or save it as CSV.',
    'zh-CN': '工作表「{sheet_name:text}」解压后为 {megabytes:count} MB，超过了可读取的上限 1 GB；请拆分为较小的工作表，或另存为 CSV。',
  },
  xlsx_sheet_malformed: {
    en: 'Sheet "{sheet_name:text}" is damaged: its XML is cut off or not well-formed.',
    'zh-CN': '工作表「{sheet_name:text}」已损坏：其 XML 被截断或格式不正确。',
  },
  xlsx_bad_cell_reference: {
    en: 'Sheet "{sheet_name:text}": row {row:count} has a cell reference "{reference:text}" that is not a valid column (A to XFD).',
    'zh-CN': '工作表「{sheet_name:text}」：第 {row:count} 行的单元格引用「{reference:text}」不是有效的列（A 到 XFD）。',
  },
  xlsx_too_many_columns: {
    en: 'Sheet "{sheet_name:text}": row {row:count} has more than {limit:count} columns.',
    'zh-CN': '工作表「{sheet_name:text}」：第 {row:count} 行超过 {limit:count} 列。',
  },
  xlsx_bad_shared_string: {
    en: 'Sheet "{sheet_name:text}": cell {cell:text} refers to shared string "{index:text}", but the workbook has {count:count} shared strings.',
    'zh-CN': '工作表「{sheet_name:text}」：单元格 {cell:text} 引用了共享字符串「{index:text}」，但工作簿只有 {count:count} 个共享字符串。',
  },

  // ---- ZIP and DEFLATE (inside an Excel file; usually seen as params.problem of an xlsx code) ----
  zip_too_short: {
    en: 'The file is not a ZIP archive: it is too short to hold a ZIP directory.',
    'zh-CN': '该文件不是 ZIP 压缩包：长度不足以容纳 ZIP 目录。',
  },
  zip_no_directory: {
    en: 'The file is not a ZIP archive: no end-of-central-directory record was found.',
    'zh-CN': '该文件不是 ZIP 压缩包：找不到中央目录结束记录。',
  },
  zip64_unsupported: {
    en: 'The file is a ZIP64 archive (over 4 GB or over 65,535 entries), which is not supported.',
    'zh-CN': '该文件是 ZIP64 压缩包（超过 4 GB 或超过 65,535 个条目），暂不支持。',
  },
  zip_split: {
    en: 'The ZIP archive is split across several files, which is not supported.',
    'zh-CN': '该 ZIP 压缩包被拆分成了多个文件，暂不支持。',
  },
  zip_encrypted: {
    en: 'The ZIP archive is encrypted (entry {entry:text}), which is not supported.',
    'zh-CN': '该 ZIP 压缩包已加密（条目 {entry:text}），暂不支持。',
  },
  zip_damaged: { en: 'The ZIP archive is damaged.', 'zh-CN': 'ZIP 压缩包已损坏。' },
  zip_entry_too_large: {
    en: 'The ZIP entry {entry:text} is {bytes:count} bytes uncompressed, above the limit of {limit_bytes:count} bytes.',
    'zh-CN': 'ZIP 条目 {entry:text} 解压后为 {bytes:count} 字节，超过了 {limit_bytes:count} 字节的上限。',
  },
  zip_unsupported_method: {
    en: 'The ZIP entry {entry:text} uses compression method {method:text}; only stored (0) and deflate (8) are supported.',
    'zh-CN': 'ZIP 条目 {entry:text} 使用了压缩方法 {method:text}；只支持存储（0）和 deflate（8）。',
  },
  inflate_damaged: { en: 'The compressed data is damaged.', 'zh-CN': '压缩数据已损坏。' },
  inflate_too_large: {
    en: 'The decompressed data is larger than the limit of {limit_bytes:count} bytes.',
    'zh-CN': '解压后的数据超过了 {limit_bytes:count} 字节的上限。',
  },

  // ---- Why the text was read in its encoding (the import report's encoding_reason) ----
  encoding_chosen: { en: 'The encoding was chosen.', 'zh-CN': '编码由您指定。' },
  encoding_file_empty: { en: 'The file is empty.', 'zh-CN': '文件是空的。' },
  encoding_bom: {
    en: 'The file starts with a {encoding:text} byte-order mark.',
    'zh-CN': '文件以 {encoding:text} 字节顺序标记（BOM）开头。',
  },
  encoding_utf16_without_bom: {
    en: 'Every other byte is NUL, as in {encoding:text} text without a byte-order mark.',
    'zh-CN': '每隔一个字节为空字节，与无字节顺序标记的 {encoding:text} 文本相符。',
  },
  encoding_ascii: { en: 'The text is plain ASCII, read as UTF-8.', 'zh-CN': '文本只含 ASCII 字符，按 UTF-8 读取。' },
  encoding_valid_utf8: { en: 'The text is valid UTF-8.', 'zh-CN': '文本是有效的 UTF-8。' },
  encoding_gb18030: {
    en: 'The text is not UTF-8 but reads as GB18030 (GBK) without errors.',
    'zh-CN': '文本不是 UTF-8，但按 GB18030（GBK）读取没有错误。',
  },
  encoding_gb18030_replaced: {
    en: 'The text is not UTF-8 but reads as GB18030 (GBK) with {replaced:count} unreadable characters in the first {bytes:count} bytes.',
    'zh-CN': '文本不是 UTF-8，按 GB18030（GBK）读取时前 {bytes:count} 字节中有 {replaced:count} 个字符无法识别。',
  },
  encoding_utf8_replaced: {
    en: 'The text is neither valid UTF-8 nor GB18030, so it is read as UTF-8 with {replaced:count} unreadable characters in the first {bytes:count} bytes replaced.',
    'zh-CN': '文本既不是有效的 UTF-8 也不是 GB18030，因此按 UTF-8 读取，前 {bytes:count} 字节中有 {replaced:count} 个无法识别的字符被替换。',
  },

  // ---- What to check about a detected date format (the import report's note_parts) ----
  date_note_ambiguous: {
    en: 'Every date here reads both as month/day and as day/month (no part is above 12), so they are read as {format:text}; switch to {other:text} if the file puts the day first.',
    'zh-CN': '这些日期既可按“月/日”也可按“日/月”读取（没有大于 12 的部分），现按 {format:text} 读取；如果文件把日写在前面，请改为 {other:text}。',
  },
  date_note_day_first: {
    en: 'Day first: “{value:text}” has a day above 12 in the first place.',
    'zh-CN': '日在前：“{value:text}”的第一部分大于 12，只能是日。',
  },
  date_note_month_first: {
    en: 'Month first: “{value:text}” has a day above 12 in the second place.',
    'zh-CN': '月在前：“{value:text}”的第二部分大于 12，只能是日。',
  },
  date_note_two_digit_years: {
    en: 'Two-digit years are read as Excel reads them: 00-29 as 2000-2029, 30-99 as 1930-1999.',
    'zh-CN': '两位数年份按 Excel 的方式读取：00–29 为 2000–2029 年，30–99 为 1930–1999 年。',
  },
  date_note_utc: { en: 'Times with a time zone are converted to UTC.', 'zh-CN': '带时区的时间已换算为协调世界时（UTC）。' },
  date_note_excel_serial: {
    en: "Excel serial numbers count days in Excel's 1900 date system (1 is 1900-01-01).",
    'zh-CN': 'Excel 序列号按 Excel 的 1900 日期系统计天（1 即 1900-01-01）。',
  },
  date_note_some_do_not_fit: {
    en: '{failures:count} of {sampled:count} sampled values do not fit (for example “{value:text}”); such rows are rejected.',
    'zh-CN': '抽查的 {sampled:count} 个值中有 {failures:count} 个不符合此格式（例如“{value:text}”）；这些行将被拒绝。',
  },
  date_note_no_samples: { en: 'No dates in the first rows.', 'zh-CN': '前几行中没有日期。' },

  // ---- Taiwanese files: Big5 text and 民國 (ROC calendar) dates ----
  encoding_big5: {
    en: 'The text is not UTF-8 but reads as Big5 (Traditional Chinese) without errors: {share:percent} of its characters are frequent Big5 ones, against {other_share:percent} read as GB18030 (GBK).',
    'zh-CN': '文本不是 UTF-8，但按 Big5（繁体中文）读取没有错误：其中 {share:percent} 的字符是 Big5 常用字，按 GB18030（GBK）读取只有 {other_share:percent}。',
  },
  encoding_big5_replaced: {
    en: 'The text is not UTF-8 but reads as Big5 (Traditional Chinese) with {replaced:count} unreadable characters in the first {bytes:count} bytes.',
    'zh-CN': '文本不是 UTF-8，按 Big5（繁体中文）读取时前 {bytes:count} 字节中有 {replaced:count} 个字符无法识别。',
  },
  encoding_chinese_close: {
    en: 'The text reads both as Big5 and as GB18030 (GBK), and the two are close ({share:percent} against {other_share:percent} frequent characters): it is read as {encoding:text}; if names look garbled, save the file as UTF-8.',
    'zh-CN': '文本既可按 Big5 也可按 GB18030（GBK）读取，两者相近（常用字 {share:percent} 对 {other_share:percent}）：现按 {encoding:text} 读取；如果名称显示为乱码，请将文件另存为 UTF-8。',
  },
  date_note_roc_calendar: {
    en: 'Years are 民國 (Republic of China) years, read as year + 1911: “{value:text}” is {date:text}.',
    'zh-CN': '年份为民国纪年，按年份加 1911 读取：“{value:text}”即 {date:text}。',
  },
  date_note_roc_also_gregorian: {
    en: '{count:count} of {sampled:count} sampled values could also be read as Gregorian dates (for example “{value:text}”); like the rest of the column they are read as 民國 years: {date:text}.',
    'zh-CN': '抽查的 {sampled:count} 个值中有 {count:count} 个也可按公历读取（例如“{value:text}”）；与该列其他值一样，按民国纪年读取：{date:text}。',
  },
};
