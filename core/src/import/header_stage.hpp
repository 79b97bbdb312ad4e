// The first rows of a file: a header line, or data with the columns known by position (internal).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/import_session.hpp"
#include "servimetrics/row_sink.hpp"

namespace servimetrics {

// Holds the first row until the second shows whether it is a header, resolves mappings by
// position, picks the kind when it is "auto", then hands the header (the file's, or "1", "2", ...)
// and every row to the kind's builder. A headerless file's first row is data, never lost.
class ImportSession::HeaderStage final : public RowSink {
 public:
  explicit HeaderStage(ImportSession& session) : session_(session) {}
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override;
  // The rows have ended: a first row still waiting is decided alone.
  bool flush();

 private:
  bool decide(std::span<const std::string_view> second, bool has_second);
  // options.positions as header names; false (with the session's error) past the last column.
  bool resolve_positions(const std::vector<std::string>& names);
  void name_first_row_cells(std::span<const std::string_view> first,
                            const std::vector<std::string>& names);
  bool choose_kind(bool headerless);
  bool fail(Error error);

  ImportSession& session_;
  enum class State { first, waiting, rows } state_ = State::first;
  std::uint64_t first_line_ = 0;
  std::vector<std::string> first_;
};

}  // namespace servimetrics
