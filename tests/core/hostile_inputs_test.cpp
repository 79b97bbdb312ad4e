// Hostile files and requests through the wasm/CLI entry points (parse_json,
// import_request_from_json, ImportSession fed in the page's 256 KB slices, analyze_session,
// rejects_csv, compute_text): empty and binary files, a 100 MB line, a million columns, open
// quotes, impossible numbers and dates, requests nested 100,000 levels deep or 50 MB big, formulas
// in rejected cells, HTML in every text field. Each gives its exact message or the right answer,
// valid JSON without NaN or Infinity.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cells/calendar.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define SERVIMETRICS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SERVIMETRICS_ASAN 1
#endif
#endif

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr std::size_t kSlice = std::size_t{256}
                               << 10;  // the page's slice (web/src/engine/import-runner.ts)
constexpr std::size_t kMB = std::size_t{1} << 20;

// What the page gets back from one FileImport.
struct FileAnswer {
  std::string text;  // finish()'s JSON
  json answer;
  std::string rejects_csv;
  std::uint64_t bytes_read = 0;
};

// Every number of the tree is finite and every text valid; the dump is strict JSON (a NaN or
// Infinity token would not parse back).
void expect_clean_json(const std::string& text) {
  const json parsed = json::parse(text, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << text.substr(0, 500);
  std::vector<const json*> stack = {&parsed};
  while (!stack.empty()) {
    const json* node = stack.back();
    stack.pop_back();
    if (node->is_number_float()) EXPECT_TRUE(std::isfinite(node->get<double>())) << text;
    if (node->is_structured()) {
      for (const json& child : *node) stack.push_back(&child);
    }
  }
}

// The wasm FileImport: request text, then the file in slices, then finish().
FileAnswer import_file(std::string_view request_text, std::string_view bytes,
                       std::size_t slice = kSlice) {
  FileAnswer out;
  const auto request = parse_json(request_text);
  EXPECT_TRUE(request.ok()) << request_text;
  if (!request.ok()) return out;
  const auto options = import_request_from_json(request.value());
  EXPECT_TRUE(options.ok()) << request_text;
  if (!options.ok()) return out;
  ImportSession session(options.value().first);
  bool go = true;
  for (std::size_t at = 0; at < bytes.size() && go; at += slice) {
    go = session.feed(bytes.substr(at, slice));
  }
  if (go) session.finish();
  out.text = dump_answer(analyze_session(session, options.value().second));
  out.answer = json::parse(out.text, nullptr, false);
  out.rejects_csv = session.rejects_csv();
  out.bytes_read = session.bytes_read();
  expect_clean_json(out.text);
  return out;
}

FileAnswer import_transactions(std::string_view bytes) {
  return import_file(R"({"kind": "transactions"})", bytes);
}

// The first error's message, or "".
std::string first_error(const json& answer) {
  const auto errors = answer.find("errors");
  if (errors == answer.end() || !errors->is_array() || errors->empty()) return "";
  const auto message = (*errors)[0].find("message");
  return message != (*errors)[0].end() && message->is_string() ? message->get<std::string>() : "";
}

json rejects(const FileAnswer& r) {
  const auto import = r.answer.find("import");
  if (import == r.answer.end() || !import->contains("rejects")) return json::array();
  return (*import)["rejects"];
}

std::uint64_t report_count(const FileAnswer& r, const char* name) {
  const auto import = r.answer.find("import");
  if (import == r.answer.end() || !import->contains(name)) return 0;
  return (*import)[name].get<std::uint64_t>();
}

// Every text anywhere in the tree, keys included.
std::set<std::string> all_texts(const json& tree) {
  std::set<std::string> texts;
  std::vector<const json*> stack = {&tree};
  while (!stack.empty()) {
    const json* node = stack.back();
    stack.pop_back();
    if (node->is_string()) texts.insert(node->get<std::string>());
    if (node->is_object()) {
      for (const auto& [key, value] : node->items()) {
        texts.insert(key);
        stack.push_back(&value);
      }
    } else if (node->is_array()) {
      for (const json& child : *node) stack.push_back(&child);
    }
  }
  return texts;
}

// Peak resident memory, reset by writing 5 to /proc/self/clear_refs (Linux); -1 without /proc.
long peak_kb() {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return -1;
  char line[256];
  long kb = -1;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atol(line + 6);
  }
  std::fclose(status);
  return kb;
}

