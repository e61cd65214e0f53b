#include "core/directory_checks.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

std::vector<std::string> fields_of(const Result<void>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& e : r.error().fields) out.push_back(e.field);
  }
  return out;
}

using Fields = std::vector<std::string>;

TEST(DirectoryChecks, PostcodesAreShapedAsTheUkWritesThem) {
  const std::pair<const char*, const char*> cases[] = {{"QS4 7RW", "QS4 7RW"},
                                                       {"qs47rw", "QS4 7RW"},
                                                       {"M1 1AE", "M1 1AE"},
                                                       {"B33 8TH", "B33 8TH"},
                                                       {"CR2 6XH", "CR2 6XH"},
                                                       {"DN55 1PT", "DN55 1PT"},
                                                       {"W1A 0AX", "W1A 0AX"},
                                                       {"EC1A 1BB", "EC1A 1BB"},
                                                       {" sw1a  1aa ", "SW1A 1AA"},
                                                       {"", ""},
                                                       {"QS4", ""},
                                                       {"QS4 7R", ""},
                                                       {"1S4 7RW", ""},
                                                       {"QS4 RRW", ""},
                                                       {"QS4 77W", ""},
                                                       {"QSS 7RW", ""},
                                                       {"QS444 7RW", ""},
                                                       {"QS4-7RW", ""}};
  for (const auto& [in, want] : cases) EXPECT_EQ(normalise_postcode(in).value_or(""), want) << in;
}

TEST(DirectoryChecks, DegreesAreReadToTheMillionthWithinTheirRange) {
  const std::tuple<const char*, int, std::optional<std::int64_t>> cases[] = {
      {"53.4808", 90, 53480800},  {"-2.24", 180, -2240000},         {"+0.5", 90, 500000},
      {"90", 90, 90000000},       {"-180.000000", 180, -180000000}, {"90.000001", 90, std::nullopt},
      {"181", 180, std::nullopt}, {"53.4808123", 90, std::nullopt}, {"north", 90, std::nullopt},
      {"", 90, std::nullopt},     {"53.", 90, std::nullopt},        {".5", 90, std::nullopt},
      {"1e2", 90, std::nullopt}};
  for (const auto& [in, limit, want] : cases) EXPECT_EQ(parse_degrees_e6(in, limit), want) << in;
}

// Identifier schemes from org-id.guide, as Open Referral UK's organization_identifier carries them.
TEST(DirectoryChecks, CharityAndCompanyNumbers) {
  const std::pair<const char*, const char*> charities[] = {
      {"1123456", "GB-CHC"}, {"216401", "GB-CHC"}, {"SC012345", "GB-SC"}, {"NIC100002", "GB-NIC"},
      {"12345", ""},         {"12345678", ""},     {"SC12345", ""},       {"sc012345", ""}};
  for (const auto& [in, want] : charities) EXPECT_EQ(charity_scheme(in), want) << in;
  const std::pair<const char*, bool> companies[] = {{"01234567", true},  {"SC123456", true},  {"OC301234", true},
                                                    {"1234567", false},  {"sc123456", false}, {"S1234567", false},
                                                    {"SC1234567", false}};
  for (const auto& [in, want] : companies) EXPECT_EQ(is_company_number(in), want) << in;
}

Organisation charity() {
  return {"0a000000-0000-4000-8000-000000000001",
          "Little Voices",
          "Speech and language support",
          "hello@lv.example",
          "https://lv.example",
          "",
          "1123456",
          "",
          1};
}

TEST(DirectoryChecks, OrganisationsNameEachWrongField) {
  EXPECT_EQ(fields_of(check_organisation(charity())), Fields{});
  Organisation o = charity();
  o.name = "";
  o.description = "";
  o.website = "lv.example";
  o.email = "hello";
  o.logo = "http://lv.example/logo.png";
  o.charity_number = "12";
  o.company_number = "123";
  EXPECT_EQ(fields_of(check_organisation(o)),
            (Fields{"name", "description", "website", "email", "logo", "charity_number", "company_number"}));
}

