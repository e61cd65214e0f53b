#include "app/register.h"

#include <algorithm>
#include <cctype>

#include "app/crypto.h"
#include "app/ethnicity.h"
#include "app/upn_unknown.h"
#include "core/need.h"
#include "store/assessments.h"

namespace tandem::app {

bool sees_agency_wide(const SignedIn& user) {
  return user.agency != Agency::school && user.agency != Agency::provider &&
         role_has(user.role, Permission::view_child);
}

namespace {

constexpr int kPageSize = 25;
constexpr std::size_t kMaxTokens = 6;

store::Viewer viewer_of(const SignedIn& user) {
  // Outside organisations see only children they are named on (see can_see_child).
  const bool agency_wide = user.agency != Agency::school && user.agency != Agency::provider;
  return {user.user_id, std::string(to_string(user.agency)), agency_wide};
}

std::vector<Involvement> as_involvements(const std::vector<CaseInvolvement>& rows) {
  std::vector<Involvement> out;
  for (const auto& r : rows) {
    if (r.ended_on) continue;
    out.push_back({r.agency, r.user_id.empty() ? std::nullopt : std::optional(r.user_id)});
  }
  return out;
}

std::string join_ids(const std::vector<store::RegisterRow>& rows) {
  std::string out;
  for (const auto& r : rows) {
    if (!out.empty()) out += ' ';
    out += r.id;
  }
  return out;
}

void diff_field(std::string& out, const char* name, const std::string& before, const std::string& after) {
  if (before == after) return;
  if (!out.empty()) out += "; ";
  out += std::string(name) + ": '" + before + "' -> '" + after + "'";
}

}  // namespace

std::vector<std::string> search_tokens_of_query(const std::string& q) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    // dd/mm/yyyy as people type dates -> ISO, as stored.
    if (word.size() == 10 && word[2] == '/' && word[5] == '/') {
      word = word.substr(6, 4) + "-" + word.substr(3, 2) + "-" + word.substr(0, 2);
    }
    out.push_back(word);
    word.clear();
  };
  for (char c : q) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' || c == '/') {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      flush();
    }
  }
  flush();
  if (out.size() > kMaxTokens) out.resize(kMaxTokens);
  return out;
}

Result<RegisterPage> list_register(RegisterServices& s, const SignedIn& user, const RegisterFilters& f,
                                   const std::string& route) {
  std::vector<FieldError> errors;
  if (f.q.size() > 200) errors.push_back({"q", "Search must be 200 characters or fewer"});
  if (!f.primary_need.empty() && !find_need(f.primary_need)) {
    errors.push_back({"primary_need", "Primary need must be a DfE code such as ASD, SLCN or SEMH"});
  }
  if (!f.plan_status.empty() && !parse_plan_status(f.plan_status)) {
    errors.push_back({"plan_status",
                      "Plan status must be one of ehc_plan, assessment, sen_support, "
                      "disabled_register, health_only"});
  }
  if (!f.setting_type.empty() && !parse_setting_type(f.setting_type)) {
    errors.push_back({"setting_type",
                      "Setting type must be one of mainstream, mainstream_unit, special, ap_pru, "
                      "further_education, early_years, educated_elsewhere, neet, other"});
  }
  int page = 1;
  try {
    std::size_t used = 0;
    page = std::stoi(f.page.empty() ? "1" : f.page, &used);
    if (used != f.page.size() || page < 1 || page > 100000) throw std::invalid_argument("page");
  } catch (const std::exception&) {
    errors.push_back({"page", "Page must be a whole number from 1"});
  }
  if (!errors.empty()) return fail(std::move(errors));

  store::RegisterQuery q;
  q.area_id = user.area_id;
  q.viewer = viewer_of(user);
  q.tokens = search_tokens_of_query(f.q);
  q.primary_need = f.primary_need;
  q.plan_status = f.plan_status;
  q.setting_type = f.setting_type;
  q.limit = kPageSize;
  q.offset = (page - 1) * kPageSize;
  RegisterPage out;
  out.page = page;
  out.page_size = kPageSize;
  if (s.search_cache && !q.tokens.empty()) {
    // The longest word has the fewest candidates; the others are checked against each one.
    const auto word = std::max_element(q.tokens.begin(), q.tokens.end(),
                                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
    const auto candidates = s.search_cache->candidates(s.db, q.area_id, *word, s.clock.now_micros());
    auto result = store::register_page_of(*candidates, q, kRegisterCountCap);
    out.rows = std::move(result.rows);
    out.total = result.matches;
  } else {
    s.db.read([&](store::Tx& tx) {
      auto result = store::search_register_counted(tx, q, kRegisterCountCap);
      out.rows = std::move(result.rows);
      out.total = result.matches;
    });
  }
  out.more_than = out.total > kRegisterCountCap;
  if (out.more_than) out.total = kRegisterCountCap;
  out.pages = std::max(1, (out.total + kPageSize - 1) / kPageSize);
  // Past the counted pages there may be more: let "next" keep going while pages are full.
  if (out.more_than && page >= out.pages) out.pages = page + (static_cast<int>(out.rows.size()) == kPageSize ? 1 : 0);
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, join_ids(out.rows), "shown"});
  return out;
}