bool reset_peak() {
  std::FILE* refs = std::fopen("/proc/self/clear_refs", "w");
  if (refs == nullptr) return false;
  const bool ok = std::fputs("5", refs) >= 0;
  return std::fclose(refs) == 0 && ok;
}

// Checks the memory bound natively; under ASan the shadow and the quarantine of freed blocks
// make the resident size meaningless, so only the behaviour is checked there.
class PeakMemory {
 public:
  PeakMemory() : measured_(reset_peak()), start_(peak_kb()) {}
  void expect_at_most(std::size_t bytes, const char* what) const {
#ifdef SERVIMETRICS_ASAN
    (void)bytes;
    (void)what;
#else
    if (!measured_ || start_ < 0) return;
    const long grown = peak_kb() - start_;
    RecordProperty(what, std::to_string(grown / 1024) + " MB");
    std::printf("[ memory   ] %s: %ld MB\n", what, grown / 1024);
    EXPECT_LE(static_cast<std::size_t>(grown) * 1024, bytes)
        << what << ": " << grown / 1024 << " MB above the start";
#endif
  }

 private:
  static void RecordProperty(const char* key, const std::string& value) {
    ::testing::Test::RecordProperty(key, value);
  }
  bool measured_;
  long start_;
};

// A CSV cell holding `text` as it is.
std::string csv_quoted(std::string_view text) {
  std::string cell = "\"";
  for (const char c : text) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
  return cell + "\"";
}

const std::string kHeader = "customer,date,amount\n";
const std::string kBinaryMessage =
    "this is not a text file (it looks like binary data); save the data as CSV or Excel (.xlsx) "
    "and try again";

TEST(HostileFiles, EmptyFilesSayTheyAreEmpty) {
  for (const char* request : {R"({"kind": "transactions"})", R"({"kind": "auto"})", "{}"}) {
    SCOPED_TRACE(request);
    const FileAnswer empty = import_file(request, "");
    EXPECT_EQ(first_error(empty.answer), "the file is empty");
    EXPECT_TRUE(empty.answer["kpis"].empty());
    EXPECT_EQ(empty.answer["errors"][0]["input"], "file");
    for (const std::string blank : {"\xEF\xBB\xBF", "\n\n\r\n", "\xEF\xBB\xBF\r\n"}) {
      EXPECT_EQ(first_error(import_file(request, blank).answer),
                "the file is empty: it has no rows, not even a header");
    }
  }
  // A header alone: no rows, no KPIs.
  const FileAnswer header_only = import_transactions(kHeader);
  EXPECT_EQ(first_error(header_only.answer),
            "no usable rows: every row of the file was rejected (see the rejects for why)");
  EXPECT_EQ(report_count(header_only, "rows_read"), 0U);
}

TEST(HostileFiles, BinaryDataIsRefusedAsNotText) {
  std::mt19937 random(20240601);
  std::string noise(std::size_t{200} << 10, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xFF);
  EXPECT_EQ(first_error(import_transactions(noise).answer), kBinaryMessage);
  EXPECT_EQ(first_error(import_file("{}", noise.substr(0, 1000)).answer), kBinaryMessage);

  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 29);
  png += noise.substr(0, 5000);
  EXPECT_EQ(first_error(import_transactions(png).answer), kBinaryMessage);
  EXPECT_EQ(first_error(import_transactions(std::string(70000, '\0')).answer), kBinaryMessage);
  // NULs after a text header are still mostly NULs.
  EXPECT_EQ(first_error(import_transactions(kHeader + std::string(5000, '\0')).answer),
            kBinaryMessage);
  // A zip that is no workbook is read as one and explained.
  const FileAnswer zip = import_transactions(std::string("PK\x03\x04", 4) + noise.substr(0, 4000));
  EXPECT_EQ(zip.answer["import"]["file"]["format"], "xlsx");
  EXPECT_FALSE(first_error(zip.answer).empty());
}

