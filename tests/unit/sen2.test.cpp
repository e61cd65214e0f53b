// The pure pieces of the SEN2 return: the year's names and code lists, the
// census date, and the reader's and writer's handling of dates, order and
// the paths it reports; and the checks of ethnicity, URN and UKPRN.
#include <sstream>
#include <tuple>

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
  EXPECT_EQ(s.element("plan_wbp").name, "PlanWBP");
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

// What data/sen2/2026.json records from DfE's SEN2 schema for 2024
// (SEN2_schema_2024.xsd): each parent's children in order, and each repeating
// element's most occurrences.
TEST(Sen2Schema, OrderAndOccurrenceAreDfEs2024Schema) {
  const auto& s = s2026();
  const std::pair<const char*, std::vector<std::string>> order[] = {
      {"source", {"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime", "DMO", "DCO"}},
      {"person",
       {"Surname", "Forename", "PersonBirthDate", "Sex", "Ethnicity", "PostCode", "UPN", "UniqueLearnerNumber",
        "UPNunknown", "Requests"}},
      {"named_plan", {"StartDate", "PlanDetail", "PlanRes", "PlanWBP", "PB", "OA", "DP", "CeaseDate", "CeaseReason"}},
      {"active_plans", {"TransferLA", "PlacementDetail", "SENneed", "ReviewMeeting", "ReviewOutcome", "LastReview"}},
      {"placement_detail",
       {"URN", "UKPRN", "SENSetting", "SENSettingOther", "PlacementRank", "EntryDate", "LeavingDate",
        "SENunitIndicator", "ResourcedProvisionIndicator", "Res", "WBP"}},
  };
  for (const auto& [parent, names] : order) {
    std::vector<std::string> got;
    for (const auto& c : s.element(parent).children) got.push_back(s.element(c).name);
    EXPECT_EQ(got, names) << parent;
  }
  const std::tuple<const char*, bool, int> occurs[] = {
      {"plan_detail", true, 2}, {"placement_detail", true, 2}, {"sen_need", true, 2},
      {"requests", true, 0},    {"request_outcome", true, 0},  {"assessment_outcome", true, 0},
      {"dmo", true, 0},         {"post_code", true, 0},        {"upn_unknown", false, 0}};
  for (const auto& [key, required, max] : occurs) {
    EXPECT_EQ(s.element(key).required, required) << key;
    EXPECT_EQ(s.element(key).max, max) << key;
  }
  const std::pair<const char*, const char*> lists[] = {
      {"request_outcome", "Y, N, A, W or H"},
      {"assessment_outcome", "Y, N, A, W or H"},
      {"review_outcome", "A, C or M"},
      {"work_based", "A, T or S"},
      {"direct_payment", "E, S, H or I"},
      {"rank", "1 or 2"},
      {"officer", "Y, N or R"},
      {"upn_unknown", "UN1, UN2, UN3, UN4, UN5, UN6, UN7, UN8, UN9 or UN10"}};
  for (const auto& [list, allowed] : lists) EXPECT_EQ(s.allowed_text(list), allowed) << list;
  EXPECT_EQ(s.code_list("ethnicity").size(), 20u) << "the 2024 schema takes DfE's 20 main ethnicity codes";
  EXPECT_EQ(s.export_code("ethnicity", "WENG"), "WBRI");
  EXPECT_EQ(s.export_code("ethnicity", "BSOM"), "BAFR");
  EXPECT_EQ(s.export_code("ethnicity", "CHNE"), "CHNE");
  EXPECT_EQ(s.export_code("sen_type", "DS"), "OTH") << "not in the 2024 list";
  for (const auto& c : s.code_list("ethnicity_extended"))
    EXPECT_TRUE(s.allows("ethnicity", s.export_code("ethnicity", c.code))) << c.code;
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
         R"(</SourceLevel><LEA>999</LEA><SoftwareCode>T</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo>)"
         R"(<DateTime>2026-01-20T09:30:00</DateTime><DMO>Y</DMO><DCO>N</DCO></Source></Header><Persons>)" +
         persons + "</Persons></Message>";
}

