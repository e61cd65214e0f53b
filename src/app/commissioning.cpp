#include "app/commissioning.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/form_values.h"
#include "core/commissioning_input.h"
#include "store/audit.h"
#include "store/contracts.h"

namespace tandem::app {

namespace {

std::string field(const FormFields& f, std::string_view key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : it->second;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

void merge(std::vector<FieldError>& errors, const Error& e) {
  for (const auto& x : e.fields) {
    const bool already =
        std::any_of(errors.begin(), errors.end(), [&](const FieldError& y) { return y.field == x.field; });
    if (!already) errors.push_back(x);
  }
}

Refused no_activity() {
  return Refused{404, "There is no commissioning activity with that reference that you can see."};
}

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const std::string& action, const std::string& id,
           const std::string& detail) {
  store::insert_audit(
      tx, {new_id("a"), user.area_id, now, user.user_id, action, "commissioning_activity", id, "", detail, ""});
}

std::string shares_text(const std::vector<FundingShare>& shares) {
  std::string out;
  for (const auto& s : shares) {
    if (!out.empty()) out += ", ";
    out += std::string(to_string(s.agency)) + " " + std::to_string(s.basis_points / 100) + "." +
           (s.basis_points % 100 < 10 ? "0" : "") + std::to_string(s.basis_points % 100) + "%";
  }
  return out;
}

// Whether the user may see the activity: a provider only those about its own
// organisation's contracts.
bool visible(store::Tx& tx, const SignedIn& user, const Activity& a) {
  if (user.role != Role::provider) return true;
  const auto provider = store::provider_of_user(tx, user.area_id, user.user_id);
  if (!provider || a.contract_id.empty()) return false;
  const auto c = store::find_contract(tx, user.area_id, a.contract_id);
  return c && c->contract.provider_id == *provider;
}

std::string contract_title(store::Tx& tx, const std::string& area_id, const std::string& contract_id) {
  if (contract_id.empty()) return "";
  const auto c = store::find_contract(tx, area_id, contract_id);
  return c ? c->contract.title : "";
}

std::optional<store::StoredActivity> load(RegisterServices& s, const SignedIn& user, const std::string& id) {
  std::optional<store::StoredActivity> out;
  s.db.read([&](store::Tx& tx) {
    out = store::find_activity(tx, user.area_id, id);
    if (out && !visible(tx, user, out->activity)) out.reset();
  });
  return out;
}

Result<Activity> read_activity(RegisterServices& s, const SignedIn& user, const FormFields& f, const std::string& id,
                               std::optional<CycleStage> stage) {
  std::vector<FieldError> errors;
  ActivityInput in;
  in.id = id;
  in.area_id = user.area_id;
  in.title = trim(field(f, "title"));
  in.kind = parse_activity_kind(field(f, "kind"));
  in.level = parse_commissioning_level(field(f, "level"));
  for (const Agency a : commissioning_agencies()) {
    const std::string key = "share_" + std::string(to_string(a));
    const std::string text = trim(field(f, key));
    if (text.empty() || text == "0") continue;
    auto bp = parse_share_percent(key, text);
    if (!bp) {
      errors.push_back(bp.error().fields.front());
      continue;
    }
    in.partners.push_back({a, *bp});
  }
  if (const std::string budget = trim(field(f, "budget")); !budget.empty()) {
    if (auto v = parse_pounds("budget", budget)) {
      in.budget = *v;
    } else {
      errors.push_back(v.error().fields.front());
    }
  }
  if (stage) {
    in.stage = stage;
  } else if (const std::string st = field(f, "stage"); !st.empty()) {
    in.stage = parse_cycle_stage(st);
    if (!in.stage || *in.stage == CycleStage::closed) {
      errors.push_back({"stage",
                        "Choose the stage: joint understanding, joint planning, joint delivery or joint "
                        "review"});
    }
  }
  in.stage_due_on = optional_date("stage_due_on", field(f, "stage_due_on"), errors);
  in.contract_id = trim(field(f, "contract_id"));
  auto a = make_activity(in);
  if (!a) merge(errors, a.error());
  if (!in.contract_id.empty()) {
    s.db.read([&](store::Tx& tx) {
      if (!store::find_contract(tx, user.area_id, in.contract_id)) {
        errors.push_back({"contract_id", "Choose one of the area's contracts, or none"});
      }
    });
  }
  if (!errors.empty()) return fail(std::move(errors));
  return *a;
}

}  // namespace

CommissioningBoard list_activities(RegisterServices& s, const SignedIn& user) {
  CommissioningBoard out;
  const Date today = s.clock.today();
  std::vector<Activity> open;
  s.db.read([&](store::Tx& tx) {
    for (auto& st : store::activities(tx, user.area_id)) {
      if (!visible(tx, user, st.activity)) continue;
      ActivityRow row{std::move(st), {}, ""};
      row.gate = gate_status(row.stored.activity, today);
      row.contract_title = contract_title(tx, user.area_id, row.stored.activity.contract_id);
      out.rows.push_back(std::move(row));
    }
  });
  for (const auto& r : out.rows) {
    if (r.stored.activity.stage == CycleStage::closed) continue;
    open.push_back(r.stored.activity);
    out.total += r.stored.activity.budget;
    if (r.gate.late) ++out.late;
  }
  out.committed = committed_by_agency(open);
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const ActivityRow& a, const ActivityRow& b) {
    return static_cast<int>(a.stored.activity.stage) < static_cast<int>(b.stored.activity.stage);
  });
  return out;
}