// With the encoding chosen, nothing stops noise at the door: it must go through every reader
// and come out as an error or as rows accounted for, never as a crash (ASan runs this too).
TEST(HostileFiles, NoiseInEveryEncodingIsReadOrRefusedCleanly) {
  std::mt19937 random(7);
  std::size_t refused = 0;
  std::size_t read = 0;
  for (const char* encoding : {"utf-8", "utf-16le", "utf-16be", "gb18030"}) {
    for (const char* kind : {"transactions", "auto", "survey"}) {
      for (int sample = 0; sample < 8; ++sample) {
        // Noise, or noise salted with delimiters, quotes and line ends to reach the CSV states.
        std::string bytes = kHeader;
        const std::size_t size = 64 + random() % 6000;
        for (std::size_t i = 0; i < size; ++i) {
          const unsigned pick = random() % 16;
          bytes.push_back(sample % 2 == 0 || pick > 4 ? static_cast<char>(random() & 0xFF)
                                                      : ",\"\n\r1"[pick]);
        }
        const std::string request =
            std::string(R"({"kind": ")") + kind + R"(", "encoding": ")" + encoding + "\"}";
        SCOPED_TRACE(request + " sample " + std::to_string(sample));
        const FileAnswer r = import_file(request, bytes, 1 + random() % 3000);
        ASSERT_TRUE(r.answer.is_object());
        ASSERT_TRUE(r.answer["errors"].is_array());
        if (!first_error(r.answer).empty()) {
          ++refused;
        } else {
          ++read;
          EXPECT_EQ(report_count(r, "rows_read"),
                    report_count(r, "rows_used") + report_count(r, "rows_rejected"));
        }
      }
    }
  }
  EXPECT_EQ(refused + read, 96U);
}

TEST(HostileFiles, OneHundredMegabyteLineIsRefusedByTheRecordLimit) {
  const std::string expected =
      "the record starting on line 3 is longer than 64 MB, the most one row may hold";
  const std::string start = kHeader + "c1,2024-01-01,5\n";
  // Streamed as the page does, the line made slice by slice: nothing holds the 100 MB.
  {
    const PeakMemory memory;
    const auto options = import_request_from_json(json{{"kind", "transactions"}});
    ImportSession session(options.value().first);
    const std::string slice(kSlice, 'x');
    bool go = session.feed(start);
    std::size_t fed = 0;
    for (; fed < 100 * kMB && go; fed += kSlice) go = session.feed(slice);
    if (go) session.finish();
    ASSERT_TRUE(session.error().has_value());
    EXPECT_EQ(session.error()->message, expected);
    EXPECT_LE(fed, 64 * kMB + kSlice);  // it stopped at the limit, not at the end
    memory.expect_at_most(192 * kMB, "peak while streaming a 100 MB line");
  }
  // The whole 100 MB in one piece (wasm analyze(kind, text) and the CLI's first chunk both hand
  // the core one buffer): the same message, and no copy of the 100 MB but the decoded text.
  {
    std::string file = start + std::string(100 * kMB, 'x');
    const PeakMemory memory;
    const FileAnswer r = import_file(R"({"kind": "transactions"})", file, file.size());
    EXPECT_EQ(first_error(r.answer), expected);
    memory.expect_at_most(192 * kMB, "peak for a 100 MB line in one piece");
  }
}

TEST(HostileFiles, OneHundredMegabytesInsideQuotesNamesTheOpenQuote) {
  const std::string expected =
      "the record starting on line 3 is longer than 64 MB, the most one row may hold; the quoted "
      "field opened on line 3 may be missing its closing quote";
  const PeakMemory memory;
  ImportOptions options;
  options.kind = "transactions";
  ImportSession session(options);
  const std::string slice(kSlice, 'x');
  bool go = session.feed(kHeader + "c1,2024-01-01,5\nc2,\"");
  for (std::size_t fed = 0; fed < 100 * kMB && go; fed += kSlice) go = session.feed(slice);
  if (go) session.finish();
  ASSERT_TRUE(session.error().has_value());
  EXPECT_EQ(session.error()->message, expected);
  memory.expect_at_most(192 * kMB, "peak for 100 MB inside quotes");
  // In one piece, with line ends inside the quotes: the record still starts on line 3.
  std::string file = kHeader + "c1,2024-01-01,5\nc2,\"";
  for (int i = 0; i < 100; ++i) file += std::string(kMB - 1, 'y') + "\n";
  EXPECT_EQ(first_error(import_transactions(file).answer), expected);
}

