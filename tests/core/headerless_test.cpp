// Files without a header line: a first row of data (CDNOW's "00001 19970101 1 11.77", a CSV's
// "C001,2024-01-05,120.50") is recognised, said in a coded note, and mapped by position with its
// first row kept; a file whose header is chosen or detected keeps it, and every sample, template
// and shared data set is still read with its header.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "import/header_detection.hpp"
#include "kind_answer_support.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// Four CDNOW_master.txt lines as the original file has them: no header, space-aligned.
constexpr std::string_view kCdnow =
    " 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n"
    " 00002 19970112  5   77.00\r\n 00003 19970102  2   20.76\r\n";

ImportOptions transactions_by_position() {
  ImportOptions import;
  import.kind = "transactions";
  import.positions = {{"customer_id", 1}, {"date", 2}, {"quantity", 3}, { "amount", 4 }};
  return import;
}

bool has_note(const json& answer, std::string_view code) {
  for (const json& note : answer.value("notes", json::array())) {
    if (note.value("code", "") == code) return true;
  }
  return false;
}

TEST(Headerless, CdnowMasterIsReadByPositionWithItsFirstRow) {
  const json answer = analyze_file(kCdnow, transactions_by_position(), AnalyzeOptions{});
  EXPECT_TRUE(answer["errors"].empty()) << answer.dump();
  const json& report = answer["import"];
  EXPECT_EQ(report["file"]["header_row"], false);
  EXPECT_EQ(report["header"], json({"1", "2", "3", "4"}));
  EXPECT_EQ(report["rows_read"], 4);
  EXPECT_EQ(report["rows_used"], 4);
  EXPECT_EQ(report["file"]["first_rows"][0], json({"00001", "19970101", "1", "11.77"}));
  // 11.77 + 12 + 77 + 20.76: the first row's 11.77 is counted.
  EXPECT_NEAR(testing::measure(answer, "revenue"), 121.53, 1e-9) << answer.dump();
  ASSERT_TRUE(has_note(answer, "no_header_line")) << answer.dump();
}

TEST(Headerless, WithoutAMappingTheErrorSaysSoAndNamesTheFieldsToPlace) {
  ImportOptions import;
  import.kind = "transactions";
  const json answer = analyze_file(kCdnow, import, AnalyzeOptions{});
  ASSERT_EQ(answer["errors"].size(), 1u) << answer.dump();
  const json& error = answer["errors"][0];
  EXPECT_EQ(error["code"], "headerless_needs_mapping");
  EXPECT_EQ(error["params"]["missing"], json({"customer_id", "date", "amount"}));
  EXPECT_EQ(error["params"]["columns"], 4);
  EXPECT_EQ(error["params"]["first_row"], json({"00001", "19970101", "1", "11.77"}));
  EXPECT_NE(error["message"].get<std::string>().find("no header line"), std::string::npos);
  // The report still shows the columns by position, for the page's mapping screen.
  EXPECT_EQ(answer["import"]["header"], json({"1", "2", "3", "4"}));

  import.kind = "auto";
  const json automatic = analyze_file(kCdnow, import, AnalyzeOptions{});
  ASSERT_EQ(automatic["errors"].size(), 1u);
  EXPECT_EQ(automatic["errors"][0]["code"], "headerless_needs_kind");
  EXPECT_EQ(automatic["import"]["file"]["header_row"], false);
}

TEST(Headerless, ACsvOfDataKeepsItsFirstRowEvenWhenMappedByItsValues) {
  const std::string csv = "C001,2024-01-05,120.50\nC002,2024-01-06,80\nC001,2024-02-01,40\n";
  ImportOptions import;
  import.kind = "transactions";
  import.positions = {{"customer_id", 1}, {"date", 2}, { "amount", 3 }};
  const json by_position = analyze_file(csv, import, AnalyzeOptions{});
  EXPECT_EQ(by_position["import"]["rows_used"], 3) << by_position.dump();
  EXPECT_NEAR(testing::measure(by_position, "revenue"), 240.5, 1e-9);
  // Mapped with the first row's values as if they were headers (what the page offered before):
  // the same three rows, not two.
  import.positions.clear();
  import.mapping = {{"customer_id", "C001"}, {"date", "2024-01-05"}, { "amount", "120.50" }};
  const json by_value = analyze_file(csv, import, AnalyzeOptions{});
  EXPECT_EQ(by_value["import"]["rows_used"], 3) << by_value.dump();
  EXPECT_NEAR(testing::measure(by_value, "revenue"), 240.5, 1e-9);
  // Told the first row is a header, it is one: two rows, as the user asked.
  import.header = HeaderRow::present;
  const json forced = analyze_file(csv, import, AnalyzeOptions{});
  EXPECT_EQ(forced["import"]["rows_used"], 2) << forced.dump();
  EXPECT_EQ(forced["import"]["file"]["header_row"], true);
}

