#include "core/postcode_directory.h"

#include <gtest/gtest.h>

#include "core/csv.h"

namespace tandem {
namespace {

TEST(PostcodeDirectory, NormalisesEachWayTheFilesAndFamiliesWriteAPostcode) {
  const std::pair<const char*, const char*> cases[] = {
      {"FY1 1AA", "FY1 1AA"},   // pcds: one space
      {"B1  1BB", "B1 1BB"},    // pcd: a two-character outward code padded with two spaces
      {"B1   1BB", "B1 1BB"},   // pcd2: padded to 8
      {"SW1A1AA", "SW1A 1AA"},  // pcd with a four-character outward code: no space at all
      {"fy1 1aa", "FY1 1AA"},   // lower case
      {" fy11aa ", "FY1 1AA"},  // spaces around
      {"GIR 0AA", "GIR 0AA"},   // the non-geographic Girobank postcode is shaped like one
      {"QS4 7RW", "QS4 7RW"},   // the demo area's invented districts
      {"FY1", ""},              // a district alone is not a whole postcode
      {"FY1 1A", ""},           // inward code too short
      {"FY1 AAA", ""},          // inward code must start with a digit
      {"1Y1 1AA", ""},          // outward code must start with a letter
      {"FY1-1AA", ""},          // only letters and digits
      {"ABCDE 1AA", ""},        // outward code too long
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(normalise_full_postcode(in).value_or(""), want) << in;
}

const std::vector<std::string> kOnspdHeader = {"pcd",   "pcd2",   "pcds", "dointr", "doterm",
                                               "oscty", "oslaua", "lat",  "long",   "imd"};
const std::vector<std::string> kNsplHeader = {"pcd",  "pcd2", "pcds", "dointr", "doterm", "usertype",
                                              "laua", "ward", "lat",  "long",   "imd"};

TEST(PostcodeDirectory, FindsColumnsByNameInAnyOrderAndEitherFile) {
  auto onspd = find_onspd_columns(kOnspdHeader, true);
  ASSERT_TRUE(onspd);
  EXPECT_EQ(onspd->postcode_name, "pcds");
  EXPECT_EQ(onspd->postcode, 2u);
  EXPECT_EQ(onspd->terminated, 4u);
  EXPECT_EQ(onspd->latitude, 7u);
  EXPECT_EQ(onspd->longitude, 8u);
  EXPECT_EQ(onspd->local_authority_name, "oslaua");
  EXPECT_EQ(onspd->cells, kOnspdHeader.size());

  auto nspl = find_onspd_columns(kNsplHeader, true);
  ASSERT_TRUE(nspl);
  EXPECT_EQ(nspl->local_authority_name, "laua");
  EXPECT_EQ(nspl->latitude, 8u);

  // Another release's order, upper case, a byte-order mark, and only pcd.
  auto other = find_onspd_columns({"\xEF\xBB\xBF"
                                   "LAT",
                                   "LONG", "PCD", "DOTERM"},
                                  false);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->postcode_name, "pcd");
  EXPECT_EQ(other->latitude, 0u);
  EXPECT_EQ(other->postcode, 2u);
  EXPECT_FALSE(other->local_authority);
}

TEST(PostcodeDirectory, AMissingColumnIsNamedWithWhatIsAllowed) {
  struct Case {
    std::vector<std::string> header;
    bool within;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {{"pcds", "doterm", "lat"}, false, {"long"}},
      {{"postcode", "doterm", "lat", "long"}, false, {"pcds"}},
      {{"pcds", "lat", "long"}, false, {"doterm"}},
      {{"pcds", "doterm", "latitude", "longitude"}, false, {"lat", "long"}},
      {{"pcds", "doterm", "lat", "long"}, true, {"oslaua"}},  // --within needs the district
  };
  for (const auto& c : cases) {
    auto r = find_onspd_columns(c.header, c.within);
    ASSERT_FALSE(r);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, c.fields);
  }
  auto r = find_onspd_columns({"pcds", "lat", "long"}, false);
  EXPECT_NE(r.error().first_message().find("no doterm column"), std::string::npos);
  EXPECT_NE(r.error().first_message().find("ONSPD"), std::string::npos);
}

std::vector<std::string> onspd_row(const std::string& pcds, const std::string& doterm, const std::string& lat,
                                   const std::string& lon) {
  return {"", "", pcds, "198001", doterm, "E10000017", "E06000009", lat, lon, "8921"};
}

TEST(PostcodeDirectory, JudgesEachRow) {
  const auto columns = *find_onspd_columns(kOnspdHeader, false);
  struct Case {
    const char* what;
    std::vector<std::string> cells;
    std::optional<OnspdRowKind> kind;  // none: refused
    std::string field;                 // when refused, the first field named
    std::string postcode;
    GeoPoint point;
  };
  const Case cases[] = {
      {"a live postcode",
       onspd_row("FY1 1AA", "", "53.817505", "-3.035675"),
       OnspdRowKind::live,
       "",
       "FY1 1AA",
       {53817505, -3035675}},
      {"normalised",
       onspd_row("fy11aa", "", "53.817505", "-3.035675"),
       OnspdRowKind::live,
       "",
       "FY1 1AA",
       {53817505, -3035675}},
      {"terminated: doterm set",
       onspd_row("FY1 1AB", "202103", "53.8", "-3.0"),
       OnspdRowKind::terminated,
       "",
       "FY1 1AB",
       {}},
      {"terminated, whatever its grid",
       onspd_row("FY1 1AD", "199806", "99.999999", "0.000000"),
       OnspdRowKind::terminated,
       "",
       "FY1 1AD",
       {}},
      {"no grid reference",
       onspd_row("JE2 3AB", "", "99.999999", "0.000000"),
       OnspdRowKind::no_grid,
       "",
       "JE2 3AB",
       {}},
      {"no coordinates at all", onspd_row("IM1 1AA", "", "", ""), OnspdRowKind::no_grid, "", "IM1 1AA", {}},
      {"Shetland, the north edge",
       onspd_row("ZE2 9XN", "", "60.803", "-0.801"),
       OnspdRowKind::live,
       "",
       "ZE2 9XN",
       {60803000, -801000}},
      {"the Isles of Scilly, the south west",
       onspd_row("TR21 0HE", "", "49.9137", "-6.3157"),
       OnspdRowKind::live,
       "",
       "TR21 0HE",
       {49913700, -6315700}},
      {"latitude outside the UK", onspd_row("FY1 1AA", "", "48.9", "-3.0"), std::nullopt, "lat", "", {}},
      {"latitude beyond 90", onspd_row("FY1 1AA", "", "153.408", "-3.0"), std::nullopt, "lat", "", {}},
      {"latitude not a number", onspd_row("FY1 1AA", "", "north", "-3.0"), std::nullopt, "lat", "", {}},
      {"longitude outside the UK", onspd_row("FY1 1AA", "", "53.8", "-12.2"), std::nullopt, "long", "", {}},
      {"longitude missing", onspd_row("FY1 1AA", "", "53.8", ""), std::nullopt, "long", "", {}},
      {"not a postcode", onspd_row("NOTAPC", "", "53.8", "-3.0"), std::nullopt, "pcds", "", {}},
      {"too few cells", {"FY1 1AA", ""}, std::nullopt, "row", "", {}},
  };
  for (const auto& c : cases) {
    auto r = read_onspd_row(c.cells, columns);
    if (!c.kind) {
      ASSERT_FALSE(r) << c.what;
      EXPECT_EQ(r.error().first_field(), c.field) << c.what;
      continue;
    }
    ASSERT_TRUE(r) << c.what << ": " << r.error().first_message();
    EXPECT_EQ(r->kind, *c.kind) << c.what;
    EXPECT_EQ(r->postcode, c.postcode) << c.what;
    if (r->kind == OnspdRowKind::live) {
      EXPECT_EQ(r->point.latitude_e6, c.point.latitude_e6) << c.what;
      EXPECT_EQ(r->point.longitude_e6, c.point.longitude_e6) << c.what;
    }
    EXPECT_EQ(r->local_authority, "E06000009") << c.what;
  }
  auto bad = read_onspd_row(onspd_row("FY1 1AA", "", "153.408", "-3.0"), columns);
  EXPECT_NE(bad.error().first_message().find("\"153.408\""), std::string::npos) << "names the value";
  EXPECT_NE(bad.error().first_message().find("from 49 to 61"), std::string::npos) << "says what is allowed";
}

TEST(PostcodeDirectory, ReadsLocalAuthorityCodesForWithin) {
  EXPECT_EQ(*parse_local_authority_codes("E06000009"), std::vector<std::string>{"E06000009"});
  EXPECT_EQ(*parse_local_authority_codes("e06000009, E07000119,E06000009"),
            (std::vector<std::string>{"E06000009", "E07000119"}));
  auto bad = parse_local_authority_codes("E0600009,Blackpool");
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_NE(bad.error().first_message().find("a letter and eight digits"), std::string::npos);
  EXPECT_FALSE(parse_local_authority_codes(""));
}

TEST(CsvLine, SplitsOneLineReusingItsCells) {
  struct Case {
    const char* line;
    bool complete;
    std::vector<std::string> cells;
  };
  const Case cases[] = {
      {"a,b,c", true, {"a", "b", "c"}},
      {"a,,c\r", true, {"a", "", "c"}},
      {"\"Bristol, City of\",2", true, {"Bristol, City of", "2"}},
      {"\"Say \"\"hi\"\"\",x", true, {"Say \"hi\"", "x"}},
      {"", true, {""}},
      {"a,", true, {"a", ""}},
      {"\"open,b", false, {}},
  };
  std::vector<std::string> cells = {"left", "over", "from", "before", "and", "more"};
  for (const auto& c : cases) {
    EXPECT_EQ(split_csv_line(c.line, cells), c.complete) << c.line;
    if (c.complete) {
      EXPECT_EQ(cells, c.cells) << c.line;
    }
  }
}

}  // namespace
}  // namespace tandem