TEST(HostileFiles, AMillionColumnsAreRefusedByTheFieldLimit) {
  const std::string commas(1000000, ',');
  EXPECT_EQ(first_error(import_transactions(kHeader + "c1,2024-01-01,5" + commas + "\n").answer),
            "line 2 has more than 16384 columns");
  EXPECT_EQ(first_error(import_transactions(commas + "\n").answer),
            "line 1 has more than 16384 columns");
  std::string quoted;
  for (int i = 0; i < 1000000; ++i) quoted += "\"a\";";
  EXPECT_EQ(
      first_error(import_file("{}", "customer;date;amount\nc1;2024-01-01;5\n" + quoted).answer),
      "line 3 has more than 16384 columns");
  // 16384 columns are read: the header fits no kind, and says which columns it saw.
  std::string wide = "customer,date,amount";
  for (int i = 3; i < 16384; ++i) wide += ",c" + std::to_string(i);
  const FileAnswer r = import_transactions(wide + "\n");
  EXPECT_EQ(first_error(r.answer),
            "no usable rows: every row of the file was rejected (see the rejects for why)");
}

TEST(HostileFiles, UnbalancedQuotes) {
  EXPECT_EQ(
      first_error(import_transactions(kHeader + "c1,\"2024-01-01,5\nc2,2024-01-02,6\n").answer),
      "a quoted field opened on line 2 is never closed");
  EXPECT_EQ(first_error(import_transactions(kHeader + "c1,2024-01-01,5\n\"").answer),
            "a quoted field opened on line 3 is never closed");
  EXPECT_EQ(first_error(import_transactions("\"").answer),
            "a quoted field opened on line 1 is never closed");
  // A quote inside an unquoted cell is text; text after a closing quote is kept.
  const FileAnswer stray =
      import_transactions(kHeader + "c\"1,2024-01-01,5\n\"c\"2,2024-01-02,6\n");
  EXPECT_EQ(first_error(stray.answer), "");
  EXPECT_EQ(report_count(stray, "rows_used"), 2U);
  const std::set<std::string> texts = all_texts(stray.answer);
  EXPECT_EQ(texts.count("c\"1"), 1U) << stray.text;
  EXPECT_EQ(texts.count("c2"), 1U) << stray.text;
}

TEST(HostileFiles, ImpossibleAmountsAreRejectedNamingTheValue) {
  struct Case {
    const char* value;
    const char* reason;  // "" = read
  };
  const std::vector<Case> cases = {
      {"1e309", "too large"},
      {"-1e309", "too large"},
      {"-0", ""},
      {"0x10", "not a number"},
      {"NaN", "not a number"},
      {"nan", "not a number"},
      {"Infinity", "not a number"},
      {"-Infinity", "not a number"},
      {"inf", "not a number"},
      {"1e-400", ""},
      {"١٢٣", "not a number"},
      {"1e308", "too large (above 10^15)"},
      {"1e999999999", "too large"},
      {"0e999999999", ""},
  };
  std::string file = kHeader + "c0,2024-01-01,5\n";
  for (const Case& c : cases) file += std::string("c1,2024-01-02,") + c.value + "\n";
  const FileAnswer r = import_transactions(file);
  ASSERT_EQ(first_error(r.answer), "") << r.text;
  const json list = rejects(r);
  std::size_t k = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (*cases[i].reason == '\0') continue;
    SCOPED_TRACE(cases[i].value);
    ASSERT_LT(k, list.size());
    EXPECT_EQ(list[k]["row"], i + 3);
    EXPECT_EQ(list[k]["column"], "amount");
    EXPECT_EQ(list[k]["value"], cases[i].value);
    EXPECT_EQ(list[k]["reason"], cases[i].reason);
    ++k;
  }
  EXPECT_EQ(k, list.size());
  // 5, -0, 1e-400 and 0e999999999 are read: -0 and the underflow as zero, the revenue stays 5.
  EXPECT_EQ(report_count(r, "rows_used"), 4U);
  bool revenue_seen = false;
  for (const json& measure : r.answer["measures"]) {
    if (measure["id"] != "revenue") continue;
    revenue_seen = true;
    EXPECT_EQ(measure["value"], 5.0);
  }
  EXPECT_TRUE(revenue_seen) << r.text;
  // NaN and Infinity appear only as the rejected texts, inside quotes.
  for (const std::string token : {"NaN", "Infinity"}) {
    for (std::size_t at = r.text.find(token); at != std::string::npos;
         at = r.text.find(token, at + 1)) {
      EXPECT_TRUE(r.text[at - 1] == '"' || r.text[at - 1] == '-') << r.text.substr(at - 20, 40);
    }
  }
}

