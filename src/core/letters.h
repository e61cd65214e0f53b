// The statutory letters: one for each EHC decision the law says the family
// must be told of, composed from the facts of the case and the area's contacts,
// with everything the regulations require the letter to contain.
//
// A letter is structured text (subject, sections of paragraphs, sign-off,
// legal basis), not markup: assets/letters/letter.mustache prints it, and any
// other channel can. Everything is pure: no clock, no I/O.
//
//   LetterFacts facts;
//   facts.child_name = "Sam Taylor";
//   facts.child_date_of_birth = make_date(2016, 5, 3);
//   facts.addressee_name = "Ms Alex Taylor";
//   facts.decision_date = make_date(2025, 2, 14);
//   facts.caseworker_name = "Jo Patel";
//   facts.authority = "Tandem Demo Borough Council";
//   facts.contacts = area.contacts;
//   facts.reasons = {"Sam's school can meet his needs from its own resources."};
//   auto letter = compose_letter(LetterKind::decision_not_to_assess, facts);
//   letter->appeal_by;  // 14 April 2025: appeal_deadline(14 February 2025)
//
// What every letter contains, and why:
//  - Every letter: the disagreement resolution service (CFA s57) and the
//    information, advice and support service (CFA s32), with their contact
//    details, or, where the area has not listed them, a plain instruction to
//    ask the SEND team for them: never a blank.
//  - A decision the family can appeal (CFA s51(2); is_appealable()): the right
//    to appeal to the First-tier Tribunal (SEND) and the last day to do so
//    (appeal_deadline(): 2 months from this notice, or 1 month from a mediation
//    certificate if later; Tribunal Rules r20(1)(c)), and the mediation
//    information of reg 32: the right to mediation (CFA s53-54), that a
//    mediation certificate is needed before appealing (CFA s55; not for an
//    appeal only about the school or setting named in a plan), the mediation
//    adviser's contact details, the time limit for contacting them (2 months,
//    reg 33; the certificate within 3 working days when the family does not
//    want mediation, reg 34), telling the council if they want mediation and
//    about what, and whom at the council to tell. Required in these notices
//    by reg 5(3) (not to assess), reg 10(3) (not to issue), reg 14(2) (final
//    plan), regs 20-21 (plan kept unchanged after review) and reg 31(3)
//    (ceasing).
//  - A draft plan (reg 13(1); CFA s38) or proposed amendments (reg 22(2)): the
//    last day for comments (draft_plan_comments(), amendment_comments()), the
//    right to ask for a school or other setting to be named and for a meeting
//    with an officer, and where to find information about schools and colleges.
//  - A plan transferred in (reg 15(4)): that it has transferred, whether the
//    council proposes to assess afresh and to amend the plan, and the last day
//    for its review (reg 15(5)). A plan transferred out: to whom and when, and
//    what the new council must do and by when.
//
// Citations as in core/ehc_clock.h: "reg" is the SEND Regulations 2014,
// "CFA" the Children and Families Act 2014.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/area_profile.h"
#include "core/date.h"
#include "core/result.h"

namespace tandem {

enum class LetterKind {
  decision_to_assess,      // reg 5(1); CFA s36
  decision_not_to_assess,  // reg 5(1), (3); appeal CFA s51(2)(a)
  decision_not_to_issue,   // reg 10(1), (3); appeal CFA s51(2)(b)
  draft_plan,              // reg 13(1); CFA s38
  final_plan,              // reg 13(2), 14(2); appeal CFA s51(2)(c)
  review_maintain,         // after a review: the plan is kept as it is; appeal CFA s51(2)(e)
  review_amend,            // after a review: proposed amendments, reg 22(2)
  review_cease,            // after a review: the plan will cease; reg 31; appeal CFA s51(2)(f)
  decision_to_cease,       // at any other time; CFA s45; reg 31; appeal CFA s51(2)(f)
  // A plan received from another council (reg 15(3)-(5)), with whether this
  // council proposes to assess afresh (reg 15(4)(b)): it will; it will not,
  // which the letter treats as a decision not to secure an EHC needs
  // assessment, appealable under CFA s51(2)(a) (Tandem's reading: the
  // subsection's words are not limited to a decision on a request, and a
  // family told of a right they may lack loses less than one never told).
  transfer_in_assess,
  transfer_in_no_assessment,
  transfer_out,  // the old council's notice that the plan went to the new one (reg 15(2))
};

inline constexpr std::array<LetterKind, 12> kAllLetterKinds{
    LetterKind::decision_to_assess,
    LetterKind::decision_not_to_assess,
    LetterKind::decision_not_to_issue,
    LetterKind::draft_plan,
    LetterKind::final_plan,
    LetterKind::review_maintain,
    LetterKind::review_amend,
    LetterKind::review_cease,
    LetterKind::decision_to_cease,
    LetterKind::transfer_in_assess,
    LetterKind::transfer_in_no_assessment,
    LetterKind::transfer_out,
};

std::string_view to_string(LetterKind kind);  // "decision_not_to_assess"
Result<LetterKind> parse_letter_kind(std::string_view field, std::string_view text);
// What the letter is, for a caseworker's screen: "Decision not to assess".
std::string_view letter_kind_label(LetterKind kind);

// Whether the family can appeal the decision the letter gives to the
// First-tier Tribunal (CFA s51(2)). A draft plan and proposed amendments are
// not decisions yet: the appeal comes with the final (amended) plan.
bool is_appealable(LetterKind kind);

// To whom the letter is written: the child's parent, or the young person
// themselves once they are over compulsory school age (CFA s83(2); section
// number unverified, as in domain.md).
// Who the letter is written to: the parent; the young person (CFA s83); or the
// representative of a young person who lacks capacity (CFA s80), who is told
// about the young person as a parent is about their child.
enum class Addressee { parent, young_person, representative };

struct LetterFacts {
  std::string child_name;  // the child or young person
  std::optional<Date> child_date_of_birth;
  Addressee addressee = Addressee::parent;
  std::string addressee_name;                  // "Ms Alex Taylor"; for a young person, their own name
  std::vector<std::string> addressee_address;  // postal address lines; may be empty (sent by email)
  std::string reference;                       // the council's case reference; optional
  // The date of the decision notice: the date on this letter, from which the
  // 2 months for mediation and appeal run (reg 33; Tribunal Rules r20(1)(c)).
  std::optional<Date> decision_date;
  std::string caseworker_name;   // who signs the letter
  std::string caseworker_title;  // the area's job title, local_role_name(): "SEN officer"; optional
  std::string authority;         // the council: "Tandem Demo Borough Council"
  Contacts contacts;             // the area's, from its profile

