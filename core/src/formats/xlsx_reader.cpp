// .xlsx reading from ECMA-376 (Office Open XML): package relationships lead to the workbook, its
// sheets, shared strings and styles; a sheet's XML is scanned once in place and its cells are
// handed on as views, with only date texts and decoded strings built in one reused buffer.
#include "formats/xlsx_reader.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

#include "base/civil_date.hpp"
#include "base/number_parser.hpp"
#include "formats/xml_scan.hpp"
#include "formats/zip_archive.hpp"

namespace servimetrics {
namespace {

constexpr std::size_t kMaxSheetBytes = std::size_t{1} << 30;
constexpr std::size_t kMaxSharedStringsBytes = std::size_t{256} << 20;
constexpr std::size_t kMaxSmallPartBytes = std::size_t{64} << 20;  // workbook, rels, styles
constexpr std::uint32_t kMaxColumns = 16384;                       // Excel's last column, XFD
constexpr std::uint64_t kMaxRows = 1048576;  // Excel's last row; a larger "r" is not a row number

Error xlsx_error(const char* code, std::string message,
                 nlohmann::json params = nlohmann::json::object()) {
  return Error{.message = std::move(message), .code = code, .params = std::move(params)};
}

// A part that could not be extracted: the ZIP's own problem, named in params.
Error damaged_part(std::string_view path, const Error& why) {
  nlohmann::json params = why.params;
  params["part"] = std::string(path);
  params["problem"] = why.code;
  return xlsx_error("xlsx_damaged", "The workbook is damaged. " + why.message, std::move(params));
}

Error malformed_part(std::string message, std::string_view path) {
  return xlsx_error("xlsx_malformed_xml", std::move(message), {{"part", std::string(path)}});
}

std::uint64_t megabyte_count(std::uint64_t bytes) {
  return (bytes + (1u << 20) - 1) >> 20;
}

std::string megabytes(std::uint64_t bytes) {
  return std::to_string(megabyte_count(bytes)) + " MB";
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string decoded(std::string_view raw) {
  std::string out;
  xml::append_unescaped(out, raw);
  return out;
}

std::string directory_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

// A relationship target resolved against the folder of the part that names it; "/x" is absolute.
std::string resolve_target(std::string_view base_folder, std::string_view target) {
  std::string joined = !target.empty() && target[0] == '/'
                           ? std::string(target.substr(1))
                           : std::string(base_folder) + std::string(target);
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string path;
  for (const std::string_view segment : segments) {
    if (!path.empty()) path.push_back('/');
    path.append(segment);
  }
  return path;
}

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved to a path inside the zip
};

std::vector<Relationship> parse_relationships(std::string_view xml, std::string_view base_folder) {
  std::vector<Relationship> relationships;
  xml::Scanner scanner(xml);
  xml::Tag tag;
  while (scanner.next(tag)) {
    if (tag.kind == xml::TagKind::kClose || tag.name != "Relationship") continue;
    if (xml::attribute(tag.attributes, "TargetMode") == "External") continue;
    relationships.push_back(Relationship{
        decoded(xml::attribute(tag.attributes, "Id")),
        decoded(xml::attribute(tag.attributes, "Type")),
        resolve_target(base_folder, decoded(xml::attribute(tag.attributes, "Target")))});
  }
  return relationships;
}

const Relationship* relationship_of_type(const std::vector<Relationship>& relationships,
                                         std::string_view type_suffix) {
  for (const Relationship& r : relationships) {
    if (ends_with(r.type, type_suffix)) return &r;
  }
  return nullptr;
}

struct Workbook {
  std::optional<ZipArchive> zip;
  std::vector<XlsxSheet> sheets;
  bool date1904 = false;
  std::string shared_strings_path;  // empty when the workbook has none
  std::string styles_path;
};

// The text of a small part; an empty text when the part is absent.
Result<std::string> read_part(const ZipArchive& zip, std::string_view path, std::size_t limit) {
  const ZipEntry* entry = zip.find(path);
  if (entry == nullptr) return std::string();
  auto text = zip.extract(*entry, limit);
  if (!text.ok()) return damaged_part(path, text.error());
  return text;
}

Result<Workbook> open_workbook(std::string_view bytes) {
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return xlsx_error(
        "xlsx_legacy_or_encrypted",
        "The file is an older Excel .xls workbook or a password-protected one; save it as .xlsx "
        "without a password and try again.");
  }
  auto zip = ZipArchive::open(bytes);
  if (!zip.ok()) {
    nlohmann::json params = zip.error().params;
    params["problem"] = zip.error().code;
    return xlsx_error("xlsx_not_zip",
                      "The file is not a readable .xlsx workbook. " + zip.error().message,
                      std::move(params));
  }
  Workbook book;
  book.zip.emplace(std::move(zip.value()));
  const ZipArchive& archive = *book.zip;

