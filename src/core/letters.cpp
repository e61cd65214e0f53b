#include "core/letters.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/area_move.h"
#include "core/ehc_clock.h"

namespace tandem {

namespace {

using std::chrono::days;

// ---- The law behind each letter, as footnotes ------------------------------------
// Where a paragraph number below was not read in the primary text it says so,
// as domain.md does.

constexpr std::string_view kS30 =
    "Children and Families Act 2014 s30: the Local Offer, where the area publishes the provision it expects to be "
    "available, including schools and colleges";
constexpr std::string_view kS32 =
    "Children and Families Act 2014 s32: the council must arrange for information, advice and support about special "
    "educational needs and disability for children, young people and parents";
constexpr std::string_view kS36 =
    "Children and Families Act 2014 s36: requests for an education, health and care needs assessment, and the "
    "decision whether one is needed";
constexpr std::string_view kS38 =
    "Children and Families Act 2014 s38: the draft plan, and the right to ask for a particular school or other "
    "institution to be named in it";
constexpr std::string_view kS44 = "Children and Families Act 2014 s44: reviews of the plan, at least every 12 months";
constexpr std::string_view kS45 =
    "Children and Families Act 2014 s45: ceasing to maintain a plan; a plan under appeal is maintained until the "
    "time for appealing has passed or the appeal is decided";
constexpr std::string_view kS49 =
    "Children and Families Act 2014 s49: a personal budget for provision in the plan, on request";
constexpr std::string_view kS57 =
    "Children and Families Act 2014 s57: independent disagreement resolution, which is voluntary and does not "
    "affect the right to appeal";
constexpr std::string_view kMediation =
    "Children and Families Act 2014 s52-55 and SEND Regulations 2014 regs 32-34: the right to mediation; the "
    "mediation certificate needed before an appeal, except one only about the school or setting named in a plan; "
    "contacting the mediation adviser within 2 months of the notice; and the certificate within 3 working days "
    "when mediation is not wanted";
constexpr std::string_view kRecommendations =
    "Special Educational Needs and Disability (First-tier Tribunal Recommendations Power) Regulations 2017: "
    "recommendations about health and social care in an appeal that includes an education issue";
constexpr std::string_view kReg5 =
    "SEND Regulations 2014 reg 5(1) and (3): the decision whether to assess is sent within 6 weeks of the request; "
    "a decision not to assess comes with the right to appeal, its time limit, the mediation information of reg 32, "
    "and where to find disagreement resolution and information and advice";
constexpr std::string_view kReg5Assess =
    "SEND Regulations 2014 reg 5(1): the decision whether to assess is sent within 6 weeks of the request";
constexpr std::string_view kReg10 =
    "SEND Regulations 2014 reg 10(1) and (3): a decision not to issue a plan is sent within 16 weeks of the "
    "request, with the right to appeal, its time limit, the mediation information of reg 32, and where to find "
    "disagreement resolution and information and advice";
constexpr std::string_view kReg10And13 =
    "SEND Regulations 2014 regs 10(1) and 13(2): a decision not to issue a plan within 16 weeks of the request, "
    "and the final plan within 20 weeks";
constexpr std::string_view kReg13_2 =
    "SEND Regulations 2014 reg 13(2): the final plan is sent within 20 weeks of the request";
// Reg 14(2) as reg 45(3A)(b) and commentary describe it; its text was not read.
constexpr std::string_view kReg14 =
    "SEND Regulations 2014 reg 14(2): the final plan comes with the right to appeal, its time limit, the mediation "
    "information of reg 32, and where to find disagreement resolution and information and advice";
// Regs 20(10) and 21(8) as domain.md gives them; paragraph numbers unverified.
constexpr std::string_view kReg20 =
    "SEND Regulations 2014 regs 20 and 21: after a review meeting, the decision to keep, amend or cease the plan "
    "is sent within 4 weeks; keeping it unchanged comes with the right to appeal, its time limit, the mediation "
    "information of reg 32, and where to find disagreement resolution and information and advice";
constexpr std::string_view kReg22 =
    "SEND Regulations 2014 reg 22(2)-(3): proposed amendments are sent with the evidence for them, at least 15 days "
    "to comment, to ask for a school or other setting to be named and to ask for a meeting, and where to find "
    "information about schools and colleges; the amended plan follows within 8 weeks";
constexpr std::string_view kReg31 =
    "SEND Regulations 2014 reg 31: the council consults before deciding to cease a plan, and the decision comes "
    "with the right to appeal, its time limit, the mediation information of reg 32, and where to find "
    "disagreement resolution and information and advice";

constexpr std::string_view kReg15Out =
    "SEND Regulations 2014 reg 15(2)-(3): when a child or young person with a plan moves to another council's area, "
    "the old council transfers the plan on the day of the move, or within 15 working days of learning of it, and "
    "from then the new council maintains it";
constexpr std::string_view kReg15In =
    "SEND Regulations 2014 reg 15(3)-(5): the new council maintains a transferred plan as if it had made it; within "
    "6 weeks of the transfer it tells the family that the plan has transferred, whether it proposes to make an EHC "
    "needs assessment and when it will review the plan, by the later of 12 months from the last review and 3 "
    "months from the transfer";
constexpr std::string_view kReg22Transfer =
    "SEND Regulations 2014 reg 22: amendments to a plan are proposed in a notice with the evidence for them and at "
    "least 15 days for comments";

// What the family can appeal, for each appealable kind (CFA s51(2)).
constexpr std::string_view kS51a =
    "Children and Families Act 2014 s51(2)(a): appeal to the First-tier Tribunal against a decision not to "
    "assess";
constexpr std::string_view kS51aTransfer =
    "Children and Families Act 2014 s51(2)(a): appeal to the First-tier Tribunal against a decision not to secure "
    "an EHC needs assessment, read here as including the decision of reg 15(4)(b) after a transfer";
constexpr std::string_view kS51b =
    "Children and Families Act 2014 s51(2)(b): appeal to the First-tier Tribunal against a decision, after an "
    "assessment, that a plan is not needed";
constexpr std::string_view kS51c =
    "Children and Families Act 2014 s51(2)(c) and (3): appeal to the First-tier Tribunal about sections B, F and I "
    "of a plan when it is first finalised or amended";
constexpr std::string_view kS51e =
    "Children and Families Act 2014 s51(2)(e): appeal to the First-tier Tribunal against a decision not to amend a "
    "plan after a review";
constexpr std::string_view kS51f =
    "Children and Families Act 2014 s51(2)(f): appeal to the First-tier Tribunal against a decision to cease to "
    "maintain a plan";

// What a letter says where the area has not listed a contact: never a blank.
constexpr std::string_view kAskForMediation = "Ask the SEND team for the mediation adviser's details.";
constexpr std::string_view kAskForDisagreementResolution =
    "Ask the SEND team for the disagreement resolution service's details.";
constexpr std::string_view kAskForInformationAdvice =
    "Ask the SEND team for the details of the information, advice and support service.";
constexpr std::string_view kAskForLocalOffer =
    "Ask the SEND team where to find information about the schools and colleges available.";

// ---- Wording --------------------------------------------------------------------

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string long_date(Date d) { return format_date_long(d); }

// "Essential Mediation: website www.essentialmediation.co.uk"
std::string describe(const Contact& c) {
  std::vector<std::string> ways;
  if (c.phone) ways.push_back("phone " + *c.phone);
  if (c.email) ways.push_back("email " + *c.email);
  if (c.web) ways.push_back("website " + *c.web);
  return ways.empty() ? c.name : c.name + ": " + join(ways, ", ");
}

// The letter speaks to the parent about their child, or to the young person
// about themselves.
struct Voice {
  std::string them;   // "Sam Taylor" / "you"
  std::string their;  // "Sam Taylor's" / "your"
  bool young_person;
};

Voice voice(const LetterFacts& f) {
  if (f.addressee == Addressee::young_person) return {"you", "your", true};
  return {f.child_name, f.child_name + "'s", false};
}

// The last day of compulsory school age: the last Friday in June of the school
// year (1 September to 31 August) in which the child turns 16 (Education Act
// 1996 s8; the school leaving date). A young person (CFA s83(2), number
// unverified) is past it.
Date school_leaving_date(Date birth) {
  const std::chrono::year_month_day ymd{birth};
  int year = static_cast<int>(ymd.year()) + 16;
  if (static_cast<unsigned>(ymd.month()) >= 9) ++year;
  const Date june_30 = make_date(year, 6, 30);
  const unsigned back = (std::chrono::weekday{june_30}.c_encoding() + 7 - std::chrono::Friday.c_encoding()) % 7;
  return june_30 - days{back};
}

bool is_transfer(LetterKind kind) {
  return kind == LetterKind::transfer_in_assess || kind == LetterKind::transfer_in_no_assessment ||
         kind == LetterKind::transfer_out;
}
bool needs_reasons(LetterKind kind) { return is_appealable(kind) && kind != LetterKind::final_plan; }
bool needs_served(LetterKind kind) { return kind == LetterKind::draft_plan || kind == LetterKind::review_amend; }
bool after_review(LetterKind kind) {
  return kind == LetterKind::review_maintain || kind == LetterKind::review_amend || kind == LetterKind::review_cease;
}

std::vector<FieldError> check(LetterKind kind, const LetterFacts& f) {
  std::vector<FieldError> errors;
  auto need_text = [&](std::string_view field, const std::string& value, std::string message) {
    if (blank(value)) errors.push_back({std::string(field), std::move(message)});
  };
  need_text("child_name", f.child_name, "Enter the name of the child or young person");
  if (!f.child_date_of_birth) {
    errors.push_back({"child_date_of_birth", "Enter the date of birth of the child or young person"});
  } else if (f.decision_date && *f.child_date_of_birth > *f.decision_date) {
    errors.push_back({"child_date_of_birth",
                      "Date of birth must be on or before the decision date (" + long_date(*f.decision_date) + ")"});
  }
  need_text("addressee_name", f.addressee_name,
            f.addressee == Addressee::young_person ? "Enter the young person's name as the letter should address them"
            : f.addressee == Addressee::representative
                ? "Enter the representative's name as the letter should address them"
                : "Enter the parent's name as the letter should address them");
  if (f.addressee != Addressee::parent && f.child_date_of_birth && f.decision_date &&
      *f.decision_date < school_leaving_date(*f.child_date_of_birth)) {
    errors.push_back({"addressee", "Write to the parent: " + (blank(f.child_name) ? "the child" : f.child_name) +
                                       " is of compulsory school age until " +
                                       long_date(school_leaving_date(*f.child_date_of_birth)) +
                                       ", so is not yet a young person"});
  }
  if (!f.decision_date)
    errors.push_back({"decision_date", "Enter the date of the decision, which is the letter's date"});
  need_text("caseworker_name", f.caseworker_name, "Enter the name of the caseworker signing the letter");
  need_text("authority", f.authority, "Enter the council sending the letter");

  if (needs_reasons(kind)) {
    const bool none = std::all_of(f.reasons.begin(), f.reasons.end(), [](const std::string& r) { return blank(r); });
    if (none) {
      errors.push_back({"reasons", "Give the reasons for the decision: a " + std::string(letter_kind_label(kind)) +
                                       " letter must say why, so the family can decide whether to challenge it"});
    }
  }
  if (needs_served(kind)) {
    const std::string what = kind == LetterKind::draft_plan ? "draft plan" : "proposed amendments";
    if (!f.served) {
      errors.push_back({"served", "Enter the day the " + what + " were served: the 15 days for comments start then"});
    } else if (f.decision_date && *f.served < *f.decision_date) {
      errors.push_back({"served", "The " + what + " cannot be served before the letter's date (" +
                                      long_date(*f.decision_date) + ")"});
    }
  }
  if (after_review(kind)) {
    if (!f.review_meeting) {
      errors.push_back({"review_meeting", "Enter the date of the review meeting"});
    } else if (f.decision_date && *f.review_meeting > *f.decision_date) {
      errors.push_back({"review_meeting", "The review meeting must be on or before the decision date (" +
                                              long_date(*f.decision_date) + ")"});
    }
  }
  if (is_transfer(kind)) {
    need_text("other_authority", f.other_authority,
              kind == LetterKind::transfer_out ? "Enter the council the plan was transferred to"
                                               : "Enter the council the plan was transferred from");
    if (!f.transferred_on) {
      errors.push_back({"transferred_on", "Enter the day the plan was transferred"});
    } else if (f.decision_date && *f.transferred_on > *f.decision_date) {
      errors.push_back({"transferred_on", "The plan must have been transferred on or before the letter's date (" +
                                              long_date(*f.decision_date) + ")"});
    }
  }
  if (kind == LetterKind::transfer_in_assess || kind == LetterKind::transfer_in_no_assessment) {
    if (!f.plan_last_reviewed) {
      errors.push_back({"plan_last_reviewed",
                        "Enter the day the old council made or last reviewed the plan: the review date depends on it"});
    } else if (f.transferred_on && *f.plan_last_reviewed > *f.transferred_on) {
      errors.push_back({"plan_last_reviewed", "The plan cannot have been reviewed after it was transferred"});
    }
    if (!f.will_amend) errors.push_back({"will_amend", "Say whether the council proposes to amend the plan"});
  }
  if (f.request_received && f.decision_date && *f.request_received > *f.decision_date) {
    errors.push_back({"request_received", "The request must have been received on or before the decision date (" +
                                              long_date(*f.decision_date) + ")"});
  }
  return errors;
}

// ---- Composing ------------------------------------------------------------------

class Composer {
 public:
  Composer(LetterKind kind, const LetterFacts& f) : kind_(kind), f_(f), v_(voice(f)) {}

