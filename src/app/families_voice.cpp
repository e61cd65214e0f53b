#include "app/families_voice.h"

#include <algorithm>
#include <map>

#include "app/crypto.h"
#include "app/form_values.h"
#include "core/need.h"
#include "store/audit.h"
#include "store/children.h"
#include "store/directory.h"
#include "store/feedback.h"
#include "store/provision_requests.h"

namespace tandem::app {

namespace {

constexpr int kListLimit = 500;
constexpr const char* kWholeOffer = "The Local Offer as a whole";

std::string need_name(const std::string& code) {
  if (code.empty()) return "No need recorded";
  auto n = find_need(code);
  return n ? std::string(n->name) : code;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

bool in_local_offer(LocalOffer& offer, const std::string& service_id) {
  auto snapshot = offer.snapshot();
  return snapshot && snapshot->find_service(service_id).has_value();
}

std::string service_name(LocalOffer& offer, const std::string& service_id) {
  if (service_id.empty()) return kWholeOffer;
  auto snapshot = offer.snapshot();
  if (snapshot) {
    if (auto i = snapshot->find_service(service_id)) return snapshot->services()[*i].service->name;
  }
  return "A service no longer listed";
}

// ---- Feedback ------------------------------------------------------------------

Result<std::string> give_feedback(store::Database& db, const Clock& clock, LocalOffer& offer,
                                  const std::optional<SignedIn>& user, const FeedbackForm& form) {
  const std::string area = user ? user->area_id : offer.area_id();
  if (area.empty()) return fail("service_id", "There is no Local Offer to give feedback on yet");
  FeedbackInput in{
      new_id("fb"), area, form.service_id, form.from, form.comment, form.contact, user ? user->user_id : std::string()};
  auto f = new_feedback(in, clock.today(), clock.now_micros());
  if (!f) return tl::unexpected(f.error());
  if (!f->service_id.empty() && !in_local_offer(offer, f->service_id))
    return fail("service_id", "Choose a service the Local Offer lists, or none for the Local Offer as a whole");
  db.write([&](store::Tx& tx) {
    store::insert_feedback(tx, *f, f->received_at);
    store::insert_audit(tx, {new_id("a"), area, f->received_at, user ? user->user_id : "public", "feedback.receive",
                             "feedback", f->id, "",
                             std::string(to_string(f->from)) + " on " +
                                 (f->service_id.empty() ? std::string("the Local Offer") : "service " + f->service_id),
                             ""});
  });
  return f->id;
}

Result<std::vector<FeedbackRow>> feedback_list(store::Database& db, LocalOffer& offer, const SignedIn& user,
                                               const std::string& status) {
  if (!status.empty() && !parse_feedback_status(status))
    return fail("status", "Choose a status: new, triaged, responded or closed, or all");
  std::vector<Feedback> rows;
  db.read([&](store::Tx& tx) { rows = store::feedback_by_status(tx, user.area_id, status, kListLimit); });
  std::vector<FeedbackRow> out;
  for (auto& f : rows) {
    std::string name = service_name(offer, f.service_id);
    out.push_back({std::move(f), std::move(name)});
  }
  return out;
}

std::optional<FeedbackRow> feedback_item(store::Database& db, LocalOffer& offer, const SignedIn& user,
                                         const std::string& id) {
  std::optional<Feedback> f;
  db.read([&](store::Tx& tx) { f = store::find_feedback(tx, user.area_id, id); });
  if (!f) return std::nullopt;
  std::string name = service_name(offer, f->service_id);
  return FeedbackRow{std::move(*f), std::move(name)};
}

Result<Feedback> triage_feedback(store::Database& db, const Clock& clock, const SignedIn& user, const std::string& id,
                                 const TriageForm& form) {
  std::optional<Feedback> current;
  db.read([&](store::Tx& tx) { current = store::find_feedback(tx, user.area_id, id); });
  if (!current) return fail("id", "There is no such feedback in your area");
  auto expected = parse_version(form.version, "the feedback");
  if (!expected) return tl::unexpected(expected.error());
  const bool publish = form.publish == "yes" || form.publish == "true" || form.publish == "on";
  if (!form.publish.empty() && !publish && form.publish != "no" && form.publish != "false")
    return fail("publish", "Say whether to publish: yes or no");
  auto next = triage(*current, {form.status, form.category, form.need_code, form.you_said, form.we_did, publish},
                     clock.today());
  if (!next) return next;
  next->version = *expected + 1;
  const std::int64_t now = clock.now_micros();
  std::string detail =
      "status " + std::string(to_string(current->status)) + " -> " + std::string(to_string(next->status));
  if (next->category) detail += "; category " + std::string(to_string(*next->category));
  if (next->published() != current->published()) detail += next->published() ? "; published" : "; unpublished";
  bool saved = false;
  db.write([&](store::Tx& tx) {
    saved = store::update_feedback(tx, *next, *expected, now);
    if (!saved) return;
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "feedback.triage", "feedback", id, "", detail, ""});
  });
  if (!saved) return fail("version", "Someone else changed this feedback first: open it again and make your change");
  return next;
}

std::vector<PublishedItem> you_said_we_did(store::Database& db, LocalOffer& offer) {
  const std::string area = offer.area_id();
  std::vector<Feedback> rows;
  if (!area.empty()) db.read([&](store::Tx& tx) { rows = store::published_feedback(tx, area, kListLimit); });
  std::vector<PublishedItem> out;
  for (const auto& f : rows) {
    out.push_back({f.service_id, service_name(offer, f.service_id),
                   f.category ? std::string(feedback_category_label(*f.category)) : std::string(), f.you_said, f.we_did,
                   *f.published_on});
  }
  return out;
}

Result<FeedbackReportView> feedback_report_for(store::Database& db, const Clock& clock, LocalOffer& offer,
                                               const SignedIn& user, const std::string& period) {
  const HalfYear current = half_year_of(clock.today());
  HalfYear chosen = previous(current);
  if (!period.empty()) {
    auto p = parse_half_year("period", period);
    if (!p) return tl::unexpected(p.error());
    if (first_day(*p) > clock.today()) return fail("period", "Choose a half-year that has begun");
    chosen = *p;
  }
  std::vector<Feedback> rows;
  db.read(
      [&](store::Tx& tx) { rows = store::feedback_received(tx, user.area_id, first_day(chosen), last_day(chosen)); });
  const auto report = feedback_report(rows, chosen);
  FeedbackReportView v;
  v.period = chosen;
  v.total = report.total;
  for (const auto& c : report.by_service) v.by_service.push_back({c, service_name(offer, c.key)});
  for (const auto& c : report.by_need) v.by_need.push_back({c, need_name(c.key)});
  HalfYear h = current;
  for (int i = 0; i < 6; ++i, h = previous(h)) v.periods.push_back(h);
  return v;
}

std::string feedback_report_csv(const FeedbackReportView& report) {
  std::string out = "period,about,id,name,received,open,responded,published";
  for (auto c : all_feedback_categories()) out += "," + std::string(to_string(c));
  out += "\n";
  auto line = [&](const char* about, const ReportLine& l) {
    out += to_string(report.period) + "," + about + "," + csv_cell(l.count.key) + "," + csv_cell(l.name) + "," +
           std::to_string(l.count.received) + "," + std::to_string(l.count.open) + "," +
           std::to_string(l.count.responded) + "," + std::to_string(l.count.published);
    for (int n : l.count.by_category) out += "," + std::to_string(n);
    out += "\n";
  };
  for (const auto& l : report.by_service) line("service", l);
  for (const auto& l : report.by_need) line("need", l);
  return out;
}

// ---- Requests ------------------------------------------------------------------

Result<std::string> request_provision(store::Database& db, const Clock& clock, LocalOffer& offer,
                                      const RequestForm& form) {
  const std::string area = offer.area_id();
  if (area.empty()) return fail("provision", "There is no Local Offer to ask about yet");
  ProvisionRequestInput in{new_id("pr"),  area,        RequestOrigin::family, "",       form.child_id, form.provision,
                           form.provider, form.reason, form.need_code,        form.age, form.contact};
  auto r = new_provision_request(in, clock.today(), clock.now_micros());
  if (!r) return tl::unexpected(r.error());
  db.write([&](store::Tx& tx) {
    store::insert_provision_request(tx, *r, r->received_at);
    store::insert_audit(tx, {new_id("a"), area, r->received_at, "public", "provision_request.receive",
                             "provision_request", r->id, "", "from a family: " + r->provision, ""});
  });
  return r->id;
}

std::variant<std::string, Refused, Error> request_provision_for(RegisterServices& s, const SignedIn& user,
                                                                const RequestForm& form) {
  if (!form.child_id.empty()) {
    auto child = child_for(s, user, form.child_id, "POST /provision-requests");
    if (auto* r = std::get_if<Refused>(&child)) {
      if (r->status == 404) return Error("child_id", "There is no child with that reference in your area");
      return *r;
    }
  }
  ProvisionRequestInput in{new_id("pr"),   user.area_id,   RequestOrigin::staff, user.user_id,
                           form.child_id,  form.provision, form.provider,        form.reason,
                           form.need_code, form.age,       form.contact};
  auto r = new_provision_request(in, s.clock.today(), s.clock.now_micros());
  if (!r) return r.error();
  s.db.write([&](store::Tx& tx) {
    store::insert_provision_request(tx, *r, r->received_at);
    store::insert_audit(tx, {new_id("a"), user.area_id, r->received_at, user.user_id, "provision_request.receive",
                             "provision_request", r->id, r->child_id, "from staff: " + r->provision, ""});
  });
  return r->id;
}

Result<std::vector<RequestRow>> provision_request_list(store::Database& db, const SignedIn& user,
                                                       const std::string& stage) {
  if (!stage.empty() && !parse_request_stage(stage))
    return fail("stage", "Choose a stage: received, verifying or decided, or all");
  std::vector<ProvisionRequest> rows;
  db.read([&](store::Tx& tx) { rows = store::provision_requests(tx, user.area_id, stage, kListLimit); });
  std::vector<RequestRow> out;
  for (auto& r : rows) {
    const auto st = stage_of(r);
    out.push_back({std::move(r), st});
  }
  return out;
}

std::variant<RequestView, Refused> open_provision_request(RegisterServices& s, const SignedIn& user,
                                                          const std::string& id, const std::string& route) {
  std::optional<ProvisionRequest> r;
  std::optional<Child> child;
  std::vector<CaseInvolvement> involved;
  std::string made;
  s.db.read([&](store::Tx& tx) {
    r = store::find_provision_request(tx, user.area_id, id);
    if (r && !r->child_id.empty()) {
      child = store::find_child(tx, user.area_id, r->child_id);
      if (child) involved = store::involvements_of(tx, r->child_id);
    }
  });
  if (!r) return Refused{404, "There is no such request in your area."};
  RequestView v;
  v.stage = stage_of(*r);
  v.child_linked = !r->child_id.empty();
  if (child && can_see_child(user.principal(), current_involvements(involved))) {
    v.child_visible = true;
    v.child_name = child->given_name + " " + child->family_name;
    s.access_log.record({new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, r->child_id, "shown"});
  }
  v.request = std::move(*r);
  return v;
}

namespace {

std::variant<ProvisionRequest, Refused> load_request(RegisterServices& s, const SignedIn& user, const std::string& id) {
  std::optional<ProvisionRequest> r;
  s.db.read([&](store::Tx& tx) { r = store::find_provision_request(tx, user.area_id, id); });
  if (!r) return Refused{404, "There is no such request in your area."};
  return *r;
}

}  // namespace

std::variant<ProvisionRequest, Refused, Error> check_provision_request(RegisterServices& s, const SignedIn& user,
                                                                       const std::string& id,
                                                                       const ProvisionCheckForm& form) {
  auto loaded = load_request(s, user, id);
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  const auto& current = std::get<ProvisionRequest>(loaded);
  auto expected = parse_version(form.version, "the request");
  if (!expected) return expected.error();
  const std::int64_t now = s.clock.now_micros();
  auto next = record_check(current, form.criterion, form.finding, form.note, user.user_id, now);
  if (!next) return next.error();
  next->version = *expected + 1;
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_provision_request(tx, *next, *expected, now);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "provision_request.check",
                             "provision_request", id, next->child_id, form.criterion + ": " + form.finding, form.note});
  });
  if (!saved) return Error("version", "Someone else changed this request first: open it again and make your change");
  return *next;
}

