// `tandem`: every operation is a subcommand. See `tandem --help`.
#include <filesystem>
#include <iostream>
#include <string>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/access_log.h"
#include "app/auth.h"
#include "app/caseload_index.h"
#include "app/clock.h"
#include "app/crypto.h"
#include "app/top_up_cache.h"
#include "cli/clock_command.h"
#include "cli/commands.h"
#include "cli/postcodes_command.h"
#include "cli/sen2_command.h"
#include "store/database.h"
#include "web/http_server.h"
#include "web/router.h"
#include "web/templates.h"

namespace {

constexpr const char* kDefaultDatabase = "sqlite:tandem.db";

// Static assets sit in `static/` beside the executable (built by scripts/build-assets.sh).
std::filesystem::path static_dir_beside(const char* argv0) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) exe = std::filesystem::absolute(argv0);
  return exe.parent_path() / "static";
}

std::string read_password_from_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void print_errors(const tandem::Error& e) {
  for (const auto& f : e.fields) std::cerr << "tandem: " << f.field << ": " << f.message << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Tandem: joint commissioning of SEND provision for children and young people aged 0 to 25"};
  cli.require_subcommand(1);

  std::string database = kDefaultDatabase;
  auto add_database = [&](CLI::App* c) {
    c->add_option("--database", database, "sqlite:PATH or postgresql://user:password@host:port/dbname")
        ->capture_default_str();
  };

  std::string address = "127.0.0.1";
  int port = 8080;
  // Handlers mostly wait for durable commits (the access log), so more threads than cores pay.
  int workers = 16;
  bool secure_cookies = false;
  auto* serve = cli.add_subcommand("serve", "Serve the web application and API (migrates the database first)");
  add_database(serve);
  serve->add_option("--address", address, "Address to listen on")->capture_default_str();
  serve->add_option("--port", port, "Port to listen on; 0 picks a free port and prints it")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--workers", workers, "Threads that run request handlers")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  std::string areas_dir;
  serve->add_option("--areas", areas_dir, "A folder of area profiles (*.toml) to check at start-up");
  std::string local_offer_area;
  serve->add_option("--local-offer-area", local_offer_area,
                    "Area whose Local Offer the public pages and /api/oruk serve (default: the only area)");
  serve->add_flag("--secure-cookies", secure_cookies, "Mark cookies Secure (set when users reach Tandem over HTTPS)");

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  add_database(migrate);

  tandem::cli::DemoOptions demo_options;
  auto* demo = cli.add_subcommand("demo", "Create or refresh a demo database: an area, its accounts and its children");
  add_database(demo);
  demo->add_option("--area", demo_options.area,
                   "Area profile to use (demo, halton, blackpool, haringey, stockport, "
                   "northumberland)")
      ->capture_default_str();
  demo->add_option("--plans", demo_options.plans, "Number of EHC plans (0: the area's published count)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  demo->add_option("--services", demo_options.services, "Local Offer services in the directory (0: 300)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  demo->add_option("--seed", demo_options.seed, "Random seed: the same seed gives the same area")
      ->capture_default_str();

  auto* user = cli.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  tandem::app::NewUser new_user;
  auto* user_add = user->add_subcommand("add", "Add a user; reads the password from standard input");
  add_database(user_add);
  user_add->add_option("--email", new_user.email, "Email address (the sign-in name)")->required();
  user_add->add_option("--role", new_user.role, "Role id, e.g. caseworker")->required();
  user_add->add_option("--agency", new_user.agency, "Agency id, e.g. council_education")->required();
  user_add->add_option("--area", new_user.area_id, "Area id (default: the only area in the database)");
  user_add->add_option("--name", new_user.display_name, "Name shown on screen");
  std::string email;
  auto* user_disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  add_database(user_disable);
  user_disable->add_option("--email", email, "Email address")->required();
  auto* user_reset = user->add_subcommand("reset-password", "Set a new password, read from standard input");
  add_database(user_reset);
  user_reset->add_option("--email", email, "Email address")->required();
  std::string token_name = "api";
  auto* user_token = user->add_subcommand("token", "Create an API token for a user and print it");
  add_database(user_token);
  user_token->add_option("--email", email, "Email address")->required();
  user_token->add_option("--name", token_name, "What the token is for")->capture_default_str();

  tandem::cli::ClockArgs clock_args;
  auto* clock_cmd = cli.add_subcommand("clock", "Print the statutory deadlines of an EHC needs assessment as JSON");
  clock_cmd->add_option("--received", clock_args.received, "Day the request was received (YYYY-MM-DD)")->required();
  clock_cmd->add_option("--advice-requested", clock_args.advice_requested,
                        "Day an adviser received the request for advice (adds advice_due)");
  clock_cmd->add_option("--issued", clock_args.issued, "Day the final plan was issued (adds first_annual_review)");
  clock_cmd->add_option("--transfer", clock_args.transfer,
                        "Phase transfer: school or post16 (with --year; adds phase_transfer)");
  clock_cmd->add_option("--year", clock_args.year, "Calendar year of the transfer, e.g. 2026");
  clock_cmd->add_option("--review-meeting", clock_args.review_meeting,
                        "Day of a review meeting (adds review_decision and amended_plan)");
  clock_cmd->add_option("--mediation-informed", clock_args.mediation_informed,
                        "Day the mediation adviser was told (adds mediation_certificate)");

  auto* import = cli.add_subcommand("import", "Import data from other systems");
  import->require_subcommand(1);
  std::string import_source, import_area;
  int import_timeout = 30;
  auto* import_oruk = import->add_subcommand(
      "oruk",
      "Import Open Referral UK services into the Local Offer: from another directory's feed, a folder of its CSV "
      "tables, or a JSON file. If any service is refused, each is named and nothing is imported; importing again "
      "updates what an earlier import brought");
  add_database(import_oruk);
  import_oruk
      ->add_option("source", import_source,
                   "A feed's address (https://host/api/oruk/ or .../services), a folder holding services.csv, "
                   "organizations.csv and the other tables, or a JSON file (a service, a list or a page of them)")
      ->required();
  import_oruk->add_option("--area", import_area,
                          "Area id (default: the only area in the database); an area the database lacks is made "
                          "from the shipped profile of that id");
  import_oruk->add_option("--timeout", import_timeout, "Seconds to wait for each answer from a feed")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));

  tandem::cli::Sen2Args sen2_args;
  const auto sen2 = tandem::cli::add_sen2_commands(cli, *import, database, sen2_args);
  tandem::cli::PostcodesArgs postcodes_args;
  auto* import_postcodes = tandem::cli::add_postcodes_command(*import, database, postcodes_args);

  std::string profile_path;
  auto* check_profile = cli.add_subcommand("check-profile", "Check an area profile (TOML) and say what is wrong");
  check_profile->add_option("file", profile_path, "Path to the profile")->required();

  CLI11_PARSE(cli, argc, argv);

  try {
    tandem::app::init_crypto();
    const tandem::app::SystemClock clock;
    if (*check_profile) return tandem::cli::check_profile(profile_path);
    if (*clock_cmd) return tandem::cli::clock_command(clock_args, std::cout, std::cerr);
    if (*migrate) {
      auto db = tandem::store::Database::open(database, 1);
      const int applied = db->migrate();
      std::cout << "Applied " << applied << " migration(s); schema version " << db->schema_version() << "\n";
      return 0;
    }
    if (*demo) {
      auto db = tandem::store::Database::open(database, 2);
      db->migrate();
      return tandem::cli::run_demo(*db, clock, demo_options);
    }
    if (*user) {
      auto db = tandem::store::Database::open(database, 1);
      db->migrate();
      if (*user_add) {
        new_user.password = read_password_from_stdin();
        if (new_user.area_id.empty()) new_user.area_id = tandem::cli::only_area(*db);
        auto id = tandem::app::add_user(*db, clock, new_user, "cli");
        if (!id) return print_errors(id.error()), 2;
        std::cout << "Added " << tandem::app::normalise_email(new_user.email) << " (" << *id << ")\n";
        return 0;
      }
      if (*user_disable) {
        auto r = tandem::app::set_user_disabled(*db, clock, email, true, "cli");
        if (!r) return print_errors(r.error()), 2;
        std::cout << "Disabled " << tandem::app::normalise_email(email) << " and ended their sessions\n";
        return 0;
      }
      if (*user_reset) {
        auto r = tandem::app::reset_password(*db, clock, email, read_password_from_stdin(), "cli");
        if (!r) return print_errors(r.error()), 2;
        std::cout << "Password reset for " << tandem::app::normalise_email(email) << "; their sessions have ended\n";
        return 0;
      }
      if (*user_token) {
        auto token = tandem::cli::create_token(*db, clock, email, token_name);
        if (!token) return print_errors(token.error()), 2;
        std::cout << *token << "\n";
        return 0;
      }
    }
    if (*import_oruk) {
      auto db = tandem::store::Database::open(database, 1);
      db->migrate();
      if (import_area.empty()) import_area = tandem::cli::only_area(*db);
      return tandem::cli::import_oruk(*db, clock, import_area, import_source, import_timeout);
    }
    if (*import_postcodes) {
      auto db = tandem::store::Database::open(database, 1);
      db->migrate();
      return tandem::cli::import_postcodes(*db, clock, postcodes_args);
    }
    if (*sen2.export_sen2 || *sen2.import_sen2) {
      auto db = tandem::store::Database::open(database, 1);
      db->migrate();
      return *sen2.export_sen2 ? tandem::cli::export_sen2(*db, clock, sen2_args)
                               : tandem::cli::import_sen2(*db, clock, sen2_args);
    }
    if (*serve) {
      if (!tandem::cli::area_profiles_load(areas_dir)) return 2;
      auto db = tandem::store::Database::open(database, static_cast<std::size_t>(workers) + 2);
      db->migrate();
      db->refresh_statistics();
      tandem::app::Auth auth(*db, clock);
      tandem::app::AccessLog access_log(*db);
      tandem::web::Templates templates;
      tandem::web::Services services{*db,           clock, auth, access_log, templates, static_dir_beside(argv[0]),
                                     secure_cookies};
      tandem::app::RegisterSearchCache search_cache;
      services.search_cache = &search_cache;
      tandem::app::CaseloadIndex caseload_index;
      services.caseload_index = &caseload_index;
      tandem::app::TopUpCache top_up_cache;
      services.top_up_cache = &top_up_cache;
      tandem::app::LocalOffer local_offer(*db, clock, local_offer_area);
      services.local_offer = &local_offer;
      tandem::app::ClosureSweep closures;
      services.closures = &closures;
      tandem::web::ServerOptions options;
      options.address = address;
      options.port = static_cast<std::uint16_t>(port);
      options.worker_threads = workers;
      tandem::web::HttpServer server(options, tandem::web::make_handler(services));
      std::cout << "Tandem is listening on http://" << address << ":" << server.port() << "/" << std::endl;
      server.run();
      return 0;
    }
  } catch (const tandem::store::StoreError& e) {
    std::cerr << "tandem: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "tandem: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