  Letter compose() {
    letter_.kind = std::string(to_string(kind_));
    letter_.date = long_date(*f_.decision_date);
    letter_.addressee = f_.addressee_name;
    letter_.address = f_.addressee_address;
    letter_.reference = f_.reference;
    letter_.salutation = "Dear " + f_.addressee_name + ",";
    letter_.subject = f_.child_name + ", born " + long_date(*f_.child_date_of_birth) + ": " + summary();

    decision();
    if (kind_ == LetterKind::draft_plan || kind_ == LetterKind::review_amend) {
      comments();
      section("What happens next", std::move(after_comments_));
    }
    if (is_appealable(kind_)) {
      letter_.appeal_by = appeal_deadline(*f_.decision_date, std::nullopt)->date;
      mediation();
      appeal();
    }
    disagreement_resolution();
    information_advice();
    contact_us();

    letter_.sign_off = {"Yours sincerely", f_.caseworker_name};
    if (!blank(f_.caseworker_title)) letter_.sign_off.push_back(f_.caseworker_title);
    letter_.sign_off.push_back(f_.authority);
    return std::move(letter_);
  }

 private:
  void section(std::string heading, std::vector<std::string> paragraphs) {
    letter_.sections.push_back({std::move(heading), std::move(paragraphs)});
  }
  void basis(std::string_view line) {
    if (std::find(letter_.legal_basis.begin(), letter_.legal_basis.end(), line) == letter_.legal_basis.end()) {
      letter_.legal_basis.emplace_back(line);
    }
  }
  void add_reasons(std::vector<std::string>& paragraphs) const {
    for (const auto& r : f_.reasons) {
      if (!blank(r)) paragraphs.push_back(r);
    }
  }
  std::string date() const { return letter_.date; }

