#include "app/auth.h"

#include <algorithm>
#include <cctype>

#include "app/crypto.h"
#include "store/audit.h"
#include "store/people.h"

namespace tandem::app {

namespace {
void audit(store::Tx& tx, const std::string& area, std::int64_t at, const std::string& user, const std::string& action,
           const std::string& entity_id, const std::string& detail, const std::string& reason = "") {
  store::insert_audit(tx, {new_id("a"), area, at, user, action, "user", entity_id, "", detail, reason});
}
}  // namespace

std::string normalise_email(const std::string& email) {
  std::string out;
  for (char c : email) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::optional<std::string> password_problem(const std::string& password) {
  if (password.size() < 12) return "Password must be at least 12 characters";
  if (password.size() > 256) return "Password must be 256 characters or fewer";
  return std::nullopt;
}

Auth::Auth(store::Database& db, const Clock& clock, AuthPolicy policy)
    : db_(db), clock_(clock), policy_(policy), dummy_hash_(hash_password(random_token())) {
  db_.write([&](store::Tx& tx) { csrf_key_ = store::setting_or_insert(tx, "csrf_key", random_token()); });
}

namespace {
std::optional<SignedIn> load_in(store::Tx& tx, const std::string& user_id, const std::string& area_id,
                                std::string session_hash) {
  std::optional<SignedIn> out;
  auto user = store::find_user(tx, user_id);
  if (!user || user->disabled) return out;
  for (const auto& m : store::memberships_of(tx, user_id)) {
    if (m.area_id != area_id) continue;
    auto area = store::find_area(tx, area_id);
    out = SignedIn{user->id, user->email, user->display_name,     area_id, area ? area->name : area_id,
                   m.role,   m.agency,    std::move(session_hash)};
  }
  return out;
}
}  // namespace

std::optional<SignedIn> Auth::load(const std::string& user_id, const std::string& area_id, std::string session_hash) {
  std::optional<SignedIn> out;
  db_.read([&](store::Tx& tx) { out = load_in(tx, user_id, area_id, std::move(session_hash)); });
  return out;
}

Result<NewSession> Auth::sign_in(const std::string& raw_email, const std::string& password, const std::string& remote) {
  const std::string email = normalise_email(raw_email);
  std::vector<FieldError> missing;
  if (email.empty()) missing.push_back({"email", "Enter your email address"});
  if (password.empty()) missing.push_back({"password", "Enter your password"});
  if (!missing.empty()) return fail(std::move(missing));

  const std::int64_t now = clock_.now_micros();
  const std::int64_t since = now - policy_.failure_window;
  std::optional<store::UserRow> user;
  std::vector<store::MembershipRow> memberships;
  int failures = 0;
  std::int64_t oldest = 0;
  db_.read([&](store::Tx& tx) {
    failures = store::count_sign_in_failures(tx, email, since);
    if (failures >= policy_.max_failures) oldest = store::oldest_sign_in_failure(tx, email, since);
    user = store::find_user_by_email(tx, email);
    if (user) memberships = store::memberships_of(tx, user->id);
  });
  if (failures >= policy_.max_failures) {
    const auto wait_minutes = std::max<std::int64_t>(1, (oldest + policy_.failure_window - now) / kMicrosPerMinute + 1);
    return fail("email", "Too many failed attempts to sign in with this email address. Wait " +
                             std::to_string(wait_minutes) + " minutes and try again, or ask your administrator.");
  }
  const bool ok =
      user ? verify_password(password, user->password_hash) : (verify_password(password, dummy_hash_), false);
  if (!ok || !user || user->disabled || memberships.empty()) {
    db_.write([&](store::Tx& tx) {
      store::record_sign_in_failure(tx, new_id("f"), email, now);
      if (user) {
        const std::string area = memberships.empty() ? "" : memberships.front().area_id;
        audit(tx, area, now, user->id, "sign_in.failed", user->id, "from " + remote,
              user->disabled ? "account disabled" : "wrong password");
      }
    });
    return fail("email", "The email address or password is not right. Check them and try again.");
  }
  NewSession session;
  session.token = random_token();
  const std::string hash = token_hash(session.token);
  const auto& membership = memberships.front();
  db_.write([&](store::Tx& tx) {
    store::clear_sign_in_failures(tx, email);
    store::insert_session(tx, {hash, user->id, membership.area_id, now, now + policy_.idle});
    audit(tx, membership.area_id, now, user->id, "sign_in", user->id, "from " + remote);
  });
  auto loaded = load(user->id, membership.area_id, hash);
  if (!loaded) return fail("email", "Your account has no area to work in. Ask your administrator.");
  session.user = *loaded;
  return session;
}

std::optional<SignedIn> Auth::resume(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::string hash = token_hash(token);
  const std::int64_t now = clock_.now_micros();
  std::optional<store::SessionMember> found;
  // The session, its user and their membership in one query: this runs on every request.
  db_.read([&](store::Tx& tx) { found = store::find_session_member(tx, hash); });
  if (!found || found->session.expires_at <= now) return std::nullopt;
  const auto* session = &found->session;
  std::optional<SignedIn> user;
  if (!found->user.disabled && found->membership) {
    const auto& m = *found->membership;
    user = SignedIn{found->user.id,
                    found->user.email,
                    found->user.display_name,
                    session->area_id,
                    found->area_name,
                    m.role,
                    m.agency,
                    hash};
  }
  // Refresh rarely: a write per request would cap throughput at the disk's commit rate.
  if (session->expires_at - now < policy_.idle - policy_.refresh_every) {
    db_.write([&](store::Tx& tx) { store::extend_session(tx, hash, now + policy_.idle); });
  }
  return user;
}

void Auth::sign_out(const std::string& token) {
  const std::string hash = token_hash(token);
  db_.write([&](store::Tx& tx) {
    if (auto s = store::find_session(tx, hash)) {
      store::delete_session(tx, hash);
      audit(tx, s->area_id, clock_.now_micros(), s->user_id, "sign_out", s->user_id, "");
    }
  });
}

std::optional<SignedIn> Auth::from_api_token(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  std::optional<store::ApiTokenRow> row;
  db_.read([&](store::Tx& tx) { row = store::find_api_token(tx, token_hash(token)); });
  if (!row) return std::nullopt;
  return load(row->user_id, row->area_id, "");
}

std::string Auth::create_api_token(const SignedIn& user, const std::string& name) {
  const std::string token = random_token();
  const std::int64_t now = clock_.now_micros();
  db_.write([&](store::Tx& tx) {
    store::insert_api_token(tx, {token_hash(token), user.user_id, user.area_id, name, now});
    audit(tx, user.area_id, now, user.user_id, "api_token.create", user.user_id, name);
  });
  return token;
}

std::string Auth::csrf_token(const std::string& session_hash) const { return mac(csrf_key_, session_hash); }

bool Auth::csrf_valid(const std::string& session_hash, const std::string& token) const {
  return !session_hash.empty() && constant_time_equal(csrf_token(session_hash), token);
}

Result<std::string> add_user(store::Database& db, const Clock& clock, const NewUser& in, const std::string& actor) {
  std::vector<FieldError> errors;
  const std::string email = normalise_email(in.email);
  const auto at = email.find('@');
  if (email.empty() || at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos) {
    errors.push_back({"email", "Enter an email address in the right format, like name@council.gov.uk"});
  }
  const auto role = parse_role(in.role);
  if (!role) {
    errors.push_back({"role",
                      "Role must be one of: caseworker, sen_manager, icb_commissioner, "
                      "designated_clinical_officer, social_care_practitioner, finance_officer, panel_member, "
                      "board_member, provider, administrator"});
  }
  const auto agency = parse_agency(in.agency);
  if (!agency) {
    errors.push_back({"agency",
                      "Agency must be one of: council_education, council_social_care, icb, nhs_england, "
                      "school, provider"});
  }
  if (auto p = password_problem(in.password)) errors.push_back({"password", *p});
  std::string display = in.display_name.empty() ? email.substr(0, email.find('@')) : in.display_name;
  if (!errors.empty()) return fail(std::move(errors));

  const std::string hash = hash_password(in.password);
  const std::int64_t now = clock.now_micros();
  std::string user_id;
  std::optional<Error> problem;
  db.write([&](store::Tx& tx) {
    if (!store::find_area(tx, in.area_id)) {
      problem = Error("area", "There is no area '" + in.area_id +
                                  "' in this database: create it with `tandem demo` "
                                  "or choose an existing area");
      return;
    }
    if (auto existing = store::find_user_by_email(tx, email)) {
      for (const auto& m : store::memberships_of(tx, existing->id)) {
        if (m.area_id == in.area_id) {
          problem = Error("email", "A user with the email " + email + " already works in this area");
          return;
        }
      }
      user_id = existing->id;
    } else {
      user_id = new_id("u");
      store::insert_user(tx, {user_id, email, display, hash, false, now});
    }
    store::upsert_membership(tx, {user_id, in.area_id, *role, *agency});
    audit(tx, in.area_id, now, actor, "user.add", user_id,
          email + " as " + std::string(to_string(*role)) + " (" + std::string(to_string(*agency)) + ")");
  });
  if (problem) return tl::unexpected<Error>(*problem);
  return user_id;
}

namespace {
Result<store::UserRow> existing_user(store::Tx& tx, const std::string& email) {
  auto user = store::find_user_by_email(tx, normalise_email(email));
  if (!user) return fail("email", "There is no user with the email " + normalise_email(email));
  return *user;
}
}  // namespace

Result<bool> set_user_disabled(store::Database& db, const Clock& clock, const std::string& email, bool disabled,
                               const std::string& actor) {
  Result<bool> out = true;
  db.write([&](store::Tx& tx) {
    auto user = existing_user(tx, email);
    if (!user) {
      out = tl::unexpected<Error>(user.error());
      return;
    }
    store::set_disabled(tx, user->id, disabled);
    if (disabled) store::delete_sessions_of(tx, user->id);
    for (const auto& m : store::memberships_of(tx, user->id)) {
      audit(tx, m.area_id, clock.now_micros(), actor, disabled ? "user.disable" : "user.enable", user->id, user->email);
    }
  });
  return out;
}

Result<bool> reset_password(store::Database& db, const Clock& clock, const std::string& email,
                            const std::string& password, const std::string& actor) {
  if (auto p = password_problem(password)) return fail("password", *p);
  const std::string hash = hash_password(password);
  Result<bool> out = true;
  db.write([&](store::Tx& tx) {
    auto user = existing_user(tx, email);
    if (!user) {
      out = tl::unexpected<Error>(user.error());
      return;
    }
    store::set_password_hash(tx, user->id, hash);
    store::delete_sessions_of(tx, user->id);
    store::clear_sign_in_failures(tx, user->email);
    for (const auto& m : store::memberships_of(tx, user->id)) {
      audit(tx, m.area_id, clock.now_micros(), actor, "user.reset_password", user->id, user->email);
    }
  });
  return out;
}

}  // namespace tandem::app