TEST(HostileFiles, ImpossibleDatesAreRejectedWithTheReason) {
  // 600 good dates first: the detection tolerates 1% of its samples failing.
  std::string file = kHeader;
  for (int i = 0; i < 600; ++i) {
    const int day = 1 + i % 28;
    file += "c" + std::to_string(i % 5) + ",2024-02-" + (day < 10 ? "0" : "") +
            std::to_string(day) + ",10\n";
  }
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"0000-00-00", "year 0 is outside the supported years 1900 to 2200 (format YYYY-MM-DD)"},
      {"2023-02-30", "no such day: February has 28 days in 2023 (format YYYY-MM-DD)"},
      {"2023-13-01", "no such month: 13 (format YYYY-MM-DD)"},
      {"9999-12-31", "year 9999 is outside the supported years 1900 to 2200 (format YYYY-MM-DD)"},
      {"1899-12-31", "year 1899 is outside the supported years 1900 to 2200 (format YYYY-MM-DD)"},
  };
  for (const auto& [value, reason] : bad) file += "c9," + value + ",1\n";
  file += "c8,1900-01-01,1\nc8,2200-12-31,1\nc8,2024-02-29,1\n";
  const FileAnswer r = import_transactions(file);
  ASSERT_EQ(first_error(r.answer), "") << r.text;
  const json list = rejects(r);
  ASSERT_EQ(list.size(), bad.size()) << r.text;
  for (std::size_t i = 0; i < bad.size(); ++i) {
    EXPECT_EQ(list[i]["row"], 602 + i);
    EXPECT_EQ(list[i]["value"], bad[i].first);
    EXPECT_EQ(list[i]["reason"], bad[i].second);
  }
  EXPECT_EQ(report_count(r, "rows_used"), 603U);

  // Times: 24:00 and minute 60 do not exist.
  std::string timed = kHeader;
  for (int day = 10; day < 23; ++day) {
    for (int hour = 0; hour < 24; ++hour) {
      timed += "c1,2024-03-" + std::to_string(day) + " " + (hour < 10 ? "0" : "") +
               std::to_string(hour) + ":30,1\n";
    }
  }
  timed += "c2,2024-03-01 24:00,1\nc2,2024-03-01 23:60,1\n";
  const FileAnswer t = import_transactions(timed);
  ASSERT_EQ(first_error(t.answer), "") << t.text;
  const json times = rejects(t);
  ASSERT_EQ(times.size(), 2U) << t.text;
  EXPECT_EQ(times[0]["value"], "2024-03-01 24:00");
  EXPECT_EQ(times[0]["reason"], "no such hour: 24 (format YYYY-MM-DD h:mm)");
  EXPECT_EQ(times[1]["reason"], "no such minute: 60 (format YYYY-MM-DD h:mm)");

  // Mostly impossible dates: no format is chosen, and the message shows one that fails.
  std::string mostly_bad = kHeader + "c1,2024-01-01,1\n";
  for (const auto& [value, reason] : bad) mostly_bad += "c9," + value + ",1\n";
  EXPECT_EQ(first_error(import_transactions(mostly_bad).answer),
            "column 'date' (date): No date format fits the column: the closest, YYYY-MM-DD, reads "
            "1 of 6 values; it cannot read \"0000-00-00\" (year 0 is outside the supported years "
            "1900 to 2200).");
}

