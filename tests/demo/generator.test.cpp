#include "demo/generator.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/access.h"
#include "core/need.h"

namespace tandem::demo {
namespace {

const Date kToday = make_date(2025, 1, 16);  // the January 2025 census day

const std::vector<DemoStaff> kStaff{
    {"u-caseworker-1", "Sam Quillfield", Role::caseworker, Agency::council_education},
    {"u-caseworker-2", "Dev Ambrecott", Role::caseworker, Agency::council_education},
    {"u-social-1", "Jo Penhallow", Role::social_care_practitioner, Agency::council_social_care},
    {"u-provider-1", "Alex Therapy-Lead", Role::provider, Agency::provider},
    {"u-provider-2", "Kim Outreach", Role::provider, Agency::provider},
    {"u-senco-1", "Pat Senco", Role::provider, Agency::school},
    {"u-senco-2", "Robin Senco", Role::provider, Agency::school},
};

DemoOptions options(std::uint64_t seed, std::size_t plans = 0) {
  DemoOptions o;
  o.seed = seed;
  o.plans = plans;
  o.today = kToday;
  o.area_id = "demo-area";
  o.staff = kStaff;
  o.icb_names = {"NHS Riverside ICB", "NHS Neighbouring ICB"};
  return o;
}

const Calibration& halton() {
  static const Calibration c = *calibration_for("876");
  return c;
}

// Everything generated, as text: equal text means byte-identical areas.
std::string dump(const DemoArea& area) {
  std::ostringstream out;
  for (const auto& d : area.children) {
    const auto& c = d.child;
    out << c.id << '|' << c.area_id << '|' << c.given_name << '|' << c.family_name << '|'
        << format_date(c.date_of_birth) << '|' << c.sex << '|' << c.upn << '|' << c.nhs_number << '|' << c.postcode
        << '|' << c.primary_need << '|' << to_string(c.plan_status) << '|' << c.setting_name << '|' << c.responsible_icb
        << '|' << (c.icb_since ? format_date(*c.icb_since) : "") << '|' << c.looked_after << '\n';
    for (const auto& n : d.needs) out << "  need " << n.rank << ' ' << n.code << '\n';
    for (const auto& p : d.placements) {
      out << "  placement " << p.id << '|' << p.setting_name << '|' << to_string(p.setting_type) << '|'
          << format_date(p.start_date) << '|' << (p.end_date ? format_date(*p.end_date) : "") << '\n';
    }
    for (const auto& i : d.involvements) {
      out << "  involvement " << i.id << '|' << to_string(i.agency) << '|' << i.user_id << '|' << i.professional_name
          << '|' << i.role_on_case << '|' << format_date(i.started_on) << '|'
          << (i.ended_on ? format_date(*i.ended_on) : "") << '\n';
    }
  }
  return out.str();
}

std::map<PlanStatus, std::size_t> by_status(const DemoArea& area) {
  std::map<PlanStatus, std::size_t> n;
  for (const auto& d : area.children) ++n[d.child.plan_status];
  return n;
}

TEST(Generator, SameSeedSameAreaDifferentSeedDifferentArea) {
  const auto a = dump(generate_demo_area(halton(), options(7)));
  const auto b = dump(generate_demo_area(halton(), options(7)));
  const auto c = dump(generate_demo_area(halton(), options(8)));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(Generator, HasTheAreasRealCountOfPlansAndTheAssumedOtherGroups) {
  const auto area = generate_demo_area(halton(), options(1));
  const auto n = by_status(area);
  // caseload.csv, 202324, Halton: 1524 plans. Requests 2023: 409, so 0.4 x 409 in assessment.
  EXPECT_EQ(n.at(PlanStatus::ehc_plan), 1524u);
  EXPECT_EQ(n.at(PlanStatus::assessment), 164u);
  EXPECT_EQ(n.at(PlanStatus::sen_support), 914u);        // 0.6 x 1524
  EXPECT_EQ(n.at(PlanStatus::disabled_register), 122u);  // 0.08 x 1524
  EXPECT_EQ(n.at(PlanStatus::health_only), 76u);         // 0.05 x 1524
  const auto counts = demo_counts(halton(), 1524);
  EXPECT_EQ(area.children.size(), counts.total());
}

// With 20,000 plans the generated mix must match the calibration: placement,
// need and sex are allocated by exact quota (within rounding, so 0.1
// percentage points); age bands are fitted jointly with placement and allowed
// 0.5 points.
TEST(Generator, TwentyThousandPlansFollowTheCalibratedShares) {
  for (const char* code : {"876", "890", "309", "356", "929"}) {
    const auto cal = *calibration_for(code);
    const auto area = generate_demo_area(cal, options(3, 20000));
    std::array<double, kSettingTypes> setting{};
    double not_recorded = 0;
    std::map<std::string, double> need;
    std::array<double, kAgeBands> band{};
    double female = 0;
    double plans = 0;
    for (const auto& d : area.children) {
      if (d.child.plan_status != PlanStatus::ehc_plan) continue;
      ++plans;
      if (d.placements.empty() || d.placements.back().end_date) {
        ++not_recorded;
      } else {
        ++setting[setting_index(d.placements.back().setting_type)];
      }
      ++need[d.child.primary_need];
      ++band[static_cast<std::size_t>(*age_band_of(age_on(d.child.date_of_birth, kToday)))];
      if (d.child.sex == "F") ++female;
    }
    ASSERT_EQ(plans, 20000) << code;
    for (auto t : all_setting_types()) {
      EXPECT_NEAR(setting[setting_index(t)] / plans, cal.share_of(t), 0.001) << code << " " << to_string(t);
    }
    EXPECT_NEAR(not_recorded / plans, cal.placement_not_recorded_share, 0.001) << code;
    for (const auto& n : cal.needs) EXPECT_NEAR(need[n.code] / plans, n.share, 0.001) << code << " " << n.code;
    for (auto b : all_age_bands()) {
      const auto i = static_cast<std::size_t>(b);
      EXPECT_NEAR(band[i] / plans, cal.age_band_shares[i], 0.005) << code << " " << to_string(b);
    }
    EXPECT_NEAR(female / plans, cal.female_share, 0.001) << code;
  }
}

TEST(Generator, EveryChildPassesTheRegisterRulesUnchanged) {
  const auto area = generate_demo_area(halton(), options(11));
  ASSERT_FALSE(area.children.empty());
  for (const auto& d : area.children) {
    const auto& c = d.child;
    const auto v = validate_child(to_form(c), kToday);
    ASSERT_TRUE(v) << c.id << ": " << v.error().first_field() << ": " << v.error().first_message();
    EXPECT_EQ(v->given_name, c.given_name);
    EXPECT_EQ(v->family_name, c.family_name);
    EXPECT_EQ(v->date_of_birth, c.date_of_birth);
    EXPECT_EQ(v->sex, c.sex);
    EXPECT_EQ(v->upn, c.upn);
    EXPECT_EQ(v->nhs_number, c.nhs_number);
    EXPECT_EQ(v->postcode, c.postcode);  // already normalised
    EXPECT_EQ(v->primary_need, c.primary_need);
    EXPECT_EQ(v->plan_status, c.plan_status);
    EXPECT_EQ(v->setting_name, c.setting_name);
    EXPECT_EQ(v->responsible_icb, c.responsible_icb);
    EXPECT_EQ(v->icb_since, c.icb_since);
    EXPECT_EQ(v->looked_after, c.looked_after);
    EXPECT_EQ(c.area_id, "demo-area");
    // Identifiers that cannot be anyone's: NHS test range, postcode area Q.
    EXPECT_TRUE(c.nhs_number.starts_with("999")) << c.nhs_number;
    EXPECT_EQ(c.postcode[0], 'Q') << c.postcode;
    if (!c.upn.empty()) {
      EXPECT_EQ(c.upn.substr(1, 3), "876") << c.upn;
    }
    for (const auto& n : d.needs) {
      EXPECT_GE(n.rank, 2);
      EXPECT_TRUE(find_need(n.code)) << n.code;
      EXPECT_NE(n.code, c.primary_need);
    }
  }
}

TEST(Generator, IdsAndIdentifiersAreUnique) {
  auto o = options(5, 20000);
  o.id_prefix = "halton-";
  const auto area = generate_demo_area(halton(), o);
  std::set<std::string> ids, upns, nhs;
  std::size_t upn_count = 0;
  for (const auto& d : area.children) {
    EXPECT_TRUE(d.child.id.starts_with("halton-c-")) << d.child.id;
    EXPECT_TRUE(ids.insert(d.child.id).second) << d.child.id;
    for (const auto& p : d.placements) EXPECT_TRUE(ids.insert(p.id).second) << p.id;
    for (const auto& i : d.involvements) EXPECT_TRUE(ids.insert(i.id).second) << i.id;
    EXPECT_TRUE(nhs.insert(d.child.nhs_number).second) << d.child.nhs_number;
    if (!d.child.upn.empty()) {
      ++upn_count;
      EXPECT_TRUE(upns.insert(d.child.upn).second) << d.child.upn;
    }
  }
  EXPECT_GT(upn_count, area.children.size() / 2);
}

// Ages must suit the setting: early years under 5; colleges and NEET 16 and
// over; schools from nursery class (3) to sixth form (19), alternative
// provision from 5.
bool fits(SettingType t, int age) {
  switch (t) {
    case SettingType::early_years: return age < 5;
    case SettingType::further_education:
    case SettingType::neet: return age >= 16;
    case SettingType::mainstream:
    case SettingType::mainstream_unit:
    case SettingType::special: return age >= 3 && age <= 19;
    case SettingType::ap_pru: return age >= 5 && age <= 19;
    case SettingType::educated_elsewhere:
    case SettingType::other: return age >= 0 && age <= 25;
  }
  return false;
}

TEST(Generator, AgesFitSettingsAndDatesAreInOrder) {
  const auto area = generate_demo_area(halton(), options(13, 20000));
  for (const auto& d : area.children) {
    const auto& c = d.child;
    const int age = age_on(c.date_of_birth, kToday);
    ASSERT_GE(age, 0);
    ASSERT_LE(age, 25);
    if (!d.placements.empty() && !d.placements.back().end_date) {
      const auto& now = d.placements.back();
      EXPECT_TRUE(fits(now.setting_type, age)) << c.id << " aged " << age << " in " << to_string(now.setting_type);
      EXPECT_FALSE(now.end_date) << c.id;
      EXPECT_EQ(now.setting_name, c.setting_name);
    } else {
      EXPECT_TRUE(c.setting_name.empty()) << c.id;
    }
    for (const auto& p : d.placements) {
      EXPECT_GE(p.start_date, c.date_of_birth) << c.id;
      EXPECT_LE(p.start_date, kToday) << c.id;
      if (p.end_date) {
        EXPECT_GE(*p.end_date, p.start_date) << c.id;
        if (&p != &d.placements.back()) {
          EXPECT_LT(*p.end_date, d.placements.back().start_date) << c.id;
        }
        EXPECT_LE(*p.end_date, kToday) << c.id;
      }
    }
    for (std::size_t i = 1; i < d.placements.size(); ++i) {
      ASSERT_TRUE(d.placements[i - 1].end_date) << c.id;
      EXPECT_LT(*d.placements[i - 1].end_date, d.placements[i].start_date) << c.id;
    }
    for (const auto& i : d.involvements) {
      EXPECT_GE(i.started_on, c.date_of_birth) << c.id;
      EXPECT_LE(i.started_on, kToday) << c.id;
    }
    if (c.icb_since) {
      EXPECT_GE(*c.icb_since, make_date(2022, 7, 1)) << c.id;
    }
  }
}

bool has(const DemoChild& d, Agency a, bool agency_wide) {
  return std::any_of(d.involvements.begin(), d.involvements.end(),
                     [&](const CaseInvolvement& i) { return i.agency == a && i.user_id.empty() == agency_wide; });
}

TEST(Generator, AgenciesAreInvolvedByStatus) {
  const auto area = generate_demo_area(halton(), options(17));
  std::size_t plans = 0, plans_with_icb = 0, plans_with_care = 0, looked_after = 0;
  for (const auto& d : area.children) {
    const auto s = d.child.plan_status;
    if (s == PlanStatus::ehc_plan || s == PlanStatus::assessment || s == PlanStatus::sen_support) {
      EXPECT_TRUE(has(d, Agency::council_education, true)) << d.child.id;
    }
    if (s == PlanStatus::health_only) {
      EXPECT_TRUE(has(d, Agency::icb, true)) << d.child.id;
    }
    if (s == PlanStatus::disabled_register) {
      EXPECT_TRUE(has(d, Agency::council_social_care, true)) << d.child.id;
    }
    if (d.child.looked_after) {
      ++looked_after;
      EXPECT_TRUE(has(d, Agency::council_social_care, true)) << d.child.id;
    }
    if (s == PlanStatus::ehc_plan) {
      ++plans;
      plans_with_icb += has(d, Agency::icb, true);
      plans_with_care += has(d, Agency::council_social_care, true);
    }
  }
  EXPECT_GT(plans_with_icb, plans / 3);
  EXPECT_LT(plans_with_icb, plans);
  EXPECT_GT(plans_with_care, 0u);
  EXPECT_LT(plans_with_care, plans / 2);
  EXPECT_NEAR(static_cast<double>(looked_after) / static_cast<double>(area.children.size()), 0.03, 0.01);
}

TEST(Generator, EachSchoolOrProviderPersonSeesSomeChildrenButNotAll) {
  const auto area = generate_demo_area(halton(), options(19));
  std::vector<std::vector<Involvement>> involvements;
  for (const auto& d : area.children) {
    auto& list = involvements.emplace_back();
    for (const auto& i : d.involvements) {
      list.push_back({i.agency, i.user_id.empty() ? std::nullopt : std::optional<std::string>(i.user_id)});
    }
  }
  for (const auto& person : kStaff) {
    if (person.role != Role::provider) continue;
    const Principal who{person.user_id, person.role, person.agency};
    std::size_t seen = 0;
    for (const auto& list : involvements) seen += can_see_child(who, list);
    EXPECT_GT(seen, 0u) << person.user_id;
    EXPECT_LT(seen, area.children.size()) << person.user_id;
  }
  // A school's staff see children at one school.
  std::set<std::string> schools;
  for (const auto& d : area.children) {
    for (const auto& i : d.involvements) {
      if (i.user_id == "u-senco-1") schools.insert(d.child.setting_name);
    }
  }
  EXPECT_EQ(schools.size(), 1u);
}

TEST(Generator, NamedCaseworkersAreAttachedToPlans) {
  const auto area = generate_demo_area(halton(), options(23));
  std::map<std::string, std::size_t> per_worker;
  for (const auto& d : area.children) {
    for (const auto& i : d.involvements) {
      if (!i.user_id.empty() && i.agency == Agency::council_education) ++per_worker[i.user_id];
    }
  }
  EXPECT_GT(per_worker["u-caseworker-1"], 100u);
  EXPECT_GT(per_worker["u-caseworker-2"], 100u);
}

TEST(Generator, WorksFromAHandMadeCalibrationAndForEmptyAreas) {
  Calibration c;
  c.la_code = "999";
  c.la_name = "Exampleshire";
  c.total_plans = 40;
  c.placement_shares[setting_index(SettingType::mainstream)] = 0.5;
  c.placement_shares[setting_index(SettingType::special)] = 0.5;
  c.age_band_shares = {0.1, 0.4, 0.4, 0.1, 0.0};
  c.female_share = 0.3;
  c.male_share = 0.7;
  c.needs = {{"ASD", 50, 0.5}, {"SEMH", 50, 0.5}};
  c.requests = 20;
  const auto area = generate_demo_area(c, options(1));
  EXPECT_EQ(by_status(area).at(PlanStatus::ehc_plan), 40u);
  for (const auto& d : area.children) EXPECT_TRUE(validate_child(to_form(d.child), kToday)) << d.child.id;

  Calibration empty;
  EXPECT_TRUE(generate_demo_area(empty, options(1)).children.empty());
}

}  // namespace
}  // namespace tandem::demo

namespace tandem::demo {
namespace {

std::optional<Date> plan_started(const DemoChild& d) {
  for (const auto& i : d.involvements)
    if (i.role_on_case == "EHC plan maintained by the SEND service" && i.user_id.empty()) return i.started_on;
  return std::nullopt;
}

const Placement* placement_on(const DemoChild& d, Date on) {
  for (const auto& p : d.placements)
    if (p.start_date <= on && (!p.end_date || *p.end_date >= on)) return &p;
  return nullptr;
}

// The SEN2 return names each active plan's placements: a council knows where
// every child it maintains a plan for has been since the plan began.
TEST(Generator, EveryPlanHasAPlacementFromItsStart) {
  const auto area = generate_demo_area(*calibration_for("356"), options(5));
  std::size_t awaiting = 0;
  for (const auto& d : area.children) {
    if (d.child.plan_status != PlanStatus::ehc_plan) continue;
    const auto start = plan_started(d);
    ASSERT_TRUE(start) << d.child.id;
    const Date from = std::max(*start, d.child.date_of_birth + std::chrono::days(181));
    const bool waiting = !d.placements.empty() && d.placements.back().end_date;
    awaiting += waiting ? 1 : 0;
    const Date to = waiting ? *d.placements.back().end_date : kToday;
    std::string where;
    for (const auto& p : d.placements)
      where += " " + std::string(to_string(p.setting_type)) + " " + format_date(p.start_date) + ".." +
               (p.end_date ? format_date(*p.end_date) : "");
    for (Date day = from; day <= to; day += std::chrono::days(30)) {
      EXPECT_NE(placement_on(d, day), nullptr) << d.child.id << " has no placement on " << format_date(day) << ":"
                                               << where << " born " << format_date(d.child.date_of_birth);
    }
    EXPECT_NE(placement_on(d, to), nullptr) << d.child.id << where << " plan from " << format_date(*start);
  }
  EXPECT_GT(awaiting, 0U);  // Stockport's DfE figures leave some plans' placement unrecorded
}

// What the generator says it planted is on the child it names.
TEST(Generator, PlantedSen2ProblemsAreOnTheirChildren) {
  const auto area = generate_demo_area(*calibration_for("356"), options(5));
  std::map<std::string, const DemoChild*> by_id;
  for (const auto& d : area.children) by_id[d.child.id] = &d;
  std::map<std::string, int> kinds;
  for (const auto& p : area.sen2_planted) {
    ++kinds[p.rule];
    const DemoChild& d = *by_id.at(p.child_id);
    EXPECT_FALSE(p.why.empty());
    if (p.rule == "SEN2-Q06") {
      EXPECT_EQ(d.child.ethnicity, "NOBT") << p.child_id;
    }
    if (p.rule == "SEN2-E03") {
      EXPECT_TRUE(d.child.upn.empty()) << p.child_id;
    }
    if (p.rule == "SEN2-E11") {
      EXPECT_TRUE(d.child.setting_urn.empty()) << p.child_id;
      EXPECT_TRUE(d.placements.back().urn.empty()) << p.child_id;
      EXPECT_EQ(d.placements.back().setting_type, SettingType::special) << p.child_id;
    }
  }
  for (const char* rule : {"SEN2-Q06", "SEN2-E03", "SEN2-E11"}) EXPECT_GT(kinds[rule], 0) << rule;
  // Every other current school or college placement carries its URN or UKPRN.
  std::set<std::string> no_urn;
  for (const auto& p : area.sen2_planted)
    if (p.rule == "SEN2-E11") no_urn.insert(p.child_id);
  for (const auto& d : area.children) {
    for (const auto& pl : d.placements) {
      const bool institution = pl.setting_type == SettingType::mainstream ||
                               pl.setting_type == SettingType::mainstream_unit ||
                               pl.setting_type == SettingType::special || pl.setting_type == SettingType::ap_pru ||
                               pl.setting_type == SettingType::further_education;
      if (!institution || (no_urn.contains(d.child.id) && &pl == &d.placements.back())) continue;
      EXPECT_TRUE(!pl.urn.empty() || !pl.ukprn.empty()) << d.child.id << " at " << pl.setting_name;
    }
  }
}

}  // namespace
}  // namespace tandem::demo
