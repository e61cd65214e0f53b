#include "demo/disagreements.h"

#include <array>
#include <string_view>

#include "demo/random.h"

namespace tandem::demo {

namespace {

constexpr std::uint64_t kStream = 0xd15a'9ee0'0000'0001ULL;
// About one jointly funded line in six is recorded against the area's
// split: panels depart from the matrix for individual children now and then.
constexpr double kOverride = 1.0 / 6.0;

constexpr std::array<std::string_view, 5> kReasons{{
    "The continuing care panel found a primary health need, so the ICB meets the whole cost.",
    "Agreed at the joint resource panel: the package is mainly personal care, so social care funds it in full.",
    "The ICB's review says the nursing element has ended; the council is asked to meet the whole cost.",
    "Interim arrangement while the joint funding review is completed; the securing agency pays in full.",
    "The young person's needs changed after a hospital stay; the panel recorded a single funder pending review.",
}};
constexpr std::array<std::string_view, 3> kDisputeNotes{{
    "We would accept the area's agreed split, as in the joint funding protocol.",
    "We would accept a 70/30 split while the review is completed.",
    "Refer to the joint commissioning board: the matrix should apply.",
}};

}  // namespace

std::vector<Disagreement> generate_disagreements(std::vector<Plan>& plans, const ResponsibilityMatrix& matrix,
                                                 const DisagreementOptions& o) {
  std::vector<Disagreement> out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    Plan& plan = plans[i];
    Rng rng(mix64(o.seed, mix64(kStream, i)));
    for (auto& line : plan.provision) {
      if (line.paying.size() < 2 || !line.securing || !rng.chance(kOverride)) continue;
      const Proposal proposal = propose_responsibility(line, matrix);
      line.paying = {{*line.securing, kWholeShare}};
      line.override_reason = std::string(kReasons[static_cast<std::size_t>(rng.below(kReasons.size()))]);
      line.rule = "Recorded against the proposal (" + proposal.rule + ")";
      const Date raised = o.today - std::chrono::days{rng.between(3, 120)};
      const std::string by = o.raised_by.empty() ? std::string("demo")
                                                 : o.raised_by[static_cast<std::size_t>(rng.below(o.raised_by.size()))];
      auto d = open_disagreement(o.id_prefix + "d-" + std::to_string(++n), o.area_id, plan.child_id, plan.id, line,
                                 proposal, by, raised);
      if (!d) continue;
      // Older disagreements are further along: most agreed or disputed
      // after two months, most still waiting in the first few weeks.
      const int age = static_cast<int>((o.today - raised).count());
      const double settled = age > 60 ? 0.7 : age > 21 ? 0.4 : 0.1;
      const bool settle = rng.chance(settled);
      const bool dispute = settle && rng.chance(0.3);
      const std::string decider =
          o.decided_by.empty() ? by : o.decided_by[static_cast<std::size_t>(rng.below(o.decided_by.size()))];
      for (std::size_t p = 0; p < d->parties.size(); ++p) {
        auto& party = d->parties[p];
        const bool answers = settle || rng.chance(0.3);
        if (!answers) continue;
        party.decided_by = decider;
        party.decided_on = raised + std::chrono::days{rng.between(1, std::max(1, age))};
        if (dispute && p == 0) {
          party.position = Position::disagrees;
          party.note = std::string(kDisputeNotes[static_cast<std::size_t>(rng.below(kDisputeNotes.size()))]);
        } else {
          party.position = Position::agrees;
        }
      }
      out.push_back(std::move(*d));
    }
  }
  return out;
}

}  // namespace tandem::demo
