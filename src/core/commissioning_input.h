// Checking what a commissioner enters about a commissioning activity (core/
// commissioning.h): the activity itself, a piece of evidence for its current
// stage, and a partner's decision or the partnership board's recommendation.
// Every check reports every wrong field together, in words that say what is
// allowed; nothing here reads a clock or a database.
//
//   auto a = make_activity(in);                        // or every wrong field named
//   auto e = make_evidence(*a, {"needs_analysis", "JSNA 2025", "https://...", ""});
//   auto s = make_sign_off(*a, decision, today);       // a partner's own governance
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/commissioning.h"

namespace tandem {

// What a form or the API sends, each field already read (or absent).
struct ActivityInput {
  std::string id;
  std::string area_id;
  std::string title;
  std::optional<ActivityKind> kind;
  std::optional<CommissioningLevel> level;
  std::vector<FundingShare> partners;  // lead first
  std::optional<Pence> budget;
  std::optional<CycleStage> stage;  // absent: joint understanding
  std::optional<Date> stage_due_on;
  std::string contract_id;  // checked against the area's contracts by the caller
};

// A title; a kind and a level; at least one partner, none of them a school or
// a provider, shares summing to 100% (field "partners"); a budget of £0 or
// more; a stage that is not closed; the date the stage's gate is due.
Result<Activity> make_activity(const ActivityInput& in);

struct EvidenceInput {
  std::string need_id;
  std::string title;
  std::string url;          // a web address (http or https) or a Tandem page ("/contracts/ct-1")
  std::string contract_id;  // or a Tandem contract, checked by the caller
};

// Evidence for the activity's current stage: one of the needs the stage lists
// (field "need_id"), a title, and either a link or a contract, not both
// (field "url"). A contract becomes a link to its page.
Result<EvidenceLink> make_evidence(const Activity& a, const EvidenceInput& in);

struct SignOffInput {
  bool board = false;            // the partnership board's recommendation, not a partner's decision
  std::optional<Agency> agency;  // for a partner's decision
  std::optional<Date> decided_on;
  std::optional<SignOffDecision> decision;
  std::string decision_maker;  // "ICB Finance and Performance Committee"
  std::string note;
};

// A decision on leaving the activity's current stage: a partner's (the agency
// must be one of the activity's partners) or the board's; on a date not after
// `today`; by a named decision-maker; a deferral or refusal says why (field
// "note").
Result<SignOff> make_sign_off(const Activity& a, const SignOffInput& in, Date today);

}  // namespace tandem
