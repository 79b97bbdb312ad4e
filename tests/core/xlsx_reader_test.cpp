// xlsx_sheets and read_xlsx_sheet: the hand-written fixtures (shared, rich, phonetic and inline
// strings, numbers as written, booleans, formulas, errors, gaps, rows without references, dates
// in built-in and custom formats in both date systems), a SheetJS-written workbook, XML forms
// other writers use (prefixes, CDATA, entities, single quotes), stopping early, a large sheet,
// and each class of bad input with its message.
#include "formats/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <random>

#include "formats/xml_scan.hpp"
#include "xlsx_test_support.hpp"

namespace servimetrics {
namespace {

using testing::CollectingSink;
using testing::make_xlsx;
using testing::make_zip;
using testing::worksheet;
using testing::xlsx_fixture;
using testing::XlsxParts;
using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::uint64_t>;

struct Read {
  bool ok = false;
  std::uint64_t count = 0;
  std::string error;
  Rows rows;
  Lines lines;
};

Read read(const std::string& bytes, std::size_t sheet = 0, std::size_t stop_after = 0) {
  CollectingSink sink(stop_after);
  auto result = read_xlsx_sheet(bytes, sheet, sink);
  Read out;
  out.ok = result.ok();
  if (result.ok()) {
    out.count = result.value();
  } else {
    out.error = result.error().message;
  }
  out.rows = std::move(sink.rows);
  out.lines = std::move(sink.lines);
  return out;
}

Read read_rows(const std::string& rows, const std::string& shared = "",
               const std::string& styles = "") {
  return read(make_xlsx(XlsxParts{worksheet(rows), shared, styles, ""}));
}

TEST(XlsxSheets, NamesAndPartsInTabOrder) {
  auto sheets = xlsx_sheets(xlsx_fixture("basic.xlsx"));
  ASSERT_TRUE(sheets.ok()) << sheets.error().message;
  ASSERT_EQ(sheets.value().size(), 2u);
  EXPECT_EQ(sheets.value()[0].name, "Data");
  EXPECT_EQ(sheets.value()[0].path, "xl/worksheets/sheet1.xml");  // relative target
  EXPECT_EQ(sheets.value()[1].name, "Second & more");
  EXPECT_EQ(sheets.value()[1].path, "xl/worksheets/sheet2.xml");  // absolute "/xl/..." target
}

TEST(XlsxReader, EveryKindOfCell) {
  const Read r = read(xlsx_fixture("basic.xlsx"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.count, 7u);
  EXPECT_EQ(r.lines, (Lines{1, 2, 3, 5, 8, 9, 10}));
  ASSERT_EQ(r.rows.size(), 7u);
  EXPECT_EQ(r.rows[0], (std::vector<std::string>{"Name", "Date", "When", "Amount", "Active",
                                                 "Formula", "Note"}));
  // 45296 is 2024-01-05 (1899-12-30 + 45296 days); .35 of a day is 08:24.
  EXPECT_EQ(r.rows[1],
            (std::vector<std::string>{"Zhang Wei 张伟", "2024-01-05", "2024-01-05 08:24:00",
                                      "1234.5", "TRUE", "2469", "inline & more"}));
  // Serial 60 is Excel's 1900-02-29; 0.351388888892 day is 30360.00002 s, 08:26:00.
  EXPECT_EQ(r.rows[2],
            (std::vector<std::string>{"Bold and plain", "1900-02-29", "2024-01-05 08:26:00",
                                      "1.5E-3", "FALSE", "ok", "#N/A"}));
  EXPECT_EQ(r.rows[3], (std::vector<std::string>{"rich inline", "", "7"}));
  // Cells without references follow each other; the phonetic reading of 東京 is left out; the
  // empty shared string leaves F8 empty; G8 is a gap before H8.
  EXPECT_EQ(r.rows[4], (std::vector<std::string>{"x", "2", "東京", "line1\r\nline2",
                                                 "a <b> \"c\" 'd' & 中 😀", "", "", "-3"}));
  // 59 -> 1900-02-28, 61 -> 1900-03-01, 1 -> 1900-01-01, 0.5 -> noon without a date,
  // 45296.999999999 rounds to the next midnight, [Red]0.00 is no date, the quoted-Chinese
  // custom format and built-in 22 are, a negative serial stays a number, and a date style on a
  // text cell changes nothing.
  EXPECT_EQ(r.rows[5], (std::vector<std::string>{"1900-02-28", "1900-03-01", "1900-01-01",
                                                 "12:00:00", "2024-01-06", "45296", "2024-01-05",
                                                 "2024-01-05 18:00:00", "-1", "Date"}));
  EXPECT_EQ(r.rows[6], (std::vector<std::string>{"10"}));
}

TEST(XlsxReader, SecondSheet) {
  const Read r = read(xlsx_fixture("basic.xlsx"), 1);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"only", "", "42"}}));
  EXPECT_EQ(r.lines, (Lines{1}));
}

