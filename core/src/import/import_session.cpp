// The import of one file: decides CSV or Excel and the text encoding from the first bytes, then
// streams text through the decoder and the CSV reader into the kind's table builder.
#include "servimetrics/import_session.hpp"

#include "base/format.hpp"
#include "cells/cell_values.hpp"
#include "formats/csv_stream.hpp"
#include "formats/text_encoding.hpp"
#include "formats/xlsx_reader.hpp"
#include "import/header_stage.hpp"
#include "import/table_builder.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;
// The head is decoded in full (twice) to guess the encoding: a huge first chunk gives only this
// much of itself, and the rest is streamed like any later chunk.
constexpr std::size_t kMaxHeadBytes = std::size_t{1} << 20;
constexpr std::size_t kRejectsShown = 100;
constexpr std::uint64_t kMaxExcelBytes = std::uint64_t{512} << 20;

Error file_empty() {
  return Error{.message = "the file is empty: it has no rows, not even a header",
               .code = "file_empty"};
}

// A CSV cell that a spreadsheet opens as text: formulas are defused, specials quoted.
std::string csv_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    cell = "'";
  }
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case '\t':
      return "tab";
    case ' ':
      return "spaces";
    case 0:
      return "";
    default:
      return std::string(1, delimiter);
  }
}

}  // namespace

struct ImportSession::Text {
  explicit Text(Encoding encoding, char delimiter) : decoder(encoding), csv(delimiter) {}
  TextDecoder decoder;
  CsvStream csv;
  std::string utf8;
};

ImportSession::ImportSession(ImportOptions options) : options_(std::move(options)) {
  stage_ = std::make_unique<HeaderStage>(*this);
  if (options_.kind.empty() || options_.kind == "auto") return;
  const KindSpec* kind = find_kind(options_.kind);
  if (kind == nullptr) {
    error_ = unknown_kind_error(options_.kind);
    return;
  }
  builder_ = std::make_unique<TableBuilder>(*kind, options_);
}

ImportSession::ImportSession(ImportOptions options, RowSink& rows)
    : options_(std::move(options)), raw_(&rows) {}

RowSink& ImportSession::sink() {
  if (raw_ != nullptr) return *raw_;
  return *stage_;
}

ImportSession::~ImportSession() = default;

bool ImportSession::fail(Error error) {
  if (!error_) {
    error.kpi.clear();
    error.input = "file";
    error_ = std::move(error);
  }
  return false;
}

std::uint64_t ImportSession::rows_read() const {
  return builder_ ? builder_->rows_read() : 0;
}

const ImportedTable& ImportSession::table() const {
  static const ImportedTable empty;
  return builder_ ? builder_->table() : empty;
}

bool ImportSession::decide() {
  if (head_.empty()) return fail(Error{.message = "the file is empty", .code = "file_empty"});
  if (head_.rfind("PK\x03\x04", 0) == 0) {
    mode_ = Mode::xlsx;
    file_["format"] = "xlsx";
    xlsx_ = std::move(head_);
    head_.clear();
    return true;
  }
  Encoding encoding = Encoding::utf8;
  if (!options_.encoding.empty()) {
    const auto named = encoding_from_name(options_.encoding);
    if (!named) {
      return fail(Error{.message = "unknown encoding '" + shortened(options_.encoding, 40) +
                                   "' (known: utf-8, utf-16le, utf-16be, gb18030, big5)",
                        .code = "unknown_encoding",
                        .params = {{"encoding", shortened(options_.encoding, 40)}}});
    }
    encoding = *named;
    file_["encoding_reason"] = "chosen";
    file_["encoding_reason_code"] = "encoding_chosen";
  } else {
    if (looks_binary(head_)) {
      return fail(Error{
          .message = "this is not a text file (it looks like binary data); save the data as CSV "
                     "or Excel (.xlsx) and try again",
          .code = "binary_file"});
    }
    const EncodingGuess guess = detect_encoding(head_);
    encoding = guess.encoding;
    file_["encoding_reason"] = guess.reason;
    file_["encoding_reason_code"] = guess.code;
    file_["encoding_reason_params"] = guess.params;
  }
  file_["format"] = "csv";
  file_["encoding"] = encoding_name(encoding);
  mode_ = Mode::text;
  text_ = std::make_unique<Text>(encoding, options_.delimiter);
  const std::string head = std::move(head_);
  head_.clear();
  return read_text(head, false);
}

bool ImportSession::read_text(std::string_view bytes, bool last) {
  bool go = text_->csv.feed(text_->decoder.decode_view(bytes, last, text_->utf8), sink());
  if (go && last) go = text_->csv.finish(sink());
  if (go) return true;
  if (text_->csv.error()) return fail(*text_->csv.error());
  if (builder_ && builder_->problem()) return fail(*builder_->problem());
  return false;
}

bool ImportSession::end_rows() {
  if (stage_->flush()) return true;
  if (builder_ && builder_->problem()) return fail(*builder_->problem());
  return fail(error_.value_or(Error{.message = "the import stopped", .code = "import_stopped"}));
}

