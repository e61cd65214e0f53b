#include "cli/postcodes_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/postcode_import.h"
#include "core/postcode_directory.h"

namespace tandem::cli {

CLI::App* add_postcodes_command(CLI::App& import, std::string& database, PostcodesArgs& args) {
  auto* c = import.add_subcommand(
      "postcodes",
      "Import where every postcode is from the ONS Postcode Directory (ONSPD) or the National Statistics Postcode "
      "Lookup (NSPL), as CSV, for the Local Offer's search by distance. Terminated postcodes and those without a "
      "grid reference are skipped; importing again replaces the last import; a bad row refuses the whole file");
  c->add_option("--database", database, "sqlite:PATH or postgresql://...")->capture_default_str();
  c->add_option("file", args.file, "The CSV file (ONSPD_..._UK.csv, or NSPL_..._UK.csv)")->required();
  c->add_option("--within", args.within,
                "Keep only postcodes in these local authority districts (the oslaua column), comma separated: the "
                "area's and its neighbours', like E06000009,E07000119");
  c->add_option("--progress-every", args.progress_every, "Rows between progress lines on standard error")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000000));
  return c;
}

int import_postcodes(store::Database& db, const app::Clock& clock, const PostcodesArgs& args) {
  app::PostcodeImportOptions options;
  if (!args.within.empty()) {
    auto codes = parse_local_authority_codes(args.within);
    if (!codes) {
      for (const auto& f : codes.error().fields) std::cerr << "tandem: " << f.message << "\n";
      return 2;
    }
    options.within = std::move(*codes);
  }
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    std::cerr << "tandem: file: cannot read " << args.file << "\n";
    return 2;
  }
  options.source = std::filesystem::path(args.file).filename().string();
  options.progress_every = static_cast<std::size_t>(args.progress_every);
  const auto started = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  auto report = app::import_postcodes(db, clock, in, options, [&](std::int64_t rows) {
    std::cerr << "tandem: read " << rows << " rows ("
              << static_cast<std::int64_t>(static_cast<double>(rows) / std::max(seconds(), 1e-3)) << " a second)\n";
  });
  if (!report) {
    for (const auto& f : report.error().fields) std::cerr << "tandem: " << args.file << ": " << f.message << "\n";
    if (report.error().fields.size() >= app::kMaxPostcodeProblems)
      std::cerr << "tandem: the first " << app::kMaxPostcodeProblems << " problems are shown\n";
    std::cerr << "tandem: nothing was imported; the postcodes imported before are unchanged\n";
    return 2;
  }
  const double s = seconds();
  std::cout << "Imported " << report->postcodes << " postcodes in " << report->districts
            << (report->districts == 1 ? " district" : " districts") << " from " << options.source << " ("
            << report->rows << " rows, postcodes from its " << report->postcode_column << " column) in "
            << static_cast<std::int64_t>(s * 1000) << " ms, "
            << static_cast<std::int64_t>(static_cast<double>(report->rows) / std::max(s, 1e-3))
            << " rows a second; skipped " << report->terminated << " terminated, " << report->no_grid
            << " without a grid reference";
  if (!options.within.empty()) std::cout << " and " << report->outside << " outside " << args.within;
  std::cout << "\n";
  if (report->venues_located > 0)
    std::cout << "Gave " << report->venues_located << " venues without coordinates their postcode's\n";
  return 0;
}

}  // namespace tandem::cli
