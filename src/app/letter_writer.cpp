#include "app/letter_writer.h"

#include <span>
#include <sstream>

#include <mstch/mstch.hpp>

#include "app/crypto.h"
#include "core/embedded_file.h"
#include "core/letters.h"
#include "core/rights.h"
#include "profile/area_profiles.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_letter_templates();
}

namespace tandem::app {

namespace {

const std::string& letter_template() {
  static const std::string text = [] {
    for (const auto& f : embedded_letter_templates()) {
      if (f.path.ends_with("letter.mustache")) return std::string(f.content);
    }
    throw std::logic_error("the letter template is missing from this build");
  }();
  return text;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
  }
  return out;
}

mstch::array strings(const std::vector<std::string>& v) {
  mstch::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

std::string render(const Letter& l) {
  mstch::array sections;
  for (const auto& s : l.sections) {
    sections.push_back(mstch::map{{"heading", s.heading}, {"paragraphs", strings(s.paragraphs)}});
  }
  const mstch::map view{{"subject", l.subject},
                        {"date", l.date},
                        {"addressee", l.addressee},
                        {"address", strings(l.address)},
                        {"reference", l.reference},
                        {"salutation", l.salutation},
                        {"sections", sections},
                        {"sign_off", strings(l.sign_off)},
                        {"legal_basis", strings(l.legal_basis)}};
  return mstch::render(letter_template(), view);
}

LetterFacts common_facts(const Child& child, const SignedIn& user, const std::string& reference, Date decided,
                         const std::string& reasons, const std::optional<CapacityRecord>& capacity) {
  LetterFacts facts;
  facts.child_name = child.given_name + " " + child.family_name;
  facts.child_date_of_birth = child.date_of_birth;
  // Whoever holds the rights on the decision day receives the letter.
  switch (rights_on(child.date_of_birth, decided, capacity).holder) {
    case RightsHolder::parent:
      facts.addressee = Addressee::parent;
      facts.addressee_name = "The parent or carer of " + facts.child_name;
      break;
    case RightsHolder::young_person:
      facts.addressee = Addressee::young_person;
      facts.addressee_name = facts.child_name;
      break;
    case RightsHolder::representative:
      facts.addressee = Addressee::representative;
      facts.addressee_name = capacity->representative;
      break;
  }
  facts.reference = reference;
  facts.decision_date = decided;
  facts.caseworker_name = user.display_name;
  facts.caseworker_title = std::string(role_label(user.role));
  facts.authority = user.area_name + " Council";
  if (auto profile = shipped_area_profile(user.area_id)) {
    facts.contacts = profile->contacts;
    facts.caseworker_title = std::string(local_role_name(*profile, user.role));
  }
  facts.reasons = paragraphs(reasons);
  return facts;
}

// Composes the letter and keeps it as sent. `case_id` is the assessment or
// review the letter belongs to.
Result<store::LetterRow> kept_letter(LetterKind kind, const LetterFacts& facts, const Child& child,
                                     const SignedIn& user, const std::string& case_id, std::int64_t now) {
  auto letter = compose_letter(kind, facts);
  if (!letter) {
    Error e = letter.error();
    for (auto& f : e.fields) {
      if (f.field == "reasons") f.field = "letter_reason";
    }
    return tl::unexpected<Error>(e);
  }
  store::LetterRow row;
  row.id = new_id("l");
  row.area_id = user.area_id;
  row.child_id = child.id;
  row.assessment_id = case_id;
  row.kind = std::string(to_string(kind));
  row.issued_on = format_date(*facts.decision_date);
  row.subject = letter->subject;
  row.body_html = render(*letter);
  row.created_by = user.user_id;
  row.created_at = now;
  return row;
}

}  // namespace

Result<std::optional<store::LetterRow>> letter_for_step(const std::string& step, const Assessment& after,
                                                        const Child& child, const SignedIn& user,
                                                        const std::string& reasons, std::int64_t now,
                                                        const std::optional<CapacityRecord>& capacity) {
  LetterKind kind;
  Date decided{};
  if (step == "decide") {
    kind = after.assess ? LetterKind::decision_to_assess : LetterKind::decision_not_to_assess;
    decided = *after.decided_on;
  } else if (step == "not_to_issue") {
    kind = LetterKind::decision_not_to_issue;
    decided = *after.not_to_issue_on;
  } else if (step == "draft") {
    kind = LetterKind::draft_plan;
    decided = *after.draft_served_on;
  } else if (step == "final") {
    kind = LetterKind::final_plan;
    decided = *after.final_issued_on;
  } else {
    return std::optional<store::LetterRow>{};
  }
  LetterFacts facts = common_facts(child, user, after.id, decided, reasons, capacity);
  facts.request_received = after.received_on;
  if (kind == LetterKind::draft_plan) facts.served = decided;
  auto row = kept_letter(kind, facts, child, user, after.id, now);
  if (!row) return tl::unexpected<Error>(row.error());
  return std::optional<store::LetterRow>(std::move(*row));
}

Result<store::LetterRow> letter_after_review(const Review& review, bool amended_plan, const Child& child,
                                             const SignedIn& user, const std::string& named_setting,
                                             const std::string& reasons, const std::string& amendments,
                                             std::int64_t now, const std::optional<CapacityRecord>& capacity) {
  LetterKind kind = LetterKind::final_plan;
  Date decided = review.amended_plan_issued_on.value_or(review.meeting_on);
  if (!amended_plan) {
    if (!review.decision || !review.decided_on) return fail("decision", "Record the decision first");
    decided = *review.decided_on;
    kind = *review.decision == ReviewDecision::maintain ? LetterKind::review_maintain
           : *review.decision == ReviewDecision::amend  ? LetterKind::review_amend
                                                        : LetterKind::review_cease;
  }
  LetterFacts facts = common_facts(child, user, review.id, decided, reasons, capacity);
  facts.named_setting = named_setting;
  if (!amended_plan) facts.review_meeting = review.meeting_on;
  if (kind == LetterKind::review_amend) {
    facts.served = decided;
    facts.proposed_amendments = paragraphs(amendments);
  }
  return kept_letter(kind, facts, child, user, review.id, now);
}

}  // namespace tandem::app

