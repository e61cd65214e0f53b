// The EHC plan and its provision-line rules, one table per rule. Every case
// names the law (or the seed, for an area's local agreement) that gives its
// expected result.
#include "core/plan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "profile/national_funding.h"

namespace tandem {
namespace {

using Shares = std::vector<FundingShare>;

constexpr Agency la = Agency::council_education;
constexpr Agency care = Agency::council_social_care;
constexpr Agency icb = Agency::icb;

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string fields_of(const Error& e) {
  std::string out;
  for (const auto& f : e.fields) out += "\n  " + f.field + ": " + f.message;
  return out;
}

bool has_field(const Error& e, std::string_view field) {
  for (const auto& f : e.fields) {
    if (f.field == field) return true;
  }
  return false;
}

ProvisionLine line(std::string category, Section section, bool educates = false) {
  ProvisionLine l;
  l.id = "line-" + category;
  l.category = std::move(category);
  l.section = section;
  l.what = "provision";
  l.how_much = "1 hour";
  l.how_often = "weekly";
  l.educates_or_trains = educates;
  return l;
}

// A matrix in the shape of the seeds': Stockport's continuing care (forums
// table, 50/50) and Blackpool's therapies under both education and health
// (seed 9.7), plus a made-up joint F row to show an area paying part of F.
ResponsibilityMatrix seed_like_matrix() {
  return {{
      {"continuing_care", Section::G, icb, {{care, 5'000}, {icb, 5'000}}, "Stockport seed: Continuing Care Panel"},
      {"physiotherapy", Section::F, la, {{la, 10'000}}, "Blackpool seed 9.7, education"},
      {"physiotherapy", Section::G, icb, {{icb, 10'000}}, "Blackpool seed 9.7, health"},
      {"occupational_therapy", Section::G, icb, {{icb, 10'000}}, "Blackpool seed 9.7, health"},
      {"speech_and_language_therapy", Section::F, la, {{la, 8'000}, {icb, 2'000}}, "test: joint SLT service"},
  }};
}

// ---- Sections and who may secure them ----------------------------------------------

TEST(Sections, WhoMaySecureEach) {
  struct Case {
    Section section;
    Agency agency;
    bool allowed;
    const char* why;
  };
  const Case cases[] = {
      {Section::F, la, true, "CFA s42(2): the council's absolute duty"},
      {Section::F, icb, false, "CFA s42(2): never the ICB's, even for therapy"},
      {Section::F, Agency::school, false, "CFA s42(2): non-delegable; a school's failure is the council's breach"},
      {Section::G, icb, true, "CFA s42(3); reg 12(2)"},
      {Section::G, Agency::nhs_england, true, "CFA s42(4): responsible commissioning body for specialised services"},
      {Section::G, la, false, "CFA s42(3): health provision is the NHS body's"},
      {Section::H1, care, true, "CFA s37(2)(e): CSDPA 1970 s2"},
      {Section::H1, la, false, "CFA s37(2)(e): social care, not education"},
      {Section::H2, care, true, "CFA s37(2)(f): own powers"},
      {Section::H2, icb, false, "CFA s37(2)(f): social care, not health"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_secure(c.section, c.agency), c.allowed)
        << to_string(c.section) << " " << to_string(c.agency) << ": " << c.why;
  }
  for (Section s : all_sections()) EXPECT_EQ(parse_section(to_string(s)), s);
  EXPECT_FALSE(parse_section("H3"));
}

// ---- Shares ------------------------------------------------------------------------

TEST(ValidateShares, MustSumToExactlyTenThousandBasisPoints) {
  struct Case {
    Shares shares;
    const char* message;  // empty: valid
    const char* why;
  };
  const Case cases[] = {
      {{{care, 5'000}, {icb, 5'000}}, "", "Stockport continuing care: 50/50"},
      {{{la, 10'000}}, "", "one payer"},
      {{{care, 3'334}, {la, 3'333}, {icb, 3'333}}, "", "thirds, the odd basis point to the first"},
      {{{care, 5'000}, {icb, 4'000}},
       "paying shares sum to 90% (9000 basis points); they must sum to exactly 100% (10,000 basis points)",
       "short of the whole"},
      {{{care, 5'000}, {icb, 5'001}},
       "paying shares sum to 100.01% (10001 basis points); they must sum to exactly 100% (10,000 basis points)",
       "one basis point over"},
      {{}, "paying has no shares; give at least one agency and its share, summing to 100%", "nobody pays"},
      {{{la, 10'000}, {icb, 0}},
       "paying gives Integrated care board a share of 0%; each share must be more than 0%",
       "a zero share"},
      {{{icb, 5'000}, {icb, 5'000}},
       "paying lists Integrated care board twice; give each agency once",
       "an agency twice"},
  };
  for (const auto& c : cases) {
    const auto ok = validate_shares(c.shares);
    if (std::string_view(c.message).empty()) {
      EXPECT_TRUE(ok) << c.why << fields_of(ok.error());
      continue;
    }
    ASSERT_FALSE(ok) << c.why;
    EXPECT_EQ(ok.error().first_field(), "paying") << c.why;
    EXPECT_EQ(ok.error().first_message(), c.message) << c.why;
  }
}

TEST(ValidateShares, NamesTheFieldItIsGiven) {
  const Shares shares{{care, 5'000}};
  const auto ok = validate_shares(shares, "provision[3].paying");
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().first_field(), "provision[3].paying");
  EXPECT_TRUE(mentions(ok.error().first_message(), "50%")) << ok.error().first_message();
}

// ---- Largest remainder -------------------------------------------------------------

TEST(ParseSharePercent, AsPeopleWriteItWithAtMostTwoDecimals) {
  struct Case {
    const char* text;
    std::int32_t basis_points;  // 0: refused
  };
  const std::vector<Case> cases{
      {"50", 5'000}, {"50%", 5'000}, {" 100 ", 10'000}, {"33.33", 3'333}, {"33.3", 3'330}, {"0.01", 1},
      {"0", 0},      {"0.00", 0},    {"100.01", 0},     {"101", 0},       {"33.333", 0},   {"-5", 0},
      {"fifty", 0},  {"", 0},        {"1.2.3", 0},      {"5 0", 0},
  };
  for (const auto& c : cases) {
    auto out = parse_share_percent("paying[0].percent", c.text);
    if (c.basis_points == 0) {
      ASSERT_FALSE(out) << '"' << c.text << '"';
      EXPECT_EQ(out.error().first_field(), "paying[0].percent");
    } else {
      ASSERT_TRUE(out) << '"' << c.text << '"';
      EXPECT_EQ(*out, c.basis_points) << '"' << c.text << '"';
    }
  }
}

TEST(Allocate, LargestRemainderTiesToTheShareListedFirst) {
  struct Case {
    std::int64_t total;
    Shares shares;
    std::vector<std::int64_t> parts;
    const char* why;
  };
  const Case cases[] = {
      {10'000, {{icb, 3'334}, {la, 3'333}, {care, 3'333}}, {3'334, 3'333, 3'333}, "£100.00 in thirds: exact"},
      {100, {{icb, 3'333}, {la, 3'333}, {care, 3'334}}, {33, 33, 34}, "£1 in thirds: 33.33, 33.33, 33.34"},
      {10, {{icb, 3'333}, {la, 3'333}, {care, 3'334}}, {3, 3, 4}, "the largest fraction (.334) takes the penny"},
      {2, {{icb, 3'334}, {la, 3'333}, {care, 3'333}}, {1, 1, 0}, "2p: .6668 first, then a tie (.6666) to the earlier"},
      {1, {{care, 5'000}, {icb, 5'000}}, {1, 0}, "1p half each: a tie, so the first listed"},
      {1, {{icb, 5'000}, {care, 5'000}}, {1, 0}, "the same, other order: still the first listed"},
      {1'000'001, {{care, 5'000}, {icb, 5'000}}, {500'001, 500'000}, "£10,000.01 50/50: odd penny to the first"},
      {0, {{care, 5'000}, {icb, 5'000}}, {0, 0}, "nothing to split"},
      {7, {{la, 10'000}}, {7}, "one payer takes it all"},
      {900'000'000'000'000'001,
       {{la, 9'999}, {icb, 1}},
       {899'910'000'000'000'001, 90'000'000'000'000},
       "very large totals do not overflow: worked as quotient and remainder of 10,000"},
  };
  for (const auto& c : cases) {
    const auto parts = allocate(Pence(c.total), c.shares);
    ASSERT_TRUE(parts) << c.why;
    std::vector<std::int64_t> got;
    std::int64_t sum = 0;
    for (Pence p : *parts) {
      got.push_back(p.value);
      sum += p.value;
    }
    EXPECT_EQ(got, c.parts) << c.why;
    EXPECT_EQ(sum, c.total) << c.why << ": the parts must add up to the whole";
  }
}

TEST(Allocate, PartsAlwaysAddUpToTheWhole) {
  const Shares shares{{care, 1'234}, {la, 4'321}, {icb, 2'222}, {Agency::nhs_england, 2'223}};
  for (std::int64_t total = 0; total < 20'000; total += 7) {
    const auto parts = allocate(Pence(total), shares);
    ASSERT_TRUE(parts);
    Pence sum;
    for (Pence p : *parts) sum += p;
    ASSERT_EQ(sum.value, total);
  }
}

TEST(Allocate, RefusesBadSharesAndNegativeTotals) {
  const auto bad = allocate(Pence(100), Shares{{care, 5'000}, {icb, 4'000}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().first_field(), "paying");
  EXPECT_TRUE(mentions(bad.error().first_message(), "90%"));
  EXPECT_FALSE(allocate(Pence(-1), Shares{{la, 10'000}}));
}

// ---- Proposing who secures and pays -------------------------------------------------

TEST(ProposeResponsibility, TheLawFirstThenTheAreaThenTheLawsDefault) {
  struct Case {
    ProvisionLine line;
    bool with_matrix;
    Section section;
    Agency securing;
    Shares paying;
    const char* cites;  // part of the rule text
    std::vector<LineFlag> flags;
    const char* why;
  };
  const Case cases[] = {
      // CFA s21(5): health provision that educates or trains is SEP.
      {line("occupational_therapy", Section::G, true),
       false,
       Section::F,
       la,
       {{la, 10'000}},
       "CFA s21(5)",
       {},
       "OT that educates: section F, the council's (s21(5), s42(2))"},
      {line("teaching_assistant_support", Section::F),
       false,
       Section::F,
       la,
       {{la, 10'000}},
       "CFA s21(5)",
       {},
       "teaching assistant support always educates, whatever the line says"},
      {line("physiotherapy", Section::G, true),
       true,
       Section::F,
       la,
       {{la, 10'000}},
       "Blackpool seed 9.7, education",
       {},
       "physiotherapy aimed at learning: F, paid under the area's F row (Blackpool 9.7)"},
      // Code 9.74; R v Lancashire ex p M 1989.
      {line("speech_and_language_therapy", Section::G),
       false,
       Section::F,
       la,
       {{la, 10'000}},
       "Code 9.74",
       {},
       "SLT is normally SEP even when the line does not say it educates"},
      {line("speech_and_language_therapy", Section::F),
       true,
       Section::F,
       la,
       {{la, 8'000}, {icb, 2'000}},
       "R v Lancashire ex p M 1989",
       {},
       "SLT in F: the area may share its cost (the section stays F)"},
      // The area's matrix.
      {line("continuing_care", Section::G),
       true,
       Section::G,
       icb,
       {{care, 5'000}, {icb, 5'000}},
       "Stockport seed: Continuing Care Panel",
       {},
       "Stockport: continuing care 50/50 council and ICB"},
      {line("physiotherapy", Section::G),
       true,
       Section::G,
       icb,
       {{icb, 10'000}},
       "Blackpool seed 9.7, health",
       {},
       "physiotherapy that does not educate: the health row, not the education row"},
      {line("occupational_therapy", Section::H2),
       true,
       Section::G,
       icb,
       {{icb, 10'000}},
       "CFA s42(3)",
       {},
       "the area's only OT row is health: proposed in G whatever section the line is in"},
      // The law's defaults.
      {line("continuing_care", Section::G),
       false,
       Section::G,
       icb,
       {{icb, 10'000}},
       "NHS Act 2006 s3",
       {LineFlag::no_area_rule},
       "continuing care without an area split: ICB leads and pays"},
      {line("s117_aftercare", Section::H2),
       false,
       Section::G,
       icb,
       {},
       "Mental Health Act 1983 s117",
       {LineFlag::no_area_rule, LineFlag::split_not_agreed},
       "s117: a joint duty; no split invented"},
      {line("camhs", Section::G),
       false,
       Section::G,
       icb,
       {{icb, 10'000}},
       "CFA s42(3), reg 12(2)",
       {LineFlag::no_area_rule},
       "health provision: the ICB (s42(3))"},
      {line("short_breaks", Section::H1),
       false,
       Section::H1,
       care,
       {{care, 10'000}},
       "Chronically Sick and Disabled Persons Act 1970 s2",
       {LineFlag::no_area_rule},
       "H1: the council under CSDPA s2 (s37(2)(e))"},
      {line("short_breaks", Section::H2),
       false,
       Section::H2,
       care,
       {{care, 10'000}},
       "CFA s37(2)(f)",
       {LineFlag::no_area_rule},
       "H2: the council under its own powers (s37(2)(f))"},
      {line("specialist_equipment", Section::F),
       false,
       Section::F,
       la,
       {{la, 10'000}},
       "CFA s42(2)",
       {LineFlag::no_area_rule},
       "F: the council (s42(2))"},
  };
  const ResponsibilityMatrix matrix = seed_like_matrix();
  const ResponsibilityMatrix none;
  for (const auto& c : cases) {
    const Proposal p = propose_responsibility(c.line, c.with_matrix ? matrix : none);
    EXPECT_EQ(p.section, c.section) << c.why;
    EXPECT_EQ(p.securing, c.securing) << c.why;
    EXPECT_EQ(p.paying, c.paying) << c.why;
    EXPECT_TRUE(mentions(p.rule, c.cites)) << c.why << ": " << p.rule;
    EXPECT_EQ(p.flags, c.flags) << c.why;
  }
}

// ---- Overrides ---------------------------------------------------------------------

TEST(CheckAgainstProposal, ADepartureNeedsAReasonAndThePartnersAgreement) {
  const ResponsibilityMatrix matrix = seed_like_matrix();
  struct Case {
    ProvisionLine line;
    const char* error_field;  // empty: accepted
    std::vector<LineFlag> flags;
    const char* why;
  };
  const auto proposed = [&](ProvisionLine l) { return apply_proposal(l, propose_responsibility(l, matrix)); };
  const auto edit = [](ProvisionLine l, Section s, Agency securing, Shares paying, std::optional<std::string> reason) {
    l.section = s;
    l.securing = securing;
    l.paying = std::move(paying);
    l.override_reason = std::move(reason);
    return l;
  };
  const auto slt = line("speech_and_language_therapy", Section::G);
  const auto cc = line("continuing_care", Section::G);
  const auto s117 = line("s117_aftercare", Section::G);
  const Case cases[] = {
      {proposed(slt), "", {}, "as proposed: nothing to agree"},
      // Code 9.74: SLT kept in G is flagged and needs a recorded reason.
      {edit(slt, Section::G, icb, {{icb, 10'000}}, "Feeding and swallowing only; no communication need"),
       "",
       {LineFlag::needs_partner_agreement, LineFlag::sep_in_health_section},
       "SLT in G with a reason: flagged for the partners"},
      {edit(slt, Section::G, icb, {{icb, 10'000}}, std::nullopt),
       "override_reason",
       {},
       "SLT in G without a reason: refused"},
      {edit(slt, Section::G, icb, {{icb, 10'000}}, "   "), "override_reason", {}, "a blank reason is no reason"},
      // CFA s21(5): what educates or trains is SEP; no reason moves it.
      {edit(line("occupational_therapy", Section::G, true), Section::G, icb, {{icb, 10'000}}, "ICB's service"),
       "section",
       {},
       "OT that educates, kept in G: refused even with a reason"},
      // CFA s42(2): F is the council's to secure.
      {edit(slt, Section::F, icb, {{icb, 10'000}}, "ICB commissions the service"),
       "securing",
       {},
       "F secured by the ICB: refused"},
      {edit(slt, Section::F, la, {{la, 9'000}}, "rounding"), "paying", {}, "shares short of 100%"},
      // Stockport's 50/50 changed at panel: allowed with a reason.
      {edit(cc, Section::G, icb, {{icb, 10'000}}, "Panel 12 May: ICB funds the whole package"),
       "",
       {LineFlag::needs_partner_agreement},
       "continuing care off the area's split, with a reason"},
      {edit(cc, Section::G, icb, {{icb, 5'000}, {care, 5'000}}, std::nullopt),
       "",
       {},
       "the same shares in another order are not a departure"},
      // MHA 1983 s117: the split is recorded with the panel's reason.
      {edit(s117, Section::G, icb, {{icb, 5'000}, {care, 5'000}}, "s117 panel, 3 June: half each"),
       "",
       {LineFlag::no_area_rule, LineFlag::needs_partner_agreement},
       "s117 split recorded: no longer split_not_agreed"},
      {line("camhs", Section::G), "", {LineFlag::no_area_rule}, "not yet decided: not an override"},
  };
  for (const auto& c : cases) {
    const auto flags = check_against_proposal(c.line, propose_responsibility(c.line, matrix));
    if (std::string_view(c.error_field).empty()) {
      ASSERT_TRUE(flags) << c.why << fields_of(flags.error());
      EXPECT_EQ(*flags, c.flags) << c.why;
    } else {
      ASSERT_FALSE(flags) << c.why;
      EXPECT_TRUE(has_field(flags.error(), c.error_field)) << c.why << fields_of(flags.error());
    }
  }
}

TEST(CheckAgainstProposal, TheRefusalQuotesTheProposal) {
  auto l = line("speech_and_language_therapy", Section::G);
  l.securing = icb;
  l.paying = {{icb, 10'000}};
  const auto flags = check_against_proposal(l, propose_responsibility(l, {}));
  ASSERT_FALSE(flags);
  EXPECT_EQ(flags.error().first_field(), "override_reason");
  EXPECT_TRUE(mentions(flags.error().first_message(), "Code 9.74")) << flags.error().first_message();
}

// ---- Plan validation ---------------------------------------------------------------

// A final plan that passes: SLT in F, physiotherapy in G agreed by the ICB,
// short breaks in H2, a mainstream school named in I.
Plan good_final_plan() {
  Plan p;
  p.id = "plan-1";
  p.child_id = "child-1";
  p.stage = PlanStage::final;
  p.views = "Wants to make friends and play football";
  p.needs = {"SLCN", {"SEMH"}, "Finds spoken instructions hard to follow"};
  p.outcomes = {{"e1", "Follows two-step instructions in class", make_date(2026, 7, 17)},
                {"e2", "Walks to the bus stop without help", make_date(2026, 12, 18)}};

  auto slt = line("speech_and_language_therapy", Section::F);
  slt = apply_proposal(slt, propose_responsibility(slt, {}));
  slt.annual_cost = Pence::from_pounds(4'000);
  slt.outcome_ids = {"e1"};

  auto physio = line("physiotherapy", Section::G);
  physio = apply_proposal(physio, propose_responsibility(physio, {}));
  physio.icb_agreed = true;
  physio.annual_cost = Pence::from_pounds(2'000);
  physio.outcome_ids = {"e2"};

  auto breaks = line("short_breaks", Section::H2);
  breaks = apply_proposal(breaks, propose_responsibility(breaks, {}));
  breaks.annual_cost = Pence::from_pounds(1'500);
  breaks.outcome_ids = {"e2"};

  p.provision = {slt, physio, breaks};
  p.placement = PlacementSection{"Tandem Demo Primary School", SettingType::mainstream, {}, {}};
  p.advice = {{"K1", "Speech and language therapy advice"}};
  return p;
}

TEST(ValidatePlan, AGoodFinalPlanPasses) {
  const auto ok = validate_plan(good_final_plan());
  EXPECT_TRUE(ok) << fields_of(ok.error());
}

TEST(ValidatePlan, EachProblemNamesItsField) {
  struct Case {
    void (*change)(Plan&);
    const char* field;
    const char* why;
  };
  const Case cases[] = {
      // Reg 12(1)(e): outcomes are specific and say by when.
      {[](Plan& p) { p.outcomes[1].target_date.reset(); }, "outcomes[1].target_date", "an outcome with no date"},
      {[](Plan& p) {
         p.stage = PlanStage::draft;
         p.placement.reset();
         p.outcomes[0].target_date.reset();
       },
       "outcomes[0].target_date", "a draft's outcomes need dates too"},
      {[](Plan& p) { p.outcomes[1].id = "e1"; }, "outcomes[1].id", "outcome ids are unique"},
      // Reg 12(2): section G holds only what the ICB has agreed.
      {[](Plan& p) { p.provision[1].icb_agreed = false; }, "provision[1].icb_agreed", "a G line not agreed"},
      // A final plan: every line says who secures it and who pays.
      {[](Plan& p) { p.provision[2].securing.reset(); }, "provision[2].securing", "no securing agency"},
      {[](Plan& p) { p.provision[2].paying.clear(); }, "provision[2].paying", "no paying shares"},
      {[](Plan& p) {
         p.provision[2].paying = {{care, 6'000}, {icb, 3'000}};
       },
       "provision[2].paying", "shares summing to 90%"},
      // CFA s42(2): F is the council's to secure.
      {[](Plan& p) { p.provision[0].securing = icb; }, "provision[0].securing", "F secured by the ICB"},
      {[](Plan& p) { p.provision[0].outcome_ids = {"e9"}; }, "provision[0].outcome_ids",
       "an outcome that is not there"},
      {[](Plan& p) { p.provision[0].category = "magic"; }, "provision[0].category", "an unknown category"},
      {[](Plan& p) { p.provision[2].id = p.provision[0].id; }, "provision[2].id", "line ids are unique"},
      // Reg 12(1)(b): DfE need codes.
      {[](Plan& p) { p.needs.primary_need = "DYSLEXIA"; }, "needs.primary_need", "not a DfE code"},
      {[](Plan& p) { p.needs.primary_need.clear(); }, "needs.primary_need", "a final plan has a primary need"},
      {[](Plan& p) { p.needs.secondary_needs = {"XX"}; }, "needs.secondary_needs[0]", "not a DfE code"},
      // Reg 12(1)(i): section I names a setting and type, or a type.
      {[](Plan& p) { p.placement.reset(); }, "placement", "a final plan with no section I"},
      {[](Plan& p) { p.placement->setting_type.reset(); }, "placement", "a setting named but no type"},
      // CFA s38(5): a draft names no setting or type.
      {[](Plan& p) { p.stage = PlanStage::draft; }, "placement", "a draft naming a school"},
      {[](Plan& p) {
         p.personal_budget = PersonalBudgetSection{{"nope"}, {}, ""};
       },
       "personal_budget.direct_payment_line_ids", "section J pays for a line the plan lacks"},
  };
  for (const auto& c : cases) {
    Plan p = good_final_plan();
    c.change(p);
    const auto ok = validate_plan(p);
    ASSERT_FALSE(ok) << c.why;
    EXPECT_TRUE(has_field(ok.error(), c.field)) << c.why << fields_of(ok.error());
  }
}

TEST(ValidatePlan, DraftsMayLackSectionIAndAgreementAndPayers) {
  Plan p = good_final_plan();
  p.stage = PlanStage::draft;
  p.placement.reset();                // CFA s38(5): a draft has none
  p.provision[1].icb_agreed = false;  // agreed before the plan is final (reg 12(2))
  p.provision[2].securing.reset();
  p.provision[2].paying.clear();
  const auto ok = validate_plan(p);
  EXPECT_TRUE(ok) << fields_of(ok.error());
}

TEST(ValidatePlan, ReportsEveryProblemAtOnce) {
  Plan p = good_final_plan();
  p.outcomes[0].target_date.reset();
  p.provision[1].icb_agreed = false;
  p.placement.reset();
  const auto ok = validate_plan(p);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().fields.size(), 3u) << fields_of(ok.error());
  EXPECT_TRUE(mentions(ok.error().fields[1].message, "reg 12(2)")) << fields_of(ok.error());
}

TEST(LinesWithoutOutcomes, IsAWarningNotAnError) {
  Plan p = good_final_plan();
  p.provision[2].outcome_ids.clear();
  EXPECT_EQ(lines_without_outcomes(p), std::vector<std::string>{"provision[2]"});
  EXPECT_TRUE(validate_plan(p)) << "reg 12(1)(e) linkage is advised, not a reason to refuse the plan";
  EXPECT_TRUE(lines_without_outcomes(good_final_plan()).empty());
}

// ---- Money -------------------------------------------------------------------------

// The threshold comes from the national data for the year, as the caller
// passes it: HNF guide 2024-25, £6,000 (Blackpool seed 9.3, 10.4).
Pence threshold_2024() {
  const auto rates = high_needs_rates_for(shipped_national_funding(), 2024);
  EXPECT_TRUE(rates);
  return rates ? rates->notional_sen_threshold : Pence();
}

Plan costed_plan(std::vector<ProvisionLine> lines) {
  Plan p;
  p.provision = std::move(lines);
  return p;
}

ProvisionLine costed(std::string category, Section s, Shares paying, std::int64_t pounds) {
  auto l = line(std::move(category), s);
  l.securing = s == Section::F ? la : s == Section::G ? icb : care;
  l.paying = std::move(paying);
  l.annual_cost = Pence::from_pounds(pounds);
  return l;
}

TEST(AnnualCostByAgency, MainstreamSchoolMeetsTheFirstSixThousandThenTheCouncilTopsUp) {
  ASSERT_EQ(threshold_2024(), Pence::from_pounds(6'000));
  struct Case {
    std::vector<ProvisionLine> lines;
    bool mainstream;
    std::int64_t school, top_up, council_education, icb_pays, care_pays;
    const char* why;
  };
  const Case cases[] = {
      {{costed("teaching_assistant_support", Section::F, {{la, 10'000}}, 5'000),
        costed("speech_and_language_therapy", Section::F, {{la, 10'000}}, 4'000),
        costed("physiotherapy", Section::G, {{icb, 10'000}}, 2'000),
        costed("short_breaks", Section::H2, {{care, 10'000}}, 1'500)},
       true,
       6'000,
       3'000,
       3'000,
       2'000,
       1'500,
       "mainstream: £9,000 of F, the school meets £6,000 (elements 1-2), the council tops up £3,000 (element 3)"},
      {{costed("teaching_assistant_support", Section::F, {{la, 10'000}}, 4'000)},
       true,
       4'000,
       0,
       0,
       0,
       0,
       "mainstream under the threshold: all the school's; no top-up"},
      {{costed("teaching_assistant_support", Section::F, {{la, 10'000}}, 5'000),
        costed("speech_and_language_therapy", Section::F, {{la, 10'000}}, 4'000)},
       false,
       0,
       9'000,
       9'000,
       0,
       0,
       "special school: funded by the place (£10,000), no notional SEN split; the plan's F cost is all top-up"},
      {{costed("speech_and_language_therapy", Section::F, {{la, 8'000}, {icb, 2'000}}, 10'000)},
       true,
       6'000,
       2'000,
       2'000,
       2'000,
       0,
       "an F line the ICB part-funds: only the council's £8,000 counts against the school's £6,000"},
      {{costed("continuing_care", Section::G, {{care, 5'000}, {icb, 5'000}}, 30'000)},
       true,
       0,
       0,
       0,
       15'000,
       15'000,
       "Stockport continuing care 50/50: health and care only, no school part"},
      {{costed("physiotherapy", Section::G, {{icb, 5'000}}, 1'000)},
       true,
       0,
       0,
       0,
       0,
       0,
       "a line with invalid shares is left out (validate_plan reports it)"},
  };
  for (const auto& c : cases) {
    const AnnualCosts got = annual_cost_by_agency(costed_plan(c.lines), threshold_2024(), c.mainstream);
    const auto of = [&](Agency a) {
      const auto it = got.by_agency.find(a);
      return it == got.by_agency.end() ? std::int64_t{0} : it->second.value;
    };
    EXPECT_EQ(got.school_notional, Pence::from_pounds(c.school)) << c.why;
    EXPECT_EQ(got.high_needs_top_up, Pence::from_pounds(c.top_up)) << c.why;
    EXPECT_EQ(of(la), c.council_education * 100) << c.why;
    EXPECT_EQ(of(icb), c.icb_pays * 100) << c.why;
    EXPECT_EQ(of(care), c.care_pays * 100) << c.why;
    EXPECT_EQ(got.by_agency.count(Agency::school), 0u) << c.why << ": the school's part is its own bucket";
  }
}

TEST(AnnualCostByAgency, OddPenniesFollowTheShares) {
  // £10,000.01 at 50/50: the odd penny to the first listed (allocate()).
  auto l = costed("continuing_care", Section::G, {{care, 5'000}, {icb, 5'000}}, 0);
  l.annual_cost = Pence(1'000'001);
  const AnnualCosts got = annual_cost_by_agency(costed_plan({l}), threshold_2024(), true);
  EXPECT_EQ(got.by_agency.at(care), Pence(500'001));
  EXPECT_EQ(got.by_agency.at(icb), Pence(500'000));
  EXPECT_EQ(got.total(), Pence(1'000'001));
}

TEST(AreaAnnualCost, SumsPlansCostingEachByItsSetting) {
  // HNF guide: mainstream schools and FE colleges meet the first £6,000; special
  // schools and resourced provision are funded by the place.
  EXPECT_TRUE(meets_notional_threshold(SettingType::mainstream));
  EXPECT_TRUE(meets_notional_threshold(SettingType::further_education));
  EXPECT_FALSE(meets_notional_threshold(SettingType::special));
  EXPECT_FALSE(meets_notional_threshold(SettingType::mainstream_unit));

  Plan mainstream = costed_plan({costed("teaching_assistant_support", Section::F, {{la, 10'000}}, 9'000),
                                 costed("camhs", Section::G, {{icb, 10'000}}, 1'000)});
  mainstream.placement = PlacementSection{std::nullopt, SettingType::mainstream, {}, {}};
  Plan special = costed_plan({costed("special_school_place", Section::F, {{la, 10'000}}, 20'000)});
  special.placement = PlacementSection{"Tandem Demo Special School", SettingType::special, {}, {}};
  Plan draft = costed_plan({costed("teaching_assistant_support", Section::F, {{la, 10'000}}, 2'000)});

  const std::vector<Plan> plans{mainstream, special, draft};
  const AnnualCosts area = area_annual_cost_by_agency(plans, threshold_2024());
  EXPECT_EQ(area.school_notional, Pence::from_pounds(6'000)) << "only the mainstream plan has a school part";
  EXPECT_EQ(area.high_needs_top_up, Pence::from_pounds(3'000 + 20'000 + 2'000))
      << "a plan with no setting type yet is costed as place-funded";
  EXPECT_EQ(area.by_agency.at(la), Pence::from_pounds(25'000));
  EXPECT_EQ(area.by_agency.at(icb), Pence::from_pounds(1'000));
  EXPECT_EQ(area.total(), Pence::from_pounds(32'000));
}

}  // namespace
}  // namespace tandem
