// The demo's moves between councils: every one is a move a caseworker could
// record (check_move), they come at every step, and the same seed gives the
// same moves.
#include "demo/moves.h"

#include <gtest/gtest.h>

#include "profile/bank_holidays.h"

namespace tandem::demo {
namespace {

const Date kToday = make_date(2026, 11, 24);

std::vector<Plan> final_plans(int n) {
  std::vector<Plan> out;
  for (int i = 0; i < n; ++i) {
    Plan p;
    p.id = "p-" + std::to_string(i);
    p.child_id = "c-" + std::to_string(i);
    p.stage = i % 10 == 0 ? PlanStage::draft : PlanStage::final;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<AreaMove> generated(std::uint64_t seed) {
  MoveOptions o;
  o.seed = seed;
  o.today = kToday;
  o.area_id = "demo";
  o.id_prefix = "t-";
  return generate_moves(final_plans(3000), o);
}

TEST(DemoMoves, AreMovesACaseworkerCouldRecordAtEveryStep) {
  const auto moves = generated(7);
  ASSERT_GT(moves.size(), 40u) << "about 1 in 45 final plans moved in, 1 in 150 moving out";
  int in = 0, out = 0, awaiting_plan = 0, family_told = 0, not_told = 0, sent = 0, late = 0;
  for (const auto& m : moves) {
    EXPECT_TRUE(check_move(m, kToday).has_value()) << m.id;
    EXPECT_NE(m.child_id.find("c-"), std::string::npos);
    if (m.direction == MoveDirection::into_area) {
      ++in;
      if (!m.transferred_on) ++awaiting_plan;
      if (m.family_told_on) {
        ++family_told;
        EXPECT_TRUE(m.will_assess && m.will_amend) << m.id << ": the letter of reg 15(4) says both";
      }
      if (m.transferred_on && !m.family_told_on) ++not_told;
      const auto d = move_deadlines(m, shipped_calendar());
      if (m.family_told_on && d.tell_family && *m.family_told_on > d.tell_family->date) ++late;
    } else {
      ++out;
      if (m.transferred_on) ++sent;
    }
  }
  EXPECT_GT(in, out) << "more recent arrivals on record than departures under way";
  EXPECT_GT(out, 0);
  EXPECT_GT(awaiting_plan, 0) << "some plans not yet received from the old council";
  EXPECT_GT(family_told, 0);
  EXPECT_GT(not_told, 0) << "some families still to be told";
  EXPECT_GT(late, 0) << "some letters went after the 6 weeks of reg 15(4)";
  EXPECT_GT(sent, 0);
}

TEST(DemoMoves, TheSameSeedGivesTheSameMoves) {
  const auto a = generated(3), b = generated(3), c = generated(4);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].child_id, b[i].child_id);
    EXPECT_EQ(a[i].moved_on, b[i].moved_on);
    EXPECT_EQ(a[i].transferred_on, b[i].transferred_on);
  }
  bool differs = a.size() != c.size();
  for (std::size_t i = 0; !differs && i < a.size(); ++i) differs = a[i].child_id != c[i].child_id;
  EXPECT_TRUE(differs) << "another seed, other moves";
}

}  // namespace
}  // namespace tandem::demo