TEST(XlsxReader, Date1904System) {
  // In the 1904 system serial 0 is 1904-01-01: 1 -> 1904-01-02, 43834 -> 2024-01-05.
  const Read r = read(xlsx_fixture("date1904.xlsx"));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"1904-01-02", "2024-01-05", "2024-01-05 06:00:00", "43834"}}));
}

TEST(XlsxReader, StopsWhenTheSinkSaysSo) {
  const Read r = read(xlsx_fixture("basic.xlsx"), 0, 2);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.count, 2u);
  EXPECT_EQ(r.lines, (Lines{1, 2}));
}

TEST(XlsxReader, SheetIndexOutOfRange) {
  const Read r = read(xlsx_fixture("basic.xlsx"), 2);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error, "Sheet number 3 does not exist: the workbook has 2 worksheets.");
}

TEST(XlsxReader, SheetJsWrittenWorkbook) {
  // Written by SheetJS (npm xlsx) from make_sheetjs_fixture.cjs: 1500 data rows with dates.
  const std::string bytes = xlsx_fixture("sheetjs_orders.xlsx");
  ASSERT_FALSE(bytes.empty());
  auto sheets = xlsx_sheets(bytes);
  ASSERT_TRUE(sheets.ok()) << sheets.error().message;
  ASSERT_EQ(sheets.value().size(), 2u);
  EXPECT_EQ(sheets.value()[0].name, "Orders");
  EXPECT_EQ(sheets.value()[1].name, "说明");
  const Read r = read(bytes);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.count, 1501u);
  EXPECT_EQ(r.rows[0], (std::vector<std::string>{"order_id", "created_at", "closed_at", "channel",
                                                 "amount", "paid", "note"}));
  // Data row i: created 2024-01-01 + (i % 365) days, closed 8 hours and i minutes later.
  EXPECT_EQ(r.rows[1], (std::vector<std::string>{"1", "2024-01-02", "2024-01-02 08:01:00", "web",
                                                 "10.5", "FALSE", "note 1"}));
  EXPECT_EQ(r.rows[1500], (std::vector<std::string>{"1500", "2024-02-10", "2024-02-11 09:00:00",
                                                    "电话", "15750", "TRUE", "note 1500"}));
  EXPECT_EQ(r.lines.back(), 1501u);
  const Read notes = read(bytes, 1);
  ASSERT_TRUE(notes.ok) << notes.error;
  EXPECT_EQ(notes.rows, (Rows{{"说明", "Generated for tests"}}));
}

TEST(XlsxReader, XmlFormsOtherWritersUse) {
  // Namespace prefixes, single quotes, '>' inside an attribute, comments, CDATA, entities in a
  // formula string, an escaped underscore, a missing row number, and <v> with spaces kept.
  const std::string sheet =
      "<?xml version='1.0'?><x:worksheet xmlns:x='http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main'><!-- written by hand --><x:sheetData>"
      "<x:row r='2' custom='a>b'><x:c r='B2' t='str'><x:f>A1&amp;\"x\"</x:f><x:v>a &amp; "
      "b</x:v></x:c><x:c r='C2' t='inlineStr'><x:is><x:t><![CDATA[<tag> & more]]></x:t></x:is>"
      "</x:c></x:row>"
      "<x:row><x:c r='A3' t='inlineStr'><x:is><x:t>_x005F_x000D_ stays</x:t></x:is></x:c>"
      "<x:c r='B3' t='e'><x:v>#DIV/0!</x:v></x:c><x:c r='C3'><x:v><![CDATA[12.5]]></x:v></x:c>"
      "</x:row></x:sheetData></x:worksheet>";
  const Read r = read(make_xlsx(XlsxParts{sheet, "", "", ""}));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"", "a & b", "<tag> & more"}, {"_x000D_ stays", "#DIV/0!", "12.5"}}));
  EXPECT_EQ(r.lines, (Lines{2, 3}));
}

