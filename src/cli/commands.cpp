#include "cli/commands.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "app/auth.h"
#include "app/demo_area.h"
#include "app/directory_import.h"
#include "profile/area_profiles.h"
#include "profile/check_profile.h"
#include "store/people.h"

namespace tandem::cli {

int run_demo(store::Database& db, const app::Clock& clock, const DemoOptions& options) {
  auto summary = app::build_demo_area(db, clock,
                                      {options.area, static_cast<std::size_t>(options.plans), options.seed,
                                       static_cast<std::size_t>(options.services)});
  if (!summary) {
    for (const auto& f : summary.error().fields) std::cerr << "tandem: " << f.field << ": " << f.message << "\n";
    return 2;
  }
  std::cout << "Demo area '" << summary->area_name << "' (" << summary->area_id << "): " << summary->children
            << " children and young people, " << summary->plans << " with EHC plans, " << summary->assessments
            << " EHC needs assessments, " << summary->reviews << " recent review meetings, " << summary->disagreements
            << " inter-agency disagreements, " << summary->appeals << " tribunal appeals, " << summary->services
            << " Local Offer services, " << summary->feedback << " feedback items and " << summary->provision_requests
            << " requests for provision; calibrated from " << summary->calibrated_from
            << "'s published DfE figures.\n\n"
            << "Sign in at /sign-in with any of these accounts (password: " << summary->accounts.front().password
            << "):\n";
  for (const auto& a : summary->accounts) {
    std::cout << "  " << a.email << "  " << role_label(a.role) << ", " << agency_label(a.agency) << "\n";
  }
  return 0;
}

int import_oruk(store::Database& db, const app::Clock& clock, const std::string& area_id, const std::string& source,
                int timeout_seconds) {
  app::ImportOptions options;
  options.timeout = std::chrono::seconds(timeout_seconds);
  auto report = app::import_oruk(db, clock, area_id, source, options,
                                 [](std::string_view what, std::size_t done, std::size_t total) {
                                   std::cerr << "tandem: " << what << ": " << done << " of " << total << "\n";
                                 });
  if (!report) {
    for (const auto& f : report.error().fields) std::cerr << "tandem: " << f.field << ": " << f.message << "\n";
    std::cerr << "tandem: nothing was imported\n";
    return 2;
  }
  for (const auto& r : report->rejected) {
    const std::string where = r.source.empty() ? "service " + std::to_string(r.index + 1) : r.source;
    for (const auto& f : r.error.fields) {
      std::cerr << "tandem: " << where << (r.id.empty() ? "" : " (" + r.id + ")")
                << (r.name.empty() ? "" : " " + r.name) << ": " << f.field << ": " << f.message << "\n";
    }
  }
  if (!report->rejected.empty()) {
    std::cerr << "tandem: " << report->rejected.size() << " of " << report->read
              << " services refused; nothing was imported\n";
    return 2;
  }
  std::cout << "Imported " << report->imported << " services (" << report->organisations << " organisations, "
            << report->locations << " venues, " << report->terms << " taxonomy terms) into the Local Offer of "
            << area_id << (report->area_created ? ", a new area made from its shipped profile" : "") << "\n";
  return 0;
}

int check_profile(const std::string& path) { return tandem::check_profile_command(path, std::cout, std::cerr); }

bool area_profiles_load(const std::string& dir) {
  shipped_area_profiles();  // a broken embedded profile throws: the build is wrong
  if (dir.empty()) return true;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cerr << "tandem: --areas: " << dir << " is not a folder of area profiles (*.toml)\n";
    return false;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  bool ok = true;
  for (const auto& file : files) {
    auto area = load_area_profile_file(file);
    if (area) continue;
    ok = false;
    for (const auto& f : area.error().fields) std::cerr << "tandem: " << f.message << "\n";
  }
  return ok;
}

std::string only_area(store::Database& db) {
  std::vector<store::AreaRow> areas;
  db.read([&](store::Tx& tx) { areas = store::list_areas(tx); });
  if (areas.size() == 1) return areas.front().id;
  if (areas.empty())
    throw std::runtime_error("the database has no area yet: run `tandem demo` or name one with --area");
  std::string ids;
  for (const auto& a : areas) ids += (ids.empty() ? "" : ", ") + a.id;
  throw std::runtime_error("the database has several areas (" + ids + "): choose one with --area");
}

Result<std::string> create_token(store::Database& db, const app::Clock& clock, const std::string& email,
                                 const std::string& name) {
  std::optional<store::UserRow> user;
  std::vector<store::MembershipRow> memberships;
  db.read([&](store::Tx& tx) {
    user = store::find_user_by_email(tx, app::normalise_email(email));
    if (user) memberships = store::memberships_of(tx, user->id);
  });
  if (!user || memberships.empty()) return fail("email", "There is no user with the email " + email + " in any area");
  app::Auth auth(db, clock);
  app::SignedIn who;
  who.user_id = user->id;
  who.area_id = memberships.front().area_id;
  return auth.create_api_token(who, name);
}

}  // namespace tandem::cli
