// The files wasm module (servimetrics-files), loaded when the page first needs a file read: a file
// import fed in byte chunks (its answer, rejects and whole tables), the data kinds, the combined
// answer of two files, and the idle warm-up of the import path. The calculator's calls are the calc
// module's (bindings_calc.cpp). Errors travel inside the JSON answers; the core is built without
// exceptions, so none can cross into JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bindings_models.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/models.hpp"
#include "servimetrics/request.hpp"
#include "warm_up.hpp"

namespace {

// The data kinds with their fields and the date formats a column can be read with.
std::string kinds() {
  return servimetrics::data_kinds_json().dump();
}

std::string combine(const std::string& request) {
  auto parsed = servimetrics::parse_json(request);
  if (!parsed.ok()) {
    return servimetrics::dump_answer(
        {{"kpis", nlohmann::json::array()},
         {"errors", nlohmann::json::array({servimetrics::error_json(parsed.error())})}});
  }
  return servimetrics::dump_answer(servimetrics::combine_analyses(parsed.value()));
}

// A copy of n values in JavaScript's own memory (slice of a view into the module's).
template <typename T>
emscripten::val copy_out(std::size_t n, const T* data) {
  return emscripten::val(emscripten::typed_memory_view(n, data)).call<emscripten::val>("slice");
}

// One file's import, fed Uint8Array chunks.
class FileImport {
 public:
  explicit FileImport(const std::string& request_json) {
    auto request = servimetrics::parse_json(request_json);
    if (request.ok()) {
      auto options = servimetrics::import_request_from_json(request.value());
      if (options.ok()) {
        analysis_ = options.value().second;
        // The module's memory ends at 2 GB (MAXIMUM_MEMORY); the table gets half, so a file too
        // large is refused with a message instead of the tab running out of memory.
        if (options.value().first.memory_limit == 0) {
          options.value().first.memory_limit = std::uint64_t{1024} * 1024 * 1024;
        }
        session_ = std::make_unique<servimetrics::ImportSession>(options.value().first);
        return;
      }
      problem_ = options.error();
    } else {
      problem_ = request.error();
    }
    if (problem_->input.empty()) problem_->input = "request";
    session_ = std::make_unique<servimetrics::ImportSession>(servimetrics::ImportOptions{});
  }

  // The chunk is copied into the module by Uint8Array.set: Embind's std::string argument copies
  // a Uint8Array one byte at a time in JavaScript (15% of an import's time).
  bool feed(const emscripten::val& chunk) {
    if (problem_) return false;
    const auto size = chunk["length"].as<std::size_t>();
    if (chunk_.size() < size) chunk_.resize(size);
    emscripten::val(emscripten::typed_memory_view(size, chunk_.data())).call<void>("set", chunk);
    return session_->feed(std::string_view(chunk_.data(), size));
  }

  // {"bytes", "rows"} so far.
  std::string progress() const {
    return nlohmann::json{{"bytes", session_->bytes_read()}, {"rows", session_->rows_read()}}
        .dump();
  }

  // Ends the file and answers like `analyze`.
  std::string finish() {
    if (problem_) {
      return servimetrics::dump_answer(
          {{"kpis", nlohmann::json::array()},
           {"errors", nlohmann::json::array({servimetrics::error_json(*problem_)})}});
    }
    session_->finish();
    finished_ = true;
    chunk_ = {};  // the worker keeps a finished import (its rejects), not its last chunk
    return servimetrics::dump_answer(servimetrics::analyze_session(*session_, analysis_));
  }

  // The kind read (the detected one for "auto"), "" before the header or when none fits: the
  // worker files a finished import under it without parsing the answer.
  std::string kind() const { return session_->table().kind; }

  // Every kept reject as [{"row", "column", "value", "reason", "code", "params"}]: the page writes
  // the download itself, with the reasons in its language.
  std::string rejects_json() const { return servimetrics::dump_answer(session_->rejects_json()); }