std::variant<ActivityView, Refused> open_activity(RegisterServices& s, const SignedIn& user, const std::string& id) {
  std::optional<ActivityView> v;
  s.db.read([&](store::Tx& tx) {
    auto st = store::find_activity(tx, user.area_id, id);
    if (!st || !visible(tx, user, st->activity)) return;
    ActivityView view;
    view.contract_title = contract_title(tx, user.area_id, st->activity.contract_id);
    if (user.role != Role::provider) {
      for (const auto& c : store::contracts(tx, user.area_id)) {
        view.contracts.emplace_back(c.contract.id, c.contract.title);
      }
    }
    view.stored = std::move(*st);
    v = std::move(view);
  });
  if (!v) return no_activity();
  const Activity& a = v->stored.activity;
  v->gate = gate_status(a, s.clock.today());
  if (auto parts = allocate(a.budget, a.partners)) {
    for (std::size_t i = 0; i < parts->size(); ++i) v->budget_by_agency.emplace_back(a.partners[i].agency, (*parts)[i]);
  }
  return std::move(*v);
}

ActivityEdit save_activity(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  std::optional<store::StoredActivity> before;
  std::optional<std::int64_t> expected;
  if (!id.empty()) {
    before = load(s, user, id);
    if (!before) return no_activity();
    auto v = parse_version(field(f, "version"), "the activity");
    if (!v) return v.error();
    expected = *v;
  }
  auto a = read_activity(s, user, f, id.empty() ? new_id("ca") : id,
                         before ? std::optional<CycleStage>(before->activity.stage) : std::nullopt);
  if (!a) return a.error();
  const std::int64_t now = s.clock.now_micros();
  bool saved = true;
  s.db.write([&](store::Tx& tx) {
    const std::string detail = a->title + " (" + std::string(to_string(a->kind)) + ", " +
                               std::string(to_string(a->level)) + ", " + std::string(to_string(a->stage)) + " due " +
                               format_date(a->stage_due_on) + "): budget " + format_pounds(a->budget) + ", " +
                               shares_text(a->partners) +
                               (a->contract_id.empty() ? "" : ", contract " + a->contract_id);
    if (before) {
      saved = store::update_activity(tx, *a, *expected, now);
      if (saved) audit(tx, user, now, "commissioning.update", a->id, detail);
    } else {
      store::insert_activity(tx, *a, now);
      audit(tx, user, now, "commissioning.add", a->id, detail);
    }
  });
  if (!saved) return Error("version", "Someone else changed this activity first. Open it again.");
  std::optional<store::StoredActivity> after = load(s, user, a->id);
  if (!after) return no_activity();
  return std::move(*after);
}

