#include "demo/commissioning.h"

#include <algorithm>

namespace tandem::demo {

namespace {

using K = ActivityKind;
using L = CommissioningLevel;
using C = CycleStage;
using A = Agency;

struct Template {
  std::string_view title;
  K kind;
  L level;
  std::array<FundingShare, 2> partners;  // a zero second share is none
  std::int64_t budget_pounds;
  C stage;
  int due_in_days;            // the current gate, from today (negative: late)
  std::string_view contract;  // a demo contract's title, or empty
  int evidence_linked;        // of the current stage's needs, how many are linked
  int partners_approved;      // of the partners, how many approved the current stage
  bool board_recommended;
};

constexpr std::array<Template, 9> kActivities{{
    {"Re-commission SEMH provision",
     K::recommission,
     L::strategic,
     {{{A::council_education, 7'000}, {A::icb, 3'000}}},
     1'800'000,
     C::joint_planning,
     -21,
     "",
     2,
     1,
     true},
    {"Commission an autism assessment pathway for under-fives",
     K::commission,
     L::service,
     {{{A::icb, 6'000}, {A::council_education, 4'000}}},
     600'000,
     C::joint_understanding,
     45,
     "",
     1,
     0,
     false},
    {"Review short breaks",
     K::review,
     L::service,
     {{{A::council_social_care, 8'000}, {A::council_education, 2'000}}},
     950'000,
     C::joint_review,
     -6,
     "Short breaks framework call-off",
     2,
     1,
     true},
    {"Decommission the old overnight respite contract",
     K::decommission,
     L::service,
     {{{A::council_social_care, 10'000}, {A::council_education, 0}}},
     320'000,
     C::joint_planning,
     30,
     "Overnight respite (old contract)",
     3,
     0,
     false},
    {"Regional framework for specialist independent placements",
     K::commission,
     L::regional,
     {{{A::council_education, 6'000}, {A::icb, 4'000}}},
     4'000'000,
     C::joint_delivery,
     120,
     "",
     1,
     0,
     false},
    {"Independent travel training package for one young person",
     K::commission,
     L::individual,
     {{{A::council_social_care, 5'000}, {A::council_education, 5'000}}},
     8'400,
     C::joint_delivery,
     -10,
     "",
     2,
     2,
     true},
    {"Re-commission speech and language therapy",
     K::recommission,
     L::operational,
     {{{A::icb, 6'000}, {A::council_education, 4'000}}},
     2'700'000,
     C::joint_review,
     60,
     "Community speech and language therapy",
     1,
     0,
     false},
    {"Joint funding of continuing care packages",
     K::review,
     L::strategic,
     {{{A::icb, 5'000}, {A::council_social_care, 5'000}}},
     1'100'000,
     C::joint_understanding,
     -35,
     "",
     4,
     1,
     true},
    {"Parent carer forum participation grant",
     K::commission,
     L::service,
     {{{A::council_education, 10'000}, {A::icb, 0}}},
     45'000,
     C::closed,
     0,
     "Parent carer forum participation grant",
     0,
     0,
     false},
}};

// A decision-maker for each partner's own governance, and the board's.
std::string governance(Agency a) {
  switch (a) {
    case A::icb: return "ICB Finance and Performance Committee";
    case A::council_social_care: return "Director of Children's Services";
    case A::nhs_england: return "NHS England regional commissioning";
    default: return "Cabinet member for children and education";
  }
}
constexpr std::string_view kBoard = "SEND Partnership Board";

std::string slug(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  return out;
}

// Links every need of `stage` (the first `count` of them) into the activity.
void link(Activity& a, C stage, std::size_t count, const std::string& contract_id) {
  const auto needs = evidence_for(stage, a.kind);
  for (std::size_t i = 0; i < std::min(count, needs.size()); ++i) {
    EvidenceLink e;
    e.stage = stage;
    e.need_id = std::string(needs[i].id);
    e.title = std::string(needs[i].label) + ": " + a.title;
    if ((e.need_id == "contract_award" || e.need_id == "contract_position" || e.need_id == "current_provision") &&
        !contract_id.empty()) {
      e.contract_id = contract_id;
      e.url = "/contracts/" + contract_id;
    } else if (e.need_id == "family_views" || e.need_id == "family_feedback") {
      e.url = "/local-offer";
    } else {
      e.url = "https://documents.tandem-vale.example/commissioning/" + slug(a.title) + "/" + e.need_id;
    }
    a.evidence.push_back(std::move(e));
  }
}

void approve(Activity& a, C stage, std::size_t count, Date on, bool board) {
  if (board) {
    a.recommendations.push_back({stage, a.partners.front().agency, on - std::chrono::days(7), SignOffDecision::approved,
                                 std::string(kBoard), ""});
  }
  for (std::size_t i = 0; i < std::min(count, a.partners.size()); ++i) {
    a.sign_offs.push_back({stage, a.partners[i].agency, on - std::chrono::days(static_cast<int>(i)),
                           SignOffDecision::approved, governance(a.partners[i].agency), ""});
  }
}

}  // namespace

DemoCommissioning generate_commissioning(const CommissioningOptions& options) {
  DemoCommissioning out;
  int n = 0;
  for (const auto& t : kActivities) {
    Activity a;
    a.id = options.id_prefix + "ca-" + std::to_string(++n);
    a.area_id = options.area_id;
    a.title = std::string(t.title);
    a.kind = t.kind;
    a.level = t.level;
    for (const auto& p : t.partners) {
      if (p.basis_points > 0) a.partners.push_back(p);
    }
    a.budget = Pence::from_pounds(t.budget_pounds);
    a.stage = t.stage;
    a.stage_due_on = options.today + std::chrono::days(t.due_in_days);
    if (!t.contract.empty()) {
      for (const auto& c : options.contracts) {
        if (c.title == t.contract) a.contract_id = c.id;
      }
    }
    // Every stage before the current one passed, about four months apart.
    const int current = static_cast<int>(t.stage);
    for (int s = 0; s < current && s < 4; ++s) {
      const auto stage = static_cast<C>(s);
      const Date passed = options.today - std::chrono::days(120 * (current - s));
      link(a, stage, evidence_for(stage, a.kind).size(), a.contract_id);
      approve(a, stage, a.partners.size(), passed, true);
      const Date next_due = s + 1 == current ? a.stage_due_on : passed + std::chrono::days(120);
      out.stage_changes.push_back({a.id, stage, static_cast<C>(s + 1), s + 1 == 4 ? passed : next_due});
    }
    if (t.stage != C::closed) {
      link(a, t.stage, static_cast<std::size_t>(t.evidence_linked), a.contract_id);
      approve(a, t.stage, static_cast<std::size_t>(t.partners_approved), options.today - std::chrono::days(3),
              t.board_recommended);
    }
    out.activities.push_back(std::move(a));
  }
  return out;
}

}  // namespace tandem::demo