TEST(Headerless, ChosenAbsentHeaderIsNotDetected) {
  // A one-row file is decided from that row alone; told there is no header, it is data.
  ImportOptions import = transactions_by_position();
  import.header = HeaderRow::absent;
  const json answer = analyze_file("C1,2024-01-05,2,30\n", import, AnalyzeOptions{});
  EXPECT_EQ(answer["import"]["file"]["header_row"], false) << answer.dump();
  EXPECT_EQ(answer["import"]["rows_used"], 1);
  EXPECT_NEAR(testing::measure(answer, "revenue"), 30, 1e-9);
}

TEST(Headerless, PositionsPastTheLastColumnAreAnError) {
  ImportOptions import = transactions_by_position();
  import.positions["product"] = 9;
  const json answer = analyze_file(kCdnow, import, AnalyzeOptions{});
  ASSERT_EQ(answer["errors"].size(), 1u);
  EXPECT_EQ(answer["errors"][0]["code"], "mapping_position_missing");
  EXPECT_EQ(answer["errors"][0]["params"],
            json({{"field", "product"}, {"position", 9}, {"columns", 4}}));
}

TEST(Headerless, PositionsAlsoMapAFileWithAHeader) {
  ImportOptions import;
  import.kind = "transactions";
  import.positions = {{"customer_id", 2}, {"date", 1}, { "amount", 3 }};
  const json answer = analyze_file("Wann,Wer,Wieviel\n2024-01-05,C1,10\n2024-01-06,C2,5\n", import,
                                   AnalyzeOptions{});
  EXPECT_TRUE(answer["errors"].empty()) << answer.dump();
  EXPECT_EQ(answer["import"]["file"]["header_row"], true);
  EXPECT_EQ(answer["import"]["rows_used"], 2);
  EXPECT_FALSE(has_note(answer, "no_header_line"));
}

TEST(Headerless, DetectionTellsDataFromLabels) {
  using Row = std::vector<std::string_view>;
  const auto data = [](Row first, Row second, bool has_second = true) {
    return first_row_is_data(first, second, has_second);
  };
  EXPECT_TRUE(data({"00001", "19970101", "1", "11.77"}, {"00002", "19970112", "1", "12.00"}));
  EXPECT_TRUE(data({"C001", "2024-01-05", "120.50"}, {"C002", "2024-01-06", "80"}));
  EXPECT_TRUE(data({"C001", "2024-01-05", "120.50"}, {}, false));
  EXPECT_TRUE(data({"张三", "9", "很好"}, {"李四", "3", "太慢"}));
  // Labels above values, aliases, and rows without numbers or dates are headers.
  EXPECT_FALSE(data({"Kunde", "Datum", "Betrag"}, {"C1", "2024-01-05", "10"}));
  EXPECT_FALSE(data({"customer_id", "2024"}, {"C1", "10"}));
  EXPECT_FALSE(data({"frequency", "recency", "periods", "weights"}, {"0", "0", "6", "3464"}));
  EXPECT_FALSE(data({"Kunde", "Betrag"}, {}, false));
  EXPECT_FALSE(data({"ID", "2023", "2024"}, {"C1", "5", "6"}));  // "ID" is an alias
}

