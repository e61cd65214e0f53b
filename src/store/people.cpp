#include "store/people.h"

#include "store/detail/tx.h"

namespace tandem::store {

using soci::into;
using soci::use;

namespace {
Role role_of(const std::string& s) {
  auto r = parse_role(s);
  if (!r) throw StoreError("unknown role in the database: " + s);
  return *r;
}
Agency agency_of(const std::string& s) {
  auto a = parse_agency(s);
  if (!a) throw StoreError("unknown agency in the database: " + s);
  return *a;
}
}  // namespace

void upsert_area(Tx& tx, const AreaRow& area) {
  int n = 0;
  tx.sql << "SELECT CAST(COUNT(*) AS INTEGER) FROM areas WHERE id = :id", use(area.id), into(n);
  if (n == 0) {
    tx.sql << "INSERT INTO areas (id, name, la_code) VALUES (:id, :name, :code)", use(area.id), use(area.name),
        use(area.la_code);
  } else {
    tx.sql << "UPDATE areas SET name = :name, la_code = :code WHERE id = :id", use(area.name), use(area.la_code),
        use(area.id);
  }
}

std::optional<AreaRow> find_area(Tx& tx, const std::string& id) {
  AreaRow a;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT id, name, la_code FROM areas WHERE id = :id", use(id), into(a.id, ind), into(a.name),
      into(a.la_code);
  if (ind != soci::i_ok) return std::nullopt;
  return a;
}

std::vector<AreaRow> list_areas(Tx& tx) {
  std::vector<AreaRow> out;
  AreaRow a;
  soci::statement st = (tx.sql.prepare << "SELECT id, name, la_code FROM areas ORDER BY name", into(a.id), into(a.name),
                        into(a.la_code));
  st.execute();
  while (st.fetch()) out.push_back(a);
  return out;
}

void insert_user(Tx& tx, const UserRow& u) {
  const int disabled = u.disabled ? 1 : 0;
  const long long created = u.created_at;
  tx.sql << "INSERT INTO users (id, email, display_name, password_hash, disabled, created_at) "
            "VALUES (:id, :email, :name, :hash, :disabled, :created)",
      use(u.id), use(u.email), use(u.display_name), use(u.password_hash), use(disabled), use(created);
}

namespace {
std::optional<UserRow> user_where(Tx& tx, const char* column, const std::string& value) {
  UserRow u;
  int disabled = 0;
  long long created = 0;
  soci::indicator ind = soci::i_null;
  const std::string sql = std::string(
                              "SELECT id, email, display_name, password_hash, disabled, created_at FROM users "
                              "WHERE ") +
                          column + " = :v";
  tx.sql << sql, use(value), into(u.id, ind), into(u.email), into(u.display_name), into(u.password_hash),
      into(disabled), into(created);
  if (ind != soci::i_ok) return std::nullopt;
  u.disabled = disabled != 0;
  u.created_at = created;
  return u;
}
}  // namespace

std::optional<UserRow> find_user_by_email(Tx& tx, const std::string& email) { return user_where(tx, "email", email); }
std::optional<UserRow> find_user(Tx& tx, const std::string& id) { return user_where(tx, "id", id); }

void set_password_hash(Tx& tx, const std::string& user_id, const std::string& hash) {
  tx.sql << "UPDATE users SET password_hash = :h WHERE id = :id", use(hash), use(user_id);
}

void set_disabled(Tx& tx, const std::string& user_id, bool disabled) {
  const int d = disabled ? 1 : 0;
  tx.sql << "UPDATE users SET disabled = :d WHERE id = :id", use(d), use(user_id);
}

std::vector<UserRow> list_users(Tx& tx, const std::string& area_id) {
  std::vector<UserRow> out;
  UserRow u;
  int disabled = 0;
  long long created = 0;
  soci::statement st =
      (tx.sql.prepare << "SELECT u.id, u.email, u.display_name, u.disabled, u.created_at FROM users u "
                         "JOIN memberships m ON m.user_id = u.id WHERE m.area_id = :a ORDER BY u.email",
       use(area_id), into(u.id), into(u.email), into(u.display_name), into(disabled), into(created));
  st.execute();
  while (st.fetch()) {
    u.disabled = disabled != 0;
    u.created_at = created;
    out.push_back(u);
  }
  return out;
}

std::vector<AreaMember> area_members(Tx& tx, const std::string& area_id) {
  std::vector<AreaMember> out;
  std::string id, name, role;
  int disabled = 0;
  soci::statement st = (tx.sql.prepare << "SELECT u.id, u.display_name, u.disabled, m.role FROM users u JOIN "
                                          "memberships m ON m.user_id = u.id WHERE m.area_id = :a ORDER BY u.email",
                        use(area_id), into(id), into(name), into(disabled), into(role));
  st.execute();
  while (st.fetch()) out.push_back({id, name, disabled != 0, role_of(role)});
  return out;
}

void upsert_membership(Tx& tx, const MembershipRow& m) {
  const std::string role(to_string(m.role));
  const std::string agency(to_string(m.agency));
  tx.sql << "DELETE FROM memberships WHERE user_id = :u AND area_id = :a", use(m.user_id), use(m.area_id);
  tx.sql << "INSERT INTO memberships (user_id, area_id, role, agency) VALUES (:u, :a, :r, :g)", use(m.user_id),
      use(m.area_id), use(role), use(agency);
}

std::vector<MembershipRow> memberships_of(Tx& tx, const std::string& user_id) {
  std::vector<MembershipRow> out;
  std::string area, role, agency;
  soci::statement st =
      (tx.sql.prepare << "SELECT area_id, role, agency FROM memberships WHERE user_id = :u ORDER BY area_id",
       use(user_id), into(area), into(role), into(agency));
  st.execute();
  while (st.fetch()) out.push_back({user_id, area, role_of(role), agency_of(agency)});
  return out;
}

void insert_session(Tx& tx, const SessionRow& s) {
  const long long created = s.created_at, expires = s.expires_at;
  tx.sql << "INSERT INTO sessions (token_hash, user_id, area_id, created_at, expires_at) "
            "VALUES (:t, :u, :a, :c, :e)",
      use(s.token_hash), use(s.user_id), use(s.area_id), use(created), use(expires);
}

std::optional<SessionRow> find_session(Tx& tx, const std::string& token_hash) {
  SessionRow s;
  long long created = 0, expires = 0;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT token_hash, user_id, area_id, created_at, expires_at FROM sessions WHERE token_hash = :t",
      use(token_hash), into(s.token_hash, ind), into(s.user_id), into(s.area_id), into(created), into(expires);
  if (ind != soci::i_ok) return std::nullopt;
  s.created_at = created;
  s.expires_at = expires;
  return s;
}

std::optional<SessionMember> find_session_member(Tx& tx, const std::string& token_hash) {
  SessionMember m;
  long long created = 0, expires = 0;
  int disabled = 0;
  std::string role, agency, area_name;
  soci::indicator ind = soci::i_null, role_ind = soci::i_null, agency_ind = soci::i_null, area_ind = soci::i_null;
  tx.sql << "SELECT s.user_id, s.area_id, s.created_at, s.expires_at, u.email, u.display_name, u.disabled, m.role, "
            "m.agency, a.name FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN memberships m ON m.user_id = "
            "s.user_id AND m.area_id = s.area_id LEFT JOIN areas a ON a.id = s.area_id WHERE s.token_hash = :t",
      use(token_hash), into(m.session.user_id, ind), into(m.session.area_id), into(created), into(expires),
      into(m.user.email), into(m.user.display_name), into(disabled), into(role, role_ind), into(agency, agency_ind),
      into(area_name, area_ind);
  if (ind != soci::i_ok) return std::nullopt;
  m.session.token_hash = token_hash;
  m.session.created_at = created;
  m.session.expires_at = expires;
  m.user.id = m.session.user_id;
  m.user.disabled = disabled != 0;
  if (role_ind == soci::i_ok && agency_ind == soci::i_ok) {
    m.membership = MembershipRow{m.session.user_id, m.session.area_id, role_of(role), agency_of(agency)};
  }
  m.area_name = area_ind == soci::i_ok ? area_name : m.session.area_id;
  return m;
}

void extend_session(Tx& tx, const std::string& token_hash, std::int64_t expires_at) {
  const long long e = expires_at;
  tx.sql << "UPDATE sessions SET expires_at = :e WHERE token_hash = :t", use(e), use(token_hash);
}

void delete_session(Tx& tx, const std::string& token_hash) {
  tx.sql << "DELETE FROM sessions WHERE token_hash = :t", use(token_hash);
}

void delete_sessions_of(Tx& tx, const std::string& user_id) {
  tx.sql << "DELETE FROM sessions WHERE user_id = :u", use(user_id);
}

void insert_api_token(Tx& tx, const ApiTokenRow& t) {
  const long long created = t.created_at;
  tx.sql << "INSERT INTO api_tokens (token_hash, user_id, area_id, name, created_at, revoked) "
            "VALUES (:t, :u, :a, :n, :c, 0)",
      use(t.token_hash), use(t.user_id), use(t.area_id), use(t.name), use(created);
}

std::optional<ApiTokenRow> find_api_token(Tx& tx, const std::string& token_hash) {
  ApiTokenRow t;
  long long created = 0;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT token_hash, user_id, area_id, name, created_at FROM api_tokens "
            "WHERE token_hash = :t AND revoked = 0",
      use(token_hash), into(t.token_hash, ind), into(t.user_id), into(t.area_id), into(t.name), into(created);
  if (ind != soci::i_ok) return std::nullopt;
  t.created_at = created;
  return t;
}

void record_sign_in_failure(Tx& tx, const std::string& id, const std::string& email, std::int64_t at) {
  const long long a = at;
  tx.sql << "INSERT INTO sign_in_failures (id, email, at) VALUES (:id, :e, :at)", use(id), use(email), use(a);
}

int count_sign_in_failures(Tx& tx, const std::string& email, std::int64_t since) {
  int n = 0;
  const long long s = since;
  tx.sql << "SELECT CAST(COUNT(*) AS INTEGER) FROM sign_in_failures WHERE email = :e AND at >= :s", use(email), use(s),
      into(n);
  return n;
}

std::int64_t oldest_sign_in_failure(Tx& tx, const std::string& email, std::int64_t since) {
  long long at = 0;
  soci::indicator ind = soci::i_null;
  const long long s = since;
  tx.sql << "SELECT CAST(MIN(at) AS BIGINT) FROM sign_in_failures WHERE email = :e AND at >= :s", use(email), use(s),
      into(at, ind);
  return ind == soci::i_ok ? at : 0;
}

void clear_sign_in_failures(Tx& tx, const std::string& email) {
  tx.sql << "DELETE FROM sign_in_failures WHERE email = :e", use(email);
}

std::optional<std::string> get_setting(Tx& tx, const std::string& key) {
  std::string v;
  soci::indicator ind = soci::i_null;
  tx.sql << "SELECT value FROM settings WHERE key = :k", use(key), into(v, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return v;
}

std::string setting_or_insert(Tx& tx, const std::string& key, const std::string& value) {
  if (auto v = get_setting(tx, key)) return *v;
  tx.sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", use(key), use(value);
  return value;
}

}  // namespace tandem::store