// The request readers behind FileImport (parse_json + import_request_from_json) and compute.
TEST(HostileRequests, HundredThousandLevelsDeepAreRefusedWithoutRecursion) {
  const std::string open(100000, '[');
  const std::string message_at_65 =
      "request nests arrays or objects more than 64 levels deep (at byte 65)";
  const auto unbalanced = parse_json(open);
  ASSERT_FALSE(unbalanced.ok());
  EXPECT_EQ(unbalanced.error().message, message_at_65);
  const auto balanced = parse_json(open + std::string(100000, ']'));
  ASSERT_FALSE(balanced.ok());
  EXPECT_EQ(balanced.error().message, message_at_65);
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  const auto nested_objects = parse_json(objects + "1" + std::string(100000, '}'));
  ASSERT_FALSE(nested_objects.ok());
  EXPECT_EQ(nested_objects.error().message,
            "request nests arrays or objects more than 64 levels deep (at byte 321)");
  // As an import option and as a threshold (which used to be copied recursively).
  const auto option = parse_json(R"({"kind": )" + open + std::string(100000, ']') + "}");
  ASSERT_FALSE(option.ok());
  const json answer = json::parse(compute_text(R"({"inputs": {}, "thresholds": {"clv": {"good": )" +
                                               open + std::string(100000, ']') + "}}}"));
  EXPECT_EQ(first_error(answer),
            "request nests arrays or objects more than 64 levels deep (at byte 108)");
}

TEST(HostileRequests, FiftyMegabyteRequests) {
  const std::string padding(50 * kMB, ' ');
  // Blank space around a valid request: the right answer.
  const auto spaced = parse_json(R"({"kind": "survey",)" + padding + R"("period": "year"})");
  ASSERT_TRUE(spaced.ok());
  const auto options = import_request_from_json(spaced.value());
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options.value().first.kind, "survey");
  EXPECT_EQ(options.value().second.period, "year");
  const json clv = json::parse(compute_text(
      R"({"inputs": {"avg_purchase_value": 120, "purchases_per_year": 4, "lifespan_years": 5})" +
      padding + "}"));
  ASSERT_EQ(clv["kpis"].size(), 1U);
  EXPECT_DOUBLE_EQ(clv["kpis"][0]["value"].get<double>(), 2400);

  // Long names are refused quoting only their start (1 MB: the path is the same as for 50 MB).
  const std::string name(kMB, 'x');
  const std::string start(40, 'x');
  const FileAnswer kind = import_file(R"({"kind": ")" + name + "\"}", "a,b\n1,2\n");
  EXPECT_EQ(first_error(kind.answer),
            "unknown data kind '" + start +
                "…' (known: transactions, subscriptions, survey, "
                "tickets, spend, ledger, customer_summary, survival_table, or auto)");
  const auto key = import_request_from_json(json::parse("{\"" + name + "\": 1}"));
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().message, "unknown or malformed import option '" + start + "…'");
  const FileAnswer encoding =
      import_file(R"({"kind": "transactions", "encoding": ")" + name + "\"}", "a,b\n1,2\n");
  EXPECT_EQ(first_error(encoding.answer),
            "unknown encoding '" + start + "…' (known: utf-8, utf-16le, utf-16be, gb18030, big5)");
  const json input = json::parse(compute_text(R"({"inputs": {")" + name + R"(": 1}})"));
  EXPECT_EQ(first_error(input), "unknown input '" + start + "…'");
  const json value = json::parse(
      compute_text(R"({"inputs": {"avg_purchase_value": ")" + std::string(kMB, '9') + R"("}})"));
  EXPECT_EQ(first_error(value),
            "avg_purchase_value is not a number: \"" + std::string(40, '9') + "\"");
}

TEST(HostileFiles, FormulasInRejectedCellsAreDefusedInTheRejectsCsv) {
  const std::string file =
      "customer,date,@amount\n"
      "c1,2024-01-01,5\n"
      "c1,2024-01-02,=1+2\n"
      "c1,2024-01-03,+1+2\n"
      "c1,2024-01-04,-1-2\n"
      "c1,2024-01-05,@SUM(A1)\n"
      "c1,2024-01-06,\"\t=1+2\"\n"
      "c1,2024-01-07,\"\r=1+2\"\n"
      "c1,2024-01-08,\"=HYPERLINK(\"\"http://x.test\"\",\"\"y\"\")\"\n"
      "c1,-2024-01-09,1\n";
  const FileAnswer r =
      import_file(R"({"kind": "transactions", "mapping": {"amount": "@amount"}})", file);
  ASSERT_EQ(first_error(r.answer), "") << r.text;
  EXPECT_EQ(r.rejects_csv,
            "row,column,value,reason\r\n"
            "3,'@amount,'=1+2,not a number\r\n"
            "4,'@amount,'+1+2,not a number\r\n"
            "5,'@amount,'-1-2,not a number\r\n"
            "6,'@amount,'@SUM(A1),not a number\r\n"
            "7,'@amount,'=1+2,not a number\r\n"
            "8,'@amount,'=1+2,not a number\r\n"  // the CR inside quotes ends line 8
            "10,'@amount,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"y\"\")\",not a number\r\n"
            "11,date,'-2024-01-09,does not match the date format YYYY-MM-DD\r\n");
  // The answer's report keeps the plain text: JSON is not a spreadsheet.
  EXPECT_EQ(rejects(r)[0]["value"], "=1+2");
}

