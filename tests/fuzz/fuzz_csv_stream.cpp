// libFuzzer target for the streaming CSV reader (csv_stream.hpp) and its whole-text face
// (csv_reader.hpp): any bytes, fed whole or cut into chunks, must give the same rows, line numbers,
// record count and error; tiny limits and a sink that stops early must be survived too.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_reader.hpp"
#include "formats/csv_stream.hpp"
#include "fuzz_chunks.hpp"

namespace {

using servimetrics::CsvLimits;
using servimetrics::CsvStream;

// Rows flattened into one string (line, field count, each field with its length), so that two
// readings compare with ==.
class RecordingSink final : public servimetrics::RowSink {
 public:
  explicit RecordingSink(std::size_t stop_after) : stop_after_(stop_after) {}
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    log += std::to_string(line);
    log += ':';
    log += std::to_string(fields.size());
    for (const std::string_view field : fields) {
      log += '|';
      log += std::to_string(field.size());
      log += ':';
      log += field;
    }
    log += '\n';
    ++rows;
    return stop_after_ == 0 || rows < stop_after_;
  }
  std::string log;
  std::size_t rows = 0;

 private:
  std::size_t stop_after_;
};

struct Reading {
  std::string rows;
  std::optional<std::string> error;
  std::uint64_t records = 0;
  char delimiter = 0;
  bool operator==(const Reading&) const = default;
};

Reading read(std::span<const std::string_view> chunks, char delimiter, std::size_t stop_after,
             CsvLimits limits = {}) {
  CsvStream csv(delimiter, limits);
  RecordingSink sink(stop_after);
  bool go = true;
  for (const std::string_view chunk : chunks) {
    if (!csv.feed(chunk, sink)) {
      go = false;
      break;
    }
  }
  if (go) csv.finish(sink);
  // Once stopped or failed, the stream must refuse more input.
  if (csv.stopped() || csv.error()) {
    if (csv.feed("x,y\n", sink) || csv.finish(sink)) __builtin_trap();
  }
  Reading reading{std::move(sink.log), std::nullopt, csv.records(), csv.delimiter()};
  if (csv.error()) {
    if (csv.error()->message.empty()) __builtin_trap();
    reading.error = csv.error()->message;
  }
  if (reading.records != sink.rows) __builtin_trap();
  return reading;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view data = servimetrics::fuzz::as_text(bytes, size);
  // The last byte picks the delimiter (0 detects; the odd ones are what an import request may
  // name) and how many rows the sink takes before it stops (0: all).
  constexpr std::array<char, 11> kDelimiters = {0,   ',',  ';',  '\t', '|',   ' ',
                                                '"', '\n', '\r', 'a',  '\xff'};
  const auto last = size == 0 ? 0U : static_cast<unsigned>(bytes[size - 1]);
  const char delimiter = kDelimiters[last % kDelimiters.size()];
  const std::size_t stop_after = (last / kDelimiters.size()) % 4;

  const std::array<std::string_view, 1> whole = {data};
  const Reading at_once = read(whole, delimiter, stop_after);
  const std::vector<std::string_view> chunks = servimetrics::fuzz::chunks_of(data);
  const Reading in_chunks = read(chunks, delimiter, stop_after);
  if (!(at_once == in_chunks)) __builtin_trap();

  // The whole-text face counts the same records and fails the same way.
  if (stop_after == 0) {
    std::size_t seen = 0;
    const auto counted = servimetrics::read_csv(data, delimiter, [&](const auto& record) {
      if (record.fields.empty()) __builtin_trap();
      ++seen;
      return true;
    });
    if (counted.ok() != !at_once.error.has_value()) __builtin_trap();
    if (counted.ok() && (counted.value() != seen || seen != at_once.records)) __builtin_trap();
  }

  // Limits small enough for fuzz inputs to reach: only survival is checked, as where a too-long
  // record is noticed depends on the cuts.
  read(chunks, delimiter, 0, CsvLimits{64, 5});
  servimetrics::detect_delimiter(data);
  return 0;
}
