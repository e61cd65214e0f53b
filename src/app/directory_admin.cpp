#include "app/directory_admin.h"

#include <algorithm>
#include <charconv>

#include "app/crypto.h"
#include "store/audit.h"
#include "store/directory.h"

namespace tandem::app {

namespace {

std::optional<int> whole_number(const std::string& text) {
  int value = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return value;
}

const Taxonomy* needs_taxonomy(const Directory& d) {
  for (const auto& t : d.taxonomies) {
    if (t.name == kNeedsTaxonomyName) return &t;
  }
  return nullptr;
}

std::vector<TaxonomyTerm> need_terms(const Directory& d) {
  std::vector<TaxonomyTerm> out;
  if (const auto* t = needs_taxonomy(d)) {
    for (const auto& term : d.terms) {
      if (term.taxonomy_id == t->id) out.push_back(term);
    }
  }
  return out;
}

void note(std::string& detail, const char* field, const std::string& before, const std::string& after) {
  if (before == after) return;
  detail += (detail.empty() ? "" : "; ") + std::string(field) + ": " + before + " -> " + after;
}

std::string age_text(std::optional<int> age) { return age ? std::to_string(*age) : "none"; }

}  // namespace

std::vector<ReviewDue> services_by_review(store::Database& db, const Clock& clock, const SignedIn& user) {
  Directory d;
  db.read([&](store::Tx& tx) { d = store::load_directory(tx, user.area_id); });
  const Date today = clock.today();
  std::vector<ReviewDue> out;
  for (const auto& s : d.services) {
    std::string organisation;
    for (const auto& o : d.organisations) {
      if (o.id == s.organisation_id) organisation = o.name;
    }
    ReviewDue r{s.id,
                s.name,
                organisation,
                s.last_checked_on,
                s.review_due_on,
                static_cast<int>((s.review_due_on - today).count())};
    if (s.withdrawn()) r.withdrawn_on = s.withdrawn_on.value_or(today);
    r.closes_on = s.closes_on;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewDue& a, const ReviewDue& b) {
    if (a.withdrawn_on.has_value() != b.withdrawn_on.has_value()) return !a.withdrawn_on;
    if (a.withdrawn_on) return *a.withdrawn_on > *b.withdrawn_on;
    return a.review_due_on < b.review_due_on;
  });
  return out;
}

std::optional<ServiceEditView> service_for_edit(store::Database& db, const SignedIn& user, const std::string& id) {
  Directory d;
  db.read([&](store::Tx& tx) { d = store::load_directory(tx, user.area_id); });
  for (const auto& s : d.services) {
    if (s.id == id) return ServiceEditView{s, d.organisations, need_terms(d), d.locations};
  }
  return std::nullopt;
}

ServiceEditView new_service_view(store::Database& db, const Clock& clock, const SignedIn& user) {
  Directory d;
  db.read([&](store::Tx& tx) { d = store::load_directory(tx, user.area_id); });
  Service s;
  s.last_checked_on = clock.today();
  s.review_due_on = clock.today() + std::chrono::days(182);
  s.version = 0;
  std::sort(d.locations.begin(), d.locations.end(),
            [](const Location& a, const Location& b) { return a.name < b.name; });
  return {s, d.organisations, need_terms(d), d.locations};
}

namespace {
// Sets the form's fields on `s`, adding an error for each that is wrong.
void apply_form(Service& s, const ServiceEditView& view, const ServiceForm& form, const Clock& clock,
                std::vector<FieldError>& errors) {
  s.name = form.name;
  s.description = form.description;
  s.how_to_access = form.how_to_access;
  s.url = form.url;
  s.email = form.email;
  s.status = form.status;
  // Set defunct here, the service is withdrawn from today; set back, offered again.
  if (!s.withdrawn())
    s.withdrawn_on.reset();
  else if (!s.withdrawn_on)
    s.withdrawn_on = clock.today();
  if (s.withdrawn()) s.closes_on.reset();  // closed already: no closing day to come
  if (std::none_of(view.organisations.begin(), view.organisations.end(),
                   [&](const Organisation& o) { return o.id == form.organisation_id; }))
    errors.push_back({"organisation_id", "Choose the organisation that runs the service"});
  else
    s.organisation_id = form.organisation_id;
  if (auto level = parse_service_level(form.level))
    s.level = *level;
  else
    errors.push_back({"level", "Choose universal, specialist or highly specialist"});
  if (s.how_to_access.empty()) errors.push_back({"how_to_access", "Say how families get the service"});
  if (auto age = whole_number(form.minimum_age))
    s.minimum_age = *age;
  else
    errors.push_back({"minimum_age", "Enter the youngest age as a whole number of years, like 0 or 5"});
  if (form.maximum_age.empty()) {
    s.maximum_age.reset();
  } else if (auto age = whole_number(form.maximum_age)) {
    s.maximum_age = *age;
  } else {
    errors.push_back({"maximum_age", "Enter the oldest age as a whole number of years, like 18, or leave it empty"});
  }
  auto checked = parse_date("last_checked_on", form.last_checked_on);
  if (checked)
    s.last_checked_on = *checked;
  else
    errors.push_back({"last_checked_on", "Enter the day the details were last checked, like 2026-03-27"});
  auto review = parse_date("review_due_on", form.review_due_on);
  if (review)
    s.review_due_on = *review;
  else
    errors.push_back({"review_due_on", "Enter the day the next review is due, like 2026-09-27"});
  if (checked && *checked > clock.today())
    errors.push_back({"last_checked_on", "The day last checked cannot be in the future"});
  // Needs: replace the need terms, keep every other term.
  std::vector<std::string> terms;
  for (const auto& t : s.term_ids) {
    if (std::none_of(view.needs.begin(), view.needs.end(), [&](const TaxonomyTerm& n) { return n.id == t; }))
      terms.push_back(t);
  }
  for (const auto& code : form.needs) {
    auto it = std::find_if(view.needs.begin(), view.needs.end(), [&](const TaxonomyTerm& n) { return n.code == code; });
    if (it == view.needs.end()) {
      errors.push_back({"needs", "Choose needs from the list"});
      break;
    }
    terms.push_back(it->id);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  s.term_ids = terms;
}

void add_checks(const Service& s, std::vector<FieldError>& errors) {
  if (auto checks = check_service(s); !checks) {
    for (const auto& e : checks.error().fields) {
      if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; }))
        errors.push_back(e);
    }
  }
}
}  // namespace