bool ImportSession::feed(std::string_view bytes) {
  if (error_ || finished_) return false;
  if (!stage_ && raw_ == nullptr) return false;
  chunk_start_ = bytes_;
  bytes_ += bytes.size();
  if (builder_) builder_->fed(chunk_start_, bytes_);
  if (mode_ == Mode::undecided) {
    const std::size_t taken = std::min(bytes.size(), kMaxHeadBytes - head_.size());
    head_.append(bytes.substr(0, taken));
    bytes.remove_prefix(taken);
    if (head_.size() < kHeadBytes) return true;
    if (!decide()) return false;
    if (bytes.empty()) return true;
  }
  switch (mode_) {
    case Mode::undecided:
      return false;
    case Mode::xlsx:
      if (xlsx_.size() + bytes.size() > kMaxExcelBytes) {
        return fail(
            Error{.message = "Excel files above 512 MB are not read; save the sheet as CSV instead",
                  .code = "excel_too_large",
                  .params = {{"limit_mb", kMaxExcelBytes >> 20}}});
      }
      xlsx_.append(bytes);
      return true;
    case Mode::text:
      return read_text(bytes, false);
  }
  return false;
}

void ImportSession::finish() {
  if (error_ || finished_) return;
  if (!stage_ && raw_ == nullptr) return;
  finished_ = true;
  chunk_start_ = bytes_;  // the rows read from here on come from the file's end
  if (builder_) builder_->fed(chunk_start_, bytes_);
  if (mode_ == Mode::undecided && !decide()) return;
  if (mode_ == Mode::text) {
    if (!read_text({}, true)) return;
  } else if (mode_ == Mode::xlsx) {
    auto sheets = xlsx_sheets(xlsx_);
    if (!sheets.ok()) {
      fail(sheets.error());
      return;
    }
    if (options_.sheet >= sheets.value().size()) {
      fail(Error{.message = "the workbook has " + std::to_string(sheets.value().size()) +
                            " sheet(s); sheet " + std::to_string(options_.sheet + 1) +
                            " does not exist",
                 .code = "sheet_missing",
                 .params = {{"sheet", options_.sheet + 1}, {"sheets", sheets.value().size()}}});
      return;
    }
    nlohmann::json names = nlohmann::json::array();
    for (const XlsxSheet& sheet : sheets.value()) names.push_back(sheet.name);
    file_["sheets"] = std::move(names);
    file_["sheet"] = options_.sheet;
    auto read = read_xlsx_sheet(xlsx_, options_.sheet, sink());
    xlsx_.clear();
    xlsx_.shrink_to_fit();
    if (!read.ok()) {
      fail(read.error());
      return;
    }
    if (error_) return;
    if (builder_ && builder_->problem()) {
      fail(*builder_->problem());
      return;
    }
  }
  if (raw_ != nullptr || !end_rows()) return;
  if (!builder_) {
    fail(file_empty());
    return;
  }
  if (!builder_->finish()) {
    fail(builder_->problem().value_or(
        Error{.message = "the import stopped", .code = "import_stopped"}));
    return;
  }
  if (!builder_->header_seen()) fail(file_empty());
}

nlohmann::json ImportSession::report() const {
  nlohmann::json file = file_;
  if (text_) {
    file["delimiter"] = delimiter_name(text_->csv.delimiter());
    file["replaced_characters"] = text_->decoder.replaced();
  }
  file["bytes"] = bytes_;
  nlohmann::json out = {{"kind", options_.kind}, {"file", std::move(file)}};
  if (!builder_) return out;
  out["header"] = builder_->header_json();
  out["mapping"] = builder_->mapping_json();
  out["formats"] = builder_->formats_json();
  out["rows_read"] = builder_->rows_read();
  out["rows_used"] = builder_->table().rows();
  out["rows_rejected"] = builder_->rows_rejected();
  const nlohmann::json values = builder_->value_json();  // transactions: the rejected value
  for (const auto& [key, value] : values.items()) out[key] = value;
  nlohmann::json rejects = nlohmann::json::array();
  for (std::size_t i = 0; i < builder_->rejects().size() && i < kRejectsShown; ++i) {
    rejects.push_back(builder_->reject_json(builder_->rejects()[i]));
  }
  out["rejects"] = std::move(rejects);
  out["rejects_kept"] = builder_->rejects().size();
  return out;
}

std::string ImportSession::rejects_csv() const {
  std::string out = "row,column,value,reason\r\n";
  if (!builder_) return out;
  for (const RejectedRow& r : builder_->rejects()) {
    out += std::to_string(r.line) + "," + csv_cell(builder_->column(r)) + "," + csv_cell(r.value) +
           "," + csv_cell(builder_->reason(r).text) + "\r\n";
  }
  return out;
}

nlohmann::json ImportSession::rejects_json() const {
  nlohmann::json out = nlohmann::json::array();
  if (!builder_) return out;
  for (const RejectedRow& r : builder_->rejects()) out.push_back(builder_->reject_json(r));
  return out;
}

}  // namespace servimetrics
