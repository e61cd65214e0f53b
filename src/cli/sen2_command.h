// `tandem export sen2` and `tandem import sen2`: the DfE SEN2 person-level
// return out of and into an area.
#pragma once

#include <string>

#include "app/clock.h"
#include "store/database.h"

namespace CLI {
class App;
}

namespace tandem::cli {

struct Sen2Args {
  std::string area;
  int year = 0;
  std::string out;  // export: the XML file to write
  std::string csv;  // export: also write the validation report as CSV
  std::string dmo;  // export: the header's DMO and DCO (Y, N or R)
  std::string dco;
  std::string file;  // import: the XML file to read
};

// Adds `export sen2` (under a new `export` command) and `import sen2` (under
// the existing `import`). Returns the two subcommands.
struct Sen2Commands {
  CLI::App* export_sen2 = nullptr;
  CLI::App* import_sen2 = nullptr;
};
Sen2Commands add_sen2_commands(CLI::App& cli, CLI::App& import, std::string& database, Sen2Args& args);

// Writes the return and prints the validation report (errors and queries,
// each with its case). Returns 0 when written with no errors, 3 when written
// with errors to fix, 2 on bad arguments.
int export_sen2(store::Database& db, const app::Clock& clock, const Sen2Args& args);
// Returns 0 when imported, 2 when refused (every problem printed; nothing loaded).
int import_sen2(store::Database& db, const app::Clock& clock, const Sen2Args& args);

}  // namespace tandem::cli