// The JSON import request: "header" and mapping numbers as positions.
TEST(Headerless, RequestTakesHeaderAndPositions) {
  const auto parsed =
      import_request_from_json(json::parse(R"({"kind": "transactions", "header": false,
                      "mapping": {"customer_id": 1, "date": "Datum", "amount": null}})"));
  ASSERT_TRUE(parsed.ok());
  const ImportOptions& import = parsed.value().first;
  EXPECT_EQ(import.header, HeaderRow::absent);
  EXPECT_EQ(import.positions, (std::map<std::string, std::size_t>{{"customer_id", 1}}));
  EXPECT_EQ(import.mapping.at("date"), "Datum");
  EXPECT_EQ(import.mapping.at("amount"), "");
  EXPECT_EQ(import_request_from_json(json::parse(R"({"header": true})")).value().first.header,
            HeaderRow::present);
  EXPECT_EQ(import_request_from_json(json::parse(R"({"header": "auto"})")).value().first.header,
            HeaderRow::detect);
  for (const char* bad : {R"({"mapping": {"date": 0}})", R"({"mapping": {"date": -2}})",
                          R"({"mapping": {"date": 1.5}})"}) {
    const auto error = import_request_from_json(json::parse(bad));
    ASSERT_FALSE(error.ok()) << bad;
    EXPECT_EQ(error.error().code, "mapping_bad_position") << bad;
    EXPECT_EQ(error.error().params["field"], "date");
  }
  EXPECT_EQ(import_request_from_json(json::parse(R"({"header": "yes"})")).error().code,
            "unknown_import_option");
}

// The CLI: --map field=N is a position, --no-header decides, and the answer says what was done.
TEST(Headerless, CliMapsByPositionWithNoHeader) {
  const std::string path = ::testing::TempDir() + "servimetrics_headerless_cdnow.txt";
  std::ofstream(path, std::ios::binary) << kCdnow;
  const std::string command = std::string(SERVIMETRICS_CLI) +
                              " analyze --kind transactions --no-header --map customer_id=1 --map "
                              "date=2 --map quantity=3 --map amount=4 '" +
                              path + "'";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << out;
  std::remove(path.c_str());
  const json answer = json::parse(out, nullptr, false);
  ASSERT_FALSE(answer.is_discarded()) << out;
  EXPECT_EQ(answer["import"]["file"]["header_row"], false);
  EXPECT_EQ(answer["import"]["rows_used"], 4);
  EXPECT_EQ(answer["import"]["mapping"][0]["column"], "1");
  EXPECT_TRUE(has_note(answer, "no_header_line"));
}

// The first bytes of a file read as the kind that fits: whether its first row was a header.
json header_row_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(256 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (path.ends_with(".xlsx")) {
    std::ifstream whole(path, std::ios::binary);
    head.assign(std::istreambuf_iterator<char>(whole), std::istreambuf_iterator<char>());
  } else if (head.rfind('\n') != std::string::npos) {
    head.resize(head.rfind('\n') + 1);  // whole lines only
  }
  ImportOptions import;
  ImportSession session(import);
  if (session.feed(head)) session.finish();
  return session.report()["file"].value("header_row", json());
}

TEST(Headerless, EverySampleTemplateAndSharedFileKeepsItsHeader) {
  namespace fs = std::filesystem;
  const std::string root = SERVIMETRICS_SOURCE_DIR;
  std::vector<std::string> files;
  for (const char* folder : {"/public/samples", "/public/templates"}) {
    for (const auto& entry : fs::directory_iterator(root + folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".csv" || ext == ".xlsx") files.push_back(entry.path().string());
    }
  }
  EXPECT_GE(files.size(), 20u);
  const char* shared_env = std::getenv("SHARED");
  const std::string shared = shared_env != nullptr ? shared_env : "/work/shared/data";
  std::vector<std::string> headerless;
  if (fs::is_directory(shared)) {
    for (const auto& entry : fs::recursive_directory_iterator(shared)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".csv" && ext != ".txt") continue;
      if (entry.path().filename() == "CDNOW_sample.txt") {
        headerless.push_back(entry.path().string());
      } else {
        files.push_back(entry.path().string());
      }
    }
  }
  for (const std::string& file : files) {
    EXPECT_EQ(header_row_of(file), true) << file;
  }
  // CDNOW_sample.txt is the one shared file without a header line ("00004 0001 19970101 2 29.33").
  for (const std::string& file : headerless) EXPECT_EQ(header_row_of(file), false) << file;
}

}  // namespace
}  // namespace servimetrics
