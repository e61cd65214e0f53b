#include "cli/sen2_command.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "app/sen2_import.h"
#include "app/sen2_return.h"
#include "cli/commands.h"

namespace tandem::cli {

Sen2Commands add_sen2_commands(CLI::App& cli, CLI::App& import, std::string& database, Sen2Args& args) {
  Sen2Commands out;
  auto* exp = cli.add_subcommand("export", "Export data for other systems");
  exp->require_subcommand(1);
  out.export_sen2 = exp->add_subcommand(
      "sen2", "Write the DfE SEN2 person-level return (XML) for a collection year and print its validation report");
  out.export_sen2->add_option("--database", database, "sqlite:PATH or postgresql://...")->capture_default_str();
  out.export_sen2->add_option("--area", args.area, "Area id (default: the only area in the database)");
  out.export_sen2->add_option("--year", args.year, "Collection year, e.g. 2026 (census in January of that year)")
      ->required()
      ->check(CLI::Range(2023, 2100));
  out.export_sen2->add_option("--out", args.out, "The XML file to write")->required();
  out.export_sen2->add_option("--report", args.csv, "Also write the validation report to this CSV file");
  out.export_sen2->add_option("--dmo", args.dmo,
                              "Whether the area has a designated medical officer (the header's DMO): Y, N or R; "
                              "default: the area profile's [sen2_return] dmo");
  out.export_sen2->add_option("--dco", args.dco,
                              "Whether the area has a designated clinical officer (the header's DCO): Y, N or R; "
                              "default: the area profile's [sen2_return] dco");
  out.import_sen2 = import.add_subcommand(
      "sen2", "Import a DfE SEN2 person-level return (XML): people, requests, assessments, plans, placements, needs");
  out.import_sen2->add_option("--database", database, "sqlite:PATH or postgresql://...")->capture_default_str();
  out.import_sen2->add_option("file", args.file, "The XML file")->required();
  out.import_sen2->add_option("--area", args.area, "Area id (default: the only area in the database)");
  return out;
}

int export_sen2(store::Database& db, const app::Clock& clock, const Sen2Args& args) {
  const std::string area = args.area.empty() ? only_area(db) : args.area;
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "tandem: --out: cannot write " << args.out << "\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  auto report = app::export_sen2(db, clock, {area, args.year, "", "Tandem", "", args.dmo, args.dco}, &out);
  out.close();
  if (!report) {
    for (const auto& f : report.error().fields) std::cerr << "tandem: " << f.field << ": " << f.message << "\n";
    std::remove(args.out.c_str());
    return 2;
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  const auto& t = report->totals;
  std::cerr << "Validation report (" << t.errors << " errors, " << t.queries << " queries):\n";
  std::map<std::string, int> shown;
  for (const auto& p : report->problems) {
    if (++shown[p.rule] > 20) continue;  // the CSV has every one
    std::cerr << "  " << p.severity << " " << p.rule << " " << p.person << " (" << p.page << ") " << p.path << ": "
              << p.message << "\n";
  }
  for (const auto& [rule, n] : shown)
    if (n > 20) std::cerr << "  ... and " << n - 20 << " more " << rule << " (see the CSV report)\n";
  if (!args.csv.empty()) {
    std::ofstream csv(args.csv, std::ios::binary | std::ios::trunc);
    csv << app::sen2_report_csv(*report, "");
  }
  std::cout << "Wrote the SEN2 " << args.year << " return for " << area << " to " << args.out << " in " << ms
            << " ms: census date " << format_date(report->period.census) << ", " << t.persons << " people, "
            << t.active_plans << " active plans (Tandem: " << report->tandem_active_plans << "), " << t.requests
            << " requests in " << args.year - 1 << " (Tandem: " << report->tandem_requests << "), " << t.requests_assess
            << " to assess (Tandem: " << report->tandem_requests_assess << "), " << t.requests_not_assess
            << " not to assess (Tandem: " << report->tandem_requests_not_assess << "), " << t.plans_issued
            << " plans issued\n";
  const auto& r = report->rate;
  std::cout << "Tandem's 20-week rate for " << r.year << " (as its dashboard shows it): excluding exceptions "
            << r.excluding_exceptions.within_20_weeks << "/" << r.excluding_exceptions.plans
            << ", including exceptions " << r.including_exceptions.within_20_weeks << "/"
            << r.including_exceptions.plans << "\n";
  return t.errors > 0 ? 3 : 0;
}

int import_sen2(store::Database& db, const app::Clock& clock, const Sen2Args& args) {
  const std::string area = args.area.empty() ? only_area(db) : args.area;
  const auto started = std::chrono::steady_clock::now();
  auto s = app::import_sen2(db, clock, area, args.file, "cli", [](std::size_t persons, std::size_t bytes) {
    std::cerr << "Read " << persons << " people (" << bytes / 1024 << " KB)\n";
  });
  if (!s.rejected.empty()) {
    std::size_t shown = 0;
    for (const auto& p : s.rejected)
      if (++shown <= 100)
        std::cerr << "tandem: " << p.path << (p.element.empty() ? "" : " (" + p.element + ")") << ": " << p.message
                  << "\n";
    if (s.truncated || shown > 100) std::cerr << "tandem: ... and more problems (the first 100 are shown)\n";
    std::cerr << "tandem: " << s.rejected.size() << " problem(s) in " << args.file << "; nothing was imported\n";
    return 2;
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  for (const auto& line : s.conflict_lines) std::cerr << "conflict: " << line << "\n";
  for (const auto& [spelled, as] : s.spelled_otherwise)
    std::cerr << "Read " << spelled << " as " << as.first << " (the " << s.year << " name), " << as.second
              << (as.second == 1 ? " time\n" : " times\n");
  std::cout << "Imported the SEN2 " << s.year << " return into " << area << " in " << ms << " ms: " << s.persons
            << " people, " << s.created << " new, " << s.updated << " updated, " << s.unchanged << " unchanged, "
            << s.conflicts << " conflicts kept as Tandem has them (listed at /returns/sen2)\n";
  return 0;
}

}  // namespace tandem::cli
