#include "demo/contracts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "demo/random.h"

namespace tandem::demo {

namespace {

using S = ProcurementStage;
using T = ContractType;
using A = Agency;

constexpr std::array<std::string_view, 9> kProviders{
    "Tandem Vale Community Health NHS Trust",     // 0: therapies, nursing
    "Riverside Mental Health Partnership",        // 1: CAMHS
    "Northgate Neurodevelopmental Assessments",   // 2: autism assessment, spot purchase
    "Bright Horizons Short Breaks CIC",           // 3: short breaks framework
    "Vale Parent Carer Forum",                    // 4: grant
    "Pathways Tuition and Alternative Learning",  // 5: tuition, alternative education
    "Compass Supported Internships",              // 6: preparing for adulthood
    "Hearing and Vision Support Service Ltd",     // 7: sensory
    "Oakfield Family Support Trust",              // 8: early help, old respite
};

struct KpiTemplate {
  std::string_view name;
  std::string_view unit;
  Direction direction;
  std::int64_t target;  // hundredths
  std::int64_t amber;
};

constexpr KpiTemplate kSeenInTime{"Children seen within 18 weeks of referral", "%", Direction::higher_is_better, 9'200,
                                  8'500};
constexpr KpiTemplate kTherapyWait{"Wait from referral to first therapy appointment", "weeks",
                                   Direction::lower_is_better, 1'800, 2'600};
constexpr KpiTemplate kAutismWait{"Wait from referral to autism assessment", "weeks", Direction::lower_is_better, 2'600,
                                  4'000};
constexpr KpiTemplate kCamhsWait{"Wait for a first CAMHS appointment", "weeks", Direction::lower_is_better, 400, 800};
constexpr KpiTemplate kPlansOnTime{"EHC advice returned within 6 weeks", "%", Direction::higher_is_better, 9'000,
                                   7'500};
constexpr KpiTemplate kSatisfaction{"Families rating the service good or better", "%", Direction::higher_is_better,
                                    8'500, 7'000};
constexpr KpiTemplate kBreaksDelivered{"Commissioned short-break hours delivered", "%", Direction::higher_is_better,
                                       9'500, 8'500};
constexpr KpiTemplate kAttendance{"Attendance of the young people placed", "%", Direction::higher_is_better, 9'000,
                                  8'000};

struct ContractTemplate {
  int provider;
  std::string_view title;
  std::string_view reference;
  T type;
  S stage;
  std::array<FundingShare, 2> shares;  // a zero second share is none
  std::int64_t value_pounds;
  int started_years_ago;  // financial years before this one (negative: starts later)
  int years;
  int ends_in_days;  // 0: the end of its last financial year; otherwise today + this
  std::array<std::string_view, 2> names;
  std::string_view keyword;  // Local Offer services whose names hold it
  std::array<const KpiTemplate*, 3> kpis;
  int struggling;  // 0 good, 1 mixed, 2 poor: how the returns read
  bool skip_latest_return;
};

constexpr std::array<ContractTemplate, 14> kContracts{{
    {0,
     "Community speech and language therapy",
     "ICB-SLT-01",
     T::block,
     S::live,
     {{{A::icb, 7'000}, {A::council_education, 3'000}}},
     3'600'000,
     2,
     5,
     0,
     {"Community speech and language therapy service", ""},
     "speech",
     {&kSeenInTime, &kTherapyWait, &kPlansOnTime},
     1,
     false},
    {0,
     "Children's occupational therapy and physiotherapy",
     "ICB-OTP-02",
     T::block,
     S::review,
     {{{A::icb, 8'000}, {A::council_education, 2'000}}},
     2'400'000,
     3,
     4,
     0,
     {"Children's occupational therapy service", "Children's physiotherapy service"},
     "therapy",
     {&kSeenInTime, &kTherapyWait, nullptr},
     0,
     false},
    {1,
     "Child and adolescent mental health service",
     "ICB-CAMHS-03",
     T::block,
     S::live,
     {{{A::icb, 10'000}, {}}},
     5'200'000,
     3,
     4,
     120,
     {"Child and adolescent mental health service", ""},
     "mental health",
     {&kCamhsWait, &kSatisfaction, nullptr},
     1,
     false},
    {2,
     "Autism assessment pathway",
     "ICB-ASD-04",
     T::spot_purchase,
     S::live,
     {{{A::icb, 10'000}, {}}},
     900'000,
     1,
     3,
     0,
     {"", ""},
     "autism",
     {&kAutismWait, &kSatisfaction, nullptr},
     2,
     true},
    {3,
     "Short breaks framework call-off",
     "LA-SB-05",
     T::framework_call_off,
     S::live,
     {{{A::council_social_care, 10'000}, {}}},
     1'100'000,
     1,
     3,
     0,
     {"Short breaks service", ""},
     "short break",
     {&kBreaksDelivered, &kSatisfaction, nullptr},
     0,
     false},
    {0,
     "Integrated children's community nursing",
     "S75-CCN-06",
     T::section_75,
     S::extend,
     {{{A::icb, 6'000}, {A::council_social_care, 4'000}}},
     4'000'000,
     4,
     5,
     0,
     {"Children's community nursing team", "Children's continuing care team"},
     "nursing",
     {&kSeenInTime, &kSatisfaction, nullptr},
     0,
     false},
    {4,
     "Parent carer forum participation grant",
     "LA-GR-07",
     T::grant,
     S::live,
     {{{A::council_education, 5'000}, {A::icb, 5'000}}},
     60'000,
     1,
     3,
     0,
     {"", ""},
     "parent",
     {&kSatisfaction, nullptr, nullptr},
     0,
     false},
    {0,
     "Children's continence service",
     "ICB-CON-08",
     T::block,
     S::live,
     {{{A::icb, 10'000}, {}}},
     450'000,
     3,
     3,
     -20,
     {"Children's continence service", ""},
     "continence",
     {&kTherapyWait, nullptr, nullptr},
     1,
     false},
    {5,
     "Specialist tuition service",
     "LA-TUI-09",
     T::block,
     S::tender,
     {{{A::council_education, 10'000}, {}}},
     1'500'000,
     -1,
     4,
     0,
     {"Specialist tuition service", ""},
     "tuition",
     {nullptr, nullptr, nullptr},
     0,
     false},
    {7,
     "Sensory support service",
     "LA-SEN-10",
     T::block,
     S::need,
     {{{A::council_education, 9'000}, {A::icb, 1'000}}},
     800'000,
     -1,
     3,
     0,
     {"Sensory support service", ""},
     "sensory",
     {nullptr, nullptr, nullptr},
     0,
     false},
    {5,
     "Alternative education framework",
     "LA-AP-11",
     T::framework_call_off,
     S::options,
     {{{A::council_education, 10'000}, {}}},
     2'000'000,
     -1,
     4,
     0,
     {"", ""},
     "alternative",
     {nullptr, nullptr, nullptr},
     0,
     false},
    {6,
     "Supported internships for young people with EHC plans",
     "LA-PFA-12",
     T::grant,
     S::award,
     {{{A::council_education, 10'000}, {}}},
     300'000,
     -1,
     2,
     0,
     {"Preparing for adulthood team", ""},
     "adulthood",
     {nullptr, nullptr, nullptr},
     0,
     false},
    {8,
     "Early help family support",
     "LA-EH-13",
     T::block,
     S::mobilise,
     {{{A::council_social_care, 10'000}, {}}},
     1'200'000,
     0,
     3,
     0,
     {"Early help family support team", ""},
     "family",
     {&kSatisfaction, &kAttendance, nullptr},
     0,
     false},
    {8,
     "Overnight respite (old contract)",
     "LA-RES-14",
     T::block,
     S::end,
     {{{A::council_social_care, 10'000}, {}}},
     700'000,
     4,
     3,
     0,
     {"", ""},
     "respite",
     {&kBreaksDelivered, nullptr, nullptr},
     1,
     false},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::int64_t actual_for(const Kpi& k, Rag want, Rng& rng, std::int64_t cap) {
  const bool hi = k.direction == Direction::higher_is_better;
  std::int64_t v = k.target;
  const auto span = [&](std::int64_t n) {
    return n <= 0 ? 0 : static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(n)));
  };
  switch (want) {
    case Rag::green:
      v = hi ? k.target + span(std::max<std::int64_t>(cap - k.target, 1)) : k.target - span(k.target / 3);
      break;
    case Rag::amber:
      v = k.target == k.amber ? k.target
                              : (hi ? k.amber + span(k.target - k.amber) : k.target + 1 + span(k.amber - k.target));
      break;
    case Rag::red: v = hi ? k.amber - 1 - span(k.amber / 5) : k.amber + 1 + span(k.amber / 2); break;
    case Rag::not_reported: break;
  }
  // Whole units (and half weeks) read more like real returns.
  v = hi ? v - v % 10 : v - v % 50;
  if (want == Rag::green && !hi) v = std::min(v, k.target);
  if (want == Rag::green && hi) v = std::max(v, k.target);
  if (want == Rag::red && hi) v = std::min(v, k.amber - 10);
  if (want == Rag::red && !hi) v = std::max(v, k.amber + 50);
  if (want == Rag::amber && hi) v = std::clamp(v, k.amber, std::max(k.amber, k.target - 10));
  if (want == Rag::amber && !hi) v = std::clamp(v, std::min(k.amber, k.target + 50), k.amber);
  return std::max<std::int64_t>(v, 0);
}

}  // namespace

DemoContracts generate_contracts(const ContractOptions& o) {
  DemoContracts out;
  Rng rng(mix64(o.seed, 0xC0'47'2A'C7));
  for (std::size_t i = 0; i < kProviders.size(); ++i) {
    out.providers.push_back({o.id_prefix + "pv-" + std::to_string(i + 1), o.area_id, std::string(kProviders[i]), ""});
  }
  out.provider_for_demo_user = out.providers.front().id;
  const Quarter this_year = quarter_of(o.today);  // its year: the financial year's first
  int short_breaks_ends = this_year.year + 1;
  if (make_date(short_breaks_ends, 3, 31) - o.today < std::chrono::days{60}) ++short_breaks_ends;
  const auto provider_id = [&](int i) { return out.providers[static_cast<std::size_t>(i)].id; };
  out.frameworks = {
      // Let for four years to the first 31 March at least two months off (the
      // coming one, most of the year): its re-procurement is due.
      Framework{o.id_prefix + "fw-1",
                o.area_id,
                "Short breaks framework",
                "LA-SBF-" + std::to_string(short_breaks_ends - 4),
                {"Universal", "Targeted", "Specialist"},
                {{provider_id(3), 1}, {provider_id(3), 2}, {provider_id(8), 1}},
                make_date(short_breaks_ends - 4, 4, 1),
                make_date(short_breaks_ends, 3, 31)},
      Framework{o.id_prefix + "fw-2",
                o.area_id,
                "Alternative education framework",
                "LA-APF-" + std::to_string(this_year.year - 1),
                {"Targeted", "Specialist", "Highly specialist"},
                {{provider_id(5), 1}, {provider_id(5), 2}},
                make_date(this_year.year - 1, 9, 1),
                make_date(this_year.year + 2, 8, 31)},
  };
  // Each call-off: the framework it is picked from and the tier.
  const std::map<std::string_view, std::pair<std::size_t, int>> called_off{{"LA-SB-05", {0, 1}}, {"LA-AP-11", {1, 1}}};
  const Quarter now = quarter_of(o.today);
  const Quarter last = previous_quarter(now);
  for (std::size_t i = 0; i < kContracts.size(); ++i) {
    const auto& t = kContracts[i];
    ContractInput in;
    in.id = o.id_prefix + "ct-" + std::to_string(i + 1);
    in.area_id = o.area_id;
    in.provider_id = out.providers[static_cast<std::size_t>(t.provider)].id;
    in.reference = std::string(t.reference);
    in.title = std::string(t.title);
    in.type = t.type;
    in.stage = t.stage;
    for (const auto& s : t.shares) {
      if (s.basis_points > 0) in.commissioners.push_back(s);
    }
    in.value = Pence::from_pounds(t.value_pounds);
    in.start_on = make_date(now.year - t.started_years_ago, 4, 1);
    in.end_on = t.ends_in_days != 0 ? o.today + std::chrono::days{t.ends_in_days}
                                    : make_date(now.year - t.started_years_ago + t.years, 3, 31);
    if (*in.end_on <= *in.start_on) in.end_on = *in.start_on + std::chrono::days{365};
    for (const auto& n : t.names) {
      if (!n.empty()) in.provision_names.emplace_back(n);
    }
    for (const auto& [sid, name] : o.services) {
      if (in.service_ids.size() < 3 && lower(name).find(t.keyword) != std::string::npos) in.service_ids.push_back(sid);
    }
    if (auto it = called_off.find(t.reference); it != called_off.end()) {
      in.framework_id = out.frameworks[it->second.first].id;
      in.tier = it->second.second;
    }
    auto c = make_contract(in);
    if (!c) continue;
    out.contracts.push_back(*c);

    std::vector<Kpi> kpis;
    for (const auto* k : t.kpis) {
      if (!k) continue;
      KpiInput ki{in.id + "-k" + std::to_string(kpis.size() + 1),
                  in.id,
                  std::string(k->name),
                  std::string(k->unit),
                  k->direction,
                  k->target,
                  k->amber};
      if (auto made = make_kpi(ki)) kpis.push_back(*made);
    }
    out.kpis.insert(out.kpis.end(), kpis.begin(), kpis.end());
    if (t.stage != S::live && t.stage != S::review && t.stage != S::extend && t.stage != S::end) continue;

    // Up to four quarters of returns, the oldest first.
    const std::int64_t quarters_in_term = std::max<std::int64_t>(1, ((c->end_on - c->start_on).count() + 1) / 91);
    Quarter q = last;
    for (int back = 0; back < 3; ++back) q = previous_quarter(q);
    for (int n = 0; n < 4; ++n, q = q.number == 4 ? Quarter{q.year + 1, 1} : Quarter{q.year, q.number + 1}) {
      if (quarter_end(q) < c->start_on || quarter_start(q) > c->end_on) continue;
      if (t.skip_latest_return && q == last) continue;
      QuarterlyReturn r;
      r.id = in.id + "-rt-" + format_quarter(q);
      r.area_id = o.area_id;
      r.contract_id = c->id;
      r.quarter = q;
      r.submitted_on = std::min(o.today, quarter_end(q) + std::chrono::days{rng.between(10, 40)});
      r.submitted_by = "cli";
      const std::int64_t base = c->value.value / quarters_in_term;
      r.spend = Pence(base + base * rng.between(-12, 14) / 100);
      r.children_served = rng.between(30, 650);
      static constexpr std::array<std::array<int, 3>, 3> kMix{{{80, 15, 5}, {45, 35, 20}, {15, 30, 55}}};
      const auto& mix = kMix[static_cast<std::size_t>(t.struggling)];
      for (const auto& k : kpis) {
        const int roll = rng.between(1, 100);
        const Rag want = roll <= mix[0] ? Rag::green : roll <= mix[0] + mix[1] ? Rag::amber : Rag::red;
        const std::int64_t cap = k.unit == "%" ? 10'000 : k.target * 2;
        if (rng.chance(0.04)) {
          r.actuals.push_back({k.id, std::nullopt, "Figure delayed by a move to a new records system"});
        } else {
          r.actuals.push_back({k.id, actual_for(k, want, rng, cap), ""});
        }
      }
      r.narrative = t.struggling == 2 ? "Referrals are up by a third on last year; two assessors recruited, waits "
                                        "expected to fall from next quarter."
                                      : "Delivered as planned; staffing stable.";
      if (auto checked = check_return(*c, kpis, r, o.today)) out.returns.push_back(*checked);
    }
  }
  return out;
}

}  // namespace tandem::demo
