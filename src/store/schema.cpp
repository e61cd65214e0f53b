#include "store/schema.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "store/detail/tx.h"

namespace tandem::store {

namespace {
std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

std::string describe_schema(Database& db) {
  std::vector<std::string> lines;
  db.read([&](Tx& tx) {
    if (tx.engine == Engine::sqlite) {
      // Tables in the main file and in the attached access-log file, as one schema.
      std::vector<std::pair<std::string, std::string>> tables;
      std::string name, schema;
      soci::statement st =
          (tx.sql.prepare << "SELECT 'main', name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE "
                             "'sqlite_%' UNION ALL SELECT 'access', name FROM access.sqlite_master WHERE type = "
                             "'table' AND name NOT LIKE 'sqlite_%'",
           soci::into(schema), soci::into(name));
      st.execute();
      while (st.fetch()) tables.emplace_back(schema, name);
      for (const auto& [in_schema, table] : tables) {
        std::string column, type;
        int notnull = 0, pk = 0;
        soci::statement cols =
            (tx.sql.prepare << "SELECT name, type, \"notnull\", pk FROM pragma_table_info(:t, :s)", soci::use(table),
             soci::use(in_schema), soci::into(column), soci::into(type), soci::into(notnull), soci::into(pk));
        cols.execute();
        // SQLite lets a primary-key column hold NULL unless declared NOT NULL;
        // PostgreSQL makes it NOT NULL. Count a key column as NOT NULL on both.
        while (cols.fetch()) {
          lines.push_back(table + "." + column + " " + upper(type) + (notnull || pk ? " NOT NULL" : ""));
        }
      }
    } else {
      std::string table, column, type, nullable;
      soci::statement st = (tx.sql.prepare << "SELECT table_name, column_name, data_type, is_nullable FROM "
                                              "information_schema.columns WHERE table_schema = current_schema()",
                            soci::into(table), soci::into(column), soci::into(type), soci::into(nullable));
      st.execute();
      while (st.fetch()) {
        lines.push_back(table + "." + column + " " + upper(type) + (nullable == "NO" ? " NOT NULL" : ""));
      }
    }
  });
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace tandem::store
