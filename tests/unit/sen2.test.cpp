// The pure pieces of the SEN2 return: the year's names and code lists, the
// census date, and the reader's and writer's handling of dates, order and
// the paths it reports; and the checks of ethnicity, URN and UKPRN.
#include <sstream>

#include <gtest/gtest.h>

#include "core/child.h"
#include "interop/sen2_schema.h"
#include "interop/sen2_xml.h"

namespace tandem::sen2 {
namespace {

const Schema& s2026() {
  const auto* s = schema_for(2026);
  EXPECT_NE(s, nullptr);
  return *s;
}

TEST(Sen2Schema, NamesAndCodeListsComeFromTheYearsFile) {
  const auto& s = s2026();
  EXPECT_EQ(s.element("plan_wpb").name, "PlanWPB");
  EXPECT_EQ(s.element("sen_type_rank").name, "SENtypeRank");
  EXPECT_EQ(s.element("ethnicity").type, ValueType::code);
  EXPECT_TRUE(s.allows("cease_reason", "5"));
  EXPECT_FALSE(s.allows("cease_reason", "10"));
  EXPECT_TRUE(s.allows("ethnicity", "WBRI"));
  EXPECT_TRUE(s.allows("ethnicity", "NOBT"));
  EXPECT_FALSE(s.allows("ethnicity", "wbri")) << "codes are case-sensitive";
  EXPECT_EQ(s.label("ethnicity", "BCRB").value_or(""), "Black Caribbean");
  EXPECT_FALSE(s.label("ethnicity", "XXXX"));
  EXPECT_EQ(s.allowed_text("residential").empty(), false);
  EXPECT_THROW((void)s.element("no_such_key"), std::out_of_range);
  const auto& person = s.element("person");
  ASSERT_NE(s.child_named(person, "Ethnicity"), nullptr);
  EXPECT_EQ(s.child_named(person, "ethnicity"), nullptr) << "XML names are case-sensitive";
}

TEST(Sen2Schema, OnlyYearsWithAFileHaveASchema) {
  EXPECT_EQ(schema_for(1999), nullptr);
  const auto years = schema_years();
  ASSERT_FALSE(years.empty());
  EXPECT_NE(std::find(years.begin(), years.end(), 2026), years.end());
}

TEST(Sen2Schema, CensusDateIsTheThirdThursdayOfJanuary) {
  const std::pair<int, const char*> cases[] = {
      {2023, "2023-01-19"}, {2024, "2024-01-18"}, {2025, "2025-01-16"}, {2026, "2026-01-15"}, {2027, "2027-01-21"}};
  for (const auto& [year, date] : cases) EXPECT_EQ(census_date(year), date) << year;
}

std::string message(const std::string& persons) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Message><Header><CollectionDetails><Collection>SEN2</Collection>)"
         R"(<Year>2026</Year><ReferenceDate>2026-01-15</ReferenceDate></CollectionDetails><Source><SourceLevel>L)"
         R"(</SourceLevel><LEA>999</LEA><SoftwareCode>T</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo>)"
         R"(<DateTime>2026-01-20T09:30:00</DateTime></Source></Header><Persons>)" +
         persons + "</Persons></Message>";
}

std::string person(const std::string& birth, const std::string& ethnicity = "WBRI") {
  return "<Person><Surname>Ames</Surname><Forename>Ola</Forename><PersonBirthDate>" + birth +
         "</PersonBirthDate><Sex>F</Sex><Ethnicity>" + ethnicity +
         "</Ethnicity><UPN>A123456789012</UPN><Requests><ReceivedDate>2025-02-03</ReceivedDate>"
         "<RequestSource>1</RequestSource></Requests></Person>";
}

ReadResult read_text(const std::string& xml, std::vector<Node>* people = nullptr) {
  std::istringstream in(xml);
  return read(
      in, [](const Node&) {},
      [&](const Node& p, const std::string&, bool ok) {
        if (people && ok) people->push_back(p);
      });
}

TEST(Sen2Reader, ReadsAWellFormedReturn) {
  std::vector<Node> people;
  const auto r = read_text(message(person("2016-04-12") + person("2017-05-01")), &people);
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().path << ": " << r.problems.front().message;
  EXPECT_EQ(r.persons, 2u);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[1].value("person_birth_date"), "2017-05-01");
  EXPECT_EQ(people[0].all("requests").size(), 1u);
}

