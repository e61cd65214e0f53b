#include "core/csv.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct ReadCase {
  const char* what;
  const char* text;
  Rows rows;  // after the header "a,b"
};

// RFC 4180 and what real exports add to it.
const ReadCase kReadCases[] = {
    {"plain cells", "a,b\n1,2\n", {{"1", "2"}}},
    {"a quoted comma stays in its cell", "a,b\n\"Bristol, City of\",2\n", {{"Bristol, City of", "2"}}},
    {"a doubled quote is one quote", "a,b\n\"Say \"\"hi\"\"\",2\n", {{"Say \"hi\"", "2"}}},
    {"a quoted line break stays in its cell", "a,b\n\"Line one\nLine two\",2\n", {{"Line one\nLine two", "2"}}},
    {"a quoted CRLF stays in its cell", "a,b\r\n\"x\r\ny\",2\r\n", {{"x\r\ny", "2"}}},
    {"CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", {{"1", "2"}, {"3", "4"}}},
    {"a byte-order mark before the header",
     "\xEF\xBB\xBF"
     "a,b\n1,2\n",
     {{"1", "2"}}},
    {"no final line end", "a,b\n1,2", {{"1", "2"}}},
    {"empty and quoted-empty cells", "a,b\n,\n\"\",x\n", {{"", ""}, {"", "x"}}},
    {"blank lines are not rows", "a,b\n\n1,2\n\n\n3,4\n", {{"1", "2"}, {"3", "4"}}},
    {"a quote inside a bare cell is text", "a,b\n5'11\",2\n", {{"5'11\"", "2"}}},
    {"a cell that is all quotes", "a,b\n\"\"\"+44 1234\"\"\",2\n", {{"\"+44 1234\"", "2"}}},
    {"CR line ends (old Mac files)", "a,b\r1,2\r3,4\r", {{"1", "2"}, {"3", "4"}}},
    {"CR CR LF line ends (a file converted twice)", "a,b\r\r\n1,2\r\r\n", {{"1", "2"}}},
    {"a quoted lone CR stays in its cell", "a,b\n\"x\ry\",2\n", {{"x\ry", "2"}}},
    {"UTF-8 text passes through",
     "a,b\nCaf\xC3\xA9,\xE2\x82\xAC"
     "5\n",
     {{"Caf\xC3\xA9",
       "\xE2\x82\xAC"
       "5"}}},
};

class CsvReads : public ::testing::TestWithParam<ReadCase> {};

TEST_P(CsvReads, AsWritten) {
  const auto& c = GetParam();
  const auto t = parse_csv(c.text);
  ASSERT_TRUE(t) << c.what << ": " << t.error().first_message();
  EXPECT_EQ(t->header, (std::vector<std::string>{"a", "b"})) << c.what;
  EXPECT_EQ(t->rows, c.rows) << c.what;
  EXPECT_EQ(t->row_lines.size(), t->rows.size()) << c.what;
}

INSTANTIATE_TEST_SUITE_P(Cases, CsvReads, ::testing::ValuesIn(kReadCases));

TEST(Csv, EachRowKnowsTheLineItStartsOn) {
  const auto t = parse_csv("a,b\n\"one\ntwo\",1\n\n3,4\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->row_lines, (std::vector<std::size_t>{2, 5}));
  const auto twice = parse_csv("a,b\r\r\n1,2\r\r\n3,4\r\r\n");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->row_lines, (std::vector<std::size_t>{2, 3})) << "CR CR LF is one line end";
  EXPECT_EQ(t->column("b"), 1u);
  EXPECT_FALSE(t->column("c"));
}

struct RefuseCase {
  const char* what;
  const char* text;
  const char* says;  // part of the message
};

const RefuseCase kRefuseCases[] = {
    {"a short row", "a,b\n1,2\n3\n", "Line 3 has 1 cells; the header has 2"},
    {"a long row", "a,b\n1,2,3\n", "Line 2 has 3 cells; the header has 2"},
    {"a quote that never closes", "a,b\n1,\"2\n3,4\n", "Line 2 opens a quoted cell that never closes"},
};

class CsvRefuses : public ::testing::TestWithParam<RefuseCase> {};

TEST_P(CsvRefuses, NamingTheLine) {
  const auto& c = GetParam();
  const auto t = parse_csv(c.text);
  ASSERT_FALSE(t) << c.what;
  EXPECT_EQ(t.error().first_field(), "csv");
  EXPECT_NE(t.error().first_message().find(c.says), std::string::npos) << t.error().first_message();
}

INSTANTIATE_TEST_SUITE_P(Cases, CsvRefuses, ::testing::ValuesIn(kRefuseCases));

}  // namespace
}  // namespace tandem