  auto package_rels = read_part(archive, "_rels/.rels", kMaxSmallPartBytes);
  if (!package_rels.ok()) return package_rels.error();
  std::string workbook_path = "xl/workbook.xml";
  const auto package_relationships = parse_relationships(package_rels.value(), "");
  if (const Relationship* office = relationship_of_type(package_relationships, "/officeDocument"))
    workbook_path = office->target;
  if (archive.find(workbook_path) == nullptr) {
    return xlsx_error(
        "xlsx_no_workbook",
        "The file is a ZIP archive but not an Excel workbook: it has no " + workbook_path + ".",
        {{"part", workbook_path}});
  }
  auto workbook_xml = read_part(archive, workbook_path, kMaxSmallPartBytes);
  if (!workbook_xml.ok()) return workbook_xml.error();

  const std::string folder = directory_of(workbook_path);
  const std::string rels_path = folder + "_rels/" + workbook_path.substr(folder.size()) + ".rels";
  auto workbook_rels = read_part(archive, rels_path, kMaxSmallPartBytes);
  if (!workbook_rels.ok()) return workbook_rels.error();
  const auto relationships = parse_relationships(workbook_rels.value(), folder);

  xml::Scanner scanner(workbook_xml.value());
  xml::Tag tag;
  while (scanner.next(tag)) {
    if (tag.kind == xml::TagKind::kClose) continue;
    if (tag.name == "workbookPr") {
      const std::string_view flag = xml::attribute(tag.attributes, "date1904");
      book.date1904 = flag == "1" || flag == "true";
    } else if (tag.name == "sheet") {
      const std::string id = decoded(xml::attribute(tag.attributes, "id"));
      for (const Relationship& r : relationships) {
        if (r.id == id && ends_with(r.type, "/worksheet")) {
          book.sheets.push_back(
              XlsxSheet{decoded(xml::attribute(tag.attributes, "name")), r.target});
          break;
        }
      }
    }
  }
  if (scanner.malformed()) {
    return malformed_part("The workbook is damaged: " + workbook_path + " is not well-formed XML.",
                          workbook_path);
  }

  const Relationship* strings = relationship_of_type(relationships, "/sharedStrings");
  book.shared_strings_path = strings != nullptr ? strings->target : folder + "sharedStrings.xml";
  const Relationship* styles = relationship_of_type(relationships, "/styles");
  book.styles_path = styles != nullptr ? styles->target : folder + "styles.xml";
  return book;
}

// All shared strings in one block of text, so looking one up costs no allocation.
struct SharedStrings {
  std::string text;
  std::vector<std::uint32_t> ends;

