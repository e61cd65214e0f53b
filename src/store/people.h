// Users, their memberships of areas, sessions, API tokens and sign-in
// failures. Functions run inside a transaction (store::Tx) from Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "store/database.h"

namespace tandem::store {

struct UserRow {
  std::string id;
  std::string email;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
  std::int64_t created_at = 0;
};

struct MembershipRow {
  std::string user_id;
  std::string area_id;
  Role role = Role::caseworker;
  Agency agency = Agency::council_education;
};

struct AreaRow {
  std::string id;
  std::string name;
  std::string la_code;
};

void upsert_area(Tx& tx, const AreaRow& area);
std::optional<AreaRow> find_area(Tx& tx, const std::string& id);
std::vector<AreaRow> list_areas(Tx& tx);

void insert_user(Tx& tx, const UserRow& user);
std::optional<UserRow> find_user_by_email(Tx& tx, const std::string& email);
std::optional<UserRow> find_user(Tx& tx, const std::string& id);
void set_password_hash(Tx& tx, const std::string& user_id, const std::string& hash);
void set_disabled(Tx& tx, const std::string& user_id, bool disabled);
std::vector<UserRow> list_users(Tx& tx, const std::string& area_id);

// The area's members with their role there, by email, in one query.
struct AreaMember {
  std::string user_id;
  std::string display_name;
  bool disabled = false;
  Role role = Role::caseworker;
};
std::vector<AreaMember> area_members(Tx& tx, const std::string& area_id);

void upsert_membership(Tx& tx, const MembershipRow& m);
std::vector<MembershipRow> memberships_of(Tx& tx, const std::string& user_id);

struct SessionRow {
  std::string token_hash;
  std::string user_id;
  std::string area_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};
void insert_session(Tx& tx, const SessionRow& s);
std::optional<SessionRow> find_session(Tx& tx, const std::string& token_hash);
// A session with its user, the user's membership of the session's area and
// the area's name, in one query: what every signed-in request needs.
struct SessionMember {
  SessionRow session;
  UserRow user;                             // without password_hash
  std::optional<MembershipRow> membership;  // none: no longer a member of the area
  std::string area_name;
};
std::optional<SessionMember> find_session_member(Tx& tx, const std::string& token_hash);
void extend_session(Tx& tx, const std::string& token_hash, std::int64_t expires_at);
void delete_session(Tx& tx, const std::string& token_hash);
void delete_sessions_of(Tx& tx, const std::string& user_id);

struct ApiTokenRow {
  std::string token_hash;
  std::string user_id;
  std::string area_id;
  std::string name;
  std::int64_t created_at = 0;
};
void insert_api_token(Tx& tx, const ApiTokenRow& t);
std::optional<ApiTokenRow> find_api_token(Tx& tx, const std::string& token_hash);

void record_sign_in_failure(Tx& tx, const std::string& id, const std::string& email, std::int64_t at);
int count_sign_in_failures(Tx& tx, const std::string& email, std::int64_t since);
std::int64_t oldest_sign_in_failure(Tx& tx, const std::string& email, std::int64_t since);
void clear_sign_in_failures(Tx& tx, const std::string& email);

std::optional<std::string> get_setting(Tx& tx, const std::string& key);
// Inserts the value unless the key exists; returns the value now stored.
std::string setting_or_insert(Tx& tx, const std::string& key, const std::string& value);

}  // namespace tandem::store