TEST(XlsxReader, IsoDateCellsAndFormatCodes) {
  const std::string styles =
      "<styleSheet><numFmts>"
      "<numFmt numFmtId=\"170\" formatCode=\"[h]:mm:ss\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"0.00\\h\"/>"
      "<numFmt numFmtId=\"172\" formatCode=\"&quot;Day &quot;0\"/>"
      "<numFmt numFmtId=\"173\" formatCode=\"[$-F800]dddd, mmmm dd, yyyy\"/>"
      "<numFmt numFmtId=\"174\" formatCode=\"#,##0_);[Red](#,##0)\"/>"
      "<numFmt numFmtId=\"14\" formatCode=\"0.0\"/>"
      "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/><xf numFmtId=\"171\"/>"
      "<xf numFmtId=\"172\"/><xf numFmtId=\"173\"/><xf numFmtId=\"174\"/><xf numFmtId=\"14\"/>"
      "<xf numFmtId=\"47\"/><xf numFmtId=\"57\"/></cellXfs></styleSheet>";
  const Read r = read_rows(
      "<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2024-01-05T08:26:00Z</v></c>"
      "<c r=\"B1\" t=\"d\"><v>2024-01-05T00:00:00.000</v></c><c r=\"C1\" t=\"d\"><v>2024-01-05</v>"
      "</c></row><row r=\"2\"><c s=\"1\"><v>1.25</v></c><c s=\"2\"><v>1.25</v></c>"
      "<c s=\"3\"><v>1.25</v></c><c s=\"4\"><v>45296</v></c><c s=\"5\"><v>45296</v></c>"
      "<c s=\"6\"><v>45296</v></c><c s=\"7\"><v>0.0001</v></c><c s=\"8\"><v>45296</v></c>"
      "<c s=\"99\"><v>45296</v></c></row>",
      "", styles);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0],
            (std::vector<std::string>{"2024-01-05 08:26:00", "2024-01-05", "2024-01-05"}));
  // [h]:mm:ss and the locale-prefixed long date are dates; an escaped \h, quoted text and the
  // [Red] accounting format are not; a custom code that redefines id 14 wins over the built-in;
  // 47 (mm:ss.0) and 57 (a CJK date) are built-in dates; an unknown style index is no date.
  EXPECT_EQ(r.rows[1],
            (std::vector<std::string>{"1900-01-01 06:00:00", "1.25", "1.25", "2024-01-05", "45296",
                                      "45296", "00:00:09", "2024-01-05", "45296"}));
}

TEST(XlsxReader, EmptySheets) {
  for (const std::string& sheet :
       {worksheet(""), std::string("<worksheet><sheetData/></worksheet>"),
        std::string("<worksheet><dimension ref=\"A1\"/></worksheet>"),
        worksheet(R"(<row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2"><v></v></c></row>)")}) {
    const Read r = read(make_xlsx(XlsxParts{sheet, "", "", ""}));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.count, 0u) << sheet;
    EXPECT_TRUE(r.rows.empty());
  }
}

TEST(XlsxReader, LastColumnXfdAndBadReferences) {
  const Read last = read_rows(R"(<row r="4"><c r="XFD4"><v>1</v></c></row>)");
  ASSERT_TRUE(last.ok) << last.error;
  ASSERT_EQ(last.rows.size(), 1u);
  EXPECT_EQ(last.rows[0].size(), 16384u);
  EXPECT_EQ(last.rows[0].back(), "1");

  const Read beyond = read_rows(R"(<row r="4"><c r="XFE4"><v>1</v></c></row>)");
  ASSERT_FALSE(beyond.ok);
  EXPECT_EQ(beyond.error,
            "Sheet \"Sheet1\": Row 4 has a cell reference \"XFE4\" that is not a valid column (A "
            "to XFD).");
  const Read digits = read_rows(R"(<row r="4"><c r="44"><v>1</v></c></row>)");
  ASSERT_FALSE(digits.ok);
  EXPECT_NE(digits.error.find("\"44\""), std::string::npos);
}

TEST(XlsxReader, SharedStringIndexOutOfRange) {
  const Read r = read_rows(R"(<row r="3"><c r="B3" t="s"><v>5</v></c></row>)",
                           "<si><t>a</t></si><si><t>b</t></si>");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error,
            "Sheet \"Sheet1\": Cell B3 refers to shared string \"5\", but the workbook has 2 "
            "shared strings.");
  EXPECT_FALSE(
      read_rows("<row r=\"3\"><c r=\"AA3\" t=\"s\"><v>x</v></c></row>", "<si><t>a</t></si>").ok);
}