  // The customer-base models on this import's table (bindings_models.cpp, docs/MODELS.md).
  std::string fit_models(const std::string& options) const {
    return servimetrics_wasm::fit_models_on_table(
        finished_ && !problem_ ? &session_->table() : nullptr, options);
  }

  // The same fit with the customers' table as typed arrays, copied out in this one call (never a
  // JSON row per customer): {"answer": the JSON text without "customers" rows, "model", "ids"
  // (Uint8Array, UTF-8), "idEnds" (Uint32Array), "x", "t_x", "T", "mean_spend", "p_alive",
  // "expected", "clv", "clv_p5", "clv_p95" (Float64Array; the last five empty without a model or
  // intervals)}. The wasm side's columns are freed before it returns.
  emscripten::val fit_models_columns(const std::string& options) const {
    emscripten::val out = emscripten::val::object();
    if (!finished_ || problem_) {
      out.set("answer", fit_models(options));
      return out;
    }
    servimetrics::CustomerColumns columns;
    {
      auto parsed = servimetrics::parse_json(options.empty() ? "{}" : options);
      if (!parsed.ok() || !parsed.value().is_object()) {
        out.set("answer", fit_models(options));
        return out;
      }
      out.set("answer", servimetrics::dump_answer(
                            servimetrics::fit_models(session_->table(), parsed.value(), columns)));
    }
    out.set("model", columns.model);
    out.set("ids", copy_out(columns.ids.size(),
                            reinterpret_cast<const std::uint8_t*>(columns.ids.data())));
    out.set("idEnds", copy_out(columns.id_ends.size(), columns.id_ends.data()));
    const std::pair<const char*, std::vector<double>*> numbers[] = {
        {"x", &columns.x},
        {"t_x", &columns.t_x},
        {"T", &columns.T},
        {"mean_spend", &columns.mean_spend},
        {"p_alive", &columns.p_alive},
        {"expected", &columns.expected},
        {"clv", &columns.clv},
        {"clv_p5", &columns.clv_p5},
        {"clv_p95", &columns.clv_p95}};
    for (const auto& [name, column] : numbers) {
      out.set(name, copy_out(column->size(), column->data()));
      *column = {};  // freed at once: the next copy may need the room
    }
    return out;
  }

  // One answer table whole ({"columns", "units", "rows", "total_rows"} with every row), "null"
  // when the answer has no such table. The answer keeps the first rows of each table; the page
  // asks for the rest only when the user looks, so the analysis runs again then, once.
  std::string table_json(const std::string& name) {
    if (problem_ || !finished_) return "null";
    if (!whole_tables_) {
      servimetrics::AnalyzeOptions whole = analysis_;
      whole.table_rows = std::numeric_limits<std::size_t>::max();
      whole_tables_ =
          servimetrics::analyze_session(*session_, whole).value("tables", nlohmann::json::object());
    }
    const auto found = whole_tables_->find(name);
    return found == whole_tables_->end() ? "null" : servimetrics::dump_answer(*found);
  }

 private:
  std::unique_ptr<servimetrics::ImportSession> session_;
  std::vector<char> chunk_;  // the last chunk's bytes; reused
  servimetrics::AnalyzeOptions analysis_;
  std::optional<servimetrics::Error> problem_;
  bool finished_ = false;
  std::optional<nlohmann::json> whole_tables_;  // every table with all its rows, once asked for
};

}  // namespace

EMSCRIPTEN_BINDINGS(servimetrics_files) {
  emscripten::function("kinds", &kinds);
  emscripten::function("combine", &combine);
  emscripten::function("warmUp", &servimetrics_wasm::warm_up);
  emscripten::class_<FileImport>("FileImport")
      .constructor<const std::string&>()
      .function("feed", &FileImport::feed)
      .function("progress", &FileImport::progress)
      .function("finish", &FileImport::finish)
      .function("kind", &FileImport::kind)
      .function("rejectsJson", &FileImport::rejects_json)
      .function("tableJson", &FileImport::table_json)
      .function("fitModels", &FileImport::fit_models)
      .function("fitModelsColumns", &FileImport::fit_models_columns);
}
