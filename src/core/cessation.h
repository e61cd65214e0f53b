// Ceasing to maintain an EHC plan (CFA s45-46; SEND Regulations 2014 regs
// 29-31): the legal tests for each reason, the consultation that must come
// first, and the day the plan actually ends, which waits for the appeal window
// to close or an appeal to be decided.
//
//   auto c = decide_to_cease(in, dob, last_review_on, today);  // Result<Cessation>
//   auto ends = plan_ends_on(*c, appeal);                      // nullopt while it stays in force
//
// The reasons are the SEN2 CeaseReason list (DfE person-level return), so the
// statutory return reads them as they are.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "core/tribunal.h"

namespace tandem {

enum class CeaseReason {
  max_age,           // 1: the end of the academic year the young person turns 25 (s46)
  needs_met,         // 2: special educational provision no longer needed (s45(1)(b), (2))
  higher_education,  // 3: the young person started higher education
  employment,        // 4: the young person started paid employment
  moved_la,          // 5: moved to another council, which takes the plan over (s45(1)(a))
  not_engaging,      // 6: an 18+ young person no longer in education or training
  left_england,      // 7: moved out of England (s45(1)(a))
  deceased,          // 8
  other,             // 9: queried on the return; the reasons must say why
};
std::string_view to_string(CeaseReason r);
std::string_view cease_reason_label(CeaseReason r);
int sen2_code(CeaseReason r);  // 1 to 9
std::optional<CeaseReason> parse_cease_reason(std::string_view s);
std::span<const CeaseReason> all_cease_reasons();

struct CessationInput {
  std::optional<CeaseReason> reason;
  std::optional<Date> consulted_on;       // the family (and the setting) told and consulted (reg 29)
  std::optional<Date> decided_on;         // the decision notice
  std::optional<Date> left_education_on;  // for not_engaging: when they stopped attending
  std::string reasons;                    // for the letter and the record
};

struct Cessation {
  CeaseReason reason = CeaseReason::needs_met;
  Date consulted_on{};
  Date decided_on{};
  std::optional<Date> left_education_on;
  std::string reasons;
};

// Applies the legal tests and returns the decision. Refuses, naming the field:
//  - no reason, no consultation, a consultation after the decision, a date in
//    the future, no written reasons ("reasons": the family may appeal);
//  - for a child under 18 any reason but needs met, moved, left England or
//    died: under 18 a plan ceases only when special educational provision is
//    no longer needed or the council is no longer responsible (s45(1));
//  - higher education, employment or not engaging for anyone under 18 or of
//    compulsory school age (the reason belongs to a young person);
//  - not engaging with no date they left education, or with no review since
//    then: an 18+ young person out of education or training is ceased only
//    after a review that considered re-engaging them (regs 29-30);
//  - needs met for a young person 18 or over without a review since they
//    turned 18: the council must have regard to whether the plan's
//    educational or training outcomes were achieved (s45(3));
//  - the maximum age before the last day a plan may run (s46; reg 46).
// The council may not cease merely because a young person is 19 or over
// (s45(4)): no reason here is "age" alone except max_age.
Result<Cessation> decide_to_cease(const CessationInput& in, Date date_of_birth, std::optional<Date> last_review_on,
                                  Date today);

// The last day the plan is in force. It stays in force while the family may
// still appeal and while an appeal is pending (CFA s45; reg 31; Tribunal Rules
// r20): with no appeal, to the last day to appeal; with one dismissed, to its
// outcome; withdrawn, to the withdrawal. nullopt while it stays in force with
// no end date yet (an appeal pending) or for good (the appeal upheld or
// conceded).
std::optional<Date> plan_ends_on(const Cessation& c, const std::optional<Appeal>& appeal);

}  // namespace tandem