TEST(HostileFiles, HtmlInEveryTextFieldStaysPlainText) {
  const std::string script = "<script>alert(1)</script>";
  const std::string close = "</script><script>alert(2)</script>";
  const std::string image = "<img src=x onerror=alert(3)>";
  const std::string separators =
      "a\xE2\x80\xA8"
      "b\xE2\x80\xA9"
      "c";  // U+2028, U+2029
  const std::string quoted = "\"><svg onload=alert(4)>";
  const std::string file =
      "customer,date,amount,channel,product,invoice,status,category\n" + script + ",2024-01-01,5," +
      close + "," + image + "," + csv_quoted(quoted) + "," + separators + ",product\n" + image +
      ",2024-01-02,7," + separators + ",x,i2,ok,service\n" + csv_quoted(quoted) +
      ",2024-01-03,2,web,x,i3,ok,product\n" + "c4,2024-01-04,1,web,x,i4,ok,<b>service</b>\n";
  const FileAnswer r = import_transactions(file);
  ASSERT_EQ(first_error(r.answer), "") << r.text;
  const std::set<std::string> texts = all_texts(r.answer);
  EXPECT_EQ(texts.count(script), 1U) << r.text;  // the customers table
  EXPECT_EQ(texts.count(close), 1U) << r.text;   // the channels table
  EXPECT_EQ(texts.count(image), 1U) << r.text;
  EXPECT_EQ(texts.count(quoted), 1U) << r.text;
  EXPECT_EQ(texts.count(separators), 1U) << r.text;
  EXPECT_EQ(texts.count("<b>service</b>"), 1U) << r.text;  // the rejected category, as text
  // Written as JSON strings, unescaped but for JSON's own quotes: JSON.parse gives them back
  // as text, and the page puts text into the DOM as text.
  EXPECT_NE(r.text.find("\"" + script + "\""), std::string::npos);
  EXPECT_NE(r.text.find("\"" + close + "\""), std::string::npos);
  EXPECT_NE(r.text.find("\"a\xE2\x80\xA8"
                        "b\xE2\x80\xA9"
                        "c\""),
            std::string::npos);

  // Survey segments and comments, spend and ticket channels.
  const FileAnswer survey =
      import_file(R"({"kind": "survey"})", "nps,segment,comment\n9," + script + "," + close +
                                               "\n3," + image + ",x\n10," + script + ",y\n");
  ASSERT_EQ(first_error(survey.answer), "") << survey.text;
  EXPECT_EQ(all_texts(survey.answer).count(script), 1U) << survey.text;
  EXPECT_EQ(all_texts(survey.answer).count(image), 1U) << survey.text;
  const FileAnswer spend =
      import_file(R"({"kind": "spend"})", "period,channel,spend,new_customers\n2024-01," + close +
                                              ",100,4\n2024-01," + separators + ",50,5\n");
  ASSERT_EQ(first_error(spend.answer), "") << spend.text;
  EXPECT_EQ(all_texts(spend.answer).count(close), 1U) << spend.text;
  EXPECT_EQ(all_texts(spend.answer).count(separators), 1U) << spend.text;

  // compute(): group names come back through the core's own JSON writer.
  json request = {{"inputs",
                   {{"processes",
                     {{close, {{"steps_total", 10}, {"steps_in_system", 9}}},
                      {separators, {{"steps_total", 4}, {"steps_in_system", 1}}}}}}}};
  const std::string out = compute_text(request.dump());
  expect_clean_json(out);
  EXPECT_NE(out.find("\"name\":\"" + close + "\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"name\":\"" + separators + "\""), std::string::npos) << out;
  const std::set<std::string> computed = all_texts(json::parse(out));
  EXPECT_EQ(computed.count(close), 1U);
  EXPECT_EQ(computed.count(separators), 1U);
}

}  // namespace
}  // namespace servimetrics
