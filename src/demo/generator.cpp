#include "demo/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "demo/fiction.h"
#include "demo/random.h"

namespace tandem::demo {

namespace {

// ---------------------------------------------------------------------------
// Assumptions. DfE publishes an area's EHC plans and its yearly requests; the
// register also holds children with no published local count, so their
// numbers are set against plans. These are modelling choices, not statistics:
//
// - In assessment: an EHC needs assessment runs 20 weeks (0.38 of a year) when
//   on time, some requests are refused and some assessments run late, so about
//   0.4 of a year's requests are in the process at any time.
// - SEN support: only the SEN support children the SEND service already knows
//   (through requests, panels or the local offer), about 0.6 per plan; England
//   has about two SEN support pupils per plan in all.
// - Disabled children's register, no SEN provision: 0.08 per plan.
// - Known to health only: 0.05 per plan.
// - Looked after: about 3% of every group.
// - Sex: plans and assessments follow the area's published split of plans;
//   the other groups are taken as 60% male.
// - Secondary needs (SEN2 ranks 2 and 3): 40% of plans and 20% of SEN support
//   record a second need, a quarter of those with a second also a third.
constexpr double kAssessmentsPerRequest = 0.4;
constexpr double kSenSupportPerPlan = 0.6;
constexpr double kDisabledPerPlan = 0.08;
constexpr double kHealthOnlyPerPlan = 0.05;
constexpr double kLookedAfter = 0.03;
constexpr double kMaleOutsidePlans = 0.6;

// ICBs were established on 1 July 2022 (Health and Care Act 2022); no child's
// ICB responsibility starts earlier.
const Date kIcbsEstablished = make_date(2022, 7, 1);

// Columns of the age-by-setting table: the nine setting groups, then
// "placement not recorded".
constexpr std::size_t kNotRecorded = kSettingTypes;
constexpr std::size_t kColumns = kSettingTypes + 1;
using Joint = std::array<std::array<double, kColumns>, kAgeBands>;

// Which ages each setting group can hold. Early years settings take children
// under 5; schools take them from nursery class (3) to the end of sixth form
// (19); colleges and NEET are for 16-25; the rest can be any age.
bool allowed(std::size_t column, int age) {
  if (column == kNotRecorded) return true;
  switch (all_setting_types()[column]) {
    case SettingType::early_years: return age <= 4;
    case SettingType::mainstream:
    case SettingType::mainstream_unit:
    case SettingType::special: return age >= 3 && age <= 19;
    case SettingType::ap_pru: return age >= 5 && age <= 19;
    case SettingType::further_education:
    case SettingType::neet: return age >= 16;
    case SettingType::educated_elsewhere: return age >= 4;
    case SettingType::other: return true;
  }
  return true;
}

// Weight of one single year of age within a setting group: England's count at
// that age, plus half a plan so that every allowed cell stays possible (and a
// calibration without England's table still works).
double age_weight(const Calibration& c, std::size_t column, int age) {
  if (!allowed(column, age)) return 0;
  const auto& cell = c.england_by_age[static_cast<std::size_t>(age)];
  return (column == kNotRecorded ? cell.not_recorded : cell.by_setting[column]) + 0.5;
}

// Plans by age band and setting group whose totals match the area's age-band
// shares (rows) and placement shares (columns): iterative proportional fitting
// from England's table. England supplies the shape (who is where at each age),
// the area the totals. The last step fits the columns, so placement shares
// (January 2024) hold exactly; where the area's age bands (January 2022)
// cannot hold them, e.g. more young people in colleges than were then 16 or
// over, the age bands give way a little.
Joint fit_age_setting(const Calibration& c) {
  Joint joint{};
  for (auto b : all_age_bands()) {
    for (std::size_t k = 0; k < kColumns; ++k) {
      double seed = 0;
      for (int age = min_age(b); age <= max_age(b); ++age) seed += age_weight(c, k, age);
      joint[static_cast<std::size_t>(b)][k] = seed;
    }
  }
  std::array<double, kColumns> column_target{};
  for (std::size_t k = 0; k < kSettingTypes; ++k) column_target[k] = c.placement_shares[k];
  column_target[kNotRecorded] = c.placement_not_recorded_share;

  for (int iteration = 0; iteration < 1000; ++iteration) {
    double worst = 0;
    for (std::size_t b = 0; b < kAgeBands; ++b) {
      double sum = 0;
      for (double v : joint[b]) sum += v;
      const double target = c.age_band_shares[b];
      for (double& v : joint[b]) v = sum > 0 ? v * target / sum : 0;
      worst = std::max(worst, std::abs(sum - target));
    }
    for (std::size_t k = 0; k < kColumns; ++k) {
      double sum = 0;
      for (std::size_t b = 0; b < kAgeBands; ++b) sum += joint[b][k];
      const double target = column_target[k];
      for (std::size_t b = 0; b < kAgeBands; ++b) joint[b][k] = sum > 0 ? joint[b][k] * target / sum : 0;
      worst = std::max(worst, std::abs(sum - target));
    }
    if (worst < 1e-12) break;
  }
  return joint;
}

// ---------------------------------------------------------------------------
// Dates.

Date plus_days(Date d, std::int64_t n) { return d + std::chrono::days{n}; }

Date years_before(Date d, int years) { return add_years(d, -years); }
Date years_after(Date d, int years) { return add_years(d, years); }

Date random_day(Rng& rng, Date lo, Date hi) {
  if (hi <= lo) return lo;
  const auto span = (hi - lo).count();
  return plus_days(lo, static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(span) + 1)));
}