TEST(XlsxReader, LargeSheet) {
  std::string rows;
  for (int r = 1; r <= 20000; ++r) {
    const std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + R"(" t="s"><v>)" + std::to_string(r % 3) +
            "</v></c><c r=\"B" + n + R"(" s="1"><v>)" + std::to_string(45000 + r % 30) +
            "</v></c><c r=\"C" + n + "\"><v>" + n + ".5</v></c><c r=\"E" + n +
            R"(" t="inlineStr"><is><t>row )" + n + "</t></is></c></row>";
  }
  const std::string styles =
      R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  const Read r =
      read_rows(rows, "<si><t>web</t></si><si><t>store</t></si><si><t>phone</t></si>", styles);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.count, 20000u);
  // 45000 + 7 = 45007 is 2023-03-22 and 45020 is 2023-04-04 (1899-12-30 + that many days).
  EXPECT_EQ(r.rows[6], (std::vector<std::string>{"store", "2023-03-22", "7.5", "", "row 7"}));
  EXPECT_EQ(r.rows.back(),
            (std::vector<std::string>{"phone", "2023-04-04", "20000.5", "", "row 20000"}));
  EXPECT_EQ(r.lines.back(), 20000u);
}

std::string sheets_error(const std::string& bytes) {
  auto sheets = xlsx_sheets(bytes);
  return sheets.ok() ? "listed" : sheets.error().message;
}

TEST(XlsxReader, BadFilesAreExplained) {
  EXPECT_EQ(sheets_error("name,amount\nWidget,1\nGadget,2\nGizmo,3\n"),
            "The file is not a readable .xlsx workbook. The file is not a ZIP archive: no "
            "end-of-central-directory record was found.");
  EXPECT_NE(sheets_error(xlsx_fixture("truncated.xlsx")).find("not a ZIP archive"),
            std::string::npos);
  EXPECT_NE(
      sheets_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))
          .find("older Excel .xls workbook"),
      std::string::npos);
  EXPECT_EQ(sheets_error(xlsx_fixture("not_a_workbook.zip")),
            "The file is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml.");
  EXPECT_NE(sheets_error(xlsx_fixture("zip64_marker.xlsx")).find("ZIP64"), std::string::npos);

  // The directory of these is intact, so the sheets are listed; reading sheet 1 fails.
  EXPECT_EQ(sheets_error(xlsx_fixture("bad_deflate.xlsx")), "listed");
  const Read bad = read(xlsx_fixture("bad_deflate.xlsx"));
  ASSERT_FALSE(bad.ok);
  EXPECT_EQ(bad.error,
            "The workbook is damaged. Entry xl/worksheets/sheet1.xml: The compressed data is "
            "damaged: a block has the reserved type 3.");
  const Read crc = read(xlsx_fixture("crc_mismatch.xlsx"));
  ASSERT_FALSE(crc.ok);
  EXPECT_EQ(crc.error,
            "The workbook is damaged. The ZIP archive is damaged: entry xl/worksheets/sheet1.xml "
            "fails its CRC-32 check.");
  EXPECT_TRUE(read(xlsx_fixture("crc_mismatch.xlsx"), 1).ok);  // the other sheet is fine

  const Read cut =
      read(make_xlsx(XlsxParts{R"(<worksheet><sheetData><row r="1"><c r="A1")", "", "", ""}));
  ASSERT_FALSE(cut.ok);
  EXPECT_EQ(cut.error,
            "Sheet \"Sheet1\": The sheet is damaged: its XML is cut off or not well-formed.");
}

TEST(XlsxReader, SizeLimits) {
  const std::string ns = testing::kRelationshipNs;
  std::vector<testing::ZipPart> parts = {
      {"xl/workbook.xml",
       R"(<workbook><sheets><sheet name="Big" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships><Relationship Id="rId1" Type=")" + ns +
           R"(/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type=")" + ns +
           R"(/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml", worksheet(""), 8, 1500u << 20},
      {"xl/sharedStrings.xml", "<sst/>", 8, 300u << 20}};
  // No package relationships: the workbook is found at its usual place.
  const Read big_sheet = read(make_zip(parts));
  ASSERT_FALSE(big_sheet.ok);
  EXPECT_EQ(big_sheet.error,
            "Sheet \"Big\" is 1500 MB uncompressed, above the 1 GB this reader accepts; split it "
            "into smaller sheets or save it as CSV.");
  parts[2].declared_size = 0;
  parts[2].method = 0;
  const Read big_strings = read(make_zip(parts));
  ASSERT_FALSE(big_strings.ok);
  EXPECT_EQ(big_strings.error,
            "The workbook's shared-strings table is 300 MB uncompressed, above the 256 MB this "
            "reader accepts.");
}