namespace tandem::app {

Result<store::LetterRow> letter_to_cease(const Cessation& c, const Child& child, const SignedIn& user,
                                         const std::string& case_id, std::int64_t now,
                                         const std::optional<CapacityRecord>& capacity) {
  LetterFacts facts = common_facts(child, user, case_id, c.decided_on, c.reasons, capacity);
  return kept_letter(LetterKind::decision_to_cease, facts, child, user, case_id, now);
}

}  // namespace tandem::app

namespace tandem::app {

Result<store::LetterRow> letter_for_move(const AreaMove& move, const Child& child, const SignedIn& user,
                                         const std::string& reasons, std::int64_t now,
                                         const std::optional<CapacityRecord>& capacity) {
  const bool in = move.direction == MoveDirection::into_area;
  const std::optional<Date> dated = in ? move.family_told_on : move.transferred_on;
  if (!dated) {
    return fail(in ? "family_told_on" : "transferred_on",
                in ? "Record the day the family is told first" : "Record the day the plan was transferred first");
  }
  const LetterKind kind = !in                                ? LetterKind::transfer_out
                          : move.will_assess.value_or(false) ? LetterKind::transfer_in_assess
                                                             : LetterKind::transfer_in_no_assessment;
  LetterFacts facts = common_facts(child, user, move.id, *dated, reasons, capacity);
  facts.other_authority = move.other_authority;
  facts.transferred_on = move.transferred_on;
  facts.plan_last_reviewed = move.plan_last_reviewed_on;
  facts.will_amend = move.will_amend;
  return kept_letter(kind, facts, child, user, move.id, now);
}

}  // namespace tandem::app