RecordOutcome open_child(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                         const std::string& route) {
  ChildRecord record;
  bool found = false;
  s.db.read([&](store::Tx& tx) {
    auto child = store::find_child(tx, user.area_id, child_id);
    if (!child) return;
    found = true;
    record.child = std::move(*child);
    record.involvements = store::involvements_of(tx, child_id);
  });
  if (!found) return NotFound{};
  const auto involved = as_involvements(record.involvements);
  if (!can_see_child(user.principal(), involved)) {
    s.db.write([&](store::Tx& tx) {
      store::insert_audit(tx, {new_id("a"), user.area_id, s.clock.now_micros(), user.user_id, "access.denied", "child",
                               child_id, child_id, route, "not involved with this child"});
    });
    return Forbidden{};
  }
  s.db.read([&](store::Tx& tx) {
    record.needs = store::needs_of(tx, child_id);
    record.placements = store::placements_of(tx, child_id);
    record.history = store::child_history(tx, user.area_id, child_id, 20);
    record.assessments = store::assessments_of_child(tx, user.area_id, child_id);
    record.plans = store::plans_of_child(tx, user.area_id, child_id);
    record.health_notifications = store::health_notifications_of(tx, child_id);
  });
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, child_id, "shown"});
  return record;
}

std::variant<HealthNotification, NotFound, Forbidden, Error> record_health_notification(
    RegisterServices& s, const SignedIn& user, const std::string& child_id, const HealthNotificationForm& form) {
  auto opened = open_child(s, user, child_id, "POST /children/" + child_id + "/health-notifications");
  if (std::holds_alternative<NotFound>(opened)) return NotFound{};
  if (std::holds_alternative<Forbidden>(opened)) return Forbidden{};
  const auto& child = std::get<ChildRecord>(opened).child;
  auto valid = validate_health_notification(form, child.date_of_birth, s.clock.today());
  if (!valid) return valid.error();
  valid->id = new_id("h");
  valid->child_id = child_id;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_health_notification(tx, user.area_id, *valid, user.user_id, now);
    store::insert_audit(
        tx,
        {new_id("a"), user.area_id, now, user.user_id, "health_notification.record", "health_notification", valid->id,
         child_id, "from " + valid->from_body + ", dated " + format_date(valid->notified_on), "CFA s23 notice"});
  });
  return *valid;
}

