// `tandem`: every operation is a subcommand. See `tandem --help`.
#include <iostream>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "store/database.h"
#include "web/http_server.h"
#include "web/router.h"

namespace {
constexpr const char* kDefaultDatabase = "sqlite:tandem.db";
}

int main(int argc, char** argv) {
  CLI::App cli{"Tandem: joint commissioning of SEND provision for children and young people aged 0 to 25"};
  cli.require_subcommand(1);

  std::string database = kDefaultDatabase;
  std::string address = "127.0.0.1";
  int port = 8080;
  int workers = 4;

  auto* serve = cli.add_subcommand("serve", "Serve the web application and API (migrates the database first)");
  serve->add_option("--database", database, "sqlite:PATH or postgresql://URL")->capture_default_str();
  serve->add_option("--address", address, "Address to listen on")->capture_default_str();
  serve->add_option("--port", port, "Port to listen on; 0 picks a free port and prints it")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--workers", workers, "Threads that run request handlers")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  migrate->add_option("--database", database, "sqlite:PATH or postgresql://URL")->capture_default_str();

  CLI11_PARSE(cli, argc, argv);

  try {
    if (*migrate) {
      auto db = tandem::store::Database::open(database, 1);
      const int applied = db->migrate();
      std::cout << "Applied " << applied << " migration(s); schema version " << db->schema_version() << "\n";
      return 0;
    }
    if (*serve) {
      auto db = tandem::store::Database::open(database, static_cast<std::size_t>(workers) + 1);
      db->migrate();
      tandem::web::AppContext context{*db};
      tandem::web::ServerOptions options;
      options.address = address;
      options.port = static_cast<std::uint16_t>(port);
      options.worker_threads = workers;
      tandem::web::HttpServer server(options, tandem::web::make_handler(context));
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