std::string person(const std::string& birth, const std::string& ethnicity = "WBRI") {
  return "<Person><Surname>Ames</Surname><Forename>Ola</Forename><PersonBirthDate>" + birth +
         "</PersonBirthDate><Sex>F</Sex><Ethnicity>" + ethnicity +
         "</Ethnicity><PostCode>QS1 2AB</PostCode><UPN>A123456789012</UPN><Requests><ReceivedDate>2025-02-03"
         "</ReceivedDate><RequestSource>1</RequestSource><RequestOutcome>A</RequestOutcome></Requests></Person>";
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

TEST(Sen2Reader, MoreThanTheSchemaAllowsIsRefusedAndTrueFalseFlagsAreKeptAsOneZero) {
  const std::string needs =
      "<SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>"
      "<SENneed><SENtype>HI</SENtype><SENtypeRank>2</SENtypeRank></SENneed>";
  auto with = [](const std::string& inside) {
    return "<Person><Surname>Ames</Surname><Forename>Ola</Forename><PersonBirthDate>2016-04-12</PersonBirthDate>"
           "<Sex>F</Sex><Ethnicity>WBRI</Ethnicity><PostCode></PostCode><UPN>A123456789012</UPN><Requests>"
           "<RYA>true</RYA><RequestOutcome>H</RequestOutcome><ActivePlans><PlacementDetail><SENSetting>EHE"
           "</SENSetting><PlacementRank>1</PlacementRank><EntryDate>2025-09-01</EntryDate><SENunitIndicator>0"
           "</SENunitIndicator><ResourcedProvisionIndicator>FALSE</ResourcedProvisionIndicator></PlacementDetail>" +
           inside + "</ActivePlans></Requests></Person>";
  };
  std::vector<Node> people;
  auto r = read_text(message(with(needs)), &people);
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().path << ": " << r.problems.front().message;
  ASSERT_EQ(people.size(), 1u);
  const auto* req = people[0].child("requests");
  EXPECT_EQ(req->value("rya"), "1");
  EXPECT_EQ(req->child("active_plans")->child("placement_detail")->value("resourced_provision_indicator"), "0");
  r = read_text(message(with(needs + "<SENneed><SENtype>VI</SENtype><SENtypeRank>2</SENtypeRank></SENneed>")));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "/Message/Persons/Person[1]/Requests[1]/ActivePlans/SENneed[3]");
  EXPECT_NE(r.problems[0].message.find("at most 2"), std::string::npos) << r.problems[0].message;
}

// The issue's element list, public readers and case systems' files spell some
// names otherwise than DfE's schema (PlanWPB for PlanWBP, SENsetting for
// SENSetting): a council's file must still load, and say what it read.
TEST(Sen2Reader, OtherSpellingsOfAnElementAreReadAsTheYearsAndCounted) {
  auto with = [](const std::string& setting, const std::string& wbp) {
    return "<Person><Surname>Ames</Surname><Forename>Ola</Forename><PersonBirthDate>2016-04-12</PersonBirthDate>"
           "<Sex>F</Sex><Ethnicity>WBRI</Ethnicity><PostCode></PostCode><UPN>A123456789012</UPN><Requests>"
           "<ReceivedDate>2024-02-03</ReceivedDate><RequestOutcome>Y</RequestOutcome><Assessment>"
           "<AssessmentOutcome>Y</AssessmentOutcome><NamedPlan><StartDate>2024-06-01</StartDate><PlanDetail>"
           "<" +
           setting + ">EHE</" + setting +
           "><PlacementRank>1</PlacementRank><SENUnitIndicator>0</SENUnitIndicator>"
           "<ResourcedProvisionIndicator>0</ResourcedProvisionIndicator></PlanDetail>" +
           wbp + "</NamedPlan></Assessment></Requests></Person>";
  };
  std::vector<Node> people;
  auto r = read_text(message(with("SENsetting", "<PlanWPB>A</PlanWPB>") + with("SENsetting", "")), &people);
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().path << ": " << r.problems.front().message;
  ASSERT_EQ(people.size(), 2u);
  const auto* plan = people[0].child("requests")->child("assessment")->child("named_plan");
  EXPECT_EQ(plan->value("plan_wbp"), "A");
  EXPECT_EQ(plan->child("plan_detail")->value("sen_setting"), "EHE");
  ASSERT_EQ(r.spelled_otherwise.size(), 3u);
  EXPECT_EQ(r.spelled_otherwise.at("SENUnitIndicator").second, 2u);
  EXPECT_EQ(r.spelled_otherwise.at("SENsetting"), std::make_pair(std::string("SENSetting"), std::size_t{2}));
  EXPECT_EQ(r.spelled_otherwise.at("PlanWPB"), std::make_pair(std::string("PlanWBP"), std::size_t{1}));
  // The writer keeps to the year's spelling.
  const std::string xml = to_xml(people[0], s2026());
  EXPECT_NE(xml.find("<PlanWBP>A</PlanWBP>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("PlanWPB"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("SENsetting"), std::string::npos) << xml;

  // Both spellings in one plan are one element twice; a value is checked as the year's element.
  r = read_text(message(with("SENSetting", "<PlanWBP>A</PlanWBP><PlanWPB>T</PlanWPB>")));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "/Message/Persons/Person[1]/Requests[1]/Assessment/NamedPlan/PlanWPB");
  EXPECT_NE(r.problems[0].message.find("read as PlanWBP"), std::string::npos) << r.problems[0].message;
  r = read_text(message(with("SENsetting", "<PlanWPB>Q</PlanWPB>")));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "/Message/Persons/Person[1]/Requests[1]/Assessment/NamedPlan/PlanWPB");
  // Case still matters beyond the spellings the year's file lists.
  r = read_text(message(with("sensetting", "")));
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(r.problems[0].message.find("unknown element sensetting"), std::string::npos) << r.problems[0].message;
}

