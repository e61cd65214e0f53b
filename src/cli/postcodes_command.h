// `tandem import postcodes FILE.csv [--within LAD-CODE,...]`: where every
// postcode is, from the ONS Postcode Directory or the National Statistics
// Postcode Lookup, for the Local Offer's search by distance.
#pragma once

#include <string>

#include "app/clock.h"
#include "store/database.h"

namespace CLI {
class App;
}

namespace tandem::cli {

struct PostcodesArgs {
  std::string file;
  std::string within;  // local authority district codes, comma separated
  int progress_every = 100000;
};

// Adds `postcodes` under `import`.
CLI::App* add_postcodes_command(CLI::App& import, std::string& database, PostcodesArgs& args);

// Prints progress on standard error and a summary on standard output. Returns
// 0 when imported, 2 when refused (every problem printed; nothing changed).
int import_postcodes(store::Database& db, const app::Clock& clock, const PostcodesArgs& args);

}  // namespace tandem::cli
