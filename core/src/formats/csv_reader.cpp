// read_csv: the whole text fed to a CsvStream in one piece.
#include "formats/csv_reader.hpp"

namespace servimetrics {
namespace {

class CallbackSink final : public RowSink {
 public:
  explicit CallbackSink(const std::function<bool(const CsvRecord&)>& on_record)
      : on_record_(on_record) {}
  bool row(std::uint64_t line, std::span<const std::string_view> fields) override {
    return on_record_(CsvRecord{fields, static_cast<std::size_t>(line)});
  }

 private:
  const std::function<bool(const CsvRecord&)>& on_record_;
};

}  // namespace

Result<std::size_t> read_csv(std::string_view text, char delimiter,
                             const std::function<bool(const CsvRecord&)>& on_record) {
  CsvStream stream(delimiter);
  CallbackSink sink(on_record);
  if (stream.feed(text, sink)) stream.finish(sink);
  if (stream.error()) return *stream.error();
  return static_cast<std::size_t>(stream.records());
}

}  // namespace servimetrics
