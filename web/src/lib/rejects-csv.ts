// The core's rejects CSV (row,column,value,reason; CRLF records, RFC 4180 quoting, formula cells
// escaped) with its header and reasons in the page's language. Values are copied byte for byte.

/** One CSV cell as the core writes it: a leading = + - @ tab or CR escaped by "'", quoted when needed. */
function csvCell(text: string): string {
  const cell = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The records of a CSV text as arrays of raw (still quoted) fields. */
function rawRecords(csv: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      fields.push(csv.slice(start, i));
      start = i + 1;
    } else if (!quoted && (c === '\n' || (c === '\r' && csv[i + 1] === '\n'))) {
      fields.push(csv.slice(start, i));
      records.push(fields);
      fields = [];
      if (c === '\r') i++;
      start = i + 1;
    }
  }
  if (start < csv.length) {
    fields.push(csv.slice(start));
    records.push(fields);
  }
  return records;
}

function unquoted(field: string): string {
  return field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

export function localizeRejectsCsv(csv: string, header: readonly string[], reason: (text: string) => string): string {
  const records = rawRecords(csv.startsWith('\ufeff') ? csv.slice(1) : csv);
  const lines = records.map((fields, index) => {
    if (index === 0) return header.map(csvCell).join(',');
    const last = fields.length - 1;
    if (last < 0) return '';
    return [...fields.slice(0, last), csvCell(reason(unquoted(fields[last] ?? '')))].join(',');
  });
  return lines.map((line) => `${line}\r\n`).join('');
}