TEST(Sen2Reader, AnImpossibleDateIsReportedWithItsPathAndTheFormAllowed) {
  const std::pair<const char*, bool> dates[] = {{"2016-02-29", true},  {"2015-02-29", false}, {"2016-13-01", false},
                                                {"16-04-2016", false}, {"2016-4-1", false},   {"", false}};
  for (const auto& [date, ok] : dates) {
    const auto r = read_text(message(person("2016-04-12") + person(date)));
    if (ok) {
      EXPECT_TRUE(r.problems.empty()) << date;
      continue;
    }
    ASSERT_FALSE(r.problems.empty()) << date;
    EXPECT_EQ(r.problems.front().path, "/Message/Persons/Person[2]/PersonBirthDate") << date;
    EXPECT_EQ(r.problems.front().element, "PersonBirthDate");
  }
}

TEST(Sen2Reader, ACodeNotOnTheListNamesWhatIsAllowed) {
  const auto r = read_text(message(person("2016-04-12", "XXXX")));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "/Message/Persons/Person[1]/Ethnicity");
  EXPECT_NE(r.problems[0].message.find("WBRI"), std::string::npos) << r.problems[0].message;
}

TEST(Sen2Writer, WritesEveryElementInTheYearsOrderAndLeavesOutEmptyLeaves) {
  Node p{"person", {}, {}};
  p.add("upn", "A123456789012");
  p.add("sex", "F");
  p.add("surname", "Ames");
  p.add("post_code", "");
  p.add("forename", "Ola");
  const std::string xml = to_xml(p, s2026());
  const auto at = [&](const char* name) { return xml.find(name); };
  EXPECT_LT(at("<Surname>"), at("<Forename>"));
  EXPECT_LT(at("<Forename>"), at("<Sex>"));
  EXPECT_LT(at("<Sex>"), at("<UPN>"));
  EXPECT_EQ(at("<PostCode>"), std::string::npos);
  EXPECT_EQ(node_from_json(to_json(p)), p);
}

}  // namespace
}  // namespace tandem::sen2

namespace tandem {
namespace {

TEST(SettingIds, UrnIsSixDigitsAndUkprnEightStartingOne) {
  EXPECT_TRUE(valid_urn("100000"));
  EXPECT_TRUE(valid_urn("990001"));
  EXPECT_FALSE(valid_urn("12345"));
  EXPECT_FALSE(valid_urn("1234567"));
  EXPECT_FALSE(valid_urn("12345A"));
  EXPECT_TRUE(valid_ukprn("10001234"));
  EXPECT_FALSE(valid_ukprn("20001234"));
  EXPECT_FALSE(valid_ukprn("1000123"));
  std::string urn = " 100 000 ", ukprn = "2000";
  std::vector<FieldError> errors;
  check_setting_ids(urn, ukprn, "setting_urn", "setting_ukprn", errors);
  EXPECT_EQ(urn, "100000");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "setting_ukprn");
}

TEST(SettingIds, TheChildFormChecksEthnicityAgainstTheListGivenAndNamesEveryWrongField) {
  ChildForm f;
  f.given_name = "Ola";
  f.family_name = "Ames";
  f.date_of_birth = "2016-04-12";
  f.sex = "F";
  f.plan_status = "sen_support";
  f.ethnicity = "wbri";
  const auto today = make_date(2026, 1, 15);
  const auto on_list = [](std::string_view c) { return c == "WBRI"; };
  auto ok = validate_child(f, today, on_list);
  ASSERT_TRUE(ok) << ok.error().first_message();
  EXPECT_EQ(ok->ethnicity, "WBRI");
  f.ethnicity = "ZZZZ";
  f.setting_urn = "99";
  auto bad = validate_child(f, today, on_list);
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const auto& e : bad.error().fields) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"ethnicity", "setting_urn", "setting_name"}));
  f.ethnicity = "ZZZZ";
  f.setting_urn = "";
  EXPECT_TRUE(validate_child(f, today)) << "without a list, any four capital letters pass";
}

}  // namespace
}  // namespace tandem
