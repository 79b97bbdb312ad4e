// The Online Retail import read column by column (every code, dictionary text, number, time and
// line) and every reject, summed up in tests/golden/online-retail-table.txt: a faster reader must
// build the same table, whatever the chunks. Skipped without ../shared/data.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "analyze_test_support.hpp"
#include "servimetrics/import_session.hpp"

namespace servimetrics {
namespace {

// FNV-1a, 64 bits: a digest that names any change, not a secure hash.
class Digest {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) hash_ = (hash_ ^ p[i]) * 0x100000001B3ULL;
  }
  template <typename T>
  void values(const std::vector<T>& v) {
    bytes(v.data(), v.size() * sizeof(T));
  }
  [[nodiscard]] std::string hex() const {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash_));
    return out;
  }

 private:
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

template <typename T>
std::string digest_of(const std::vector<T>& v) {
  Digest d;
  d.values(v);
  return d.hex();
}

std::string column_line(const std::string& id, const ImportedColumn& c) {
  std::string line = "column " + id;
  if (!c.present) return line + " absent\n";
  switch (c.type) {
    case FieldType::text: {
      Digest texts;
      for (std::uint32_t k = 0; k < c.dictionary.size(); ++k) {
        const std::string_view text = c.dictionary.text(k);
        const std::uint64_t size = text.size();
        texts.bytes(&size, sizeof size);
        texts.bytes(text.data(), text.size());
      }
      return line + " text rows " + std::to_string(c.codes.size()) + " codes " +
             digest_of(c.codes) + " texts " + std::to_string(c.dictionary.size()) + " " +
             texts.hex() + "\n";
    }
    case FieldType::category:
      return line + " category rows " + std::to_string(c.codes.size()) + " " + digest_of(c.codes) +
             "\n";
    case FieldType::number:
      return line + " number rows " + std::to_string(c.numbers.size()) + " " +
             digest_of(c.numbers) + "\n";
    case FieldType::date:
      return line + " date rows " + std::to_string(c.times.size()) + " " + digest_of(c.times) +
             "\n";
    case FieldType::flag:
      return line + " flag rows " + std::to_string(c.flags.size()) + " " + digest_of(c.flags) +
             "\n";
  }
  return line + "\n";
}

// The import fed in chunks of `chunk` bytes, announced with its size or not, summed up as text.
std::string summary(std::string_view file, std::size_t chunk, bool sized) {
  ImportOptions options;
  options.kind = "transactions";
  if (sized) options.size = file.size();
  ImportSession session(options);
  for (std::size_t at = 0; at < file.size(); at += chunk) {
    if (!session.feed(file.substr(at, chunk))) break;
  }
  session.finish();
  if (session.error()) return "error " + session.error()->message + "\n";
  const ImportedTable& table = session.table();
  const nlohmann::json report = session.report();
  // The line numbers widened to 8 bytes, as the digests below were taken before the table kept 4.
  std::string out =
      "rows_read " + report["rows_read"].dump() + "\nrows_used " + std::to_string(table.rows()) +
      "\nrows_rejected " + report["rows_rejected"].dump() + "\nlines " +
      digest_of(std::vector<std::uint64_t>(table.lines.begin(), table.lines.end())) + "\n";
  for (std::size_t f = 0; f < table.field_ids.size(); ++f) {
    out += column_line(table.field_ids[f], table.columns[f]);
  }
  const std::string rejects = session.rejects_csv();
  Digest d;
  d.bytes(rejects.data(), rejects.size());
  return out + "rejects_csv bytes " + std::to_string(rejects.size()) + " " + d.hex() + "\n";
}

TEST(OnlineRetailTable, SameTableWhateverTheChunks) {
  const auto file = testing::read_shared_data("online-retail/online_retail.csv");
  if (!file) GTEST_SKIP() << "no ../shared/data/online-retail";
  const auto golden = testing::read_whole_file(std::string(SERVIMETRICS_SOURCE_DIR) +
                                               "/tests/golden/online-retail-table.txt");
  ASSERT_TRUE(golden.has_value());
  // As the CLI reads it (1 MB chunks, size known), and in odd chunks with the columns growing.
  const std::string cli = summary(*file, std::size_t{1} << 20, true);
  EXPECT_EQ(cli, *golden)
      << "replace tests/golden/online-retail-table.txt with the text above only "
         "when a change of the imported table is meant";
  EXPECT_EQ(summary(*file, 65543, false), cli);
}

}  // namespace
}  // namespace servimetrics