std::variant<ProvisionRequest, Refused, Error> decide_provision_request(RegisterServices& s, LocalOffer* offer,
                                                                        const SignedIn& user, const std::string& id,
                                                                        const ProvisionDecisionForm& form) {
  auto loaded = load_request(s, user, id);
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  const auto& current = std::get<ProvisionRequest>(loaded);
  auto expected = parse_version(form.version, "the request");
  if (!expected) return expected.error();
  auto next = decide(current, form.decision, form.reasons, user.user_id, s.clock.today());
  if (!next) return next.error();
  const bool add = next->decision == RequestDecision::add_to_offer;
  if (add && !role_has(user.role, Permission::edit_directory))
    return Error("decision",
                 "Adding provision to the Local Offer needs a role that keeps the directory (SEN manager "
                 "or ICB commissioner)");
  next->version = *expected + 1;
  const std::int64_t now = s.clock.now_micros();
  const Date today = s.clock.today();
  bool saved = false;
  if (add) next->service_id = new_uuid();
  s.db.write([&](store::Tx& tx) {
    saved = store::update_provision_request(tx, *next, *expected, now);
    if (!saved) return;
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "provision_request.decide", "provision_request", id,
             next->child_id, std::string(to_string(*next->decision)), next->decision_reasons});
    if (add) {
      // A draft service for the SEND team to complete at /directory/services/{id}/edit.
      Directory d = store::load_directory(tx, user.area_id);
      Service svc;
      svc.id = next->service_id;
      svc.name = next->provision;
      svc.description = "Added to the Local Offer after a request: " + next->reason;
      svc.status = "inactive";
      svc.level = ServiceLevel::specialist;
      svc.how_to_access = "Ask the SEND team: details are being confirmed.";
      svc.minimum_age = 0;
      svc.maximum_age = 25;
      svc.last_checked_on = today;
      svc.review_due_on = today + std::chrono::days(28);
      svc.version = 1;
      svc.updated_at = now;
      const std::string provider = next->provider.empty() ? std::string("Provider to be confirmed") : next->provider;
      auto org = std::find_if(d.organisations.begin(), d.organisations.end(),
                              [&](const Organisation& o) { return o.name == provider; });
      if (org != d.organisations.end()) {
        svc.organisation_id = org->id;
      } else {
        Organisation o{new_uuid(), provider, "", "", ""};
        store::insert_organisation(tx, user.area_id, o, now);
        svc.organisation_id = o.id;
      }
      for (const auto& t : d.taxonomies) {
        if (t.name != kNeedsTaxonomyName) continue;
        for (const auto& term : d.terms) {
          if (term.taxonomy_id == t.id && term.code == next->need_code) svc.term_ids.push_back(term.id);
        }
      }
      store::insert_service(tx, user.area_id, svc);
      store::bump_directory_version(tx, user.area_id);
      store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "directory.service.add", "service", svc.id,
                               "", svc.name + " (draft, from request " + id + ")", ""});
    }
  });
  if (!saved) return Error("version", "Someone else changed this request first: open it again and make your change");
  if (add && offer) offer->changed();
  return *next;
}

}  // namespace tandem::app