  std::string summary() const {
    switch (kind_) {
      case LetterKind::decision_to_assess: return "we will carry out an education, health and care needs assessment";
      case LetterKind::decision_not_to_assess:
        return "we will not carry out an education, health and care needs assessment";
      case LetterKind::decision_not_to_issue: return "we will not issue an education, health and care plan";
      case LetterKind::draft_plan: return "draft education, health and care plan for your comments";
      case LetterKind::final_plan: return "final education, health and care plan";
      case LetterKind::review_maintain:
        return "after the review, we will keep the education, health and care plan "
               "as it is";
      case LetterKind::review_amend:
        return "after the review, the changes we propose to the education, health and "
               "care plan";
      case LetterKind::review_cease:
        return "after the review, we will stop maintaining the education, health and "
               "care plan";
      case LetterKind::decision_to_cease: return "we will stop maintaining the education, health and care plan";
      case LetterKind::transfer_in_assess:
      case LetterKind::transfer_in_no_assessment:
        return "the education, health and care plan has transferred to " + f_.authority;
      case LetterKind::transfer_out:
        return "we have transferred the education, health and care plan to " + f_.other_authority;
    }
    return "";
  }

  // The first section: the decision, why, and what happens next.
  void decision() {
    const Date on = *f_.decision_date;
    switch (kind_) {
      case LetterKind::decision_to_assess: {
        // CFA s36(8); reg 5(1). The 16- and 20-week dates: regs 10(1), 13(2).
        section("Our decision", {"We have decided to carry out an education, health and care (EHC) needs assessment "
                                 "for " +
                                 v_.them + ". The assessment will find out what " + v_.their +
                                 " special educational needs are and what help is needed to meet them."});
        std::vector<std::string> next{
            "We will ask for advice from " + v_.their +
                " school or other setting, from health and social care services, from an educational psychologist "
                "and from anyone else who can help. We will ask for your views, wishes and feelings" +
                (v_.young_person ? "." : ", and for " + v_.their + " own.") +
                " You can send us any information or reports you think we should see.",
            "When the assessment is finished, we will decide whether an EHC plan is needed. If it is, we will send "
            "you a draft plan to comment on before it is finalised. If it is not, we will tell you why and how you "
            "can challenge that decision."};
        if (f_.request_received) {
          const auto d = assessment_deadlines(*f_.request_received);
          next.push_back("We received the request on " + long_date(*f_.request_received) +
                         ". If we decide a plan is not needed, we must tell you by " +
                         long_date(d.notify_decision_not_to_issue.date) +
                         ". If a plan is needed, we must send you the final plan by " + long_date(d.final_plan.date) +
                         ". If something the law allows for stops us meeting these dates, such as a long school "
                         "closure, we will tell you what it is and why.");
        }
        section("What happens next", std::move(next));
        basis(kS36);
        basis(kReg5Assess);
        if (f_.request_received) basis(kReg10And13);
        return;
      }
      case LetterKind::decision_not_to_assess: {
        section("Our decision",
                {"We have decided not to carry out an education, health and care (EHC) needs assessment for " +
                 v_.them + " at this time."});
        std::vector<std::string> why;
        add_reasons(why);
        section("Why we made this decision", std::move(why));
        section("What happens next",
                {v_.young_person ? "Your school or college should keep supporting you from its own resources "
                                   "(SEN support), and review that support with you."
                                 : v_.their + " school or other setting should keep supporting " + v_.them +
                                       " from its own resources (SEN support), and review that support with you.",
                 "You can ask us again if things change, for example if new evidence about " + v_.their +
                     " needs comes to light."});
        basis(kS36);
        basis(kReg5);
        basis(kS51a);
        return;
      }
      case LetterKind::decision_not_to_issue: {
        section("Our decision", {"We have finished the education, health and care (EHC) needs assessment for " +
                                 v_.them + ". We have decided that an EHC plan is not needed."});
        std::vector<std::string> why;
        add_reasons(why);
        section("Why we made this decision", std::move(why));
        section("What happens next",
                {"The advice and information gathered during the assessment can help " + v_.their +
                     " school or other setting plan the support it gives. Ask us if you would like copies.",
                 "You can ask us for an assessment again if things change."});
        basis(kReg10);
        basis(kS51b);
        return;
      }
      case LetterKind::draft_plan: {
        // CFA s38; reg 13(1). The draft names no school or setting: the family
        // may ask for one first.
        std::vector<std::string> plan{
            "We enclose the draft education, health and care (EHC) plan for " + v_.them +
                ", with the advice and information gathered during the assessment.",
            "It is a draft: it can still change, and we want your views on it. Section I, which will name the "
            "school, college or other setting, is left empty until you have had the chance to ask for one.",
            "You can also ask us to prepare a personal budget for some of the provision in the plan."};
        if (f_.request_received) {
          plan.push_back("We must send you the final plan by " +
                         long_date(assessment_deadlines(*f_.request_received).final_plan.date) +
                         ", 20 weeks from the day we received the request.");
          basis(kReg13_2);
        }
        section("The draft plan", std::move(plan));
        after_comments_ = {
            "When the time for comments is over, we will consider what you have told us. If you ask for a "
            "particular school, college or other setting, we will consult it before deciding what to name in the "
            "plan. Then we will send you the final plan.",
            "If you disagree with the final plan, you will be able to go to mediation and appeal to the Tribunal. "
            "We will tell you how when we send it."};
        basis(kS38);
        basis(kS49);
        return;
      }
      case LetterKind::final_plan: {
        std::vector<std::string> plan{"We enclose the final education, health and care (EHC) plan for " + v_.them +
                                      ". It replaces the draft we sent you."};
        if (!blank(f_.named_setting)) {
          plan.push_back("The plan names " + f_.named_setting +
                         " in section I. We are also sending a copy of the plan to " + f_.named_setting +
                         " and to the NHS body responsible for the health provision in it.");
        } else {
          plan.push_back("The plan does not name a school, college or other setting in section I.");
        }
        plan.push_back("We will review the plan at least once a year: the first review must be by " +
                       long_date(review_due(on).annual_review.date) + ".");
        if (age_on(*f_.child_date_of_birth, on) < 5) {
          plan.push_back("Because " + f_.child_name +
                         " is under 5, we will consider reviewing the plan every 3 to 6 months.");
        }
        section("The final plan", std::move(plan));
        basis(kReg13_2);
        basis(kReg14);
        basis(kS44);
        basis(kS51c);
        return;
      }
      case LetterKind::review_maintain: {
        section("Our decision", {"After the review meeting for " + v_.them + " on " + long_date(*f_.review_meeting) +
                                 ", we have decided to keep " + v_.their +
                                 " education, health and care (EHC) plan as it is, without changes."});
        std::vector<std::string> why;
        add_reasons(why);
        section("Why we made this decision", std::move(why));
        section("What happens next", {"The plan stays in place and the help in it continues. We will review it "
                                      "again within 12 months."});
        basis(kReg20);
        basis(kS44);
        basis(kS51e);
        return;
      }
      case LetterKind::review_amend: {
        std::vector<std::string> plan{
            "After the review meeting for " + v_.them + " on " + long_date(*f_.review_meeting) +
                ", we propose to change " + v_.their + " education, health and care (EHC) plan.",
            "We enclose a copy of the plan with a notice of the changes we propose, and copies of the evidence for "
            "them. The plan does not change until we send you the final amended plan."};
        for (const auto& a : f_.proposed_amendments) {
          if (!blank(a)) plan.push_back("We propose: " + a);
        }
        section("The changes we propose", std::move(plan));
        after_comments_ = {
            "When the time for comments is over, we will consider what you have told us and send you the final "
            "amended plan by " +
                long_date(amended_plan_after_notice(on).date) +
                ", 8 weeks from the date of this letter. If we decide not to make the changes after all, we will "
                "tell you why.",
            "When the amended plan is final, or if we decide not to amend the plan, you will be able to go to "
            "mediation and appeal to the Tribunal. We will tell you how when we write to you."};
        basis(kReg22);
        basis(kS44);
        return;
      }
      case LetterKind::review_cease:
      case LetterKind::decision_to_cease: {
        const std::string opening =
            kind_ == LetterKind::review_cease
                ? "After the review meeting for " + v_.them + " on " + long_date(*f_.review_meeting) + ", we"
                : "We";
        section("Our decision", {opening + " have decided to stop maintaining " + v_.their +
                                 " education, health and care (EHC) plan. This means the plan will end."});
        std::vector<std::string> why;
        add_reasons(why);
        section("Why we made this decision", std::move(why));
        // CFA s45 (Explanatory Notes para 247): the plan continues while an
        // appeal can be made or is being decided.
        section("What happens to the plan",
                {"The plan does not end straight away. If you do not appeal, it ends when the time for appealing "
                 "has passed: after " +
                 long_date(appeal_deadline(on, std::nullopt)->date) +
                 ", or later if you get a mediation certificate (see below). If you appeal, we will keep "
                 "maintaining the plan, and the help in it will continue, until the Tribunal has decided your "
                 "appeal."});
        if (kind_ == LetterKind::review_cease) basis(kReg20);
        basis(kS45);
        basis(kReg31);
        basis(kS51f);
        return;
      }
      case LetterKind::transfer_in_assess:
      case LetterKind::transfer_in_no_assessment: transferred_in(); return;
      case LetterKind::transfer_out: transferred_out(); return;
    }
  }