Result<std::int64_t> update_directory_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                              const SignedIn& user, const std::string& id, const ServiceForm& form) {
  auto view = service_for_edit(db, user, id);
  if (!view) return fail("id", "There is no such service in your area's Local Offer");
  const Service before = view->service;
  Service s = before;
  std::vector<FieldError> errors;
  apply_form(s, *view, form, clock, errors);
  const auto version = whole_number(form.version);
  if (!version) errors.push_back({"version", "The form is out of date: reload the page and make the change again"});
  add_checks(s, errors);
  if (!errors.empty()) return fail(std::move(errors));

  s.version = *version + 1;
  s.updated_at = clock.now_micros();
  std::string detail;
  note(detail, "name", before.name, s.name);
  note(detail, "organisation", before.organisation_id, s.organisation_id);
  note(detail, "description", before.description, s.description);
  note(detail, "how to access", before.how_to_access, s.how_to_access);
  note(detail, "level", std::string(to_string(before.level)), std::string(to_string(s.level)));
  note(detail, "status", before.status, s.status);
  note(detail, "minimum age", std::to_string(before.minimum_age), std::to_string(s.minimum_age));
  note(detail, "maximum age", age_text(before.maximum_age), age_text(s.maximum_age));
  note(detail, "website", before.url, s.url);
  note(detail, "email", before.email, s.email);
  note(detail, "last checked", format_date(before.last_checked_on), format_date(s.last_checked_on));
  note(detail, "review due", format_date(before.review_due_on), format_date(s.review_due_on));
  if (before.term_ids != s.term_ids) detail += std::string(detail.empty() ? "" : "; ") + "needs changed";
  bool saved = false;
  db.write([&](store::Tx& tx) {
    saved = store::update_service(tx, user.area_id, s, *version);
    if (!saved) return;
    store::bump_directory_version(tx, user.area_id);
    store::insert_audit(tx, {new_id("a"), user.area_id, s.updated_at, user.user_id, "directory.service.update",
                             "service", s.id, "", detail.empty() ? "no change" : detail, ""});
  });
  if (!saved)
    return fail("version",
                "Someone else changed this service while you were editing it: reload the page and make "
                "your change again");
  if (local_offer) local_offer->changed();
  return s.version;
}

Result<std::string> create_directory_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                             const SignedIn& user, const ServiceForm& form) {
  const ServiceEditView view = new_service_view(db, clock, user);
  Service s = view.service;
  s.id = new_uuid();
  s.version = 1;
  s.updated_at = clock.now_micros();
  std::vector<FieldError> errors;
  apply_form(s, view, form, clock, errors);
  if (!form.location_id.empty()) {
    if (std::none_of(view.locations.begin(), view.locations.end(),
                     [&](const Location& l) { return l.id == form.location_id; }))
      errors.push_back({"location_id", "Choose a venue from the list, or none if the service comes to families"});
    else
      s.locations.push_back({new_uuid(), form.location_id});
  }
  if (form.contact_name.empty())
    errors.push_back({"contact_name", "Enter the name of the person or team families should contact"});
  if (form.contact_phone.empty() && form.contact_email.empty())
    errors.push_back({"contact_phone", "Enter a phone number or an email address families can use"});
  s.contacts.push_back({new_uuid(), form.contact_name, "", form.contact_email, form.contact_phone});
  if (form.cost.empty()) {
    s.costs.push_back({new_uuid(), "Free", Pence(0), "No charge to families"});
  } else if (auto price = parse_pounds("cost", form.cost); price && price->value >= 0) {
    s.costs.push_back({new_uuid(), "Standard price", *price, ""});
  } else {
    errors.push_back({"cost", "Enter the price in pounds, like 12.50, or leave it empty if the service is free"});
  }
  if (!form.contact_email.empty() && form.contact_email.find('@') == std::string::npos)
    errors.push_back({"contact_email", "Enter an email address like name@example.org"});
  add_checks(s, errors);
  if (!errors.empty()) return fail(std::move(errors));
  db.write([&](store::Tx& tx) {
    store::insert_service(tx, user.area_id, s);
    store::bump_directory_version(tx, user.area_id);
    store::insert_audit(tx, {new_id("a"), user.area_id, s.updated_at, user.user_id, "directory.service.add", "service",
                             s.id, "", s.name + " (" + std::string(to_string(s.level)) + ")", ""});
  });
  if (local_offer) local_offer->changed();
  return s.id;
}

}  // namespace tandem::app
