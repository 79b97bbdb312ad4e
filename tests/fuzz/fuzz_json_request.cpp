// libFuzzer target for the JSON boundary (request.hpp, as wasm/bindings.cpp calls it): compute
// requests as text, and import requests (import_request_from_json) whose options then drive an
// import of a small built-in file. Every answer must be JSON with "kpis" and "errors".
#include <cstddef>
#include <string>
#include <string_view>

#include "analyze/kind_analysis.hpp"
#include "fuzz_chunks.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

namespace {

using json = nlohmann::json;

constexpr std::string_view kTransactions =
    "invoice_id,customer_id,date,product,category,quantity,unit_price,amount,channel,status\n"
    "INV-1001,C001,2024-01-15,Compressor X200,product,1,21500,21500,direct_sales,completed\n"
    "INV-1002,C001,2024-03-02,Annual maintenance,basic_service,1,3200,3200,direct_sales,completed\n"
    "INV-1003,C002,2024-02-29,Filter kit,spare_parts,3,\"1,250.50\",3751.5,online,refunded\n";

// Enough rows for the table builder to size its columns from the announced file size, which only
// happens after its 2000-row sample.
const std::string& long_transactions() {
  static const std::string text = [] {
    std::string out(kTransactions.substr(0, kTransactions.find('\n') + 1));
    for (int i = 0; i < 2100; ++i) {
      out += "INV-" + std::to_string(i) + ",C" + std::to_string(i % 97) + ",2024-0" +
             std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) +
             ",Part,product,1,10,10,online,completed\n";
    }
    return out;
  }();
  return text;
}

// An answer is an object with arrays "kpis" and "errors".
void check_answer(const json& answer) {
  if (!answer.is_object()) __builtin_trap();
  const auto kpis = answer.find("kpis");
  const auto errors = answer.find("errors");
  if (kpis == answer.end() || !kpis->is_array()) __builtin_trap();
  if (errors == answer.end() || !errors->is_array()) __builtin_trap();
}

void check_answer_text(const std::string& text) {
  const json answer = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded()) __builtin_trap();
  check_answer(answer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* bytes, std::size_t size) {
  const std::string_view text = servimetrics::fuzz::as_text(bytes, size);

  const std::string answer = servimetrics::compute_text(text);
  check_answer_text(answer);

  const auto request = servimetrics::parse_json(text);
  if (!request.ok()) {
    if (request.error().message.empty()) __builtin_trap();
    return 0;
  }
  if (servimetrics::answer_text(request.value()) != answer) __builtin_trap();

  const auto options = servimetrics::import_request_from_json(request.value());
  if (!options.ok()) {
    if (options.error().message.empty()) __builtin_trap();
    return 0;
  }
  const auto& [import, analysis] = options.value();
  const std::string_view file = import.size != 0 ? long_transactions() : kTransactions;
  const json result = servimetrics::analyze_file(file, import, analysis);
  check_answer(result);
  check_answer_text(servimetrics::dump_answer(result));
  return 0;
}