  // Reg 15(3)-(5): the new council's letter within 6 weeks of the transfer.
  void transferred_in() {
    const Date transfer = *f_.transferred_on;
    const Deadline review = transferred_plan_review(*f_.plan_last_reviewed, transfer);
    letter_.review_by = review.date;
    section("The plan has transferred to us",
            {f_.other_authority + " transferred " + v_.their + " education, health and care (EHC) plan to us on " +
                 long_date(transfer) + ", after " + (v_.young_person ? "you" : v_.them) + " moved into our area. " +
                 f_.authority + " now maintains the plan.",
             "The plan has not changed. We must make sure the special educational provision in it is made, as if we "
             "had made the plan ourselves on the day " +
                 f_.other_authority + " made it."});
    if (kind_ == LetterKind::transfer_in_assess) {
      section("A new EHC needs assessment",
              {"We propose to carry out a new education, health and care (EHC) needs assessment for " + v_.them + ".",
               "We will ask " + f_.other_authority +
                   " for the advice it gathered for the last assessment. We will not ask for the same advice again if "
                   "you, the person who gave it and we all agree it is still enough.",
               "When the assessment is finished, we will tell you what we have decided about the plan, and how you "
               "can go to mediation or appeal to the Tribunal if you disagree."});
    } else {
      std::vector<std::string> p{
          "We do not propose to carry out a new education, health and care (EHC) needs "
          "assessment for " +
          v_.them + "."};
      add_reasons(p);
      p.push_back("If you disagree, you can go to mediation and appeal to the Tribunal: see below.");
      section("A new EHC needs assessment", std::move(p));
      basis(kS51aTransfer);
    }
    if (*f_.will_amend) {
      section("Changes to the plan",
              {"We propose to amend the plan. We will review it first. After the review we will send you the changes "
               "we propose, with the evidence for them, and you will have at least 15 days to tell us what you think "
               "before anything changes.",
               "When the amended plan is final you will be able to go to mediation and appeal to the Tribunal about "
               "it. We will tell you how when we send it."});
      basis(kReg22Transfer);
    } else {
      section("Changes to the plan", {"We do not propose to amend the plan now. We will consider at the review "
                                      "whether it needs to change, and tell you what we decide."});
    }
    section("When we will review the plan",
            {"We will review the plan by " + long_date(review.date) + ". That is the later of 12 months from " +
             long_date(*f_.plan_last_reviewed) + ", when " + f_.other_authority +
             " made or last reviewed the plan, and 3 months from the transfer. We will invite you to the review "
             "meeting at least 2 weeks before it."});
    basis(kReg15In);
    basis(kS44);
  }

