// Inter-agency disagreements over a provision line's responsibility. The
// partners' joint arrangements must include a way to resolve disputes between
// them (CFA s26(3)(c), (g)); these tables fix who is a party and when a
// disagreement counts as agreed or disputed.
#include "core/disagreement.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tandem {
namespace {

constexpr Agency la = Agency::council_education;
constexpr Agency care = Agency::council_social_care;
constexpr Agency icb = Agency::icb;
constexpr Date today = std::chrono::year{2026} / 11 / 24;

ProvisionLine continuing_care_line() {
  ProvisionLine l;
  l.id = "line-1";
  l.section = Section::G;
  l.category = "continuing_care";
  l.what = "Overnight care at home";
  l.securing = icb;
  l.paying = {{icb, 10'000}};
  l.override_reason = "The ICB's panel found a primary health need";
  return l;
}

Proposal stockport_split() {
  return {Section::G, icb, {{care, 5'000}, {icb, 5'000}}, "Stockport seed: Continuing Care Panel", {}};
}

TEST(DisagreementParties, EveryAgencyThatSecuresOrPaysUnderEitherVersionOnce) {
  struct Case {
    const char* name;
    std::optional<Agency> securing;
    std::vector<FundingShare> paying;
    Proposal proposal;
    std::vector<Agency> parties;
  };
  const std::vector<Case> cases{
      {"the ICB takes all of a 50/50 split: social care, which no longer pays, is a party",
       icb,
       {{icb, 10'000}},
       stockport_split(),
       {care, icb}},
      {"SLT moved from F to G (Code 9.74): the council and the ICB",
       icb,
       {{icb, 10'000}},
       {Section::F, la, {{la, 10'000}}, "CFA s21(5)", {}},
       {la, icb}},
      {"s117 aftercare with no split agreed: the parties are those the line names",
       icb,
       {{icb, 6'000}, {care, 4'000}},
       {Section::G, icb, {}, "Mental Health Act 1983 s117", {}},
       {care, icb}},
  };
  for (const auto& c : cases) {
    ProvisionLine l = continuing_care_line();
    l.securing = c.securing;
    l.paying = c.paying;
    EXPECT_EQ(parties_to(l, c.proposal), c.parties) << c.name;
  }
}

TEST(DisagreementOpen, NeedsTheOverrideReasonAndStartsWithEveryPartyPending) {
  ProvisionLine l = continuing_care_line();
  auto d = open_disagreement("d-1", "demo", "c-1", "p-1", l, stockport_split(), "u-1", today);
  ASSERT_TRUE(d) << d.error().first_message();
  EXPECT_EQ(d->reason, "The ICB's panel found a primary health need");
  EXPECT_EQ(d->proposed,
            "Section G; secured by Integrated care board; paid by Council social care 50%, Integrated care board 50%");
  EXPECT_EQ(d->recorded, "Section G; secured by Integrated care board; paid by Integrated care board 100%");
  ASSERT_EQ(d->parties.size(), 2U);
  EXPECT_EQ(status_of(*d), DisagreementStatus::open);

  l.override_reason.reset();
  auto none = open_disagreement("d-2", "demo", "c-1", "p-1", l, stockport_split(), "u-1", today);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().first_field(), "override_reason");
}

TEST(DisagreementStatus, FollowsThePartiesPositions) {
  struct Case {
    const char* name;
    std::vector<Position> positions;  // social care, then the ICB
    DisagreementStatus status;
  };
  const std::vector<Case> cases{
      {"nobody has answered", {Position::pending, Position::pending}, DisagreementStatus::open},
      {"one of two agrees", {Position::agrees, Position::pending}, DisagreementStatus::open},
      {"both agree: the line stands as recorded", {Position::agrees, Position::agrees}, DisagreementStatus::agreed},
      {"one disagrees: for the area's procedure (s26(3)(g))",
       {Position::disagrees, Position::pending},
       DisagreementStatus::disputed},
  };
  for (const auto& c : cases) {
    auto d = *open_disagreement("d-1", "demo", "c-1", "p-1", continuing_care_line(), stockport_split(), "u", today);
    for (std::size_t i = 0; i < c.positions.size(); ++i) d.parties[i].position = c.positions[i];
    EXPECT_EQ(status_of(d), c.status) << c.name;
  }
}

TEST(DisagreementPosition, RefusesWhatCannotBeRecorded) {
  const auto fresh =
      *open_disagreement("d-1", "demo", "c-1", "p-1", continuing_care_line(), stockport_split(), "u", today);
  struct Case {
    const char* name;
    Agency agency;
    Position position;
    std::string note;
    const char* field;  // nullptr: accepted
  };
  const std::vector<Case> cases{
      {"the council's education service neither secures nor pays", la, Position::agrees, "", "agency"},
      {"pending is not a position", icb, Position::pending, "", "position"},
      {"a disagreement says what would be accepted", care, Position::disagrees, "", "note"},
      {"social care disagrees, with its alternative", care, Position::disagrees, "Keep the 50/50 split", nullptr},
      {"the ICB agrees", icb, Position::agrees, "", nullptr},
  };
  for (const auto& c : cases) {
    auto out = record_position(fresh, c.agency, c.position, c.note, "u-2", today);
    if (c.field == nullptr) {
      ASSERT_TRUE(out) << c.name << ": " << out.error().first_message();
      const auto& p = *std::find_if(out->parties.begin(), out->parties.end(),
                                    [&](const PartyPosition& x) { return x.agency == c.agency; });
      EXPECT_EQ(p.position, c.position) << c.name;
      EXPECT_EQ(p.decided_on, today) << c.name;
    } else {
      ASSERT_FALSE(out) << c.name;
      EXPECT_EQ(out.error().first_field(), c.field) << c.name;
    }
  }
}

TEST(DisagreementPosition, ASettledDisagreementTakesNoNewPositions) {
  auto d = *open_disagreement("d-1", "demo", "c-1", "p-1", continuing_care_line(), stockport_split(), "u", today);
  d = *record_position(d, care, Position::disagrees, "Keep the 50/50 split", "u-2", today);
  ASSERT_EQ(status_of(d), DisagreementStatus::disputed);
  auto late = record_position(d, icb, Position::agrees, "", "u-3", today);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().first_field(), "position");

  auto w = *open_disagreement("d-2", "demo", "c-1", "p-1", continuing_care_line(), stockport_split(), "u", today);
  w.withdrawn = true;
  EXPECT_EQ(status_of(w), DisagreementStatus::withdrawn);
  EXPECT_FALSE(record_position(w, icb, Position::agrees, "", "u-3", today));
}

}  // namespace
}  // namespace tandem
