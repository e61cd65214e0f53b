// Turns a statutory step into the letter the regulations require, composed by
// core/letters.h from the case and the area's contacts and rendered to the
// printable HTML that is kept, unchanged, as sent.
#pragma once

#include <optional>
#include <string>

#include "app/auth.h"
#include "core/area_move.h"
#include "core/assessment.h"
#include "core/cessation.h"
#include "core/child.h"
#include "core/result.h"
#include "core/review.h"
#include "core/rights.h"
#include "store/assessments.h"

namespace tandem::app {

// Every letter goes to whoever holds the rights on the decision day (core/rights.h): the
// parent; the young person past compulsory school age (CFA s83); or, when a young person
// lacks capacity, their representative (CFA s80; Mental Capacity Act 2005). `capacity`
// is the young person's capacity record, if any.

// The letter for `step` ("decide", "not_to_issue", "draft", "final"), or
// nullopt for steps that send none. Errors name the field (e.g. "reason" when
// a refusal has no reasons).
Result<std::optional<store::LetterRow>> letter_for_step(const std::string& step, const Assessment& after,
                                                        const Child& child, const SignedIn& user,
                                                        const std::string& reasons, std::int64_t now,
                                                        const std::optional<CapacityRecord>& capacity);

// The letter after a review: the decision to keep the plan (with reasons),
// to amend it (with the proposed amendments, served on the decision day), or
// to cease it (with reasons); or, for an amended plan, the final plan letter.
// The letter belongs to the review (its reference is the review's id).
Result<store::LetterRow> letter_after_review(const Review& review, bool amended_plan, const Child& child,
                                             const SignedIn& user, const std::string& named_setting,
                                             const std::string& reasons, const std::string& amendments,
                                             std::int64_t now, const std::optional<CapacityRecord>& capacity);

// The notice of a decision to cease the plan, with its reasons and the
// family's right to appeal (CFA s45; reg 31; s51(2)(f)).
Result<store::LetterRow> letter_to_cease(const Cessation& c, const Child& child, const SignedIn& user,
                                         const std::string& case_id, std::int64_t now,
                                         const std::optional<CapacityRecord>& capacity);

// The letter a move between councils sends (reg 15): moving out, the notice
// that the plan has gone to the new council, dated the transfer; moving in,
// the letter of reg 15(4), dated the day the family was told, saying whether
// the council will assess afresh (with `reasons` when it will not) and amend
// the plan. The letter belongs to the move (its reference is the move's id).
Result<store::LetterRow> letter_for_move(const AreaMove& move, const Child& child, const SignedIn& user,
                                         const std::string& reasons, std::int64_t now,
                                         const std::optional<CapacityRecord>& capacity);

}  // namespace tandem::app