Location hub() {
  Location l;
  l.id = "0b000000-0000-4000-8000-000000000001";
  l.name = "Family Hub";
  l.address_1 = "1 High Street";
  l.city = "Townley";
  l.postcode = "QS1 1AA";
  l.point = GeoPoint{53400000, -2150000};
  return l;
}

TEST(DirectoryChecks, LocationsNameEachWrongField) {
  EXPECT_EQ(fields_of(check_location(hub())), Fields{});
  Location l = hub();
  l.name = "";
  l.address_1 = "";
  l.city = "";
  l.postcode = "QS1";
  l.point = GeoPoint{91000000, -181000000};
  EXPECT_EQ(fields_of(check_location(l)), (Fields{"name", "address_1", "city", "postcode", "latitude", "longitude"}));
  l = hub();
  l.point.reset();
  EXPECT_EQ(fields_of(check_location(l)), Fields{}) << "coordinates are optional";
}

TEST(DirectoryChecks, OpeningTimes) {
  const std::vector<ServiceAtLocation> venues{{"0f000000-0000-4000-8000-000000000001", "loc"}};
  auto schedule = [](std::string byday, std::string opens, std::string closes) {
    return Schedule{"10000000-0000-4000-8000-000000000001",
                    "",
                    std::move(byday),
                    std::move(opens),
                    std::move(closes),
                    "",
                    std::nullopt,
                    std::nullopt};
  };
  const std::tuple<Schedule, Fields> cases[] = {
      {schedule("MO,WE", "09:30", "12:00"), {}},           {schedule("SU", "00:00", "23:59"), {}},
      {schedule("", "09:30", "12:00"), {"byday"}},         {schedule("MO,MO", "09:30", "12:00"), {"byday"}},
      {schedule("monday", "09:30", "12:00"), {"byday"}},   {schedule("MO", "9:30", "12:00"), {"opens_at"}},
      {schedule("MO", "09:30:00", "12:00"), {"opens_at"}}, {schedule("MO", "12:00", "12:00"), {"closes_at"}},
      {schedule("MO", "13:00", "12:00"), {"closes_at"}},   {schedule("MO", "09:00", "25:00"), {"closes_at"}},
  };
  for (const auto& [s, want] : cases) EXPECT_EQ(fields_of(check_schedule(s, venues)), want) << s.byday << s.opens_at;
  Schedule dated = schedule("TU", "10:00", "11:00");
  dated.valid_from = make_date(2026, 9, 1);
  dated.valid_to = make_date(2026, 7, 20);
  dated.service_at_location_id = "elsewhere";
  EXPECT_EQ(fields_of(check_schedule(dated, venues)), (Fields{"valid_to", "service_at_location_id"}));
  dated.valid_to = make_date(2027, 7, 20);
  dated.service_at_location_id = venues[0].id;
  EXPECT_EQ(fields_of(check_schedule(dated, venues)), Fields{});
}

TEST(DirectoryChecks, TermsHaveUniqueCodesAndNoCycles) {
  const std::string tax = "0c000000-0000-4000-8000-000000000001", other_tax = "0c000000-0000-4000-8000-000000000002";
  auto term = [&](char n, std::string code, std::string parent, std::string taxonomy) {
    return TaxonomyTerm{"0d000000-0000-4000-8000-00000000000" + std::string(1, n),
                        std::move(taxonomy),
                        std::move(code),
                        "Term " + std::string(1, n),
                        "",
                        std::move(parent),
                        1};
  };
  // 1 <- 2 <- 3 in one taxonomy; 4 in another.
  const TaxonomyTerm t1 = term('1', "SEMH", "", tax), t2 = term('2', "ANX", t1.id, tax),
                     t3 = term('3', "OCD", t2.id, tax), t4 = term('4', "SEMH", "", other_tax);
  const std::vector<TaxonomyTerm> all{t1, t2, t3, t4};
  auto with = [](TaxonomyTerm t, std::string code, std::string parent) {
    t.code = std::move(code);
    t.parent_id = std::move(parent);
    return t;
  };
  const std::tuple<const char*, TaxonomyTerm, Fields> cases[] = {
      {"unchanged", t3, {}},
      {"the same code in another taxonomy", t4, {}},
      {"a code another term has", with(t3, "ANX", t2.id), {"code"}},
      {"a code with a space", with(t3, "O C D", t2.id), {"code"}},
      {"its own parent", with(t1, "SEMH", t1.id), {"parent_id"}},
      {"under its grandchild", with(t1, "SEMH", t3.id), {"parent_id"}},
      {"under a term of another taxonomy", with(t3, "OCD", t4.id), {"parent_id"}},
      {"under a term that does not exist", with(t3, "OCD", "nope"), {"parent_id"}},
      {"moved up to the root", with(t3, "OCD", ""), {}},
  };
  for (const auto& [name, t, want] : cases) EXPECT_EQ(fields_of(check_taxonomy_term(t, all)), want) << name;
}

