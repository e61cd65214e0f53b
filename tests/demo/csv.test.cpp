#include "demo/csv.h"

#include <gtest/gtest.h>

namespace tandem::demo {
namespace {

TEST(ParseCsv, ReadsQuotedFieldsCrlfAndAByteOrderMark) {
  const auto t =
      parse_csv("\xEF\xBB\xBFtime_period,la_name,n\r\n2023,\"Bristol, City of\",12\r\n2023,\"Say \"\"hi\"\"\",x\r\n");
  ASSERT_TRUE(t) << t.error().first_message();
  ASSERT_EQ(t->header.size(), 3u);
  EXPECT_EQ(t->header[0], "time_period");  // the BOM is not part of the first name
  EXPECT_EQ(t->column("la_name"), 1u);
  EXPECT_FALSE(t->column("missing"));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "Bristol, City of");
  EXPECT_EQ(t->rows[0][2], "12");
  EXPECT_EQ(t->rows[1][1], "Say \"hi\"");
}

TEST(ParseCsv, KeepsEmptyCellsAndSkipsBlankLines) {
  const auto t = parse_csv("a,b,c\n,,\n\n1,\"\",3");  // no final newline
  ASSERT_TRUE(t) << t.error().first_message();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"1", "", "3"}));
}

TEST(ParseCsv, RefusesRaggedRowsAndOpenQuotes) {
  const auto ragged = parse_csv("a,b\n1,2\n3\n");
  ASSERT_FALSE(ragged);
  EXPECT_EQ(ragged.error().first_field(), "csv");
  EXPECT_NE(ragged.error().first_message().find("Line 3"), std::string::npos);

  const auto open = parse_csv("a,b\n1,\"2\n");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().first_field(), "csv");
}

TEST(ParseNumber, TreatsSuppressionMarksAsNoNumber) {
  EXPECT_EQ(parse_number("1524"), 1524.0);
  EXPECT_EQ(parse_number("37.2"), 37.2);
  EXPECT_EQ(parse_number(" 3 "), 3.0);
  for (const char* mark : {"x", "z", "c", "", "12a"}) EXPECT_FALSE(parse_number(mark)) << mark;
}

}  // namespace
}  // namespace tandem::demo
