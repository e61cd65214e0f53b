// Signing in and out, sessions, API tokens, CSRF tokens and user accounts.
//
// Sessions live in the database (only a hash of each token), so any number
// of servers can share them. A session expires after `idle` without use and
// is refreshed at most every `refresh_every`, so most requests write nothing.
// The CSRF token is an HMAC of the session hash under a key kept in the
// database: no request writes just to get one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/access.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct AuthPolicy {
  int max_failures = 5;  // then refuse for the rest of the window
  std::int64_t failure_window = 15 * kMicrosPerMinute;
  std::int64_t idle = 120 * kMicrosPerMinute;
  std::int64_t refresh_every = 5 * kMicrosPerMinute;
};

// The person behind a request, in the area they are working in.
struct SignedIn {
  std::string user_id;
  std::string email;
  std::string display_name;
  std::string area_id;
  std::string area_name;
  Role role = Role::caseworker;
  Agency agency = Agency::council_education;
  std::string session_hash;  // empty for API tokens
  Principal principal() const { return {user_id, role, agency}; }
};

struct NewSession {
  std::string token;  // goes in the cookie; never stored
  SignedIn user;
};

class Auth {
 public:
  Auth(store::Database& db, const Clock& clock, AuthPolicy policy = {});

  // Checks the password on the calling thread (argon2id: ~70 ms). Errors name
  // the field; a locked-out email gets the same answer whether it exists or not.
  Result<NewSession> sign_in(const std::string& email, const std::string& password, const std::string& remote);
  std::optional<SignedIn> resume(const std::string& token);
  void sign_out(const std::string& token);
  std::optional<SignedIn> from_api_token(const std::string& token);
  std::string create_api_token(const SignedIn& user, const std::string& name);

  std::string csrf_token(const std::string& session_hash) const;
  bool csrf_valid(const std::string& session_hash, const std::string& token) const;

 private:
  std::optional<SignedIn> load(const std::string& user_id, const std::string& area_id, std::string session_hash);
  store::Database& db_;
  const Clock& clock_;
  AuthPolicy policy_;
  std::string csrf_key_;
  std::string dummy_hash_;  // verified against for unknown emails, so timing does not reveal them
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password;
  std::string area_id;
  std::string role;
  std::string agency;
};

// Adds a user (or a membership of another area for an existing email).
// `actor` is who did it, for the audit trail ("cli" from the command line).
Result<std::string> add_user(store::Database& db, const Clock& clock, const NewUser& user, const std::string& actor);
Result<bool> set_user_disabled(store::Database& db, const Clock& clock, const std::string& email, bool disabled,
                               const std::string& actor);
Result<bool> reset_password(store::Database& db, const Clock& clock, const std::string& email,
                            const std::string& password, const std::string& actor);

// Password rule: at least 12 characters (NCSC guidance favours length).
std::optional<std::string> password_problem(const std::string& password);
std::string normalise_email(const std::string& email);

}  // namespace tandem::app