  // Kind-specific facts.
  // Why: required for every decision the family can appeal except a final
  // plan (a refusal, a plan kept unchanged, a plan ceasing), so they can judge
  // whether to challenge it; one paragraph each.
  std::vector<std::string> reasons;
  // The day the draft plan (draft_plan) or the proposed amendments
  // (review_amend) were served: day 1 of the 15 days for comments. Required
  // for those kinds; not before decision_date.
  std::optional<Date> served;
  // The day the council received the request for an assessment; optional. When
  // given, decision_to_assess and draft_plan letters show the 16- and 20-week
  // dates (reg 10(1), 13(2)).
  std::optional<Date> request_received;
  // final_plan: the school or other setting named in section I; empty when
  // the plan names none (which the family can appeal, CFA s51(2)(c)(iv)).
  std::string named_setting;
  // review_maintain, review_amend, review_cease: the review meeting. Required
  // for those kinds; not after decision_date.
  std::optional<Date> review_meeting;
  // review_amend: the main changes proposed, one a paragraph; optional (the
  // notice of proposed amendments is enclosed either way, reg 22(2)(a)).
  std::vector<std::string> proposed_amendments;
  // transfer_in_*, transfer_out: the council the plan came from or went to,
  // and the day it was transferred (not after decision_date). Required.
  std::string other_authority;
  std::optional<Date> transferred_on;
  // transfer_in_*: the day the old council made or last reviewed the plan,
  // which sets the review date (reg 15(5)), and whether this council proposes
  // to amend the plan. Required for those kinds; transfer_out shows the review
  // date when it is given.
  std::optional<Date> plan_last_reviewed;
  std::optional<bool> will_amend;
};

struct LetterSection {
  std::string heading;
  std::vector<std::string> paragraphs;
  bool operator==(const LetterSection&) const = default;
};

struct Letter {
  std::string kind;     // to_string(LetterKind)
  std::string subject;  // "Sam Taylor, born 3 May 2016: we will not carry out an ..."
  std::string date;     // the decision date, long form: "14 February 2025"
  std::string addressee;
  std::vector<std::string> address;  // addressee_address
  std::string reference;             // may be empty
  std::string salutation;            // "Dear Ms Alex Taylor,"
  std::vector<LetterSection> sections;
  std::vector<std::string> sign_off;     // "Yours sincerely", name, title (if any), council
  std::vector<std::string> legal_basis;  // footnotes: the law behind the letter, one a line
  // Set exactly when the decision is appealable: the last day for an appeal
  // with no mediation certificate, appeal_deadline(decision_date, nullopt).
  std::optional<Date> appeal_by;
  // Set for draft_plan and review_amend: the last day of the 15 days.
  std::optional<Date> comments_by;
  // Set for transfer_in_*: the last day for the new council's first review of
  // the plan (transferred_plan_review(), reg 15(5)).
  std::optional<Date> review_by;
};

// Composes the letter. Fails, naming every field at fault, when a fact the
// letter needs is missing or impossible: child_name, child_date_of_birth
// (also when after decision_date), addressee_name, addressee (a young person
// still of compulsory school age), decision_date, caseworker_name, authority,
// reasons, served, review_meeting, request_received (when after decision_date),
// other_authority, transferred_on, plan_last_reviewed, will_amend.
Result<Letter> compose_letter(LetterKind kind, const LetterFacts& facts);

}  // namespace tandem
