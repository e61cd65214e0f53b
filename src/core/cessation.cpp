#include "core/cessation.h"

#include <array>
#include <vector>

#include "core/rights.h"

namespace tandem {

namespace {

struct ReasonName {
  CeaseReason r;
  std::string_view id;
  std::string_view label;
  int code;
};
constexpr std::array<ReasonName, 9> kReasons{{
    {CeaseReason::max_age, "max_age", "Reached the end of the academic year of their 25th birthday (CFA s46)", 1},
    {CeaseReason::needs_met, "needs_met", "Special educational provision no longer needed (CFA s45(1)(b))", 2},
    {CeaseReason::higher_education, "higher_education", "Started higher education", 3},
    {CeaseReason::employment, "employment", "Started paid employment", 4},
    {CeaseReason::moved_la, "moved_la", "Moved to another council, which takes the plan over (CFA s45(1)(a))", 5},
    {CeaseReason::not_engaging, "not_engaging", "Aged 18 or over and no longer in education or training", 6},
    {CeaseReason::left_england, "left_england", "Moved out of England (CFA s45(1)(a))", 7},
    {CeaseReason::deceased, "deceased", "Died", 8},
    {CeaseReason::other, "other", "Another reason, given in full", 9},
}};

}  // namespace

std::string_view to_string(CeaseReason r) {
  for (const auto& n : kReasons) {
    if (n.r == r) return n.id;
  }
  return "other";
}
std::string_view cease_reason_label(CeaseReason r) {
  for (const auto& n : kReasons) {
    if (n.r == r) return n.label;
  }
  return "";
}
int sen2_code(CeaseReason r) {
  for (const auto& n : kReasons) {
    if (n.r == r) return n.code;
  }
  return 9;
}
std::optional<CeaseReason> parse_cease_reason(std::string_view s) {
  for (const auto& n : kReasons) {
    if (n.id == s) return n.r;
  }
  return std::nullopt;
}
std::span<const CeaseReason> all_cease_reasons() {
  static const std::array<CeaseReason, 9> all{
      CeaseReason::max_age,      CeaseReason::needs_met, CeaseReason::higher_education,
      CeaseReason::employment,   CeaseReason::moved_la,  CeaseReason::not_engaging,
      CeaseReason::left_england, CeaseReason::deceased,  CeaseReason::other};
  return all;
}

Result<Cessation> decide_to_cease(const CessationInput& in, Date dob, std::optional<Date> last_review_on, Date today) {
  std::vector<FieldError> errors;
  if (!in.reason) errors.push_back({"reason", "Choose why the plan would cease"});
  if (!in.consulted_on) {
    errors.push_back({"consulted_on", "Give the date the family and the setting were told and consulted (reg 29)"});
  }
  if (!in.decided_on) {
    errors.push_back({"decided_on", "Give the date of the decision"});
  } else if (*in.decided_on > today) {
    errors.push_back({"decided_on", "The decision cannot be dated in the future"});
  } else if (in.consulted_on && *in.consulted_on > *in.decided_on) {
    errors.push_back({"consulted_on", "The family must be consulted before the decision (reg 29)"});
  }
  if (in.reasons.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"reasons", "Give the reasons: the family may appeal the decision (CFA s51(2)(f))"});
  }
  if (!errors.empty()) return fail(std::move(errors));

  const CeaseReason reason = *in.reason;
  const Date on = *in.decided_on;
  const int age = age_on(dob, on);
  const bool young_person = on > end_of_compulsory_school_age(dob);
  switch (reason) {
    case CeaseReason::needs_met:
      if (age >= 18 && (!last_review_on || age_on(dob, *last_review_on) < 18)) {
        return fail("reason",
                    "For a young person of 18 or over, review the plan first: the council must have regard "
                    "to whether its educational or training outcomes were achieved (CFA s45(3))");
      }
      break;
    case CeaseReason::moved_la:
    case CeaseReason::left_england:
    case CeaseReason::deceased: break;
    case CeaseReason::higher_education:
    case CeaseReason::employment:
      if (!young_person || age < 18) {
        return fail("reason",
                    "Under 18 a plan ceases only when special educational provision is no longer needed or "
                    "the council is no longer responsible (CFA s45(1))");
      }
      break;
    case CeaseReason::not_engaging:
      if (age < 18) {
        return fail("reason",
                    "A child under 18 out of education is not a reason to cease: the council must secure "
                    "the provision (CFA s45(1), s42(2))");
      }
      if (!in.left_education_on) {
        return fail("left_education_on", "Give the date the young person stopped attending education or training");
      }
      if (!last_review_on || *last_review_on < *in.left_education_on) {
        return fail("reason",
                    "Review the plan after the young person left education or training, to consider "
                    "re-engaging them, before deciding to cease (regs 29-30)");
      }
      break;
    case CeaseReason::max_age:
      if (on < last_day_a_plan_may_run(dob)) {
        return fail("reason", "A plan may run to the end of the academic year of the 25th birthday (" +
                                  format_date(last_day_a_plan_may_run(dob)) +
                                  "); it may not cease merely because the young person is 19 or over (CFA s45(4))");
      }
      break;
    case CeaseReason::other:
      if (age < 18) {
        return fail("reason",
                    "Under 18 a plan ceases only when special educational provision is no longer needed or "
                    "the council is no longer responsible (CFA s45(1))");
      }
      break;
  }
  return Cessation{reason, *in.consulted_on, on, in.left_education_on, in.reasons};
}

std::optional<Date> plan_ends_on(const Cessation& c, const std::optional<Appeal>& appeal) {
  if (!appeal) return appeal_deadline(c.decided_on, std::nullopt)->date;
  switch (appeal->outcome) {
    case AppealOutcome::pending: return std::nullopt;
    case AppealOutcome::dismissed:
    case AppealOutcome::withdrawn: return appeal->outcome_on;
    case AppealOutcome::upheld:
    case AppealOutcome::conceded: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace tandem
