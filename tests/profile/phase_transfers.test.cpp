// The year groups at which an area's children change phase ([[phase_transfers]]
// in an area profile; SEND Regulations 2014 reg 18): the two-tier default, an
// area's own list, and every problem the reader refuses, naming the key.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "profile/area_profiles.h"
#include "sample_profile.h"

namespace tandem {
namespace {

using testing::sample_profile_lines;

std::string with(const std::vector<std::string>& extra) {
  std::string out;
  for (const auto& l : sample_profile_lines()) out += l + "\n";
  for (const auto& l : extra) out += l + "\n";
  return out;
}

std::vector<std::string> row(const std::string& into, const std::string& kind = "school",
                             const std::string& label = "first to middle school") {
  return {"[[phase_transfers]]", "into = \"" + into + "\"", "kind = \"" + kind + "\"", "label = \"" + label + "\""};
}

TEST(PhaseTransfers, ShippedProfilesUseTheTwoTierDefault) {
  for (const auto& area : shipped_area_profiles()) {
    EXPECT_EQ(transfer_points(area), default_transfer_points()) << area.id;
  }
}

TEST(PhaseTransfers, AnAreaCanListItsOwn) {
  auto lines = row("year_5");
  for (const auto& l : row("year_9", "school", "middle to high school")) lines.push_back(l);
  for (const auto& l : row("year_12", "post16", "high school to post-16")) lines.push_back(l);
  const auto area = parse_area_profile(with(lines), "test.toml");
  ASSERT_TRUE(area) << area.error().first_message();
  EXPECT_EQ(transfer_points(*area), (std::vector<TransferPoint>{{5, TransferKind::school, "first to middle school"},
                                                                {9, TransferKind::school, "middle to high school"},
                                                                {12, TransferKind::post16, "high school to post-16"}}));
}

TEST(PhaseTransfers, EveryProblemNamesTheKey) {
  struct Bad {
    std::vector<std::string> lines;
    std::string field;
    std::string says;
  };
  auto twice = row("year_5");
  for (const auto& l : row("year_5")) twice.push_back(l);
  const Bad cases[] = {
      {row("year_14"), "phase_transfers[0].into", "allowed: reception, year_1 to year_13"},
      {row("year_7", "sixth_form"), "phase_transfers[0].kind", "allowed: school, post16"},
      {{"[[phase_transfers]]", "into = \"year_7\"", "kind = \"school\""}, "phase_transfers[0].label", "label"},
      {twice, "phase_transfers[1].into", "listed twice"},
  };
  for (const auto& c : cases) {
    const auto area = parse_area_profile(with(c.lines), "test.toml");
    ASSERT_FALSE(area) << c.field;
    EXPECT_EQ(area.error().first_field(), c.field) << area.error().first_message();
    EXPECT_NE(area.error().first_message().find(c.says), std::string::npos) << area.error().first_message();
  }
}

}  // namespace
}  // namespace tandem