Date clamp_date(Date d, Date lo, Date hi) { return std::max(lo, std::min(d, hi)); }

// A date of birth making the child exactly `age` on `today`.
Date birth_date_for(int age, Date today, Rng& rng) {
  const Date latest = years_before(today, age);
  const Date earliest = plus_days(years_before(today, age + 1), 1);
  return random_day(rng, earliest, latest);
}

int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }
unsigned month_of(Date d) { return static_cast<unsigned>(std::chrono::year_month_day{d}.month()); }

// The school year (by its starting September) a date falls in.
int academic_year(Date d) { return month_of(d) >= 9 ? year_of(d) : year_of(d) - 1; }
// The September a child starts reception: the school year in which they turn 5.
int reception_year(Date dob) { return month_of(dob) >= 9 ? year_of(dob) + 5 : year_of(dob) + 4; }
Date september(int year) { return make_date(year, 9, 1); }

// ---------------------------------------------------------------------------
// Identifiers.

// DfE's UPN check letters: 23 letters, omitting I, O and S.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

std::string zero_pad(std::uint64_t n, std::size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

// A UPN: check letter, LA code, 4-digit establishment number, 2-digit year of
// allocation, 3-digit serial. `k` is a running count; an odd multiplier not
// divisible by 5 permutes 0..1,999,999, so every k gives a different
// establishment and serial pair while the numbers do not look sequential.
// Establishments 8000-9999 are invented, not the child's setting.
std::string make_upn(std::string_view la_code, int allocation_year, std::uint64_t k) {
  const std::uint64_t p = (k * 1'234'567 + 890'123) % 2'000'000;
  std::string digits = std::string(la_code) + zero_pad(8000 + p / 1000, 4) +
                       zero_pad(static_cast<std::uint64_t>(((allocation_year % 100) + 100) % 100), 2) +
                       zero_pad(p % 1000, 3);
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * static_cast<int>(i + 2);
  return std::string(1, kUpnLetters[static_cast<std::size_t>(sum % 23)]) + digits;
}

// The check digit of a 9-digit NHS number body, or nullopt where the
// modulus-11 algorithm gives 10 (no valid number has that body).
std::optional<int> nhs_check_digit(std::string_view body) {
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (body[i] - '0') * static_cast<int>(10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return std::nullopt;
  return check;
}

// ---------------------------------------------------------------------------

struct StaffLists {
  std::vector<const DemoStaff*> caseworkers;
  std::vector<const DemoStaff*> social_workers;
  std::vector<const DemoStaff*> attached;  // school and provider staff
};

StaffLists sort_staff(const DemoOptions& o) {
  StaffLists s;
  for (const auto& m : o.staff) {
    if (m.role == Role::caseworker) s.caseworkers.push_back(&m);
    if (m.role == Role::social_care_practitioner) s.social_workers.push_back(&m);
    if (m.role == Role::provider || m.agency == Agency::school || m.agency == Agency::provider) {
      s.attached.push_back(&m);
    }
  }
  return s;
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : s) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Ethnicity in the proportions of England's school population: DfE, "Schools,
// pupils and their characteristics", 2024/25, all pupils in state-funded
// schools (ethnicity_minor, percent of headcount), rounded to 0.1. The White
// British share is the remainder after the groups listed and the unclassified
// (refused or not obtained), so it is approximate. Drawn from each child's own
// stream, so adding it changes no other field of the demo area.
struct EthnicityShare {
  std::string_view code;
  double percent;
};
constexpr std::array<EthnicityShare, 20> kEthnicity{{
    {"WBRI", 60.1}, {"WOTH", 7.3}, {"WIRI", 0.3}, {"WIRT", 0.1}, {"WROM", 0.4}, {"MWBC", 1.6}, {"MWBA", 1.0},
    {"MWAS", 1.7},  {"MOTH", 2.9}, {"AIND", 4.2}, {"APKN", 4.7}, {"ABAN", 1.8}, {"CHNE", 0.8}, {"AOTH", 2.3},
    {"BCRB", 0.9},  {"BAFR", 5.2}, {"BOTH", 0.8}, {"OOTH", 2.5}, {"REFU", 0.9}, {"NOBT", 0.5},
}};

std::string_view pick_ethnicity(Rng& rng) {
  static const std::vector<double> weights = [] {
    std::vector<double> w;
    for (const auto& e : kEthnicity) w.push_back(e.percent);
    return w;
  }();
  return kEthnicity[rng.weighted(weights)].code;
}

// Invented but well-formed identifiers for the invented settings: URNs from
// 990001 (above every URN DfE has issued to a school) and UKPRNs from
// 19990001 (no provider has one), one per setting in pool order, so a school
// keeps its URN in every demo area. A school's SEN unit or resourced provision
// shares the school's URN, as in Get Information about Schools.
struct SettingIds {
  std::string urn, ukprn;
};
const std::map<std::string, SettingIds>& demo_setting_ids() {
  static const std::map<std::string, SettingIds> ids = [] {
    std::map<std::string, SettingIds> out;
    int urn = 990001, ukprn = 19990001;
    for (auto p : {SettingPool::primary, SettingPool::secondary, SettingPool::special, SettingPool::alternative,
                   SettingPool::early_years, SettingPool::college, SettingPool::specialist_college}) {
      for (std::size_t i = 0; i < pool_size(p); ++i) {
        const std::string name = setting_name(p, i);
        if (out.contains(name)) continue;
        if (p == SettingPool::early_years) continue;  // named by SENSetting EYP
        if (p == SettingPool::college || p == SettingPool::specialist_college) {
          out[name] = {"", std::to_string(ukprn++)};
        } else {
          out[name] = {std::to_string(urn), ""};
          if (p == SettingPool::primary || p == SettingPool::secondary) out.emplace(unit_name(p, i), out[name]);
          ++urn;
        }
      }
    }
    return out;
  }();
  return ids;
}

void set_demo_ids(Placement& p) {
  const auto& ids = demo_setting_ids();
  if (const auto it = ids.find(p.setting_name); it != ids.end()) {
    p.urn = it->second.urn;
    p.ukprn = it->second.ukprn;
  }
}

// What one child is, before the details are filled in.
struct Profile {
  PlanStatus status = PlanStatus::ehc_plan;
  int age = 0;
  std::string sex;
  std::string primary_need;           // empty: none recorded
  std::optional<std::size_t> column;  // setting column; nullopt: none
};

class Builder {
 public:
  Builder(const Calibration& c, const DemoOptions& o, std::size_t plans) : c_(c), o_(o), staff_(sort_staff(o)) {
    // A hand-made calibration may lack a real code; UPNs still need 3 digits.
    const bool digits = c.la_code.size() == 3 &&
                        std::all_of(c.la_code.begin(), c.la_code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    la_digits_ = digits ? c.la_code : std::string("999");
    area_letter_ = 'A';
    for (char ch : c.la_name) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      if (ch >= 'A' && ch <= 'Z') {
        area_letter_ = ch;
        break;
      }
    }
    districts_ = static_cast<int>(std::clamp<std::size_t>(plans / 300 + 4, 4, 30));
    for (const auto& n : c.needs) need_weights_.push_back(n.share);
    // How many of each pool's settings the area uses: roughly one primary
    // school per 40 plans, one special school per 200, and so on.
    auto limit = [&](SettingPool p, std::size_t per) {
      pool_limit_[static_cast<std::size_t>(p)] = std::clamp<std::size_t>(plans / per, 1, pool_size(p));
    };
    limit(SettingPool::primary, 40);
    limit(SettingPool::secondary, 150);
    limit(SettingPool::special, 200);
    limit(SettingPool::alternative, 500);
    limit(SettingPool::college, 600);
    limit(SettingPool::specialist_college, 1500);
    limit(SettingPool::early_years, 100);
  }

  const StaffLists& staff() const { return staff_; }

  DemoChild build(const Profile& p, std::uint64_t stream) {
    Rng rng(mix64(o_.seed, stream));
    DemoChild d;
    Child& ch = d.child;
    ch.area_id = o_.area_id;
    ch.plan_status = p.status;
    ch.sex = p.sex;
    ch.given_name = std::string(given_name(p.sex, rng));
    ch.family_name = family_name(rng);
    ch.date_of_birth = birth_date_for(p.age, o_.today, rng);
    ch.primary_need = p.primary_need;
    ch.postcode = postcode(area_letter_, districts_, rng);
    ch.looked_after = rng.chance(kLookedAfter);

    const int year_group = academic_year(o_.today) - reception_year(ch.date_of_birth);
    ch.nhs_number = next_nhs_number();

    if (p.column && *p.column != kNotRecorded) {
      add_placements(d, all_setting_types()[*p.column], year_group, rng);
      for (auto& pl : d.placements) set_demo_ids(pl);
      ch.setting_name = d.placements.back().setting_name;
      ch.setting_urn = d.placements.back().urn;
      ch.setting_ukprn = d.placements.back().ukprn;
    }
    // A school gives a UPN from the first class it admits a child to, its
    // nursery class included; an early years provider gives none.
    const bool at_school = !d.placements.empty() && d.placements.back().setting_type != SettingType::early_years;
    if (year_group >= 0 || (at_school && year_group >= -2)) {
      ch.upn = make_upn(la_digits_, reception_year(ch.date_of_birth), upn_count_++);
    }
    {
      Rng own(mix64(mix64(o_.seed, stream), 0x657468'6e6963ULL));  // "ethnic"
      ch.ethnicity = std::string(pick_ethnicity(own));
    }
    add_secondary_needs(d, rng);
    add_icb(d, rng);
    add_involvements(d, rng);
    if (ch.plan_status == PlanStatus::ehc_plan) {
      // From the child's own stream, so no other field of the area moves.
      Rng own(mix64(mix64(o_.seed, stream), 0x706c61636573ULL));  // "places"
      add_placement_history(d, p.column == kNotRecorded, own);
    }
    return d;
  }

 private:
  std::string next_nhs_number() {
    // 999 000 0000 to 999 999 9999 is never issued (kept for testing). A
    // permutation of 0..999,999 (multiplier coprime to 10) spreads the
    // numbers; bodies whose check digit would be 10 are skipped.
    for (;;) {
      const std::uint64_t p = (nhs_count_++ * 7'654'321 + 123'457) % 1'000'000;
      const std::string body = "999" + zero_pad(p, 6);
      if (auto check = nhs_check_digit(body)) return body + std::to_string(*check);
    }
  }

  // Index into a pool, favouring the first settings so that some are large
  // and many are small, as in a real area.
  std::size_t pick_setting(SettingPool pool, Rng& rng) {
    const std::size_t n = pool_limit_[static_cast<std::size_t>(pool)];
    std::vector<double> w(n);
    for (std::size_t i = 0; i < n; ++i) w[i] = 1.0 / static_cast<double>(i + 2);
    return rng.weighted(w);
  }

  std::string school_name(int year_group, Rng& rng) {
    const auto pool = year_group <= 6 ? SettingPool::primary : SettingPool::secondary;
    return setting_name(pool, pick_setting(pool, rng));
  }

  // The current placement (and, for children who moved from a mainstream
  // school to a special school, unit or alternative provision, the earlier
  // one), with start dates following the school year.
  void add_placements(DemoChild& d, SettingType type, int year_group, Rng& rng) {
    const Date today = o_.today;
    const Date dob = d.child.date_of_birth;
    const int reception = reception_year(dob);
    const Date phase_start = year_group < 0    ? september(academic_year(today))
                             : year_group <= 6 ? september(reception)
                                               : september(reception + 7);
    Placement current;
    current.setting_type = type;
    std::optional<Placement> earlier;

    auto start_after_mainstream = [&](double p_moved) {
      // Moved from a mainstream school part-way through school.
      if (year_group >= 2 && rng.chance(p_moved)) {
        Placement before;
        before.setting_type = SettingType::mainstream;
        Date moved = random_day(rng, plus_days(september(reception), 365), today);
        // Past Year 6, half moved at the transfer to secondary school (from
        // their primary), half later from the secondary school they joined.
        const bool from_secondary = academic_year(moved) - reception > 6 && rng.chance(0.5);
        if (!from_secondary && academic_year(moved) - reception > 6) moved = september(reception + 7);
        before.setting_name = school_name(from_secondary ? 7 : 0, rng);
        before.start_date = september(from_secondary ? reception + 7 : reception);
        before.end_date = plus_days(moved, -1);
        earlier = before;
        return moved;
      }
      return phase_start;
    };

    switch (type) {
      case SettingType::mainstream:
        current.setting_name = school_name(year_group, rng);
        current.start_date = rng.chance(0.15) ? random_day(rng, phase_start, today) : phase_start;
        break;
      case SettingType::mainstream_unit: {
        const auto pool = year_group <= 6 ? SettingPool::primary : SettingPool::secondary;
        // Only some schools host a unit or resourced provision.
        const std::size_t hosts = std::min<std::size_t>(pool_limit_[static_cast<std::size_t>(pool)], 4);
        current.setting_name = unit_name(pool, static_cast<std::size_t>(rng.below(hosts)));
        current.start_date = start_after_mainstream(0.3);
        break;
      }
      case SettingType::special:
        current.setting_name = setting_name(SettingPool::special, pick_setting(SettingPool::special, rng));
        current.start_date = start_after_mainstream(0.35);
        break;
      case SettingType::ap_pru:
        current.setting_name = setting_name(SettingPool::alternative, pick_setting(SettingPool::alternative, rng));
        current.start_date = start_after_mainstream(0.9);
        break;
      case SettingType::further_education: {
        const auto pool = rng.chance(0.1) ? SettingPool::specialist_college : SettingPool::college;
        current.setting_name = setting_name(pool, pick_setting(pool, rng));
        // Year 12, or this school year for the few 16-year-olds still of Year 11 age.
        const Date year_12 = std::min(september(reception + 12), september(academic_year(today)));
        current.start_date = rng.chance(0.2) ? random_day(rng, year_12, today) : year_12;
        break;
      }
      case SettingType::early_years:
        current.setting_name = setting_name(SettingPool::early_years, pick_setting(SettingPool::early_years, rng));
        current.start_date = random_day(rng, plus_days(dob, 180), today);
        break;
      case SettingType::educated_elsewhere:
        current.setting_name = std::string(educated_elsewhere_name(rng));
        current.start_date = random_day(rng, std::max(years_after(dob, 5), years_before(today, 3)), today);
        break;
      case SettingType::neet:
        current.setting_name = std::string(neet_name(rng));
        current.start_date = random_day(rng, std::max(years_after(dob, 16), years_before(today, 2)), today);
        break;
      case SettingType::other:
        current.setting_name = std::string(other_setting_name(rng));
        current.start_date = random_day(rng, std::max(plus_days(dob, 30), years_before(today, 1)), today);
        break;
    }
    current.start_date = clamp_date(current.start_date, dob, today);
    if (earlier) {
      earlier->start_date = clamp_date(earlier->start_date, dob, today);
      earlier->end_date = clamp_date(*earlier->end_date, earlier->start_date, today);
      if (current.start_date <= *earlier->end_date) current.start_date = plus_days(*earlier->end_date, 1);
      if (current.start_date > today) {
        earlier.reset();
        current.start_date = clamp_date(phase_start, dob, today);
      } else {
        d.placements.push_back(*earlier);
      }
    }
    d.placements.push_back(current);
  }

  // Where the child was from the start of their plan: a council knows the
  // setting of every child it maintains a plan for, so the settings before the
  // current one are recorded back to the plan's start, phase by phase (early
  // years, primary school, secondary school), each ending the day before the
  // next began. A child whose current placement DfE's figures leave
  // unrecorded left their last setting in the past four months and waits for
  // a new one, as councils' "awaiting placement" children do.
  void add_placement_history(DemoChild& d, bool awaiting_placement, Rng& rng) {
    const Date dob = d.child.date_of_birth;
    const Date today = o_.today;
    std::optional<Date> plan_start;
    for (const auto& inv : d.involvements)
      if (inv.role_on_case == "EHC plan maintained by the SEND service" && inv.user_id.empty())
        plan_start = inv.started_on;
    if (!plan_start) return;
    const int reception = reception_year(dob);
    std::vector<Placement> before;
    Date cursor = d.placements.empty() ? today : d.placements.front().start_date;
    std::optional<Date> left_on;
    if (awaiting_placement) {
      left_on = clamp_date(plus_days(today, -rng.between(14, 120)), plus_days(*plan_start, 1), today);
      cursor = plus_days(*left_on, 1);
    }
    while (cursor > *plan_start && cursor > plus_days(dob, 181)) {
      const Date last_day = plus_days(cursor, -1);
      // The phase (early years, primary, secondary, college) a year group is in
      // and the day that phase began for this child.
      const auto phase_start = [&](int year_group) {
        if (year_group < 0) return std::max(plus_days(dob, 180), std::min(*plan_start, years_after(dob, 2)));
        if (year_group <= 6) return september(reception);
        if (year_group <= 13) return september(reception + 7);
        return september(reception + 12);
      };
      int year_group = academic_year(last_day) - reception;
      // A setting joined a day or two into a new phase (2 September, say) follows
      // the previous phase's setting, not a one-day stay in the new one.
      if (phase_start(year_group) >= last_day)
        year_group = academic_year(plus_days(phase_start(year_group), -1)) - reception;
      Placement pl;
      Date from = phase_start(year_group);
      if (year_group < 0) {
        pl.setting_type = SettingType::early_years;
        pl.setting_name = setting_name(SettingPool::early_years, pick_setting(SettingPool::early_years, rng));
      } else if (year_group <= 6) {
        pl.setting_type = SettingType::mainstream;
        pl.setting_name = school_name(0, rng);
      } else if (year_group <= 13) {
        pl.setting_type = SettingType::mainstream;
        pl.setting_name = school_name(7, rng);
      } else {
        pl.setting_type = SettingType::further_education;
        pl.setting_name = setting_name(SettingPool::college, pick_setting(SettingPool::college, rng));
      }
      from = clamp_date(from, plus_days(dob, 180), last_day);
      pl.start_date = from;
      pl.end_date = last_day;
      set_demo_ids(pl);
      before.push_back(pl);
      if (from >= cursor || from == last_day) break;
      cursor = from;
    }
    std::reverse(before.begin(), before.end());
    d.placements.insert(d.placements.begin(), before.begin(), before.end());
  }

  void add_secondary_needs(DemoChild& d, Rng& rng) {
    if (d.child.primary_need.empty() || need_weights_.empty()) return;
    double p_second = 0;
    if (d.child.plan_status == PlanStatus::ehc_plan) p_second = 0.4;
    if (d.child.plan_status == PlanStatus::sen_support) p_second = 0.2;
    if (!rng.chance(p_second)) return;
    const int ranks = rng.chance(0.25) ? 3 : 2;
    std::vector<double> w = need_weights_;
    for (std::size_t i = 0; i < c_.needs.size(); ++i) {
      if (c_.needs[i].code == d.child.primary_need) w[i] = 0;
    }
    for (int rank = 2; rank <= ranks; ++rank) {
      if (std::none_of(w.begin(), w.end(), [](double v) { return v > 0; })) break;
      const std::size_t i = rng.weighted(w);
      d.needs.push_back({rank, c_.needs[i].code});
      w[i] = 0;
    }
  }

  void add_icb(DemoChild& d, Rng& rng) {
    if (o_.icb_names.empty()) return;
    Child& ch = d.child;
    std::vector<double> w(o_.icb_names.size(),
                          o_.icb_names.size() > 1 ? 0.1 / static_cast<double>(o_.icb_names.size() - 1) : 0);
    w[0] = 0.9;
    ch.responsible_icb = o_.icb_names[rng.weighted(w)];
    // Responsibility follows GP registration (a few weeks after birth) but
    // starts no earlier than the ICBs themselves; some families moved since.
    Date since = std::max(plus_days(ch.date_of_birth, rng.between(14, 60)), kIcbsEstablished);
    if (ch.looked_after || rng.chance(0.15)) since = random_day(rng, since, o_.today);
    ch.icb_since = std::min(since, o_.today);
  }

  void involve(DemoChild& d, Agency agency, const DemoStaff* who, std::string role, Date started) {
    CaseInvolvement inv;
    inv.agency = agency;
    if (who) {
      inv.user_id = who->user_id;
      inv.professional_name = who->display_name;
    }
    inv.role_on_case = std::move(role);
    inv.started_on = clamp_date(started, d.child.date_of_birth, o_.today);
    d.involvements.push_back(std::move(inv));
  }

  const DemoStaff* one_of(const std::vector<const DemoStaff*>& staff, Rng& rng) {
    if (staff.empty()) return nullptr;
    return staff[static_cast<std::size_t>(rng.below(staff.size()))];
  }

  // Which agencies know the child. Health is more often involved where the
  // need is sensory, physical or profound; social care where learning
  // difficulties are severe, or the child is looked after or disabled.
  void add_involvements(DemoChild& d, Rng& rng) {
    const Child& ch = d.child;
    const Date today = o_.today;
    const Date dob = ch.date_of_birth;
    const std::string_view need = ch.primary_need;
    const bool health_heavy =
        need == "PMLD" || need == "SLD" || need == "PD" || need == "HI" || need == "VI" || need == "MSI";
    const bool health_often = need == "ASD" || need == "SLCN";
    const bool care_heavy = need == "PMLD" || need == "SLD";

    bool icb = false;
    bool social_care = ch.looked_after;
    switch (ch.plan_status) {
      case PlanStatus::ehc_plan: {
        const Date plan_start =
            random_day(rng, std::max(plus_days(dob, 180), years_before(today, 10)), plus_days(today, -7));
        involve(d, Agency::council_education, nullptr, "EHC plan maintained by the SEND service", plan_start);
        if (auto* cw = one_of(staff_.caseworkers, rng)) {
          involve(d, Agency::council_education, cw, "EHC coordinator", plan_start);
        }
        icb = rng.chance(health_heavy ? 0.95 : health_often ? 0.6 : 0.35);
        social_care = social_care || rng.chance(care_heavy ? 0.5 : 0.12);
        break;
      }
      case PlanStatus::assessment: {
        // Received within the last 26 weeks: most inside the 20-week clock, some late.
        const Date requested = random_day(rng, plus_days(today, -182), today);
        involve(d, Agency::council_education, nullptr, "EHC needs assessment", requested);
        if (auto* cw = one_of(staff_.caseworkers, rng)) {
          involve(d, Agency::council_education, cw, "EHC coordinator", requested);
        }
        icb = rng.chance(0.5);
        break;
      }
      case PlanStatus::sen_support:
        involve(d, Agency::council_education, nullptr, "SEN support, known to the SEND service",
                random_day(rng, std::max(years_after(dob, 4), years_before(today, 4)), today));
        break;
      case PlanStatus::disabled_register: social_care = true; break;
      case PlanStatus::health_only: icb = true; break;
    }
    if (icb) {
      const auto role = ch.plan_status == PlanStatus::assessment    ? "Health advice for the assessment"
                        : ch.plan_status == PlanStatus::health_only ? "Community health services"
                                                                    : "Health provision in the EHC plan";
      involve(d, Agency::icb, nullptr, role, random_day(rng, std::max(dob, years_before(today, 5)), today));
    }
    if (social_care) {
      const auto role = ch.looked_after                                   ? "Child looked after"
                        : ch.plan_status == PlanStatus::disabled_register ? "Disabled children's team"
                                                                          : "Social care assessment and support";
      const Date started = random_day(rng, std::max(plus_days(dob, 30), years_before(today, 6)), today);
      involve(d, Agency::council_social_care, nullptr, role, started);
      if (ch.looked_after || ch.plan_status == PlanStatus::disabled_register) {
        if (auto* sw = one_of(staff_.social_workers, rng)) {
          involve(d, Agency::council_social_care, sw, "Social worker", started);
        }
      }
    }
  }

  const Calibration& c_;
  const DemoOptions& o_;
  StaffLists staff_;
  std::string la_digits_;
  char area_letter_;
  int districts_;
  std::vector<double> need_weights_;
  std::array<std::size_t, 7> pool_limit_{};
  std::uint64_t upn_count_ = 0;
  std::uint64_t nhs_count_ = 0;
};

// A single year of age for a plan in age band `band` and setting column `k`,
// weighted by England's plans at each age in that setting.
int pick_age(const Calibration& c, AgeBand band, std::size_t k, Rng& rng) {
  std::vector<double> w;
  for (int age = min_age(band); age <= max_age(band); ++age) w.push_back(age_weight(c, k, age));
  if (std::none_of(w.begin(), w.end(), [](double v) { return v > 0; })) std::fill(w.begin(), w.end(), 1.0);
  return min_age(band) + static_cast<int>(rng.weighted(w));
}

// The setting column a child outside the plan counts sits in, by age: SEN
// support is given in schools, young people over 16 mostly in colleges.
std::optional<std::size_t> setting_by_age(PlanStatus status, int age, Rng& rng) {
  const auto col = [](SettingType t) -> std::optional<std::size_t> { return setting_index(t); };
  if (age < 2) return std::nullopt;
  if (age < 4) return rng.chance(0.8) ? col(SettingType::early_years) : std::nullopt;
  if (age == 4) return rng.chance(0.7) ? col(SettingType::mainstream) : col(SettingType::early_years);
  if (age <= 15) {
    if (status == PlanStatus::assessment && rng.chance(0.05)) return col(SettingType::ap_pru);
    return col(SettingType::mainstream);
  }
  if (age <= 18) return rng.chance(0.7) ? col(SettingType::further_education) : col(SettingType::mainstream);
  return rng.chance(0.8) ? col(SettingType::further_education) : std::nullopt;
}

std::string pick_need(const Calibration& c, Rng& rng) {
  std::vector<double> w;
  for (const auto& n : c.needs) w.push_back(n.share);
  if (std::none_of(w.begin(), w.end(), [](double v) { return v > 0; })) return "";
  return c.needs[rng.weighted(w)].code;
}

std::string pick_sex(std::array<double, 3> fmu, Rng& rng) {
  static constexpr std::array<std::string_view, 3> codes{"F", "M", "U"};
  if (!(fmu[0] + fmu[1] + fmu[2] > 0)) fmu = {0.5, 0.5, 0};
  return std::string(codes[rng.weighted(fmu)]);
}

std::size_t scaled(double per_plan_count, double scale) {
  const double v = per_plan_count * scale;
  return v > 0 ? static_cast<std::size_t>(std::llround(v)) : 0;
}

// Attach each school or provider member of staff to some children: a school's
// staff to the children at one of the area's larger schools, a provider's to
// a caseload drawn from the children the SEND service works with. Keyed on the
// user id, so a person's children do not change when others join the list.
void attach_staff(std::vector<DemoChild>& children, const StaffLists& staff, const DemoOptions& o) {
  if (staff.attached.empty() || children.size() < 2) return;
  std::vector<std::size_t> pool;
  std::map<std::string, std::vector<std::size_t>> by_school;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const auto& ch = children[i];
    const auto s = ch.child.plan_status;
    if (s == PlanStatus::ehc_plan || s == PlanStatus::assessment || s == PlanStatus::sen_support) pool.push_back(i);
    if (!ch.placements.empty() && !ch.placements.back().end_date) {
      const auto t = ch.placements.back().setting_type;
      if (t == SettingType::mainstream || t == SettingType::mainstream_unit || t == SettingType::special ||
          t == SettingType::ap_pru) {
        by_school[ch.placements.back().setting_name].push_back(i);
      }
    }
  }
  std::vector<const std::vector<std::size_t>*> schools;
  for (const auto& [name, pupils] : by_school) schools.push_back(&pupils);
  std::stable_sort(schools.begin(), schools.end(), [](auto* a, auto* b) { return a->size() > b->size(); });

  const std::size_t cap = std::min<std::size_t>(60, children.size() - 1);
  for (const auto* person : staff.attached) {
    const std::uint64_t key = mix64(o.seed, fnv1a(person->user_id));
    std::vector<std::size_t> chosen;
    std::string role;
    if (person->agency == Agency::school && !schools.empty()) {
      const auto& pupils = *schools[static_cast<std::size_t>(key % std::min<std::size_t>(schools.size(), 8))];
      chosen.assign(pupils.begin(), pupils.begin() + static_cast<std::ptrdiff_t>(std::min(pupils.size(), cap)));
      role = "School contact";
    } else {
      if (pool.empty()) continue;
      Rng rng(key);
      std::vector<std::size_t> candidates = pool;
      const std::size_t want = std::min({std::clamp<std::size_t>(pool.size() / 25, 3, 40), candidates.size(), cap});
      for (std::size_t i = 0; i < want; ++i) {
        const auto j = i + static_cast<std::size_t>(rng.below(candidates.size() - i));
        std::swap(candidates[i], candidates[j]);
      }
      candidates.resize(want);
      std::sort(candidates.begin(), candidates.end());
      chosen = std::move(candidates);
      role = "Provider key worker";
    }
    for (std::size_t i : chosen) {
      auto& d = children[i];
      CaseInvolvement inv;
      inv.agency = person->agency;
      inv.user_id = person->user_id;
      inv.professional_name = person->display_name;
      inv.role_on_case = role;
      const Date since =
          d.placements.empty() || d.placements.back().end_date ? d.child.date_of_birth : d.placements.back().start_date;
      inv.started_on = clamp_date(std::max(since, years_before(o.today, 1)), d.child.date_of_birth, o.today);
      d.involvements.push_back(std::move(inv));
    }
  }
}

// The SEN2 problems a council's own data has, left in the demo on purpose
// and listed, so the validation report shows a handful to fix, not none:
// - ethnicity not yet obtained (NOBT, in England's proportion): a query;
// - children under school age at an early years provider have no UPN: each
//   has DfE's UPN-unknown reason (UN1) recorded, except the first with a plan,
//   whose reason nobody has recorded yet: an error;
// - a placement DfE can only call "other" (SENSetting OTH): a query;
// - one child in 150 with a plan at a special school (the 75th, the 225th,
//   ...), whose school's URN nobody has recorded yet: an error until someone
//   does.
constexpr std::size_t kUrnNotRecordedEvery = 150;

struct Sen2Planting {
  std::size_t at_special_school = 0;
  bool upn_reason_left_out = false;
};

void plant_sen2_problems(DemoChild& d, Sen2Planting& so_far, std::vector<PlantedSen2Problem>& out) {
  auto& ch = d.child;
  if (ch.ethnicity == "NOBT") out.push_back({ch.id, "SEN2-Q06", "Ethnicity not yet obtained from the family"});
  if (ch.upn.empty()) {
    if (!so_far.upn_reason_left_out && ch.plan_status == PlanStatus::ehc_plan) {
      so_far.upn_reason_left_out = true;
      out.push_back({ch.id, "SEN2-E03", "No UPN (not at school yet) and no UPN-unknown reason recorded"});
    } else {
      ch.upn_unknown = "UN1";
    }
  }
  if (std::any_of(d.placements.begin(), d.placements.end(),
                  [](const Placement& p) { return p.setting_type == SettingType::other; }))
    out.push_back({ch.id, "SEN2-Q04", "A placement DfE can only code as OTH"});
  if (ch.plan_status == PlanStatus::ehc_plan && !d.placements.empty() && !d.placements.back().end_date &&
      d.placements.back().setting_type == SettingType::special &&
      so_far.at_special_school++ % kUrnNotRecordedEvery == kUrnNotRecordedEvery / 2) {
    d.placements.back().urn.clear();
    ch.setting_urn.clear();
    out.push_back({ch.id, "SEN2-E11", "The special school's URN is not recorded on the child's placement"});
  }
}

}  // namespace

DemoCounts demo_counts(const Calibration& c, std::size_t plans) {
  DemoCounts n;
  n.ehc_plan = plans;
  const double real = c.total_plans > 0 ? static_cast<double>(c.total_plans) : static_cast<double>(plans);
  const double scale = real > 0 ? static_cast<double>(plans) / real : 0;
  // Requests where the area's figure is suppressed: England's requests per plan.
  double requests = 0;
  if (c.requests) {
    requests = *c.requests;
  } else if (c.england.requests && c.england.total_plans > 0) {
    requests = *c.england.requests / c.england.total_plans * real;
  }
  n.assessment = scaled(requests * kAssessmentsPerRequest, scale);
  n.sen_support = scaled(static_cast<double>(plans), kSenSupportPerPlan);
  n.disabled_register = scaled(static_cast<double>(plans), kDisabledPerPlan);
  n.health_only = scaled(static_cast<double>(plans), kHealthOnlyPerPlan);
  return n;
}

DemoArea generate_demo_area(const Calibration& c, const DemoOptions& o) {
  const std::size_t plans = o.plans > 0 ? o.plans : static_cast<std::size_t>(std::max(c.total_plans, 0));
  const DemoCounts counts = demo_counts(c, plans);
  Rng master(mix64(o.seed, 0x5eed));

  std::vector<Profile> profiles;
  profiles.reserve(counts.total());

  // Plans: exact quotas by (age band, setting), need and sex, paired at random,
  // so the area's shares hold to within rounding at any size.
  {
    const Joint joint = fit_age_setting(c);
    std::vector<double> cells;
    for (const auto& row : joint) cells.insert(cells.end(), row.begin(), row.end());
    std::vector<std::size_t> slots;
    const auto cell_counts = apportion(plans, cells);
    for (std::size_t i = 0; i < cell_counts.size(); ++i) slots.insert(slots.end(), cell_counts[i], i);

    std::vector<double> need_w;
    for (const auto& n : c.needs) need_w.push_back(n.share);
    std::vector<std::size_t> needs;
    const auto need_counts = apportion(plans, need_w);
    for (std::size_t i = 0; i < need_counts.size(); ++i) needs.insert(needs.end(), need_counts[i], i);

    const std::array<double, 3> sex_w{c.female_share, c.male_share, c.unknown_sex_share};
    static constexpr std::array<std::string_view, 3> sex_codes{"F", "M", "U"};
    std::vector<std::size_t> sexes;
    const auto sex_counts = apportion(plans, sex_w);
    for (std::size_t i = 0; i < sex_counts.size(); ++i) sexes.insert(sexes.end(), sex_counts[i], i);

    master.shuffle(slots);
    master.shuffle(needs);
    master.shuffle(sexes);
    for (std::size_t i = 0; i < plans; ++i) {
      Rng rng(mix64(o.seed, 0xa9e0000000000000ULL + i));
      Profile p;
      p.status = PlanStatus::ehc_plan;
      if (i < slots.size()) {
        const auto band = all_age_bands()[slots[i] / kColumns];
        const std::size_t column = slots[i] % kColumns;
        p.age = pick_age(c, band, column, rng);
        p.column = column;
      } else {
        // Only when the calibration has no age or placement shares at all.
        p.age = rng.between(5, 15);
        p.column = setting_index(SettingType::mainstream);
      }
      p.primary_need = i < needs.size() ? c.needs[needs[i]].code : pick_need(c, rng);
      p.sex = i < sexes.size() ? std::string(sex_codes[sexes[i]]) : pick_sex(sex_w, rng);
      profiles.push_back(std::move(p));
    }
  }

  // The other groups, drawn child by child.
  const std::array<double, 3> plan_sex{c.female_share, c.male_share, c.unknown_sex_share};
  const std::array<double, 3> other_sex{1 - kMaleOutsidePlans, kMaleOutsidePlans, 0};
  std::vector<double> request_ages(c.england_request_ages.begin(), c.england_request_ages.end());
  if (std::none_of(request_ages.begin(), request_ages.end(), [](double v) { return v > 0; })) {
    for (int a = 2; a <= 17; ++a) request_ages[static_cast<std::size_t>(a)] = 1;
  }
  auto add_group = [&](PlanStatus status, std::size_t n, std::uint64_t tag) {
    for (std::size_t i = 0; i < n; ++i) {
      Rng rng(mix64(o.seed, tag + i));
      Profile p;
      p.status = status;
      switch (status) {
        case PlanStatus::assessment:
          p.age = static_cast<int>(rng.weighted(request_ages));
          p.sex = pick_sex(plan_sex, rng);
          p.primary_need = pick_need(c, rng);
          break;
        case PlanStatus::sen_support:
          p.age = rng.between(4, 15);
          p.sex = pick_sex(other_sex, rng);
          p.primary_need = pick_need(c, rng);
          break;
        case PlanStatus::disabled_register:
          p.age = rng.between(0, 17);
          p.sex = pick_sex(other_sex, rng);
          break;
        case PlanStatus::health_only:
          p.age = rng.between(0, 18);
          p.sex = pick_sex(other_sex, rng);
          break;
        case PlanStatus::ehc_plan: break;
      }
      p.column = setting_by_age(status, p.age, rng);
      if (status == PlanStatus::sen_support) p.column = setting_index(SettingType::mainstream);
      profiles.push_back(std::move(p));
    }
  };
  add_group(PlanStatus::assessment, counts.assessment, 0xa55e000000000000ULL);
  add_group(PlanStatus::sen_support, counts.sen_support, 0x5e50000000000000ULL);
  add_group(PlanStatus::disabled_register, counts.disabled_register, 0xd150000000000000ULL);
  add_group(PlanStatus::health_only, counts.health_only, 0x4ea1000000000000ULL);

  // A register lists children in no particular order of status.
  master.shuffle(profiles);

  Builder builder(c, o, plans);
  DemoArea area;
  area.children.reserve(profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    area.children.push_back(builder.build(profiles[i], 0xc41d000000000000ULL + i));
  }
  attach_staff(area.children, builder.staff(), o);

  std::uint64_t placement_id = 0;
  std::uint64_t involvement_id = 0;
  Sen2Planting planting;
  for (std::size_t i = 0; i < area.children.size(); ++i) {
    auto& d = area.children[i];
    d.child.id = o.id_prefix + "c-" + zero_pad(i + 1, 6);
    for (auto& p : d.placements) p.id = o.id_prefix + "p-" + zero_pad(++placement_id, 6);
    for (auto& inv : d.involvements) inv.id = o.id_prefix + "i-" + zero_pad(++involvement_id, 6);
    plant_sen2_problems(d, planting, area.sen2_planted);
  }
  return area;
}

}  // namespace tandem::demo
