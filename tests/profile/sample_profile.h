// A small valid area profile for tests, one string per line so each test can
// say exactly which line it changes and which line the error must name.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tandem::testing {

inline std::vector<std::string> sample_profile_lines() {
  return {
      R"t(id = "testarea")t",                          // 1
      R"t(name = "Test Area")t",                       // 2
      R"t(la_code = "876")t",                          // 3
      R"t(ons_code = "E06000006")t",                   // 4
      R"t(region = "North West")t",                    // 5
      "",                                              // 6
      "[[partners]]",                                  // 7
      R"t(id = "council_education")t",                 // 8
      R"t(agency = "council_education")t",             // 9
      R"t(name = "Test Council (education)")t",        // 10
      "",                                              // 11
      "[[partners]]",                                  // 12
      R"t(id = "council_social_care")t",               // 13
      R"t(agency = "council_social_care")t",           // 14
      R"t(name = "Test Council (social care)")t",      // 15
      "",                                              // 16
      "[[partners]]",                                  // 17
      R"t(id = "icb")t",                               // 18
      R"t(agency = "icb")t",                           // 19
      R"t(name = "NHS Test ICB")t",                    // 20
      R"t(formerly = ["Test CCG"])t",                  // 21
      "",                                              // 22
      "[[roles]]",                                     // 23
      R"t(id = "caseworker")t",                        // 24
      R"t(local_name = "SEN officer")t",               // 25
      "",                                              // 26
      "[receipt]",                                     // 27
      R"t(cut_off = "17:00")t",                        // 28
      R"t(on_non_working_day = "next_working_day")t",  // 29
      R"t(time_zone = "Europe/London")t",              // 30
      "confirmed_by_area = false",                     // 31
      "",                                              // 32
      "[forums]",                                      // 33
      R"t(panels = ["SEN Panel"])t",                   // 34
      R"t(boards = ["Health and Wellbeing Board"])t",  // 35
  };
}

// The sample with some lines (numbered from 1) replaced.
inline std::string sample_profile(const std::vector<std::pair<int, std::string>>& changes = {}) {
  auto lines = sample_profile_lines();
  for (const auto& [line, text] : changes) lines.at(static_cast<std::size_t>(line - 1)) = text;
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace tandem::testing