  // Reg 15(2): the old council's notice that the plan has gone.
  void transferred_out() {
    const Date transfer = *f_.transferred_on;
    section("The plan has transferred",
            {"We have transferred " + v_.their + " education, health and care (EHC) plan to " + f_.other_authority +
                 " on " + long_date(transfer) + ", because " + (v_.young_person ? "you have" : v_.them + " has") +
                 " moved into its area.",
             "From that day " + f_.other_authority +
                 " maintains the plan and must make sure the help in it is made. We no longer maintain it, and our "
                 "part in it has ended."});
    std::vector<std::string> next{
        f_.other_authority + " must write to you by " + long_date(tell_family_of_transfer(transfer).date) +
        ", 6 weeks from the transfer, to tell you that it has the plan, whether it proposes to carry out a new EHC "
        "needs assessment, and when it will review the plan."};
    if (f_.plan_last_reviewed) {
      next.push_back("It must review the plan by " +
                     long_date(transferred_plan_review(*f_.plan_last_reviewed, transfer).date) +
                     ": the later of 12 months from the last review and 3 months from the transfer.");
    }
    next.push_back("If you have questions about the help in the plan from now on, contact " + f_.other_authority +
                   "'s SEND team.");
    section("What happens next", std::move(next));
    basis(kReg15Out);
  }

