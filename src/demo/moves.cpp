#include "demo/moves.h"

#include <array>

#include "demo/random.h"

namespace tandem::demo {

namespace {

using std::chrono::days;

constexpr std::uint64_t kStream = 0x3073'e5a1'0000'0001ULL;
// Roughly 2 to 3 in 100 children with a plan change council in a year; the
// demo shows the ones that arrived in the last year and a few leaving now.
constexpr double kMovedIn = 1.0 / 45.0;
constexpr double kMovingOut = 1.0 / 150.0;

// Neighbouring councils, as a caseworker in the North West would see them.
constexpr std::array<const char*, 8> kCouncils = {
    "Lancashire County Council", "Cumberland Council", "Wigan Council",  "Salford City Council",
    "Cheshire East Council",     "Trafford Council",   "Bolton Council", "Derbyshire County Council"};

AreaMove moved_in(const Plan& p, Rng& rng, const MoveOptions& o, std::size_t n) {
  AreaMove m;
  m.id = o.id_prefix + "mv-" + std::to_string(n);
  m.area_id = o.area_id;
  m.child_id = p.child_id;
  m.direction = MoveDirection::into_area;
  m.other_authority = kCouncils[rng.below(kCouncils.size())];
  m.moved_on = o.today - days{rng.between(5, 330)};
  m.recorded_by = "cli";
  m.version = 1;
  // The old council usually sends the plan within a few days; a few are
  // still awaited.
  if (rng.chance(0.9)) {
    m.transferred_on = std::min(o.today, m.moved_on + days{rng.between(0, 20)});
    m.plan_last_reviewed_on = *m.transferred_on - days{rng.between(30, 360)};
    // Most families hear within the 6 weeks; some letters are late or due.
    const int since = static_cast<int>((o.today - *m.transferred_on).count());
    if (since > 10 && rng.chance(0.8)) {
      const int told_after = rng.chance(0.85) ? rng.between(5, 40) : rng.between(43, 70);
      if (told_after <= since) {
        m.family_told_on = *m.transferred_on + days{told_after};
        m.will_assess = rng.chance(0.15);
        m.will_amend = rng.chance(0.3);
      }
    }
  }
  return m;
}

AreaMove moving_out(const Plan& p, Rng& rng, const MoveOptions& o, std::size_t n) {
  AreaMove m;
  m.id = o.id_prefix + "mv-" + std::to_string(n);
  m.area_id = o.area_id;
  m.child_id = p.child_id;
  m.direction = MoveDirection::out_of_area;
  m.other_authority = kCouncils[rng.below(kCouncils.size())];
  m.recorded_by = "cli";
  m.version = 1;
  if (rng.chance(0.5)) {
    // Already moved: the council usually knew ahead, sometimes only after.
    m.moved_on = o.today - days{rng.between(1, 40)};
    m.learned_on = rng.chance(0.85) ? m.moved_on - days{rng.between(0, 30)}
                                    : std::min(o.today, m.moved_on + days{rng.between(1, 10)});
    if (rng.chance(0.75)) {
      m.transferred_on = std::min(o.today, std::max(*m.learned_on, m.moved_on) + days{rng.between(0, 25)});
    }
  } else {
    m.learned_on = o.today - days{rng.between(0, 20)};
    m.moved_on = o.today + days{rng.between(3, 50)};
  }
  return m;
}

}  // namespace

std::vector<AreaMove> generate_moves(const std::vector<Plan>& plans, const MoveOptions& o) {
  Rng rng(o.seed ^ kStream);
  std::vector<AreaMove> out;
  for (const auto& p : plans) {
    if (p.stage != PlanStage::final) continue;
    const double pick = rng.unit();
    if (pick < kMovedIn) {
      out.push_back(moved_in(p, rng, o, out.size() + 1));
    } else if (pick < kMovedIn + kMovingOut) {
      out.push_back(moving_out(p, rng, o, out.size() + 1));
    } else {
      continue;
    }
    // Never keep what the rules would refuse from a caseworker.
    if (!check_move(out.back(), o.today)) out.pop_back();
  }
  return out;
}

}  // namespace tandem::demo
