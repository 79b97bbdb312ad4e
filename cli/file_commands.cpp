// analyze and import: the file is streamed through the core's ImportSession in 1 MB chunks, so
// the CLI reads files of any size in the same encodings and formats as the page.
#include "file_commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics::cli {
namespace {

struct FileArgs {
  nlohmann::json request = nlohmann::json::object();
  std::string path;
  std::string rejects_path;
};

// --kind K --encoding E --delimiter D --sheet N --period P --scale S --as-of DATE
// --gross-margin X --discount-rate X --value-per-period N (survival tables) --decimal C --map
// field=Header|N --date-format field=order
// --no-header (the first row is data: map by position) --header (the first row is a header)
bool parse_args(std::span<char* const> args, FileArgs& out, std::string& problem) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      if (!out.path.empty()) {
        problem = "more than one file given";
        return false;
      }
      out.path = arg;
      continue;
    }
    if (arg == "--no-header" || arg == "--header") {
      out.request["header"] = arg == "--header";
      continue;
    }
    if (i + 1 >= args.size()) {
      problem = arg + " needs a value";
      return false;
    }
    const std::string value = args[++i];
    std::string key = arg.substr(2);
    for (char& c : key) c = c == '-' ? '_' : c;
    if (key == "map" || key == "date_format") {
      const auto eq = value.find('=');
      if (eq == std::string::npos) {
        problem = arg + " takes field=value";
        return false;
      }
      const std::string target = value.substr(eq + 1);
      // --map field=3: the third column (1-based), as a file without a header line needs.
      const bool position = key == "map" && !target.empty() && target.size() < 10 &&
                            target.find_first_not_of("0123456789") == std::string::npos;
      out.request[key == "map" ? "mapping" : "date_formats"][value.substr(0, eq)] =
          position
              ? nlohmann::json(static_cast<std::size_t>(std::strtoul(target.c_str(), nullptr, 10)))
              : nlohmann::json(target);
    } else if (key == "rejects") {
      out.rejects_path = value;
    } else if (key == "sheet") {
      out.request[key] = static_cast<std::size_t>(std::strtoul(value.c_str(), nullptr, 10));
    } else if (key == "gross_margin" || key == "discount_rate" || key == "value_per_period") {
      auto number = nlohmann::json::parse(value, nullptr, false);
      out.request[key] = number;
    } else {
      out.request[key] = value;
    }
  }
  if (out.path.empty()) problem = "no file given";
  if (std::FILE* file = out.path == "-" ? nullptr : std::fopen(out.path.c_str(), "rb")) {
    if (std::fseek(file, 0, SEEK_END) == 0) {
      const long size = std::ftell(file);
      if (size > 0) out.request["size"] = static_cast<std::uint64_t>(size);
    }
    std::fclose(file);
  }
  return problem.empty();
}

// Feeds the file to the session; false when it cannot be opened or read.
bool stream_file(const std::string& path, ImportSession& session) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  std::vector<char> buffer(std::size_t{1} << 20);
  bool ok = true;
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (n > 0 && !session.feed(std::string_view(buffer.data(), n))) break;
    if (n < buffer.size()) {
      ok = std::ferror(file) == 0;
      break;
    }
  }
  if (file != stdin) std::fclose(file);
  if (ok) session.finish();
  return ok;
}

// Writes each row as a JSON array of strings, as it comes.
class JsonRows final : public RowSink {
 public:
  bool row(std::uint64_t /*line*/, std::span<const std::string_view> fields) override {
    std::string line = rows_ == 0 ? "[\n" : ",\n";
    line += "  [";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line += ", ";
      line += nlohmann::json(std::string(fields[i]))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    line += "]";
    std::fwrite(line.data(), 1, line.size(), stdout);
    ++rows_;
    return true;
  }
  void close() const { std::fputs(rows_ == 0 ? "[]\n" : "\n]\n", stdout); }

 private:
  std::uint64_t rows_ = 0;
};

}  // namespace

int fail(std::string_view message) {
  std::cerr << "servimetrics: " << message << '\n';
  return kUnreadable;
}

int analyze_command(std::span<char* const> args) {
  FileArgs parsed;
  std::string problem;
  if (!parse_args(args, parsed, problem)) return fail(problem);
  if (!parsed.request.contains("kind")) {
    return fail("usage: servimetrics analyze --kind KIND [OPTIONS] FILE (see servimetrics --help)");
  }
  auto options = import_request_from_json(parsed.request);
  if (!options.ok()) return fail(options.error().message);
  ImportSession session(options.value().first);
  if (session.error()) return fail(session.error()->message);  // an unknown kind
  if (!stream_file(parsed.path, session)) return fail("cannot read " + parsed.path);
  const nlohmann::json answer = analyze_session(session, options.value().second);
  std::cout << dump_answer(answer) << '\n';
  if (!parsed.rejects_path.empty()) {
    std::ofstream rejects(parsed.rejects_path, std::ios::binary);
    rejects << session.rejects_csv();
    if (!rejects) return fail("cannot write " + parsed.rejects_path);
  }
  return answer["errors"].empty() ? kOk : kAnswerHasErrors;
}

int import_command(std::span<char* const> args) {
  FileArgs parsed;
  std::string problem;
  if (!parse_args(args, parsed, problem)) return fail(problem);
  if (parsed.request.value("kind", "") != "raw") return fail("import supports --kind raw only");
  parsed.request.erase("kind");
  auto options = import_request_from_json(parsed.request);
  if (!options.ok()) return fail(options.error().message);
  JsonRows rows;
  ImportSession session(options.value().first, rows);
  if (!stream_file(parsed.path, session)) return fail("cannot read " + parsed.path);
  rows.close();
  if (session.error()) return fail(session.error()->message);
  return kOk;
}

}  // namespace servimetrics::cli
