#include "profile/check_profile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sample_profile.h"

namespace tandem {
namespace {

// A profile written to a private temporary folder, removed afterwards.
class CheckProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tandem-check-profile-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(CheckProfile, ValidProfilePrintsOneSummaryLine) {
  const auto path = write("testarea.toml", testing::sample_profile());
  std::ostringstream out, err;
  EXPECT_EQ(check_profile_command(path, out, err), 0);
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(out.str(), path +
                           ": Test Area (DfE 876, E06000006), North West: 3 partners, 1 role, 1 panel, 1 board; a "
                           "request counts as received on the next working day if it arrives after 17:00 "
                           "(Europe/London) or on a non-working day (Tandem's default, not yet confirmed by the "
                           "area)\n");
}

TEST_F(CheckProfile, InvalidProfilePrintsEveryProblem) {
  const auto path =
      write("testarea.toml", testing::sample_profile({{14, "agency = \"police\""}, {28, "cut_off = \"5pm\""}}));
  std::ostringstream out, err;
  EXPECT_EQ(check_profile_command(path, out, err), 1);
  EXPECT_EQ(out.str(), "");
  const std::string e = err.str();
  EXPECT_NE(e.find(path + " line 14: partners[1].agency = \"police\" is not an agency"), std::string::npos) << e;
  EXPECT_NE(e.find(path + " line 28: receipt.cut_off = \"5pm\" is not a time"), std::string::npos) << e;
  EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 3);  // plus: no council_social_care partner left
}

TEST_F(CheckProfile, MissingFileIsReported) {
  const auto path = (dir_ / "missing.toml").string();
  std::ostringstream out, err;
  EXPECT_EQ(check_profile_command(path, out, err), 1);
  EXPECT_EQ(err.str().rfind(path + " cannot be read", 0), 0u) << err.str();
}

}  // namespace
}  // namespace tandem