  // Draft plans and proposed amendments: the 15 days (reg 13(1), 22(2)).
  void comments() {
    const bool draft = kind_ == LetterKind::draft_plan;
    const CommentWindow w = draft ? draft_plan_comments(*f_.served) : amendment_comments(*f_.served);
    letter_.comments_by = w.last_day_for_comments.date;
    const std::string what = draft ? "the draft plan" : "the proposed changes";
    std::vector<std::string> p{
        "You have until " + long_date(w.last_day_for_comments.date) + " to tell us what you think of " + what +
            " and anything you would like changed, which school, college or other setting you would like named in "
            "the plan (if you have one in mind), and whether you would like to meet one of our officers to talk "
            "about " +
            what + ".",
        "That is 15 days, beginning with " + long_date(*f_.served) + ", the day " + what +
            (draft ? " was served on you. We will not finalise the plan before "
                   : " were served on you. We will not make the changes before ") +
            long_date(w.earliest_final_plan.date) + ".",
    };
    if (f_.contacts.local_offer) {
      p.push_back("You can find information about the schools and colleges available in the Local Offer: " +
                  describe(*f_.contacts.local_offer) + ".");
    } else {
      p.emplace_back(kAskForLocalOffer);
    }
    section("Your comments: by " + long_date(w.last_day_for_comments.date), std::move(p));
    basis(w.last_day_for_comments.basis);
    if (!draft) basis(kReg22);
    basis(kS30);
  }