// Open Referral UK's contact carries a phone (phone.number) and our email; a
// contact families cannot reach is no use to them.
TEST(DirectoryChecks, ContactsNeedANameAndAWayToReachThem) {
  const std::pair<const char*, bool> phones[] = {
      {"01632 960123", true},  {"+44 1632 960123", true},  {"(01632) 960-123", true},
      {"0800 123 4567", true}, {"016329601", false},       {"call us", false},
      {"01632 96O123", false}, {"44+ 1632 960123", false}, {"+44 1632 960123 4567", false}};
  for (const auto& [in, want] : phones) EXPECT_EQ(looks_like_phone(in), want) << in;
  const std::pair<ServiceContact, Fields> cases[] = {
      {{"", "Play team", "Bookings", "play@example.org", "01632 960111"}, {}},
      {{"", "Play team", "", "", "01632 960111"}, {}},
      {{"", "Play team", "", "play@example.org", ""}, {}},
      {{"", "", "", "play@example.org", ""}, {"name"}},
      {{"", "Play team", "", "play.example.org", ""}, {"email"}},
      {{"", "Play team", "", "", "ring us"}, {"phone"}},
      {{"", "Play team", "", "", ""}, {"phone"}},
      {{"", std::string(201, 'a'), std::string(201, 'b'), "play@example.org", ""}, {"name", "title"}}};
  for (const auto& [contact, want] : cases) EXPECT_EQ(fields_of(check_contact(contact)), want) << contact.name;
}

// cost_option: option, amount (never below nothing; none for no set price),
// amount_description ("per 1 hour session") and an ISO 4217 currency.
TEST(DirectoryChecks, CostsAreNotNegativeAndInAKnownCurrency) {
  const std::pair<CostOption, Fields> cases[] = {
      {{"", "Session", Pence(450), "per child", "GBP"}, {}},
      {{"", "Drop-in", Pence(0), "", "GBP"}, {}},
      {{"", "Residential", std::nullopt, "depends on nights", "EUR"}, {}},
      {{"", "Day trip", Pence(500), "", "USD"}, {}},
      {{"", "Session", Pence(-1), "", "GBP"}, {"amount"}},
      {{"", "Session", Pence(450), "", "XYZ"}, {"currency"}},
      {{"", "Session", Pence(450), "", "gbp"}, {"currency"}},
      {{"", "", Pence(450), "", "GBP"}, {}},
      {{"", std::string(201, 'x'), Pence(450), "", "GBP"}, {"option"}},
      {{"", "Session", Pence(450), std::string(201, 'x'), ""}, {"currency", "amount_description"}}};
  for (const auto& [cost, want] : cases) EXPECT_EQ(fields_of(check_cost(cost)), want) << cost.option;
}

TEST(DirectoryChecks, PricesAreWrittenInTheirCurrency) {
  const std::pair<CostOption, const char*> cases[] = {{{"", "", Pence(1250), "", "GBP"}, "£12.50"},
                                                      {{"", "", Pence(800), "", "EUR"}, "€8.00"},
                                                      {{"", "", Pence(500), "", "USD"}, "US$5.00"},
                                                      {{"", "", Pence(0), "", "EUR"}, "free"},
                                                      {{"", "", std::nullopt, "", "GBP"}, "ask the service"}};
  for (const auto& [cost, want] : cases) EXPECT_EQ(format_price(cost), want);
}

}  // namespace
}  // namespace tandem