TEST(Sen2Writer, WritesEveryElementInTheYearsOrderAndLeavesOutEmptyLeaves) {
  Node p{"person", {}, {}};
  p.add("upn", "A123456789012");
  p.add("sex", "F");
  p.add("surname", "Ames");
  p.add("post_code", "");
  p.add("unique_learner_number", "");
  p.add("forename", "Ola");
  const std::string xml = to_xml(p, s2026());
  const auto at = [&](const char* name) { return xml.find(name); };
  EXPECT_LT(at("<Surname>"), at("<Forename>"));
  EXPECT_LT(at("<Forename>"), at("<Sex>"));
  EXPECT_LT(at("<Sex>"), at("<UPN>"));
  EXPECT_NE(at("<PostCode></PostCode>"), std::string::npos) << "DfE's schema requires PostCode, even empty";
  EXPECT_EQ(at("<UniqueLearnerNumber>"), std::string::npos) << "an optional empty leaf is left out";
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

// The reason a child has no UPN (SEN2 UPNunknown, DfE 2024 schema: UN1 to
// UN10): a code from the list, and only when there is no UPN.
TEST(SettingIds, TheUpnUnknownReasonIsOnTheListAndOnlyWithoutAUpn) {
  ChildForm f;
  f.given_name = "Ola";
  f.family_name = "Ames";
  f.date_of_birth = "2022-04-12";
  f.sex = "F";
  f.plan_status = "sen_support";
  const auto today = make_date(2026, 1, 15);
  const std::tuple<const char*, const char*, bool, const char*> cases[] = {{"", "", true, ""},
                                                                           {"", "UN1", true, "UN1"},
                                                                           {"", " un10 ", true, "UN10"},
                                                                           {"", "UN11", false, ""},
                                                                           {"", "UPN1", false, ""},
                                                                           {"A123456789012", "", true, ""},
                                                                           {"A123456789012", "UN2", false, ""}};
  for (const auto& [upn, reason, ok, kept] : cases) {
    f.upn = upn;
    f.upn_unknown = reason;
    const auto v = validate_child(f, today);
    ASSERT_EQ(v.has_value(), ok) << upn << " / " << reason;
    if (ok) {
      EXPECT_EQ(v->upn_unknown, kept);
    } else {
      ASSERT_EQ(v.error().fields.size(), 1u);
      EXPECT_EQ(v.error().fields[0].field, "upn_unknown");
    }
  }
}

}  // namespace
}  // namespace tandem
