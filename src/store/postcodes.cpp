#include "store/postcodes.h"

#include <array>

#include "store/detail/tx.h"

namespace tandem::store {

using soci::indicator;
using soci::into;
using soci::use;

namespace {

// Rows per INSERT: 3 parameters each, far inside both engines' limits.
constexpr std::size_t kBatch = 250;

std::string insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO postcodes (postcode, latitude_e6, longitude_e6) VALUES ";
  for (std::size_t i = 0; i < rows; ++i) {
    const auto n = std::to_string(i);
    sql += (i ? ", (:p" : "(:p") + n + ", :a" + n + ", :o" + n + ")";
  }
  return sql + " ON CONFLICT (postcode) DO NOTHING";
}

}  // namespace

void delete_postcodes(Tx& tx) {
  tx.sql << "DELETE FROM postcodes";
  tx.sql << "DELETE FROM postcode_district_centres";
}

struct PostcodeWriter::Impl {
  explicit Impl(Tx& t) : tx(t) {}
  Tx& tx;
  std::array<std::string, kBatch> postcode;
  std::array<long long, kBatch> lat{}, lon{};
  std::size_t n = 0;
  std::unique_ptr<soci::statement> full;

  // Binds the first `rows` slots to a statement of that many rows.
  std::unique_ptr<soci::statement> prepare(std::size_t rows) {
    auto p = (tx.sql.prepare << insert_sql(rows));
    for (std::size_t i = 0; i < rows; ++i) p, use(postcode[i]), use(lat[i]), use(lon[i]);
    return std::make_unique<soci::statement>(p);
  }
  void flush() {
    if (n == 0) return;
    if (n == kBatch) {
      if (!full) full = prepare(kBatch);
      full->execute(true);
    } else {
      prepare(n)->execute(true);
    }
    n = 0;
  }
};

PostcodeWriter::PostcodeWriter(Tx& tx) : impl_(std::make_unique<Impl>(tx)) {}
PostcodeWriter::~PostcodeWriter() = default;

void PostcodeWriter::add(const std::string& postcode, GeoPoint point) {
  auto& s = *impl_;
  s.postcode[s.n] = postcode;
  s.lat[s.n] = point.latitude_e6;
  s.lon[s.n] = point.longitude_e6;
  if (++s.n == kBatch) s.flush();
}

void PostcodeWriter::finish() { impl_->flush(); }

void insert_district_centres(Tx& tx, const std::vector<DistrictCentre>& centres) {
  DistrictCentre c;
  long long lat = 0, lon = 0, count = 0;
  soci::statement st = (tx.sql.prepare << "INSERT INTO postcode_district_centres (district, latitude_e6, "
                                          "longitude_e6, postcodes) VALUES (:d, :a, :o, :n)",
                        use(c.district), use(lat), use(lon), use(count));
  for (const auto& centre : centres) {
    c = centre;
    lat = centre.point.latitude_e6;
    lon = centre.point.longitude_e6;
    count = centre.postcodes;
    st.execute(true);
  }
}

namespace {
std::optional<GeoPoint> point_where(Tx& tx, const char* sql, const std::string& key) {
  long long lat = 0, lon = 0;
  indicator ind = soci::i_null;
  tx.sql << sql, use(key), into(lat, ind), into(lon);
  if (ind != soci::i_ok || !tx.sql.got_data()) return std::nullopt;
  return GeoPoint{lat, lon};
}
}  // namespace

std::optional<GeoPoint> find_postcode(Tx& tx, const std::string& postcode) {
  return point_where(tx, "SELECT latitude_e6, longitude_e6 FROM postcodes WHERE postcode = :p", postcode);
}

std::optional<GeoPoint> find_district_centre(Tx& tx, const std::string& district) {
  return point_where(tx, "SELECT latitude_e6, longitude_e6 FROM postcode_district_centres WHERE district = :d",
                     district);
}

std::int64_t count_postcodes(Tx& tx) {
  long long n = 0;
  tx.sql << "SELECT COUNT(*) FROM postcodes", into(n);
  return n;
}

std::int64_t insert_postcode_import(Tx& tx, PostcodeImportRow r) {
  r.id = postcode_import_version(tx) + 1;
  const long long id = r.id, at = r.imported_at, read = r.rows_read, kept = r.postcodes, terminated = r.terminated,
                  no_grid = r.no_grid, outside = r.outside;
  tx.sql << "INSERT INTO postcode_imports (id, imported_at, source, within, rows_read, postcodes, terminated, "
            "no_grid, outside) VALUES (:id, :at, :s, :w, :r, :p, :t, :g, :o)",
      use(id), use(at), use(r.source), use(r.within), use(read), use(kept), use(terminated), use(no_grid), use(outside);
  return r.id;
}

std::int64_t postcode_import_version(Tx& tx) {
  long long id = 0;
  indicator ind = soci::i_null;
  tx.sql << "SELECT MAX(id) FROM postcode_imports", into(id, ind);
  return ind == soci::i_ok ? id : 0;
}

std::map<std::string, std::int64_t> locate_venues_by_postcode(Tx& tx) {
  struct Found {
    std::string id, area_id;
    long long lat, lon;
  };
  std::vector<Found> found;
  {
    Found f;
    soci::statement st = (tx.sql.prepare << "SELECT l.id, l.area_id, p.latitude_e6, p.longitude_e6 FROM locations l "
                                            "JOIN postcodes p ON p.postcode = l.postcode WHERE l.latitude_e6 IS NULL",
                          into(f.id), into(f.area_id), into(f.lat), into(f.lon));
    st.execute();
    while (st.fetch()) found.push_back(f);
  }
  std::map<std::string, std::int64_t> areas;
  Found f;
  soci::statement update = (tx.sql.prepare << "UPDATE locations SET latitude_e6 = :a, longitude_e6 = :o WHERE id = "
                                              ":id AND latitude_e6 IS NULL",
                            use(f.lat), use(f.lon), use(f.id));
  for (const auto& row : found) {
    f = row;
    update.execute(true);
    ++areas[row.area_id];
  }
  return areas;
}

}  // namespace tandem::store