Result<std::string> add_child(RegisterServices& s, const SignedIn& user, const ChildForm& form) {
  auto valid = validate_child(form, s.clock.today(), ethnicity_allowed, upn_unknown_allowed);
  if (!valid) return tl::unexpected<Error>(valid.error());
  Child child = std::move(*valid);
  child.id = new_id("c");
  child.area_id = user.area_id;
  const std::int64_t now = s.clock.now_micros();
  CaseInvolvement inv;
  inv.id = new_id("i");
  inv.agency = user.agency;
  // An outside organisation is involved by name; a statutory partner as a whole.
  if (user.agency == Agency::school || user.agency == Agency::provider) inv.user_id = user.user_id;
  inv.professional_name = user.display_name;
  inv.role_on_case = "Added the record";
  inv.started_on = s.clock.today();
  s.db.write([&](store::Tx& tx) {
    store::insert_child(tx, child, now);
    store::insert_involvement(tx, user.area_id, child.id, inv);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.create", "child", child.id, child.id,
                             child.given_name + " " + child.family_name + ", born " + format_date(child.date_of_birth) +
                                 (child.ethnicity.empty() ? "" : ", ethnicity " + child.ethnicity) +
                                 (child.upn_unknown.empty() ? "" : ", UPN unknown " + child.upn_unknown) +
                                 (child.setting_urn.empty() ? "" : ", setting URN " + child.setting_urn) +
                                 (child.setting_ukprn.empty() ? "" : ", setting UKPRN " + child.setting_ukprn),
                             "new record"});
  });
  return child.id;
}

EditOutcome edit_child(RegisterServices& s, const SignedIn& user, const std::string& child_id, const ChildForm& form,
                       std::int64_t expected_version, const std::string& reason) {
  EditOutcome out;
  auto opened = open_child(s, user, child_id, "POST /children/" + child_id + "/edit");
  if (std::holds_alternative<NotFound>(opened)) {
    out.refused = NotFound{};
    return out;
  }
  if (std::holds_alternative<Forbidden>(opened)) {
    out.refused = Forbidden{};
    return out;
  }
  const Child before = std::get<ChildRecord>(opened).child;
  auto valid = validate_child(form, s.clock.today(), ethnicity_allowed, upn_unknown_allowed);
  if (!valid) {
    out.result = tl::unexpected<Error>(valid.error());
    return out;
  }
  Child after = std::move(*valid);
  after.id = before.id;
  after.area_id = before.area_id;
  after.version = expected_version;
  const ChildForm b = to_form(before), a = to_form(after);
  std::string changes;
  diff_field(changes, "first name", b.given_name, a.given_name);
  diff_field(changes, "last name", b.family_name, a.family_name);
  diff_field(changes, "date of birth", b.date_of_birth, a.date_of_birth);
  diff_field(changes, "sex", b.sex, a.sex);
  diff_field(changes, "UPN", b.upn, a.upn);
  diff_field(changes, "UPN unknown reason", b.upn_unknown, a.upn_unknown);
  diff_field(changes, "NHS number", b.nhs_number, a.nhs_number);
  diff_field(changes, "postcode", b.postcode, a.postcode);
  diff_field(changes, "primary need", b.primary_need, a.primary_need);
  diff_field(changes, "plan status", b.plan_status, a.plan_status);
  diff_field(changes, "setting", b.setting_name, a.setting_name);
  diff_field(changes, "responsible ICB", b.responsible_icb, a.responsible_icb);
  diff_field(changes, "ICB since", b.icb_since, a.icb_since);
  diff_field(changes, "looked after", b.looked_after, a.looked_after);
  diff_field(changes, "ethnicity", b.ethnicity, a.ethnicity);
  diff_field(changes, "setting URN", b.setting_urn, a.setting_urn);
  diff_field(changes, "setting UKPRN", b.setting_ukprn, a.setting_ukprn);
  bool saved = false;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    saved = store::update_child(tx, after, now);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.update", "child", child_id, child_id,
                             changes.empty() ? "no changes" : changes, reason});
  });
  if (!saved) {
    out.result = fail("version",
                      "Someone else changed this record while you were editing it. Open it again to see their "
                      "changes, then make yours.");
    return out;
  }
  after.version = expected_version + 1;
  out.result = after;
  return out;
}

}  // namespace tandem::app