  [[nodiscard]] std::size_t size() const { return ends.size(); }
  [[nodiscard]] std::string_view at(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
};

Result<SharedStrings> load_shared_strings(const ZipArchive& zip, std::string_view path) {
  SharedStrings strings;
  const ZipEntry* entry = zip.find(path);
  if (entry == nullptr) return strings;
  if (entry->uncompressed_size > kMaxSharedStringsBytes) {
    return xlsx_error("xlsx_shared_strings_too_large",
                      "The workbook's shared-strings table is " +
                          megabytes(entry->uncompressed_size) +
                          " uncompressed, above the 256 MB this reader accepts.",
                      {{"megabytes", megabyte_count(entry->uncompressed_size)},
                       {"limit_mb", kMaxSharedStringsBytes >> 20}});
  }
  auto xml = zip.extract(*entry, kMaxSharedStringsBytes);
  if (!xml.ok()) return damaged_part(path, xml.error());
  strings.text.reserve(xml.value().size() / 2);
  xml::Scanner scanner(xml.value());
  xml::Tag tag;
  bool in_item = false;
  bool in_phonetic = false;  // <rPh> runs are reading aids for East Asian text, not cell text
  std::size_t item_start = 0;
  while (scanner.next(tag)) {
    if (tag.name == "si") {
      if (tag.kind == xml::TagKind::kOpen) {
        in_item = true;
        item_start = strings.text.size();
      } else {
        if (tag.kind == xml::TagKind::kClose) xml::decode_office_escapes(strings.text, item_start);
        in_item = false;
        strings.ends.push_back(static_cast<std::uint32_t>(strings.text.size()));
      }
    } else if (tag.name == "rPh") {
      in_phonetic = tag.kind == xml::TagKind::kOpen;
    } else if (tag.name == "t" && tag.kind == xml::TagKind::kOpen && in_item && !in_phonetic) {
      scanner.append_text(strings.text);
    }
  }
  if (scanner.malformed()) {
    return malformed_part(
        "The workbook is damaged: its shared-strings table is not well-formed XML.", path);
  }
  return strings;
}

int builtin_format_is_date(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A number format shows a date or time when it has d, m, y or h outside quoted text, escaped
// characters and [brackets] (colours, locales, conditions); [h] [mm] [ss] are elapsed times.
bool format_code_is_date(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = lower(code[i]);
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown literally or used as padding
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      bool elapsed = !inside.empty();
      for (const char e : inside)
        elapsed = elapsed && (lower(e) == 'h' || lower(e) == 'm' || lower(e) == 's');
      if (elapsed) return true;
      i = close;
    } else if (c == 'd' || c == 'm' || c == 'y' || c == 'h') {
      return true;
    }
  }
  return false;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// For each cell format (the s attribute indexes cellXfs), whether it shows numbers as dates.
Result<std::vector<bool>> load_date_styles(const ZipArchive& zip, std::string_view path) {
  auto xml = read_part(zip, path, kMaxSmallPartBytes);
  if (!xml.ok()) return xml.error();
  std::vector<std::pair<int, bool>> custom;  // numFmtId, is a date
  std::vector<int> cell_formats;
  xml::Scanner scanner(xml.value());
  xml::Tag tag;
  bool in_cell_xfs = false;  // <xf> also appears in cellStyleXfs, which cells do not index
  while (scanner.next(tag)) {
    if (tag.name == "cellXfs") {
      in_cell_xfs = tag.kind == xml::TagKind::kOpen;
    } else if (tag.kind == xml::TagKind::kClose) {
      continue;
    } else if (tag.name == "numFmt") {
      const auto id = parse_int(xml::attribute(tag.attributes, "numFmtId"));
      if (id) {
        custom.emplace_back(
            *id, format_code_is_date(decoded(xml::attribute(tag.attributes, "formatCode"))));
      }
    } else if (tag.name == "xf" && in_cell_xfs) {
      cell_formats.push_back(parse_int(xml::attribute(tag.attributes, "numFmtId")).value_or(0));
    }
  }
  if (scanner.malformed()) {
    return malformed_part("The workbook is damaged: its styles part is not well-formed XML.", path);
  }
  std::vector<bool> is_date;
  is_date.reserve(cell_formats.size());
  for (const int id : cell_formats) {
    bool date = builtin_format_is_date(id);
    for (const auto& [custom_id, custom_date] : custom) {
      if (custom_id == id) date = custom_date;
    }
    is_date.push_back(date);
  }
  return is_date;
}

void append_digits(std::string& out, std::int64_t value, int width) {
  std::array<char, 8> digits{};
  for (int i = width - 1; i >= 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits.data(), static_cast<std::size_t>(width));
}

void append_date(std::string& out, std::int64_t days) {  // days since 1970-01-01
  const CivilDate date = civil_from_days(days);
  append_digits(out, date.year, 4);
  out.push_back('-');
  append_digits(out, date.month, 2);
  out.push_back('-');
  append_digits(out, date.day, 2);
}

void append_time(std::string& out, std::int64_t seconds) {
  append_digits(out, seconds / 3600, 2);
  out.push_back(':');
  append_digits(out, seconds / 60 % 60, 2);
  out.push_back(':');
  append_digits(out, seconds % 60, 2);
}

// Writes an Excel serial date as ISO text; false for values that are no date (negative, or past
// 9999-12-31), which then stay numbers.
bool append_serial_date(std::string& out, double serial, bool date1904) {
  if (!(serial >= 0) || serial >= 2958466.0) return false;
  const auto total = static_cast<std::int64_t>(std::floor(serial * 86400.0 + 0.5));
  const std::int64_t days = total / 86400;
  const std::int64_t seconds = total % 86400;
  if (days == 0) {
    append_time(out, seconds);
    return true;
  }
  const ExcelDay day = excel_serial_day(days, date1904);
  if (day.leap_day) {
    out.append("1900-02-29");  // the day Lotus 1-2-3 believed in and Excel kept, shown as written
  } else {
    append_date(out, day.days);
  }
  if (seconds != 0) {
    out.push_back(' ');
    append_time(out, seconds);
  }
  return true;
}

// Cell "r" references: letters for the column, digits for the row.
std::optional<std::uint32_t> column_of(std::string_view reference) {
  std::uint32_t column = 0;
  std::size_t i = 0;
  for (; i < reference.size(); ++i) {
    const char c = lower(reference[i]);
    if (c < 'a' || c > 'z') break;
    column = column * 26 + static_cast<std::uint32_t>(c - 'a' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  return column - 1;
}

std::string cell_name(std::uint32_t column, std::uint64_t row) {
  std::string letters;
  for (std::uint32_t n = column + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(row);
}

enum class CellType {
  kNumber,
  kSharedString,
  kInlineString,
  kFormulaString,
  kBoolean,
  kError,
  kDate
};

CellType cell_type(std::string_view t) {
  if (t.empty() || t == "n") return CellType::kNumber;
  if (t == "s") return CellType::kSharedString;
  if (t == "inlineStr") return CellType::kInlineString;
  if (t == "str") return CellType::kFormulaString;
  if (t == "b") return CellType::kBoolean;
  if (t == "e") return CellType::kError;
  if (t == "d") return CellType::kDate;
  return CellType::kFormulaString;
}

class SheetReader {
 public:
  SheetReader(const SharedStrings& strings, const std::vector<bool>& date_styles, bool date1904,
              RowSink& sink)
      : strings_(strings), date_styles_(date_styles), date1904_(date1904), sink_(sink) {}

  Result<std::uint64_t> read(std::string_view xml) {
    xml::Scanner scanner(xml);
    xml::Tag tag;
    bool in_sheet_data = false;
    while (!stopped_ && scanner.next(tag)) {
      if (!in_sheet_data) {
        if (tag.name == "sheetData") {
          if (tag.kind != xml::TagKind::kOpen) break;
          in_sheet_data = true;
        }
        continue;
      }
      if (tag.name == "c") {
        if (tag.kind == xml::TagKind::kClose) continue;
        if (row_ == 0) row_ = 1;  // cells before any <row>: rows count from 1
        auto failure = read_cell(scanner, tag);
        if (failure) return *failure;
      } else if (tag.name == "row") {
        if (tag.kind == xml::TagKind::kClose) {
          deliver_row();
          continue;
        }
        deliver_row();  // a row left open by a lax writer
        const auto number = parse_row_number(xml::attribute(tag.attributes, "r"));
        row_ = number.value_or(row_ + 1);
        next_column_ = 0;
      } else if (tag.name == "sheetData" && tag.kind == xml::TagKind::kClose) {
        break;
      }
    }
    if (scanner.malformed()) {
      return xlsx_error("xlsx_sheet_malformed",
                        "The sheet is damaged: its XML is cut off or not well-formed.");
    }
    deliver_row();
    return delivered_;
  }

 private:
  struct Cell {
    std::uint32_t column;
    bool in_scratch;  // text lives in scratch_ (offset) rather than in the XML or string table
    const char* data;
    std::size_t offset;
    std::size_t size;
  };

  static std::optional<std::uint64_t> parse_row_number(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0 ||
        value > kMaxRows) {
      return std::nullopt;
    }
    return value;
  }

  void deliver_row() {
    if (cells_.empty() || stopped_) {
      cells_.clear();
      scratch_.clear();
      return;
    }
    std::uint32_t width = 0;
    for (const Cell& cell : cells_) width = std::max(width, cell.column + 1);
    fields_.assign(width, std::string_view());
    const std::string_view scratch = scratch_;
    for (const Cell& cell : cells_) {
      fields_[cell.column] = cell.in_scratch ? scratch.substr(cell.offset, cell.size)
                                             : std::string_view(cell.data, cell.size);
    }
    ++delivered_;
    if (!sink_.row(row_, fields_)) stopped_ = true;
    cells_.clear();
    scratch_.clear();
  }

  void add_view(std::uint32_t column, std::string_view text) {
    if (!text.empty()) cells_.push_back(Cell{column, false, text.data(), 0, text.size()});
  }

  void add_scratch(std::uint32_t column, std::size_t from) {
    if (scratch_.size() > from)
      cells_.push_back(Cell{column, true, nullptr, from, scratch_.size() - from});
  }

  struct CellAttributes {
    std::string_view reference;
    std::string_view type;
    std::string_view style;
  };

  static CellAttributes cell_attributes(const xml::Tag& open) {
    CellAttributes attributes;
    xml::for_each_attribute(open.attributes, [&](std::string_view name, std::string_view value) {
      if (name == "r") {
        attributes.reference = value;
      } else if (name == "t") {
        attributes.type = value;
      } else if (name == "s") {
        attributes.style = value;
      }
      return true;
    });
    return attributes;
  }

  // The cell's column from its reference, or the next one when it has none.
  Result<std::uint32_t> cell_column(std::string_view reference) const {
    std::uint32_t column = next_column_;
    if (!reference.empty()) {
      const auto parsed = column_of(reference);
      if (!parsed) {
        return xlsx_error("xlsx_bad_cell_reference",
                          "Row " + std::to_string(row_) + " has a cell reference \"" +
                              std::string(reference) + "\" that is not a valid column (A to XFD).",
                          {{"row", row_}, {"reference", std::string(reference)}});
      }
      column = *parsed;
    }
    if (column >= kMaxColumns) {
      return xlsx_error("xlsx_too_many_columns",
                        "Row " + std::to_string(row_) + " has more than 16,384 columns.",
                        {{"row", row_}, {"limit", kMaxColumns}});
    }
    return column;
  }

  // Reads the cell's content up to its end tag; returns an error for a bad reference.
  std::optional<Error> read_cell(xml::Scanner& scanner, const xml::Tag& open) {
    const CellAttributes attributes = cell_attributes(open);
    const auto column = cell_column(attributes.reference);
    if (!column.ok()) return column.error();
    next_column_ = column.value() + 1;
    if (open.kind == xml::TagKind::kEmpty) return std::nullopt;

    const CellType type = cell_type(attributes.type);
    const bool is_string = type == CellType::kFormulaString || type == CellType::kInlineString ||
                           type == CellType::kError;
    if (const auto fast = common_form(scanner.rest(), type)) {
      if (!(is_string && xml::needs_decoding(fast->first))) {
        scanner.skip(fast->second);
        return finish_value(column.value(), type, attributes.style, fast->first, false);
      }
    }
    return read_general_cell(scanner, column.value(), type, is_string, attributes.style);
  }

  // Any cell the common forms do not match: values in CDATA, escapes, rich text runs, phonetics.
  std::optional<Error> read_general_cell(xml::Scanner& scanner, std::uint32_t column, CellType type,
                                         bool is_string, std::string_view style_text) {
    std::string_view value;
    bool value_in_scratch = false;
    std::size_t scratch_start = scratch_.size();
    bool have_value = false;
    xml::Tag tag;
    bool in_inline = false;
    bool in_phonetic = false;
    while (scanner.next(tag)) {
      if (tag.name == "c" && tag.kind == xml::TagKind::kClose) break;
      if (tag.kind != xml::TagKind::kOpen) {
        if (tag.name == "is") in_inline = false;
        if (tag.name == "rPh") in_phonetic = false;
        continue;
      }
      if (tag.name == "v" && !have_value) {
        have_value = true;
        if (scanner.plain_text(value)) {
          if (!(is_string && xml::needs_decoding(value))) continue;  // stays a view into the XML
          scratch_start = scratch_.size();
          xml::append_unescaped(scratch_, value);
        } else {
          scratch_start = scratch_.size();
          scanner.append_text(scratch_);
        }
        if (is_string) xml::decode_office_escapes(scratch_, scratch_start);
        value_in_scratch = true;
      } else if (tag.name == "is") {
        in_inline = true;
        if (!have_value) scratch_start = scratch_.size();
        have_value = true;
        value_in_scratch = true;
      } else if (tag.name == "rPh") {
        in_phonetic = true;
      } else if (tag.name == "t" && in_inline && !in_phonetic) {
        const std::size_t from = scratch_.size();
        scanner.append_text(scratch_);
        xml::decode_office_escapes(scratch_, from);
      }
    }
    if (!have_value) return std::nullopt;
    if (!value_in_scratch) return finish_value(column, type, style_text, value, false);
    value = std::string_view(scratch_).substr(scratch_start);
    if (type == CellType::kSharedString || type == CellType::kNumber ||
        type == CellType::kBoolean || type == CellType::kDate) {
      // Rare (a number written inside CDATA): moved out of scratch, where its text goes next.
      std::string copy(value);
      scratch_.resize(scratch_start);
      return finish_value(column, type, style_text, copy, true);
    }
    add_scratch(column, scratch_start);
    return std::nullopt;
  }

  // The value and length of the two forms nearly every cell takes, <v>..</v></c> and
  // <is><t>..</t></is></c>, recognised without the general tag loop.
  static std::optional<std::pair<std::string_view, std::size_t>> common_form(std::string_view rest,
                                                                             CellType type) {
    return type == CellType::kInlineString ? enclosed<7, 13>(rest, "<is><t>", "</t></is></c>")
                                           : enclosed<3, 8>(rest, "<v>", "</v></c>");
  }

  // Sizes fixed at compile time let the comparisons compile to a few instructions.
  template <std::size_t kOpen, std::size_t kClose>
  static std::optional<std::pair<std::string_view, std::size_t>> enclosed(std::string_view rest,
                                                                          const char* open,
                                                                          const char* close) {
    if (rest.size() < kOpen || std::memcmp(rest.data(), open, kOpen) != 0) return std::nullopt;
    const std::size_t lt = xml::find_markup(rest, kOpen);
    if (rest.size() - lt < kClose || std::memcmp(rest.data() + lt, close, kClose) != 0)
      return std::nullopt;
    return std::make_pair(rest.substr(kOpen, lt - kOpen), lt + kClose);
  }

  // Places a value read as plain text; `transient` values must be copied into scratch.
  std::optional<Error> finish_value(std::uint32_t column, CellType type,
                                    std::string_view style_text, std::string_view value,
                                    bool transient) {
    const auto keep = [&](std::string_view text) {
      if (!transient) {
        add_view(column, text);
        return;
      }
      const std::size_t from = scratch_.size();
      scratch_.append(text);
      add_scratch(column, from);
    };
    switch (type) {
      case CellType::kSharedString: {
        std::size_t i = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), i);
        if (error != std::errc() || end != value.data() + value.size() || i >= strings_.size()) {
          return xlsx_error("xlsx_bad_shared_string",
                            "Cell " + cell_name(column, row_) + " refers to shared string \"" +
                                std::string(value) + "\", but the workbook has " +
                                std::to_string(strings_.size()) + " shared strings.",
                            {{"cell", cell_name(column, row_)},
                             {"index", std::string(value)},
                             {"count", strings_.size()}});
        }
        add_view(column, strings_.at(i));
        return std::nullopt;
      }
      case CellType::kBoolean:
        if (value == "1") {
          add_view(column, "TRUE");
        } else if (value == "0") {
          add_view(column, "FALSE");
        } else {
          keep(value);
        }
        return std::nullopt;
      case CellType::kDate:
        append_iso_text(column, value);
        return std::nullopt;
      case CellType::kNumber:
        if (is_date_style(style_text)) {
          if (const auto serial = parse_decimal(value)) {
            const std::size_t from = scratch_.size();
            if (append_serial_date(scratch_, *serial, date1904_)) {
              add_scratch(column, from);
              return std::nullopt;
            }
          }
        }
        keep(value);
        return std::nullopt;
      default:
        keep(value);
        return std::nullopt;
    }
  }

  [[nodiscard]] bool is_date_style(std::string_view style_text) const {
    if (style_text.empty()) return false;
    std::size_t index = 0;
    const auto [end, error] =
        std::from_chars(style_text.data(), style_text.data() + style_text.size(), index);
    return error == std::errc() && index < date_styles_.size() && date_styles_[index];
  }

  // t="d" cells hold ISO 8601 text already; written like the serial dates for one look.
  void append_iso_text(std::uint32_t column, std::string_view value) {
    const std::size_t from = scratch_.size();
    if (!value.empty() && value.back() == 'Z') value.remove_suffix(1);
    const std::size_t dot = value.find('.');
    if (dot != std::string_view::npos && value.find('T') != std::string_view::npos &&
        dot > value.find('T'))
      value = value.substr(0, dot);
    for (const char c : value) scratch_.push_back(c == 'T' ? ' ' : c);
    if (ends_with(scratch_, " 00:00:00")) scratch_.resize(scratch_.size() - 9);
    add_scratch(column, from);
  }

  const SharedStrings& strings_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  RowSink& sink_;

  std::vector<Cell> cells_;
  std::vector<std::string_view> fields_;
  std::string scratch_;
  std::uint64_t row_ = 0;
  std::uint32_t next_column_ = 0;
  std::uint64_t delivered_ = 0;
  bool stopped_ = false;
};

}  // namespace

Result<std::vector<XlsxSheet>> xlsx_sheets(std::string_view file_bytes) {
  auto book = open_workbook(file_bytes);
  if (!book.ok()) return book.error();
  return std::move(book.value().sheets);
}

Result<std::uint64_t> read_xlsx_sheet(std::string_view file_bytes, std::size_t sheet_index,
                                      RowSink& sink) {
  auto opened = open_workbook(file_bytes);
  if (!opened.ok()) return opened.error();
  const Workbook& book = opened.value();
  const ZipArchive& zip = *book.zip;
  if (sheet_index >= book.sheets.size()) {
    return xlsx_error("sheet_missing",
                      "Sheet number " + std::to_string(sheet_index + 1) +
                          " does not exist: the workbook has " +
                          std::to_string(book.sheets.size()) +
                          (book.sheets.size() == 1 ? " worksheet." : " worksheets."),
                      {{"sheet", sheet_index + 1}, {"sheets", book.sheets.size()}});
  }
  const XlsxSheet& sheet = book.sheets[sheet_index];
  const ZipEntry* entry = zip.find(sheet.path);
  if (entry == nullptr) {
    return xlsx_error("xlsx_sheet_part_missing",
                      "The workbook is damaged: sheet \"" + sheet.name + "\" (" + sheet.path +
                          ") is missing from the file.",
                      {{"sheet_name", sheet.name}, {"part", sheet.path}});
  }
  if (entry->uncompressed_size > kMaxSheetBytes) {
    return xlsx_error(
        "xlsx_sheet_too_large",
        "Sheet \"" + sheet.name + "\" is " + megabytes(entry->uncompressed_size) +
            " uncompressed, above the 1 GB this reader accepts; split it into "
            "smaller sheets or save it as CSV.",
        {{"sheet_name", sheet.name}, {"megabytes", megabyte_count(entry->uncompressed_size)}});
  }
  auto strings = load_shared_strings(zip, book.shared_strings_path);
  if (!strings.ok()) return strings.error();
  auto date_styles = load_date_styles(zip, book.styles_path);
  if (!date_styles.ok()) return date_styles.error();
  auto xml = zip.extract(*entry, kMaxSheetBytes);
  if (!xml.ok()) return damaged_part(sheet.path, xml.error());

  SheetReader reader(strings.value(), date_styles.value(), book.date1904, sink);
  auto rows = reader.read(xml.value());
  if (!rows.ok()) {
    Error error = rows.error();
    error.message = "Sheet \"" + sheet.name + "\": " + error.message;
    error.params["sheet_name"] = sheet.name;
    return error;
  }
  return rows;
}

}  // namespace servimetrics
