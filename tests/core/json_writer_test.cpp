// The streaming JSON writer that every answer goes through: separators, escaping, numbers.
#include "base/json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace servimetrics {
namespace {

TEST(JsonWriter, NestsObjectsAndArraysWithCommas) {
  std::string text;
  JsonWriter out(text);
  out.begin_object();
  out.key("a").begin_array().value(1.5).value("x").null().begin_object().end_object().end_array();
  out.key("b").begin_object().key("c").value(0.0).end_object();
  out.key("d").raw("[1,2]");
  out.end_object();
  EXPECT_EQ(text, R"({"a":[1.5,"x",null,{}],"b":{"c":0.0},"d":[1,2]})");
  EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
}

TEST(JsonWriter, NumbersAreShortestRoundTripAndNeverNaN) {
  std::string text;
  JsonWriter out(text);
  out.begin_array();
  out.value(0.1).value(324000.0).value(1e300).value(-2.5);
  out.value(std::numeric_limits<double>::quiet_NaN()).value(INFINITY);
  out.end_array();
  EXPECT_EQ(text, "[0.1,324000.0,1e+300,-2.5,null,null]");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  std::string text;
  append_json_string(text, std::string("a\"b\\c\n\t\x01", 8));
  EXPECT_EQ(text, R"("a\"b\\c\n\t\u0001")");
  EXPECT_EQ(nlohmann::json::parse(text).get<std::string>(), std::string("a\"b\\c\n\t\x01", 8));
}

TEST(JsonWriter, KeepsUtf8AndReplacesInvalidBytes) {
  std::string text;
  append_json_string(text, "渠道 €");
  EXPECT_EQ(text, "\"渠道 €\"");
  text.clear();
  // A lone continuation byte, a truncated sequence, an overlong form and a UTF-16 surrogate.
  append_json_string(text,
                     "a\x80"
                     "b\xE6\x9C"
                     "c\xC0\xAF"
                     "d\xED\xA0\x80");
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD, once per byte that starts no valid sequence
  EXPECT_EQ(text, "\"a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "\"");
  EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
}

TEST(JsonWriter, WritesJsonTreesAndScalarsFromThem) {
  std::string text;
  JsonWriter out(text);
  out.begin_array();
  out.value(nlohmann::json(3)).value(nlohmann::json(-4)).value(nlohmann::json("s"));
  out.value(nlohmann::json({{"k", true}})).value(nlohmann::json(2.5));
  out.end_array();
  EXPECT_EQ(text, R"([3,-4,"s",{"k":true},2.5])");
}

}  // namespace
}  // namespace servimetrics