TEST(XlsxReader, ChartSheetsAreNotListed) {
  const std::string ns = testing::kRelationshipNs;
  const std::string bytes = make_zip(
      {{"xl/workbook.xml",
        "<workbook xmlns:r=\"" + ns +
            "\"><sheets><sheet name=\"Chart\" r:id=\"rId1\"/><sheet name=\"Data\" "
            "r:id=\"rId2\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships><Relationship Id="rId1" Type=")" + ns +
            R"(/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type=")" + ns +
            R"(/worksheet" Target="worksheets/data.xml"/></Relationships>)"},
       {"xl/worksheets/data.xml", worksheet(R"(<row r="1"><c r="A1"><v>5</v></c></row>)")}});
  auto sheets = xlsx_sheets(bytes);
  ASSERT_TRUE(sheets.ok()) << sheets.error().message;
  ASSERT_EQ(sheets.value().size(), 1u);
  EXPECT_EQ(sheets.value()[0].name, "Data");
  EXPECT_EQ(sheets.value()[0].path, "xl/worksheets/data.xml");
  const Read r = read(bytes);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.rows, (Rows{{"5"}}));
}

// Damaged XML (bytes changed, markup characters inserted, text cut) inside an intact ZIP must end
// in rows or an error, never a crash or a hang; the sanitizer build checks the memory accesses.
TEST(XlsxReader, RandomlyDamagedXmlNeverCrashes) {
  const std::string basic = xlsx_fixture("basic.xlsx");  // the archive views these bytes
  auto zip = ZipArchive::open(basic);
  ASSERT_TRUE(zip.ok());
  const auto part = [&](const char* name) {
    auto text = zip.value().extract(*zip.value().find(name), 1 << 20);
    return text.ok() ? text.value() : std::string();
  };
  const std::string sheet = part("xl/worksheets/sheet1.xml");
  const std::string strings = part("xl/sharedStrings.xml");
  const std::string styles = part("xl/styles.xml");
  ASSERT_FALSE(sheet.empty());
  ASSERT_FALSE(strings.empty());
  std::mt19937 rng(99);
  constexpr std::string_view kMarkup = "<>/\"'&;=_x0 ";
  std::size_t errors = 0;
  for (int round = 0; round < 400; ++round) {
    std::string damaged_sheet = sheet;
    std::string damaged_strings = strings;
    std::string& target = round % 4 == 3 ? damaged_strings : damaged_sheet;
    for (int edit = 0; edit < 1 + round % 5; ++edit) {
      const std::size_t at = rng() % target.size();
      if (rng() % 2 == 0) {
        target[at] = kMarkup[rng() % kMarkup.size()];
      } else {
        target.insert(target.begin() + static_cast<std::ptrdiff_t>(at),
                      kMarkup[rng() % kMarkup.size()]);
      }
    }
    if (round % 7 == 0) target.resize(rng() % target.size());
    const std::string ns = testing::kRelationshipNs;
    const std::string bytes =
        make_zip({{"xl/workbook.xml",
                   R"(<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>)"},
                  {"xl/_rels/workbook.xml.rels",
                   R"(<Relationships><Relationship Id="rId1" Type=")" + ns +
                       R"(/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
                  {"xl/worksheets/sheet1.xml", damaged_sheet},
                  {"xl/sharedStrings.xml", damaged_strings},
                  {"xl/styles.xml", styles}});
    const Read r = read(bytes);
    errors += r.ok ? 0 : 1;
    if (r.ok) EXPECT_EQ(r.count, r.rows.size());
  }
  EXPECT_GT(errors, 0u);
}

TEST(XmlText, EntitiesAndOfficeEscapes) {
  std::string out;
  xml::append_unescaped(out, "&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#X43;");
  EXPECT_EQ(out, "&<>\"'ABC");
  out.clear();
  // Unknown, empty, out-of-range, surrogate and unterminated references stay as written.
  xml::append_unescaped(out, "&bogus; &#0; &#x110000; &#xD800; &#; &#12a; AT&T");
  EXPECT_EQ(out, "&bogus; &#0; &#x110000; &#xD800; &#; &#12a; AT&T");

  std::string text = "keep_x0041_B_x000a__xD83D__xDE00__xD800_ _x12_";
  xml::decode_office_escapes(text, 4);
  EXPECT_EQ(text, "keepAB\n😀_xD800_ _x12_");
  EXPECT_TRUE(xml::needs_decoding("a&amp;b"));
  EXPECT_TRUE(xml::needs_decoding("_x000D_"));
  EXPECT_FALSE(xml::needs_decoding("plain_text"));
}

}  // namespace
}  // namespace servimetrics
