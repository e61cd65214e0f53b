// The statutory letters: every kind carries what the law requires of it, the
// dates shown are the clock's, a missing contact is said plainly, and facts a
// letter cannot be written without are refused by field.
#include "core/letters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/ehc_clock.h"

namespace tandem {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

// Made-up contacts, as in the demo area: drama numbers and .example addresses.
Contacts demo_contacts() {
  Contacts c;
  c.mediation = Contact{"Demo Mediation", "01632 960001", "mediation@demo.example", "https://mediation.demo.example"};
  c.disagreement_resolution = Contact{"Demo Disagreements", "01632 960002", std::nullopt, std::nullopt};
  c.information_advice_support = Contact{"Demo SENDIASS", std::nullopt, "sendiass@demo.example", std::nullopt};
  c.send_team = Contact{"Demo SEND Team", "01632 960004", "send@demo.example", std::nullopt};
  c.local_offer = Contact{"Demo Local Offer", std::nullopt, std::nullopt, "https://localoffer.demo.example"};
  return c;
}

// Every fact any kind needs, so each kind composes.
LetterFacts facts() {
  LetterFacts f;
  f.child_name = "Sam Taylor";
  f.child_date_of_birth = d(2016, 5, 3);
  f.addressee = Addressee::parent;
  f.addressee_name = "Ms Alex Taylor";
  f.addressee_address = {"1 Example Street", "Tandem Demo Borough"};
  f.reference = "EHC-0042";
  f.decision_date = d(2025, 2, 14);
  f.caseworker_name = "Jo Patel";
  f.caseworker_title = "SEN caseworker";
  f.authority = "Tandem Demo Borough Council";
  f.contacts = demo_contacts();
  f.reasons = {"Sam's school can meet his needs from its own resources."};
  f.served = d(2025, 2, 15);
  f.review_meeting = d(2025, 1, 27);
  f.named_setting = "Demo Primary School";
  f.other_authority = "Cumberland Council";
  f.transferred_on = d(2025, 1, 20);
  f.plan_last_reviewed = d(2024, 6, 10);
  f.will_amend = false;
  return f;
}

std::string text_of(const Letter& l) {
  std::string out = l.subject + "\n";
  for (const auto& s : l.sections) {
    out += s.heading + "\n";
    for (const auto& p : s.paragraphs) out += p + "\n";
  }
  return out;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

const LetterSection* find_section(const Letter& l, std::string_view heading_start) {
  const auto it = std::find_if(l.sections.begin(), l.sections.end(),
                               [&](const LetterSection& s) { return s.heading.starts_with(heading_start); });
  return it == l.sections.end() ? nullptr : &*it;
}

bool basis_mentions(const Letter& l, std::string_view part) {
  return std::any_of(l.legal_basis.begin(), l.legal_basis.end(),
                     [&](const std::string& b) { return contains(b, part); });
}

std::set<std::string> error_fields(const Error& e) {
  std::set<std::string> out;
  for (const auto& f : e.fields) out.insert(f.field);
  return out;
}

// ---- Kinds x required elements --------------------------------------------------

struct KindCase {
  LetterKind kind;
  bool appealable;
  bool comments_window;
  const char* s51;  // the paragraph of CFA s51(2) the appeal is under, or ""
};

constexpr KindCase kKinds[] = {
    {LetterKind::decision_to_assess, false, false, ""},
    {LetterKind::decision_not_to_assess, true, false, "s51(2)(a)"},
    {LetterKind::decision_not_to_issue, true, false, "s51(2)(b)"},
    {LetterKind::draft_plan, false, true, ""},
    {LetterKind::final_plan, true, false, "s51(2)(c)"},
    {LetterKind::review_maintain, true, false, "s51(2)(e)"},
    {LetterKind::review_amend, false, true, ""},
    {LetterKind::review_cease, true, false, "s51(2)(f)"},
    {LetterKind::decision_to_cease, true, false, "s51(2)(f)"},
    {LetterKind::transfer_in_assess, false, false, ""},
    {LetterKind::transfer_in_no_assessment, true, false, "s51(2)(a)"},
    {LetterKind::transfer_out, false, false, ""},
};

TEST(Letters, TheTableCoversEveryKind) {
  std::set<LetterKind> covered;
  for (const auto& c : kKinds) covered.insert(c.kind);
  EXPECT_EQ(covered.size(), kAllLetterKinds.size());
  for (LetterKind k : kAllLetterKinds) EXPECT_TRUE(covered.contains(k)) << to_string(k);
}

TEST(Letters, EveryKindCarriesWhatTheLawRequires) {
  const LetterFacts f = facts();
  const Date appeal_by = appeal_deadline(*f.decision_date, std::nullopt)->date;  // 14 April 2025
  ASSERT_EQ(appeal_by, d(2025, 4, 14));
  const Contacts c = demo_contacts();
  const std::string mediation_adviser =
      "Demo Mediation: phone 01632 960001, email mediation@demo.example, website https://mediation.demo.example";

  for (const auto& k : kKinds) {
    SCOPED_TRACE(std::string(to_string(k.kind)));
    const auto letter = compose_letter(k.kind, f);
    ASSERT_TRUE(letter) << letter.error().first_field() << ": " << letter.error().first_message();
    const std::string text = text_of(*letter);
    EXPECT_EQ(letter->kind, to_string(k.kind));
    EXPECT_EQ(is_appealable(k.kind), k.appealable);

    // Who, when, from whom.
    EXPECT_TRUE(contains(letter->subject, "Sam Taylor, born 3 May 2016: "));
    EXPECT_EQ(letter->date, "14 February 2025");
    EXPECT_EQ(letter->salutation, "Dear Ms Alex Taylor,");
    EXPECT_EQ(letter->sign_off, (std::vector<std::string>{"Yours sincerely", "Jo Patel", "SEN caseworker",
                                                          "Tandem Demo Borough Council"}));

    // Appeal right and its deadline exactly when the decision is appealable
    // (CFA s51(2); Tribunal Rules r20(1)(c)).
    EXPECT_EQ(letter->appeal_by.has_value(), k.appealable);
    if (k.appealable) {
      EXPECT_EQ(*letter->appeal_by, appeal_by);
    }
    const LetterSection* appeal = find_section(*letter, "Your right to appeal");
    EXPECT_EQ(appeal != nullptr, k.appealable);
    EXPECT_EQ(contains(text, "14 April 2025"), k.appealable);
    EXPECT_EQ(contains(text, "First-tier Tribunal (Special Educational Needs and Disability)"), k.appealable);
    if (appeal) {
      EXPECT_EQ(appeal->heading, "Your right to appeal: by 14 April 2025");
    }
    EXPECT_EQ(basis_mentions(*letter, "r20(1)(c)"), k.appealable);
    EXPECT_EQ(basis_mentions(*letter, "s51(2)"), k.appealable);
    if (k.appealable) {
      EXPECT_TRUE(basis_mentions(*letter, std::string("Children and Families Act 2014 ") + k.s51));
    }

    // Mediation (reg 32) with the adviser's contact, exactly when appealable.
    const LetterSection* mediation = find_section(*letter, "Mediation");
    EXPECT_EQ(mediation != nullptr, k.appealable);
    EXPECT_EQ(contains(text, mediation_adviser), k.appealable);
    EXPECT_EQ(contains(text, "mediation certificate"), k.appealable);
    EXPECT_EQ(basis_mentions(*letter, "regs 32-34"), k.appealable);
    if (mediation) {
      // reg 33: 2 months to contact the adviser; reg 34: certificate in 3 working days.
      EXPECT_TRUE(contains(text, "Contact the mediation adviser by 14 April 2025"));
      EXPECT_TRUE(contains(text, "within 3 working days"));
      // reg 32(f): whom at the council to tell.
      EXPECT_TRUE(contains(text, "To tell us you want mediation, contact Jo Patel (SEN caseworker), or the SEND team"));
    }

    // Disagreement resolution (CFA s57) and information, advice and support
    // (CFA s32) on every letter.
    EXPECT_NE(find_section(*letter, "Disagreement resolution"), nullptr);
    EXPECT_TRUE(contains(text, "Demo Disagreements: phone 01632 960002"));
    EXPECT_TRUE(basis_mentions(*letter, "s57"));
    EXPECT_NE(find_section(*letter, "Free, independent advice and support"), nullptr);
    EXPECT_TRUE(contains(text, "Demo SENDIASS: email sendiass@demo.example"));
    EXPECT_TRUE(basis_mentions(*letter, "s32"));

    // The comments window on drafts and proposed amendments (reg 13(1), 22(2)).
    EXPECT_EQ(letter->comments_by.has_value(), k.comments_window);
    const LetterSection* comments = find_section(*letter, "Your comments");
    EXPECT_EQ(comments != nullptr, k.comments_window);
    if (k.comments_window) {
      const CommentWindow w =
          k.kind == LetterKind::draft_plan ? draft_plan_comments(*f.served) : amendment_comments(*f.served);
      EXPECT_EQ(*letter->comments_by, w.last_day_for_comments.date);
      EXPECT_EQ(*letter->comments_by, d(2025, 3, 1));  // served 15 February is day 1
      EXPECT_EQ(comments->heading, "Your comments: by 1 March 2025");
      EXPECT_TRUE(contains(text, k.kind == LetterKind::draft_plan
                                     ? "We will not finalise the plan before 2 March 2025"
                                     : "We will not make the changes before 2 March 2025"));
      // The next steps come after the window.
      EXPECT_EQ(letter->sections[2].heading, "What happens next");
      EXPECT_TRUE(contains(text, "school, college or other setting you would like named"));
      EXPECT_TRUE(contains(text, "meet one of our officers"));
      EXPECT_TRUE(contains(text, "Demo Local Offer: website https://localoffer.demo.example"));
      EXPECT_TRUE(basis_mentions(*letter, k.kind == LetterKind::draft_plan ? "reg 13(1)" : "reg 22(2)"));
    }

    // Reasons, where a decision needs them, are in the letter.
    EXPECT_EQ(contains(text, "Sam's school can meet his needs"), k.appealable && k.kind != LetterKind::final_plan);

    // Never a blank where a value should be.
    EXPECT_FALSE(contains(text, ": .")) << text;
    EXPECT_FALSE(contains(text, "  ")) << text;
    for (const auto& s : letter->sections) {
      EXPECT_FALSE(s.heading.empty());
      EXPECT_FALSE(s.paragraphs.empty()) << s.heading;
      for (const auto& p : s.paragraphs) EXPECT_FALSE(p.empty()) << s.heading;
    }
    EXPECT_FALSE(letter->legal_basis.empty());
  }
}

// ---- Moves between councils (SEND Regulations 2014 reg 15) --------------------------

// Reg 15(4): within 6 weeks of the transfer the new council tells the family
// (a) that the plan has transferred, (b) whether it proposes to make an EHC
// needs assessment and (c) when it will review the plan, which reg 15(5) puts
// at the later of 12 months from the last review and 3 months from the
// transfer. The letter also says whether the council proposes to amend it.
TEST(Letters, APlanTransferredInSaysWhatReg15RequiresAndTheReviewDate) {
  const struct {
    LetterKind kind;
    Date last_reviewed;
    bool amend;
    Date review_by;
    const char* assessment;  // what the letter says of a new assessment
    const char* amendment;   // and of amending the plan
    const char* why;
  } cases[] = {
      {LetterKind::transfer_in_no_assessment, d(2024, 6, 10), false, d(2025, 6, 9),
       "We do not propose to carry out a new education, health and care (EHC) needs assessment for Sam Taylor.",
       "We do not propose to amend the plan now.",
       "reg 15(5)(a): 12 months from the last review (9 June 2025) is later than 3 months from the transfer"},
      {LetterKind::transfer_in_assess, d(2024, 3, 1), true, d(2025, 4, 19),
       "We propose to carry out a new education, health and care (EHC) needs assessment for Sam Taylor.",
       "We propose to amend the plan.",
       "reg 15(5)(b): 3 months from the transfer on 20 January 2025 (19 April) is later than 12 months from the "
       "last review"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    LetterFacts f = facts();
    f.plan_last_reviewed = c.last_reviewed;
    f.will_amend = c.amend;
    const auto letter = compose_letter(c.kind, f);
    ASSERT_TRUE(letter) << letter.error().first_field() << ": " << letter.error().first_message();
    const std::string text = text_of(*letter);
    EXPECT_EQ(letter->subject,
              "Sam Taylor, born 3 May 2016: the education, health and care plan has transferred to Tandem Demo "
              "Borough Council");
    // (a) transferred, from whom and when.
    EXPECT_TRUE(contains(text,
                         "Cumberland Council transferred Sam Taylor's education, health and care (EHC) plan to "
                         "us on 20 January 2025"));
    // (b) whether the council will assess afresh; and whether it will amend.
    EXPECT_TRUE(contains(text, c.assessment)) << text;
    EXPECT_TRUE(contains(text, c.amendment)) << text;
    // (c) when the plan will be reviewed.
    ASSERT_TRUE(letter->review_by.has_value());
    EXPECT_EQ(*letter->review_by, c.review_by);
    EXPECT_TRUE(contains(text, "We will review the plan by " + format_date_long(c.review_by)));
    EXPECT_TRUE(basis_mentions(*letter, "reg 15(3)-(5)"));
    EXPECT_EQ(basis_mentions(*letter, "reg 22"), c.amend) << "amendments go through a notice with 15 days";
  }
}

TEST(Letters, APlanTransferredOutTellsTheFamilyWhatTheNewCouncilMustDo) {
  LetterFacts f = facts();
  f.decision_date = d(2025, 1, 20);  // the notice goes the day the plan does
  const auto letter = compose_letter(LetterKind::transfer_out, f);
  ASSERT_TRUE(letter) << letter.error().first_field() << ": " << letter.error().first_message();
  const std::string text = text_of(*letter);
  EXPECT_EQ(letter->subject,
            "Sam Taylor, born 3 May 2016: we have transferred the education, health and care plan to Cumberland "
            "Council");
  EXPECT_TRUE(contains(text, "to Cumberland Council on 20 January 2025"));
  EXPECT_TRUE(contains(text, "We no longer maintain it"));
  // Reg 15(4): 6 weeks counted from the transfer day; reg 15(5): the review.
  EXPECT_TRUE(contains(text, "Cumberland Council must write to you by 2 March 2025, 6 weeks from the transfer"));
  EXPECT_TRUE(contains(text, "It must review the plan by 9 June 2025"));
  EXPECT_TRUE(basis_mentions(*letter, "reg 15(2)-(3)"));
  EXPECT_FALSE(letter->appeal_by.has_value()) << "a transfer is not a decision the family can appeal";
}

// ---- Dates --------------------------------------------------------------------------

TEST(Letters, TheAppealDeadlineIsTheClocks) {
  const struct {
    Date decided;
    Date expected;
    const char* shown;
    const char* why;
  } cases[] = {
      {d(2025, 2, 14), d(2025, 4, 14), "14 April 2025", "2 months from the notice"},
      {d(2024, 12, 31), d(2025, 2, 28), "28 February 2025", "31 December + 2 months: the last day of February"},
      {d(2023, 12, 30), d(2024, 2, 29), "29 February 2024", "leap year"},
      {d(2025, 8, 31), d(2025, 10, 31), "31 October 2025", "31 August + 2 months"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    LetterFacts f = facts();
    f.decision_date = c.decided;
    f.served = c.decided;
    f.review_meeting = c.decided;
    f.transferred_on = c.decided;
    f.plan_last_reviewed = c.decided;
    ASSERT_EQ(appeal_deadline(c.decided, std::nullopt)->date, c.expected);
    for (LetterKind k : kAllLetterKinds) {
      if (!is_appealable(k)) continue;
      const auto letter = compose_letter(k, f);
      ASSERT_TRUE(letter);
      EXPECT_EQ(letter->appeal_by, c.expected) << to_string(k);
      EXPECT_EQ(find_section(*letter, "Your right to appeal")->heading,
                std::string("Your right to appeal: by ") + c.shown);
    }
  }
}

TEST(Letters, AssessmentLettersShowTheStatutoryDatesWhenTheRequestDateIsKnown) {
  LetterFacts f = facts();
  f.request_received = d(2025, 1, 6);  // 16 weeks: 28 April; 20 weeks: 26 May
  const auto assess = compose_letter(LetterKind::decision_to_assess, f);
  ASSERT_TRUE(assess);
  EXPECT_TRUE(contains(text_of(*assess), "we must tell you by 28 April 2025"));
  EXPECT_TRUE(contains(text_of(*assess), "we must send you the final plan by 26 May 2025"));
  const auto draft = compose_letter(LetterKind::draft_plan, f);
  ASSERT_TRUE(draft);
  EXPECT_TRUE(contains(text_of(*draft), "final plan by 26 May 2025"));

  f.request_received.reset();
  EXPECT_FALSE(contains(text_of(*compose_letter(LetterKind::decision_to_assess, f)), "26 May 2025"));
}

TEST(Letters, AmendmentsShowWhenTheAmendedPlanIsDue) {
  const auto letter = compose_letter(LetterKind::review_amend, facts());
  ASSERT_TRUE(letter);
  // 8 weeks from the notice, reg 22(3).
  EXPECT_EQ(amended_plan_after_notice(d(2025, 2, 14)).date, d(2025, 4, 11));
  EXPECT_TRUE(contains(text_of(*letter), "final amended plan by 11 April 2025"));
}

// ---- Kind-specific content -------------------------------------------------------

TEST(Letters, FinalPlanNamesTheSettingOrSaysThereIsNone) {
  LetterFacts f = facts();
  std::string text = text_of(*compose_letter(LetterKind::final_plan, f));
  EXPECT_TRUE(contains(text, "The plan names Demo Primary School in section I."));
  // Placement-only appeals need no mediation certificate (CFA s55).
  EXPECT_TRUE(contains(text, "do not need a mediation certificate if your appeal is only about the school"));
  // Tribunal recommendations on health and social care.
  EXPECT_TRUE(contains(text, "recommendations about the health and social care"));
  // The first review, CFA s44(1): within 12 months of the plan being made.
  EXPECT_TRUE(contains(text, "the first review must be by 13 February 2026"));
  EXPECT_FALSE(contains(text, "under 5"));

  f.named_setting.clear();
  f.child_date_of_birth = d(2021, 9, 1);
  text = text_of(*compose_letter(LetterKind::final_plan, f));
  EXPECT_TRUE(contains(text, "does not name a school, college or other setting"));
  EXPECT_TRUE(contains(text, "is under 5, we will consider reviewing the plan every 3 to 6 months"));

  // Only a plan has a placement to appeal alone.
  EXPECT_FALSE(contains(text_of(*compose_letter(LetterKind::decision_not_to_assess, facts())),
                        "do not need a mediation certificate"));
}

TEST(Letters, CeasingSaysThePlanContinuesWhileAnAppealIsPossible) {
  for (LetterKind k : {LetterKind::review_cease, LetterKind::decision_to_cease}) {
    const auto letter = compose_letter(k, facts());
    ASSERT_TRUE(letter);
    const LetterSection* s = find_section(*letter, "What happens to the plan");
    ASSERT_NE(s, nullptr) << to_string(k);
    EXPECT_TRUE(contains(s->paragraphs.front(), "after 14 April 2025"));
    EXPECT_TRUE(contains(s->paragraphs.front(), "until the Tribunal has decided your appeal"));
    EXPECT_TRUE(basis_mentions(*letter, "s45"));
    EXPECT_TRUE(basis_mentions(*letter, "reg 31"));
  }
  EXPECT_TRUE(contains(text_of(*compose_letter(LetterKind::review_cease, facts())),
                       "After the review meeting for Sam Taylor on 27 January 2025"));
}

TEST(Letters, AYoungPersonIsWrittenToAboutThemselves) {
  LetterFacts f = facts();
  f.child_name = "Robin Shaw";
  f.child_date_of_birth = d(2006, 10, 2);
  f.addressee = Addressee::young_person;
  f.addressee_name = "Robin Shaw";
  const auto letter = compose_letter(LetterKind::decision_not_to_assess, f);
  ASSERT_TRUE(letter);
  const std::string text = text_of(*letter);
  EXPECT_TRUE(contains(text, "needs assessment for you at this time"));
  EXPECT_TRUE(contains(text, "Your school or college should keep supporting you"));
  EXPECT_FALSE(contains(text, "Robin Shaw's"));
  EXPECT_TRUE(contains(letter->subject, "Robin Shaw, born 2 October 2006"));
}

TEST(Letters, ProposedAmendmentsAreListed) {
  LetterFacts f = facts();
  f.proposed_amendments = {"to add speech and language therapy to section F.", ""};
  const auto letter = compose_letter(LetterKind::review_amend, f);
  ASSERT_TRUE(letter);
  const LetterSection* s = find_section(*letter, "The changes we propose");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->paragraphs.back(), "We propose: to add speech and language therapy to section F.");
}

// ---- Missing contacts: said plainly, never a blank ------------------------------

TEST(Letters, AMissingContactIsSaidPlainly) {
  LetterFacts f = facts();
  f.contacts = Contacts{};
  for (LetterKind k : kAllLetterKinds) {
    SCOPED_TRACE(std::string(to_string(k)));
    const auto letter = compose_letter(k, f);
    ASSERT_TRUE(letter);
    const std::string text = text_of(*letter);
    EXPECT_EQ(contains(text, "Ask the SEND team for the mediation adviser's details."), is_appealable(k));
    EXPECT_TRUE(contains(text, "Ask the SEND team for the disagreement resolution service's details."));
    EXPECT_TRUE(contains(text, "Ask the SEND team for the details of the information, advice and support service."));
    EXPECT_EQ(contains(text, "Ask the SEND team where to find information about the schools and colleges"),
              k == LetterKind::draft_plan || k == LetterKind::review_amend);
    EXPECT_TRUE(contains(text,
                         "contact Jo Patel (SEN caseworker), who wrote it, in the SEND team at Tandem Demo "
                         "Borough Council."));
    EXPECT_FALSE(contains(text, "The mediation adviser is"));
    EXPECT_FALSE(contains(text, "phone"));
    EXPECT_FALSE(contains(text, "website"));
    EXPECT_FALSE(contains(text, ": ."));
    EXPECT_FALSE(contains(text, "Contact ."));
  }
}

TEST(Letters, AContactWithOnlyAWebsiteShowsIt) {
  // As Stockport's profile has it, from its seed: a name and a web address.
  LetterFacts f = facts();
  f.contacts = Contacts{};
  f.contacts.mediation = Contact{"Essential Mediation", std::nullopt, std::nullopt, "www.essentialmediation.co.uk"};
  const std::string text = text_of(*compose_letter(LetterKind::decision_to_cease, f));
  EXPECT_TRUE(contains(text, "The mediation adviser is Essential Mediation: website www.essentialmediation.co.uk."));
  EXPECT_FALSE(contains(text, "Ask the SEND team for the mediation adviser's details."));
}

// ---- Bad facts: each names its field ---------------------------------------------

TEST(Letters, BadFactsNameTheField) {
  const struct {
    LetterKind kind;
    void (*change)(LetterFacts&);
    const char* field;
    const char* message_part;
  } cases[] = {
      {LetterKind::decision_not_to_assess, [](LetterFacts& f) { f.decision_date.reset(); }, "decision_date",
       "date of the decision"},
      {LetterKind::decision_to_cease, [](LetterFacts& f) { f.reasons.clear(); }, "reasons", "say why"},
      {LetterKind::review_cease, [](LetterFacts& f) { f.reasons = {"  "}; }, "reasons", "reasons"},
      {LetterKind::decision_not_to_issue, [](LetterFacts& f) { f.reasons.clear(); }, "reasons", "reasons"},
      {LetterKind::review_maintain, [](LetterFacts& f) { f.reasons.clear(); }, "reasons", "reasons"},
      {LetterKind::draft_plan, [](LetterFacts& f) { f.served.reset(); }, "served", "15 days"},
      {LetterKind::review_amend, [](LetterFacts& f) { f.served = d(2025, 2, 13); }, "served", "before"},
      {LetterKind::review_maintain, [](LetterFacts& f) { f.review_meeting.reset(); }, "review_meeting",
       "review meeting"},
      {LetterKind::review_amend, [](LetterFacts& f) { f.review_meeting = d(2025, 2, 15); }, "review_meeting",
       "on or before"},
      {LetterKind::final_plan, [](LetterFacts& f) { f.child_name = ""; }, "child_name", "name"},
      {LetterKind::final_plan, [](LetterFacts& f) { f.child_date_of_birth.reset(); }, "child_date_of_birth",
       "date of birth"},
      {LetterKind::final_plan, [](LetterFacts& f) { f.child_date_of_birth = d(2025, 3, 1); }, "child_date_of_birth",
       "on or before"},
      {LetterKind::decision_to_assess, [](LetterFacts& f) { f.addressee_name = " "; }, "addressee_name", "parent"},
      {LetterKind::decision_to_assess, [](LetterFacts& f) { f.caseworker_name.clear(); }, "caseworker_name",
       "caseworker"},
      {LetterKind::decision_to_assess, [](LetterFacts& f) { f.authority.clear(); }, "authority", "council"},
      {LetterKind::decision_to_assess, [](LetterFacts& f) { f.request_received = d(2025, 2, 20); }, "request_received",
       "on or before"},
      {LetterKind::transfer_out, [](LetterFacts& f) { f.other_authority = " "; }, "other_authority", "transferred to"},
      {LetterKind::transfer_in_assess, [](LetterFacts& f) { f.other_authority.clear(); }, "other_authority",
       "transferred from"},
      {LetterKind::transfer_in_assess, [](LetterFacts& f) { f.transferred_on.reset(); }, "transferred_on",
       "day the plan was transferred"},
      {LetterKind::transfer_out, [](LetterFacts& f) { f.transferred_on = d(2025, 2, 15); }, "transferred_on",
       "on or before"},
      {LetterKind::transfer_in_no_assessment, [](LetterFacts& f) { f.plan_last_reviewed.reset(); },
       "plan_last_reviewed", "review date depends on it"},
      {LetterKind::transfer_in_assess, [](LetterFacts& f) { f.plan_last_reviewed = d(2025, 1, 21); },
       "plan_last_reviewed", "after it was transferred"},
      {LetterKind::transfer_in_assess, [](LetterFacts& f) { f.will_amend.reset(); }, "will_amend", "amend"},
      {LetterKind::transfer_in_no_assessment, [](LetterFacts& f) { f.reasons.clear(); }, "reasons", "reasons"},
      // A child of 8 (born May 2016) is not a young person: the letter goes to the parent.
      {LetterKind::decision_to_assess, [](LetterFacts& f) { f.addressee = Addressee::young_person; }, "addressee",
       "compulsory school age until 25 June 2032"},
  };
  for (const auto& c : cases) {
    LetterFacts f = facts();
    c.change(f);
    const auto letter = compose_letter(c.kind, f);
    ASSERT_FALSE(letter) << c.field;
    ASSERT_EQ(letter.error().fields.size(), 1u) << c.field << ": " << letter.error().first_message();
    EXPECT_EQ(letter.error().first_field(), c.field);
    EXPECT_TRUE(contains(letter.error().first_message(), c.message_part))
        << c.field << ": " << letter.error().first_message();
  }
}

TEST(Letters, EveryMissingFactIsReportedTogether) {
  const auto letter = compose_letter(LetterKind::review_cease, LetterFacts{});
  ASSERT_FALSE(letter);
  EXPECT_EQ(error_fields(letter.error()),
            (std::set<std::string>{"child_name", "child_date_of_birth", "addressee_name", "decision_date",
                                   "caseworker_name", "authority", "reasons", "review_meeting"}));
}

TEST(Letters, KindsThatNeedNoReasonsOrDatesDoNotAskForThem) {
  LetterFacts f = facts();
  f.reasons.clear();
  f.served.reset();
  f.review_meeting.reset();
  for (LetterKind k : {LetterKind::decision_to_assess, LetterKind::final_plan}) {
    EXPECT_TRUE(compose_letter(k, f)) << to_string(k);
  }
}

TEST(Letters, AYoungPersonIsOneFromTheSchoolLeavingDate) {
  // Compulsory school age ends on the last Friday in June of the school year
  // in which the child turns 16.
  const struct {
    Date born;
    Date leaving;
  } cases[] = {
      {d(2008, 8, 31), d(2024, 6, 28)},  // youngest in the year: turns 16 in August 2024
      {d(2008, 9, 1), d(2025, 6, 27)},   // oldest in the next year
      {d(2009, 1, 15), d(2025, 6, 27)},
  };
  for (const auto& c : cases) {
    LetterFacts f = facts();
    f.child_date_of_birth = c.born;
    f.addressee = Addressee::young_person;
    f.decision_date = c.leaving - std::chrono::days{1};
    EXPECT_FALSE(compose_letter(LetterKind::decision_to_assess, f)) << format_date(c.born);
    f.decision_date = c.leaving;
    EXPECT_TRUE(compose_letter(LetterKind::decision_to_assess, f)) << format_date(c.born);
  }
}

TEST(Letters, ARepresentativeWritesForAYoungPersonOnly) {
  // CFA s80: a representative acts for a young person who lacks capacity; a
  // child's letters go to the parent.
  LetterFacts f = facts();
  f.child_name = "Robin Shaw";
  f.child_date_of_birth = d(2006, 10, 2);
  f.addressee = Addressee::representative;
  f.addressee_name = "Ms Jo Shaw (deputy)";
  const auto letter = compose_letter(LetterKind::decision_not_to_assess, f);
  ASSERT_TRUE(letter);
  EXPECT_TRUE(contains(text_of(*letter), "Robin Shaw's")) << "told about the young person, as a parent is";
  f.child_date_of_birth = *f.decision_date - std::chrono::days{365 * 10};
  const auto refused = compose_letter(LetterKind::decision_not_to_assess, f);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().first_field(), "addressee");
}

// ---- Kinds by name ---------------------------------------------------------------

TEST(Letters, KindsRoundTripByName) {
  for (LetterKind k : kAllLetterKinds) {
    EXPECT_EQ(parse_letter_kind("kind", to_string(k)), k);
    EXPECT_FALSE(letter_kind_label(k).empty());
  }
  const auto bad = parse_letter_kind("kind", "refusal");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().first_field(), "kind");
  EXPECT_TRUE(contains(bad.error().first_message(), "decision_not_to_assess"));
}

}  // namespace
}  // namespace tandem
