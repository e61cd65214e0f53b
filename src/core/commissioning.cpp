#include "core/commissioning.h"

#include <algorithm>
#include <array>

namespace tandem {

namespace {

template <class E>
struct Name {
  E value;
  std::string_view id;
  std::string_view label;
};

constexpr std::array<Name<ActivityKind>, 4> kKinds{{{ActivityKind::commission, "commission", "Commission"},
                                                    {ActivityKind::review, "review", "Review"},
                                                    {ActivityKind::recommission, "recommission", "Re-commission"},
                                                    {ActivityKind::decommission, "decommission", "Decommission"}}};
constexpr std::array<Name<CommissioningLevel>, 5> kLevels{
    {{CommissioningLevel::individual, "individual", "Individual"},
     {CommissioningLevel::operational, "operational", "Operational"},
     {CommissioningLevel::service, "service", "Service"},
     {CommissioningLevel::strategic, "strategic", "Strategic"},
     {CommissioningLevel::regional, "regional", "Regional"}}};
constexpr std::array<Name<CycleStage>, 5> kStages{{
    {CycleStage::joint_understanding, "joint_understanding", "Joint understanding"},
    {CycleStage::joint_planning, "joint_planning", "Joint planning"},
    {CycleStage::joint_delivery, "joint_delivery", "Joint delivery"},
    {CycleStage::joint_review, "joint_review", "Joint review"},
    {CycleStage::closed, "closed", "Closed"},
}};
constexpr std::array<Name<SignOffDecision>, 3> kDecisions{{{SignOffDecision::approved, "approved", "Approved"},
                                                           {SignOffDecision::deferred, "deferred", "Deferred"},
                                                           {SignOffDecision::declined, "declined", "Declined"}}};

template <class E, std::size_t N>
std::string_view id_of(const std::array<Name<E>, N>& names, E v) {
  for (const auto& n : names) {
    if (n.value == v) return n.id;
  }
  return names.front().id;
}
template <class E, std::size_t N>
std::string_view label_of(const std::array<Name<E>, N>& names, E v) {
  for (const auto& n : names) {
    if (n.value == v) return n.label;
  }
  return names.front().label;
}
template <class E, std::size_t N>
std::optional<E> parse(const std::array<Name<E>, N>& names, std::string_view s) {
  for (const auto& n : names) {
    if (n.id == s) return n.value;
  }
  return std::nullopt;
}

constexpr std::array<EvidenceNeed, 4> kUnderstanding{
    {{"needs_analysis", "Needs analysis (JSNA extract)"},
     {"current_provision", "Map of current provision and spend"},
     {"gap_list", "Gaps in provision (the gap list)"},
     {"family_views", "Views of children, young people and families"}}};
constexpr std::array<EvidenceNeed, 4> kPlanning{{{"options_appraisal", "Options appraisal"},
                                                 {"consultation", "Consultation with families and providers"},
                                                 {"outcomes_framework", "Outcomes and performance measures"},
                                                 {"budget_agreement", "Budget and shares agreed"}}};
constexpr std::array<EvidenceNeed, 2> kDelivery{
    {{"specification", "Service specification"},
     {"contract_award", "The contract or agreement (a link or a Tandem contract)"}}};
constexpr std::array<EvidenceNeed, 2> kReview{
    {{"performance_report", "Performance report against outcomes"}, {"family_feedback", "Feedback from families"}}};
// Northumberland 4.5: before a decision to decommission.
constexpr std::array<EvidenceNeed, 6> kDecommissionPlanning{{
    {"needs_and_demand", "Needs, demand and priorities"},
    {"quality_and_performance", "Quality, performance and the provider market"},
    {"cost", "Cost"},
    {"contract_position", "Contract terms and notice"},
    {"stakeholders_affected", "Stakeholders, children and families affected"},
    {"exit_plan", "Exit plan"},
}};

}  // namespace

std::string_view to_string(ActivityKind k) { return id_of(kKinds, k); }
std::optional<ActivityKind> parse_activity_kind(std::string_view s) { return parse(kKinds, s); }
std::string_view to_string(CommissioningLevel l) { return id_of(kLevels, l); }
std::optional<CommissioningLevel> parse_commissioning_level(std::string_view s) { return parse(kLevels, s); }
std::string_view to_string(CycleStage s) { return id_of(kStages, s); }
std::optional<CycleStage> parse_cycle_stage(std::string_view s) { return parse(kStages, s); }
std::string_view cycle_stage_label(CycleStage s) {
  for (const auto& n : kStages) {
    if (n.value == s) return n.label;
  }
  return "";
}
std::span<const CycleStage> all_cycle_stages() {
  static const std::array<CycleStage, 5> all{CycleStage::joint_understanding, CycleStage::joint_planning,
                                             CycleStage::joint_delivery, CycleStage::joint_review, CycleStage::closed};
  return all;
}
std::string_view to_string(SignOffDecision d) { return id_of(kDecisions, d); }
std::string_view activity_kind_label(ActivityKind k) { return label_of(kKinds, k); }
std::string_view commissioning_level_label(CommissioningLevel l) { return label_of(kLevels, l); }
std::string_view sign_off_decision_label(SignOffDecision d) { return label_of(kDecisions, d); }
std::span<const ActivityKind> all_activity_kinds() {
  static const std::array<ActivityKind, 4> all{ActivityKind::commission, ActivityKind::review,
                                               ActivityKind::recommission, ActivityKind::decommission};
  return all;
}
std::span<const CommissioningLevel> all_commissioning_levels() {
  static const std::array<CommissioningLevel, 5> all{CommissioningLevel::individual, CommissioningLevel::operational,
                                                     CommissioningLevel::service, CommissioningLevel::strategic,
                                                     CommissioningLevel::regional};
  return all;
}
std::optional<SignOffDecision> parse_sign_off_decision(std::string_view s) { return parse(kDecisions, s); }

std::span<const EvidenceNeed> evidence_for(CycleStage s, ActivityKind kind) {
  switch (s) {
    case CycleStage::joint_understanding: return kUnderstanding;
    case CycleStage::joint_planning:
      if (kind == ActivityKind::decommission) return kDecommissionPlanning;
      return kPlanning;
    case CycleStage::joint_delivery: return kDelivery;
    case CycleStage::joint_review: return kReview;
    case CycleStage::closed: return {};
  }
  return {};
}

GateStatus gate_status(const Activity& a, Date today) {
  GateStatus g;
  if (a.stage == CycleStage::closed) return g;
  for (const auto& need : evidence_for(a.stage, a.kind)) {
    const bool linked = std::any_of(a.evidence.begin(), a.evidence.end(), [&](const EvidenceLink& e) {
      return e.stage == a.stage && e.need_id == need.id && !e.url.empty();
    });
    if (!linked) g.missing_evidence.push_back(need);
  }
  for (const auto& p : a.partners) {
    // The latest decision for the stage counts: a deferral after an approval
    // reopens the question.
    const SignOff* latest = nullptr;
    for (const auto& s : a.sign_offs) {
      if (s.stage == a.stage && s.agency == p.agency && (!latest || s.decided_on >= latest->decided_on)) latest = &s;
    }
    if (!latest || latest->decision != SignOffDecision::approved) g.awaiting.push_back(p.agency);
  }
  g.ready = g.missing_evidence.empty() && g.awaiting.empty() && !a.partners.empty();
  g.late = a.stage_due_on < today;
  return g;
}

Result<Activity> advance(Activity a, Date next_due_on) {
  if (a.stage == CycleStage::closed) return fail("stage", "The activity is closed");
  const GateStatus g = gate_status(a, Date{});
  std::vector<FieldError> errors;
  if (!g.missing_evidence.empty()) {
    std::string list;
    for (const auto& n : g.missing_evidence) list += (list.empty() ? "" : ", ") + std::string(n.label);
    errors.push_back({"evidence", "Link the evidence this stage needs: " + list});
  }
  if (!g.awaiting.empty()) {
    std::string list;
    for (const auto ag : g.awaiting) list += (list.empty() ? "" : ", ") + std::string(agency_label(ag));
    errors.push_back({"sign_offs", "Each partner must approve through its own governance; still waiting for " + list});
  }
  if (a.partners.empty()) errors.push_back({"partners", "Name the partners and their shares"});
  if (!errors.empty()) return fail(std::move(errors));
  a.stage = static_cast<CycleStage>(static_cast<int>(a.stage) + 1);
  a.stage_due_on = next_due_on;
  return a;
}

std::map<Agency, Pence> committed_by_agency(std::span<const Activity> activities) {
  std::map<Agency, Pence> out;
  for (const auto& a : activities) {
    if (a.stage == CycleStage::closed) continue;
    auto parts = allocate(a.budget, a.partners);
    if (!parts) continue;
    for (std::size_t i = 0; i < parts->size(); ++i) out[a.partners[i].agency] += (*parts)[i];
  }
  return out;
}

}  // namespace tandem