  // Reg 32: the mediation information every appealable notice carries.
  void mediation() {
    const Date contact_by = add_months(*f_.decision_date, 2);  // reg 33
    const bool plan = kind_ == LetterKind::final_plan || kind_ == LetterKind::review_maintain;
    std::vector<std::string> p{
        "You have the right to mediation about this decision. Mediation is a meeting, led by an independent "
        "mediator who does not work for the council or the NHS, to try to settle a disagreement. It costs you "
        "nothing."};
    if (kind_ == LetterKind::final_plan) {
      p.push_back(
          "You can also ask for mediation about the health and social care parts of the plan (sections C, D, G and "
          "H), whether or not you appeal.");
    }
    p.push_back(
        "Before you can appeal to the Tribunal, you must contact the mediation adviser and get a mediation "
        "certificate. You do not have to go to mediation: the adviser will explain it, and you decide.");
    if (kind_ == LetterKind::final_plan) {
      p.push_back(
          "You do not need a mediation certificate if your appeal is only about the school, college or other "
          "setting named in section I of the plan, the type of setting, or that no setting is named.");
    }
    p.push_back("Contact the mediation adviser by " + long_date(contact_by) +
                ", 2 months from the date of this letter. Tell them you are thinking of appealing and whether you "
                "want mediation.");
    if (f_.contacts.mediation) {
      p.push_back("The mediation adviser is " + describe(*f_.contacts.mediation) + ".");
    } else {
      p.emplace_back(kAskForMediation);
    }
    p.push_back(
        "If you decide not to have mediation, the adviser must give you a certificate within 3 working days of you "
        "telling them.");
    p.push_back(std::string("If you want mediation, tell us, and tell us what you want to talk about at it") +
                (plan ? ". If it is about health care provision that is not in the plan, say what health care "
                        "provision you want the plan to include."
                      : ".") +
                " We will arrange the mediation, and the mediator will give you a certificate when it is over.");
    p.push_back(
        "To tell us you want mediation, contact " + caseworker() +
        (f_.contacts.send_team ? ", or the SEND team: " + describe(*f_.contacts.send_team) : " in the SEND team") +
        ".");
    section("Mediation: before you appeal", std::move(p));
    basis(kMediation);
  }

  // CFA s51; Tribunal Rules r20(1)(c) through appeal_deadline().
  void appeal() {
    const Deadline by = *appeal_deadline(*f_.decision_date, std::nullopt);
    std::vector<std::string> p;
    const std::string tribunal = "the First-tier Tribunal (Special Educational Needs and Disability)";
    switch (kind_) {
      case LetterKind::decision_not_to_assess:
        p.push_back("You can appeal to " + tribunal +
                    " against our decision not to carry out an EHC needs assessment.");
        break;
      case LetterKind::decision_not_to_issue:
        p.push_back("You can appeal to " + tribunal + " against our decision not to issue an EHC plan.");
        break;
      case LetterKind::final_plan:
        p.push_back("You can appeal to " + tribunal +
                    " about the special educational needs in section B of the plan, the special educational "
                    "provision in section F, and the school, college or other setting named in section I (or the "
                    "type of setting, or that none is named).");
        p.push_back(
            "If your appeal includes one of those, you can also ask the Tribunal to make recommendations about "
            "the health and social care needs and provision in the plan.");
        basis(kRecommendations);
        break;
      case LetterKind::review_maintain:
        p.push_back("You can appeal to " + tribunal + " against our decision not to change the plan.");
        break;
      case LetterKind::review_cease:
      case LetterKind::decision_to_cease:
        p.push_back("You can appeal to " + tribunal + " against our decision to stop maintaining the plan.");
        break;
      case LetterKind::transfer_in_no_assessment:
        p.push_back("You can appeal to " + tribunal +
                    " against our decision not to carry out a new EHC needs assessment.");
        break;
      case LetterKind::decision_to_assess:
      case LetterKind::draft_plan:
      case LetterKind::review_amend:
      case LetterKind::transfer_in_assess:
      case LetterKind::transfer_out: return;  // not appealable
    }
    p.push_back("The Tribunal is independent of the council. Your appeal must reach it by " + long_date(by.date) +
                ", 2 months from the date of this letter. If you get a mediation certificate and one month after the "
                "date on it is later than " +
                long_date(by.date) + ", you have until then instead.");
    p.push_back(
        "You can find out how to appeal, and get the form, on GOV.UK by searching for \"SEND Tribunal appeal\". The "
        "information, advice and support service below can help you.");
    section("Your right to appeal: by " + long_date(by.date), std::move(p));
    basis(by.basis);
  }

  // CFA s57: every letter.
  void disagreement_resolution() {
    std::vector<std::string> p{
        "If you disagree with us, with " + v_.their +
        " school or college, or with health or social care services about " + v_.their +
        " special educational needs or the help provided, an independent disagreement resolution service can help "
        "you reach agreement. Using it is voluntary, and it is separate from mediation."};
    if (is_appealable(kind_)) {
      p.push_back(
          "Using it does not change the time limit for appealing, and does not replace contacting the mediation "
          "adviser before an appeal.");
    }
    if (f_.contacts.disagreement_resolution) {
      p.push_back("Contact " + describe(*f_.contacts.disagreement_resolution) + ".");
    } else {
      p.emplace_back(kAskForDisagreementResolution);
    }
    section("Disagreement resolution", std::move(p));
    basis(kS57);
  }

