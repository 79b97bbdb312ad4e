// The Dictionary of an imported text column: one code per distinct text, in order of first
// appearance, through growth of its hash table and with repeated or alternating texts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "servimetrics/imported_table.hpp"

namespace servimetrics {
namespace {

TEST(Dictionary, CodesFollowFirstAppearance) {
  Dictionary dictionary;
  EXPECT_EQ(dictionary.code("17850"), 0U);
  EXPECT_EQ(dictionary.code("17850"), 0U);  // the row before's text
  EXPECT_EQ(dictionary.code("13047"), 1U);
  EXPECT_EQ(dictionary.code("17850"), 0U);  // an earlier text
  EXPECT_EQ(dictionary.code(""), 2U);
  EXPECT_EQ(dictionary.code("1785"), 3U);  // a prefix is another text
  EXPECT_EQ(dictionary.size(), 4U);
  EXPECT_EQ(dictionary.text(0), "17850");
  EXPECT_EQ(dictionary.text(2), "");
  EXPECT_EQ(dictionary.text(3), "1785");
}

TEST(Dictionary, ManyTextsThroughEveryGrowth) {
  Dictionary dictionary;
  constexpr unsigned kTexts = 100000;
  // Short ids, and long texts that differ only after their first eight bytes.
  auto text_of = [](unsigned i) {
    return i % 2 == 0 ? std::to_string(i)
                      : "WHITE HANGING HEART T-LIGHT HOLDER " + std::to_string(i);
  };
  for (unsigned i = 0; i < kTexts; ++i) ASSERT_EQ(dictionary.code(text_of(i)), i);
  for (unsigned i = kTexts; i-- > 0;) ASSERT_EQ(dictionary.code(text_of(i)), i);
  EXPECT_EQ(dictionary.size(), kTexts);
  for (unsigned i = 0; i < kTexts; i += 997) EXPECT_EQ(dictionary.text(i), text_of(i));
  EXPECT_GT(dictionary.bytes(), std::uint64_t{kTexts} * 8);
}

TEST(Dictionary, TextsStayWhereTheyAreWhenTheDictionaryMoves) {
  Dictionary dictionary;
  dictionary.code("a");
  const std::string_view before = dictionary.text(0);
  Dictionary moved = std::move(dictionary);
  EXPECT_EQ(moved.text(0).data(), before.data());
  EXPECT_EQ(moved.code("a"), 0U);
  EXPECT_EQ(moved.code("b"), 1U);
}

TEST(Dictionary, ReleasedLookupKeepsTextsAndIsRebuiltOnTheNextCode) {
  Dictionary dictionary;
  constexpr unsigned kTexts = 5000;  // past several growths of the hash table
  for (unsigned i = 0; i < kTexts; ++i) ASSERT_EQ(dictionary.code("C" + std::to_string(i)), i);
  const std::uint64_t held = dictionary.bytes();
  dictionary.release_lookup();
  EXPECT_LT(dictionary.bytes(), held);
  EXPECT_EQ(dictionary.size(), kTexts);
  EXPECT_EQ(dictionary.text(4321), "C4321");
  // Every kept text keeps its code, and a new one comes after them.
  for (unsigned i = kTexts; i-- > 0;) ASSERT_EQ(dictionary.code("C" + std::to_string(i)), i);
  EXPECT_EQ(dictionary.code("new"), kTexts);
  EXPECT_EQ(dictionary.code("C17"), 17U);
  Dictionary empty;
  empty.release_lookup();
  EXPECT_EQ(empty.code("a"), 0U);
  EXPECT_EQ(empty.code("a"), 0U);
}

}  // namespace
}  // namespace servimetrics