ActivityEdit add_evidence(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  auto st = load(s, user, id);
  if (!st) return no_activity();
  EvidenceInput in{trim(field(f, "need_id")), trim(field(f, "title")), trim(field(f, "url")),
                   trim(field(f, "contract_id"))};
  auto e = make_evidence(st->activity, in);
  std::vector<FieldError> errors;
  if (!e) merge(errors, e.error());
  if (!in.contract_id.empty()) {
    s.db.read([&](store::Tx& tx) {
      if (!store::find_contract(tx, user.area_id, in.contract_id)) {
        errors.push_back({"contract_id", "Choose one of the area's contracts"});
      }
    });
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_evidence(tx, user.area_id, id, new_id("ev"), *e, user.user_id, now);
    audit(tx, user, now, "commissioning.evidence", id,
          std::string(to_string(e->stage)) + " " + e->need_id + ": " + e->title + " <" + e->url + ">");
  });
  return std::move(*load(s, user, id));
}

ActivityEdit record_sign_off(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  auto st = load(s, user, id);
  if (!st) return no_activity();
  std::vector<FieldError> errors;
  const std::string body = field(f, "body");
  if (!body.empty() && body != "partner" && body != "board") {
    errors.push_back({"body", "Say whose decision it is: a partner's (partner) or the partnership board's (board)"});
  }
  SignOffInput in;
  in.board = body == "board";
  in.agency = parse_agency(field(f, "agency"));
  in.decided_on = optional_date("decided_on", field(f, "decided_on"), errors);
  in.decision = parse_sign_off_decision(field(f, "decision"));
  in.decision_maker = trim(field(f, "decision_maker"));
  in.note = trim(field(f, "note"));
  const bool date_error =
      std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "decided_on"; });
  auto so = make_sign_off(st->activity, in, s.clock.today());
  if (!so) {
    for (const auto& e : so.error().fields) {
      if (!(date_error && e.field == "decided_on")) merge(errors, Error(e.field, e.message));
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_sign_off(tx, user.area_id, id, new_id("so"), *so, in.board, user.user_id, now);
    audit(tx, user, now, in.board ? "commissioning.recommendation" : "commissioning.sign_off", id,
          std::string(to_string(so->stage)) + ": " +
              (in.board ? std::string("board") : std::string(to_string(so->agency))) + " " +
              std::string(to_string(so->decision)) + " on " + format_date(so->decided_on) + " by " +
              so->decision_maker + (so->note.empty() ? "" : " (" + so->note + ")"));
  });
  return std::move(*load(s, user, id));
}

ActivityEdit advance_activity(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  auto st = load(s, user, id);
  if (!st) return no_activity();
  auto expected = parse_version(field(f, "version"), "the activity");
  if (!expected) return expected.error();
  std::vector<FieldError> errors;
  const Date today = s.clock.today();
  const bool closing = st->activity.stage == CycleStage::joint_review;
  auto next_due = optional_date("next_due_on", field(f, "next_due_on"), errors);
  if (!closing && errors.empty()) {
    if (!next_due) {
      errors.push_back({"next_due_on", "Enter the date the next stage's gate is due, like 2026-09-30"});
    } else if (*next_due < today) {
      errors.push_back(
          {"next_due_on", "The next gate's date cannot be in the past (today is " + format_date(today) + ")"});
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  std::optional<Error> refused;
  bool stale = false;
  s.db.write([&](store::Tx& tx) {
    // The gate is checked on what is stored now, in the same transaction.
    auto current = store::find_activity(tx, user.area_id, id);
    if (!current || current->version != *expected) {
      stale = true;
      return;
    }
    auto next = advance(current->activity, closing ? today : *next_due);
    if (!next) {
      refused = next.error();
      return;
    }
    if (!store::update_activity(tx, *next, *expected, now)) {
      stale = true;
      return;
    }
    store::insert_activity_stage_change(tx, {new_id("cc"), id, user.area_id, current->activity.stage, next->stage,
                                             next->stage_due_on, user.user_id, now});
    audit(tx, user, now, "commissioning.advance", id,
          std::string(to_string(current->activity.stage)) + " -> " + std::string(to_string(next->stage)) +
              (closing ? std::string() : ", next gate due " + format_date(next->stage_due_on)));
  });
  if (stale) return Error("version", "Someone else changed this activity first. Open it again.");
  if (refused) return std::move(*refused);
  return std::move(*load(s, user, id));
}

}  // namespace tandem::app