  // CFA s32: every letter.
  void information_advice() {
    std::vector<std::string> p;
    const std::string help =
        kind_ == LetterKind::decision_to_assess
            ? "It can help you understand this letter and take part in the assessment."
            : (is_appealable(kind_) ? "It can help you understand this letter and think about mediation or an appeal."
                                    : "It can help you understand this letter and what happens next.");
    const std::string what =
        "gives free, impartial and confidential information, advice and support about special educational needs "
        "and disability to children, young people and parents. It is run at arm's length from the council. " +
        help;
    if (f_.contacts.information_advice_support) {
      p.push_back(f_.contacts.information_advice_support->name + " " + what);
      p.push_back("Contact " + describe(*f_.contacts.information_advice_support) + ".");
    } else {
      p.push_back("The information, advice and support service " + what);
      p.emplace_back(kAskForInformationAdvice);
    }
    section("Free, independent advice and support", std::move(p));
    basis(kS32);
  }

  void contact_us() {
    std::vector<std::string> p;
    if (f_.contacts.send_team) {
      p.push_back("If you have any questions about this letter, contact " + caseworker() +
                  ", who wrote it, or the SEND team: " + describe(*f_.contacts.send_team) + ".");
    } else {
      p.push_back("If you have any questions about this letter, contact " + caseworker() +
                  ", who wrote it, in the SEND team at " + f_.authority + ".");
    }
    if (!blank(f_.reference)) p.push_back("Please quote our reference, " + f_.reference + ".");
    p.emplace_back("If you would like this letter in another format or language, ask the SEND team.");
    section("Contact us", std::move(p));
  }

  std::string caseworker() const {
    return blank(f_.caseworker_title) ? f_.caseworker_name : f_.caseworker_name + " (" + f_.caseworker_title + ")";
  }

  LetterKind kind_;
  const LetterFacts& f_;
  Voice v_;
  Letter letter_;
  std::vector<std::string> after_comments_;  // "What happens next", after the 15 days
};

}  // namespace

std::string_view to_string(LetterKind kind) {
  switch (kind) {
    case LetterKind::decision_to_assess: return "decision_to_assess";
    case LetterKind::decision_not_to_assess: return "decision_not_to_assess";
    case LetterKind::decision_not_to_issue: return "decision_not_to_issue";
    case LetterKind::draft_plan: return "draft_plan";
    case LetterKind::final_plan: return "final_plan";
    case LetterKind::review_maintain: return "review_maintain";
    case LetterKind::review_amend: return "review_amend";
    case LetterKind::review_cease: return "review_cease";
    case LetterKind::decision_to_cease: return "decision_to_cease";
    case LetterKind::transfer_in_assess: return "transfer_in_assess";
    case LetterKind::transfer_in_no_assessment: return "transfer_in_no_assessment";
    case LetterKind::transfer_out: return "transfer_out";
  }
  return "";
}

Result<LetterKind> parse_letter_kind(std::string_view field, std::string_view text) {
  std::string allowed;
  for (LetterKind k : kAllLetterKinds) {
    if (to_string(k) == text) return k;
    if (!allowed.empty()) allowed += ", ";
    allowed += to_string(k);
  }
  return fail(std::string(field), "Choose a kind of letter: " + allowed);
}

std::string_view letter_kind_label(LetterKind kind) {
  switch (kind) {
    case LetterKind::decision_to_assess: return "Decision to assess";
    case LetterKind::decision_not_to_assess: return "Decision not to assess";
    case LetterKind::decision_not_to_issue: return "Decision not to issue a plan";
    case LetterKind::draft_plan: return "Draft plan";
    case LetterKind::final_plan: return "Final plan";
    case LetterKind::review_maintain: return "Review: keep the plan as it is";
    case LetterKind::review_amend: return "Review: proposed amendments";
    case LetterKind::review_cease: return "Review: cease the plan";
    case LetterKind::decision_to_cease: return "Decision to cease the plan";
    case LetterKind::transfer_in_assess: return "Plan transferred in: new assessment";
    case LetterKind::transfer_in_no_assessment: return "Plan transferred in: no new assessment";
    case LetterKind::transfer_out: return "Plan transferred to another council";
  }
  return "";
}

bool is_appealable(LetterKind kind) {
  switch (kind) {
    case LetterKind::decision_not_to_assess:     // CFA s51(2)(a)
    case LetterKind::decision_not_to_issue:      // s51(2)(b)
    case LetterKind::final_plan:                 // s51(2)(c)
    case LetterKind::review_maintain:            // s51(2)(e)
    case LetterKind::review_cease:               // s51(2)(f)
    case LetterKind::decision_to_cease:          // s51(2)(f)
    case LetterKind::transfer_in_no_assessment:  // s51(2)(a), as the kind explains
      return true;
    case LetterKind::decision_to_assess:
    case LetterKind::draft_plan:
    case LetterKind::review_amend:
    case LetterKind::transfer_in_assess:
    case LetterKind::transfer_out: return false;
  }
  return false;
}

Result<Letter> compose_letter(LetterKind kind, const LetterFacts& facts) {
  if (auto errors = check(kind, facts); !errors.empty()) return fail(std::move(errors));
  return Composer(kind, facts).compose();
}

}  // namespace tandem
