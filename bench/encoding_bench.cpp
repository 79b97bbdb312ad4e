// Cost of guessing a file's encoding (detect_encoding on a 64 KB head) and decoding speed, for
// UTF-8, GBK and Big5 text made from public/samples (transactions.csv, .gbk.csv, .big5.csv, each
// repeated to 16 MB). Not part of the build; compile it with g++ -O2 -std=c++20 -fno-exceptions
// -DJSON_NOEXCEPTION -Icore/include -Icore/src, this file and core/src/formats/text_decoder.cpp,
// text_encoding.cpp, big5_tables.cpp and gb18030_tables.cpp, then run it from the repository root.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "formats/text_encoding.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The file's rows after its header, repeated until the text reaches `size` bytes.
std::string repeated(const std::string& text, std::size_t size) {
  const std::size_t body = text.find('\n') + 1;
  std::string out = text;
  while (out.size() < size) out.append(text, body, std::string::npos);
  return out;
}

// The best of `rounds` timings of `work`, in seconds.
template <typename Work>
double best_of(int rounds, Work work) {
  double best = 1e9;
  for (int r = 0; r < rounds; ++r) {
    const auto start = Clock::now();
    work();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main() {
  const std::string samples = "public/samples/";
  struct Case {
    const char* name;
    std::string text;
  };
  std::vector<Case> cases = {
      {"UTF-8", read_file(samples + "transactions.csv")},
      {"GBK", read_file(samples + "transactions.gbk.csv")},
      {"Big5", read_file(samples + "transactions.big5.csv")},
  };
  constexpr std::size_t kSize = std::size_t{16} << 20;
  for (Case& c : cases) {
    if (c.text.empty()) {
      std::printf("%s: cannot read the sample (run from the repository root)\n", c.name);
      return 1;
    }
    c.text = repeated(c.text, kSize);
    const std::string_view head = std::string_view(c.text).substr(0, 65536);
    servimetrics::EncodingGuess guess = servimetrics::detect_encoding(head);
    constexpr int kGuesses = 200;
    const double guess_seconds = best_of(5, [&] {
      for (int i = 0; i < kGuesses; ++i) guess = servimetrics::detect_encoding(head);
    });
    std::string out;
    out.reserve(c.text.size() * 3 / 2);
    const double decode_seconds = best_of(5, [&] {
      out.clear();
      servimetrics::TextDecoder decoder(guess.encoding);
      for (std::size_t at = 0; at < c.text.size(); at += 65536) {
        decoder.decode(std::string_view(c.text).substr(at, 65536), at + 65536 >= c.text.size(),
                       out);
      }
    });
    std::printf("%-6s detected %-8s (%s): guess on 64 KB %7.1f us; decode %6.0f MB/s\n", c.name,
                std::string(servimetrics::encoding_name(guess.encoding)).c_str(),
                guess.code.c_str(), guess_seconds / kGuesses * 1e6,
                static_cast<double>(c.text.size()) / decode_seconds / 1e6);
  }
  return 0;
}
