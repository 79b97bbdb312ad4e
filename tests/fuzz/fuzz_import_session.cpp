// libFuzzer target for a whole file import (import_session.hpp) as the page's worker runs it:
// bytes in chunks, kind "auto", encoding and delimiter detected, then the kind's analysis. The
// import report must not depend on where the chunks were cut, and the answer must be JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_chunks.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

namespace {

using json = nlohmann::json;

// Everything the import decided, less the byte count, which stops where a failed feed stopped.
json outcome(const servimetrics::ImportSession& session) {
  json report = session.report();
  report["file"].erase("bytes");
  report["error"] = session.error() ? json(session.error()->message) : json();
  return report;
}

class CountingSink final : public servimetrics::RowSink {
 public:
  bool row(std::uint64_t /*line*/, std::span<const std::string_view> fields) override {
    if (fields.empty()) __builtin_trap();
    ++rows;
    return true;
  }
  std::uint64_t rows = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view data = servimetrics::fuzz::as_text(bytes, size);
  servimetrics::ImportOptions options;
  options.kind = "auto";
  // The last byte says whether the file's size is announced, as the page and the CLI do.
  if (size > 0 && (bytes[size - 1] & 1) != 0) options.size = size;

  const std::vector<std::string_view> chunks = servimetrics::fuzz::chunks_of(data);
  servimetrics::ImportSession session(options);
  for (const std::string_view chunk : chunks) {
    if (!session.feed(chunk)) break;
  }
  session.finish();
  if (session.error() && session.error()->message.empty()) __builtin_trap();
  if (session.bytes_read() > size) __builtin_trap();

  const json answer = servimetrics::analyze_session(session, servimetrics::AnalyzeOptions{});
  const std::string text = servimetrics::dump_answer(answer);
  const json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("kpis") ||
      !parsed.contains("errors")) {
    __builtin_trap();
  }
  const std::string rejects = session.rejects_csv();
  if (rejects.rfind("row,column,value,reason\r\n", 0) != 0) __builtin_trap();

  // Fed whole, the same file imports the same way. Only below 64 KB: above, the encoding is
  // guessed from the first chunks that reach 64 KB, a head whose length depends on the cuts.
  if (size <= std::size_t{64} * 1024) {
    servimetrics::ImportSession whole(options);
    if (whole.feed(data)) whole.finish();
    if (outcome(whole) != outcome(session)) __builtin_trap();
  }

  // The raw face (import --kind raw) reads the same bytes without a kind.
  CountingSink rows;
  servimetrics::ImportSession raw(options, rows);
  for (const std::string_view chunk : chunks) {
    if (!raw.feed(chunk)) break;
  }
  raw.finish();
  return 0;
}
