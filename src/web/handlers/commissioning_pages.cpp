// Commissioning activities: the board of every activity by stage (late gates,
// money committed by agency), an activity's page with its evidence and
// decisions, the forms that add and change an activity, link evidence,
// record decisions and move it on; and their JSON API twins.
#include <variant>

#include <nlohmann/json.hpp>

#include "app/commissioning.h"
#include "web/handlers.h"
#include "web/json_body.h"
#include "web/refusal.h"

namespace tandem::web::handlers {

using json = nlohmann::json;

namespace {

Response refused(Ctx& ctx, const app::Refused& r, bool api) {
  return refusal(ctx, r, api, "You cannot see this activity");
}

std::string error_for(const Error* e, const std::string& name) {
  if (!e) return "";
  for (const auto& f : e->fields) {
    if (f.field == name) return f.message;
  }
  return "";
}

// One text input for the contract_field partial.
mstch::map input(const std::string& name, const std::string& label, const std::string& value, const Error* e,
                 const std::string& hint = "", const std::string& width = "", bool textarea = false) {
  const std::string error = error_for(e, name);
  std::string described;
  if (!hint.empty()) described = name + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
  return mstch::map{{"name", name}, {"id", name},     {"label", label},       {"value", value},        {"error", error},
                    {"hint", hint}, {"width", width}, {"textarea", textarea}, {"described", described}};
}

// One select, with its error, for the commissioning_select partial.
mstch::map select(const std::string& name, const std::string& label, mstch::array options, const Error* e,
                  const std::string& hint = "") {
  const std::string error = error_for(e, name);
  std::string described;
  if (!hint.empty()) described = name + "-hint";
  if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
  return mstch::map{{"name", name},   {"id", name},   {"label", label},         {"options", std::move(options)},
                    {"error", error}, {"hint", hint}, {"described", described}, {"is_select", true}};
}

std::string percent(std::int32_t bp) {
  std::string out = std::to_string(bp / 100);
  if (bp % 100 != 0) out += "." + std::string(bp % 100 < 10 ? "0" : "") + std::to_string(bp % 100);
  return out;
}

std::string stage_label(CycleStage s) { return std::string(cycle_stage_label(s)); }

std::string need_label(CycleStage stage, ActivityKind kind, const std::string& id) {
  for (const auto& n : evidence_for(stage, kind)) {
    if (n.id == id) return std::string(n.label);
  }
  return id;
}

std::string agencies_text(const std::vector<Agency>& agencies) {
  std::string out;
  for (const auto a : agencies) out += (out.empty() ? "" : ", ") + std::string(agency_label(a));
  return out;
}

// What the gate still needs, in a sentence.
std::string gate_text(const Activity& a, const GateStatus& g) {
  if (a.stage == CycleStage::closed) return "Closed";
  if (g.ready) return "Ready to move on";
  std::string out;
  if (!g.missing_evidence.empty()) {
    out = std::to_string(g.missing_evidence.size()) +
          (g.missing_evidence.size() == 1 ? " piece of evidence missing" : " pieces of evidence missing");
  }
  if (!g.awaiting.empty()) out += (out.empty() ? "" : "; ") + std::string("awaiting ") + agencies_text(g.awaiting);
  return out;
}

// ---- JSON ----

json sign_off_json(const SignOff& s, bool board) {
  json j{{"stage", to_string(s.stage)},
         {"decided_on", format_date(s.decided_on)},
         {"decision", to_string(s.decision)},
         {"decision_maker", s.decision_maker},
         {"note", s.note}};
  j["agency"] = board ? json(nullptr) : json(to_string(s.agency));
  return j;
}

json activity_json(const store::StoredActivity& st, const GateStatus& g, const std::string& contract_title) {
  const Activity& a = st.activity;
  json partners = json::array();
  const auto parts = allocate(a.budget, a.partners);
  for (std::size_t i = 0; i < a.partners.size(); ++i) {
    partners.push_back({{"agency", to_string(a.partners[i].agency)},
                        {"basis_points", a.partners[i].basis_points},
                        {"budget_pence", parts && i < parts->size() ? (*parts)[i].value : 0}});
  }
  json evidence = json::array();
  for (const auto& e : a.evidence) {
    evidence.push_back({{"stage", to_string(e.stage)},
                        {"need_id", e.need_id},
                        {"title", e.title},
                        {"url", e.url},
                        {"contract_id", e.contract_id.empty() ? json(nullptr) : json(e.contract_id)}});
  }
  json sign_offs = json::array(), recommendations = json::array();
  for (const auto& s : a.sign_offs) sign_offs.push_back(sign_off_json(s, false));
  for (const auto& s : a.recommendations) recommendations.push_back(sign_off_json(s, true));
  json needs = json::array();
  for (const auto& n : evidence_for(a.stage, a.kind)) needs.push_back({{"id", n.id}, {"label", n.label}});
  json missing = json::array();
  for (const auto& n : g.missing_evidence) missing.push_back(n.id);
  json awaiting = json::array();
  for (const auto ag : g.awaiting) awaiting.push_back(to_string(ag));
  json history = json::array();
  for (const auto& h : st.history) {
    history.push_back(
        {{"from", to_string(h.from)}, {"to", to_string(h.to)}, {"next_due_on", format_date(h.next_due_on)}});
  }
  return {{"id", a.id},
          {"title", a.title},
          {"kind", to_string(a.kind)},
          {"level", to_string(a.level)},
          {"lead", a.partners.empty() ? json(nullptr) : json(to_string(a.partners.front().agency))},
          {"partners", partners},
          {"budget_pence", a.budget.value},
          {"stage", to_string(a.stage)},
          {"stage_due_on", format_date(a.stage_due_on)},
          {"contract_id", a.contract_id.empty() ? json(nullptr) : json(a.contract_id)},
          {"contract_title", contract_title.empty() ? json(nullptr) : json(contract_title)},
          {"stage_needs", needs},
          {"evidence", evidence},
          {"sign_offs", sign_offs},
          {"recommendations", recommendations},
          {"gate", {{"missing_evidence", missing}, {"awaiting", awaiting}, {"late", g.late}, {"ready", g.ready}}},
          {"history", history},
          {"version", st.version}};
}

// The API's partners array flattened into the form's share fields.
std::optional<Params> activity_body(const std::string& body) {
  return json_body_params(body, [](const json& j, Params& p) {
    if (auto it = j.find("partners"); it != j.end() && it->is_array()) {
      for (const auto& s : *it) {
        if (!s.is_object() || !s.contains("agency") || !s["agency"].is_string()) continue;
        std::string share;
        if (s.contains("percent"))
          share = s["percent"].is_string() ? s["percent"].get<std::string>() : s["percent"].dump();
        p["share_" + s["agency"].get<std::string>()] = share;
      }
    }
    if (auto it = j.find("budget_pence"); it != j.end() && it->is_number_integer()) {
      const long long pence = it->get<long long>();
      p["budget"] = std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
    }
  });
}

// ---- Pages ----

std::vector<std::pair<std::string, std::string>> contract_choices(app::RegisterServices& services, Ctx& ctx) {
  std::vector<std::pair<std::string, std::string>> out{{"", "None"}};
  auto list = app::list_contracts(services, ctx.me(), {});
  if (list) {
    for (const auto& r : list->rows) out.emplace_back(r.stored.contract.id, r.stored.contract.title);
  }
  return out;
}

Response form_page(Ctx& ctx, const std::string& id, const app::FormFields& f, const Error* e) {
  auto services = ctx.s.register_services();
  auto get = [&](const char* k) { return param(f, k); };
  std::vector<std::pair<std::string, std::string>> kinds{{"", "Choose the kind"}};
  for (const auto k : all_activity_kinds()) {
    kinds.emplace_back(std::string(to_string(k)), std::string(activity_kind_label(k)));
  }
  std::vector<std::pair<std::string, std::string>> levels{{"", "Choose the level"}};
  for (const auto l : all_commissioning_levels()) {
    levels.emplace_back(std::string(to_string(l)), std::string(commissioning_level_label(l)));
  }
  std::vector<std::pair<std::string, std::string>> stages;
  for (const auto s : all_cycle_stages()) {
    if (s != CycleStage::closed) stages.emplace_back(std::string(to_string(s)), stage_label(s));
  }
  const bool is_new = id.empty();
  mstch::array selects{select("kind", "Kind of activity", choices(kinds, get("kind")), e),
                       select("level", "Level", choices(levels, get("level")), e,
                              "Individual, operational, service, strategic or regional commissioning")};
  if (is_new) {
    selects.push_back(select("stage", "Stage it has reached",
                             choices(stages, get("stage").empty() ? "joint_understanding" : get("stage")), e,
                             "An activity already under way starts at the stage it has reached"));
  }
  mstch::array shares;
  for (const Agency a : app::commissioning_agencies()) {
    const std::string key = "share_" + std::string(to_string(a));
    shares.push_back(
        input(key, std::string(agency_label(a)) + " share (%)", get(key.c_str()), e, "", "govuk-input--width-5"));
  }
  mstch::array bottom{input("budget", "Budget the partners commit (£)", get("budget"), e, "", "govuk-input--width-10"),
                      input("stage_due_on", "Date the stage's gate is due", get("stage_due_on"), e,
                            "As year-month-day, for example 2026-06-30", "govuk-input--width-10")};
  mstch::map view{
      {"heading", is_new ? std::string("Add a commissioning activity") : std::string("Change the activity")},
      {"action", is_new ? std::string("/commissioning") : "/commissioning/" + id + "/edit"},
      {"back", is_new ? std::string("/commissioning") : "/commissioning/" + id},
      {"button", is_new ? std::string("Add the activity") : std::string("Save the changes")},
      {"version", get("version")},
      {"title_field", mstch::array{input("title", "Title", get("title"), e,
                                         "What is commissioned, like Re-commission SEMH provision")}},
      {"selects", selects},
      {"share_fields", shares},
      {"bottom_fields", bottom},
      {"contract", mstch::array{select("contract_id", "Contract it concerns (optional)",
                                       choices(contract_choices(services, ctx), get("contract_id")), e)}}};
  const std::string title = is_new ? "Add a commissioning activity" : "Change the activity";
  return page(ctx, e ? 400 : 200, "commissioning/form", title, std::move(view), "commissioning", e);
}

app::FormFields fields_of(const store::StoredActivity& st) {
  const Activity& a = st.activity;
  app::FormFields f{{"title", a.title},
                    {"kind", std::string(to_string(a.kind))},
                    {"level", std::string(to_string(a.level))},
                    {"budget", format_pounds(a.budget)},
                    {"stage_due_on", format_date(a.stage_due_on)},
                    {"contract_id", a.contract_id},
                    {"version", std::to_string(st.version)}};
  for (const auto& s : a.partners) f["share_" + std::string(to_string(s.agency))] = percent(s.basis_points);
  return f;
}

mstch::map decision_item(const SignOff& s, const Activity& a, bool board) {
  return mstch::map{
      {"stage", stage_label(s.stage)},
      {"who", board ? std::string("Partnership board (recommendation)") : std::string(agency_label(s.agency))},
      {"decision", std::string(sign_off_decision_label(s.decision))},
      {"approved", s.decision == SignOffDecision::approved},
      {"on", format_date_long(s.decided_on)},
      {"maker", s.decision_maker},
      {"note", s.note},
      {"current", s.stage == a.stage}};
}

Response activity_page(Ctx& ctx, const app::ActivityView& v, const app::FormFields& f, const Error* e) {
  const Activity& a = v.stored.activity;
  const bool manage = role_has(ctx.me().role, Permission::manage_contracts);
  const bool open = a.stage != CycleStage::closed;
  mstch::array partners;
  for (std::size_t i = 0; i < a.partners.size(); ++i) {
    partners.push_back(mstch::map{
        {"agency", std::string(agency_label(a.partners[i].agency))},
        {"percent", percent(a.partners[i].basis_points)},
        {"amount", i < v.budget_by_agency.size() ? format_pounds(v.budget_by_agency[i].second) : std::string()},
        {"lead", i == 0}});
  }
  mstch::array stages;
  for (const auto s : all_cycle_stages()) {
    if (s == CycleStage::closed) continue;
    stages.push_back(mstch::map{{"label", stage_label(s)},
                                {"current", s == a.stage},
                                {"done", static_cast<int>(s) < static_cast<int>(a.stage)}});
  }
  // The current stage's needs, each with what is linked for it.
  mstch::array needs;
  std::vector<std::pair<std::string, std::string>> need_choices{{"", "Choose what it shows"}};
  for (const auto& n : evidence_for(a.stage, a.kind)) {
    mstch::array links;
    for (const auto& ev : a.evidence) {
      if (ev.stage == a.stage && ev.need_id == n.id) {
        links.push_back(mstch::map{{"title", ev.title}, {"url", ev.url}, {"contract", !ev.contract_id.empty()}});
      }
    }
    const bool missing = links.empty();
    needs.push_back(mstch::map{{"label", std::string(n.label)}, {"links", links}, {"missing", missing}});
    need_choices.emplace_back(std::string(n.id), std::string(n.label));
  }
  // Each partner's latest decision on the current stage.
  mstch::array partner_decisions;
  for (const auto& p : a.partners) {
    const SignOff* latest = nullptr;
    for (const auto& s : a.sign_offs) {
      if (s.stage == a.stage && s.agency == p.agency && (!latest || s.decided_on >= latest->decided_on)) latest = &s;
    }
    mstch::map row{{"agency", std::string(agency_label(p.agency))}, {"decided", latest != nullptr}};
    if (latest) {
      row["decision"] = std::string(sign_off_decision_label(latest->decision));
      row["approved"] = latest->decision == SignOffDecision::approved;
      row["on"] = format_date_long(latest->decided_on);
      row["maker"] = latest->decision_maker;
      row["note"] = latest->note;
    }
    partner_decisions.push_back(std::move(row));
  }
  mstch::array board;
  for (const auto& r : a.recommendations) {
    if (r.stage == a.stage) board.push_back(decision_item(r, a, true));
  }
  // The record of every stage: evidence, decisions and moves.
  mstch::array earlier_evidence;
  for (const auto& ev : a.evidence) {
    if (ev.stage == a.stage) continue;
    earlier_evidence.push_back(mstch::map{{"stage", stage_label(ev.stage)},
                                          {"need", need_label(ev.stage, a.kind, ev.need_id)},
                                          {"title", ev.title},
                                          {"url", ev.url}});
  }
  mstch::array decisions;
  for (const auto& s : a.sign_offs) decisions.push_back(decision_item(s, a, false));
  for (const auto& s : a.recommendations) decisions.push_back(decision_item(s, a, true));
  mstch::array history;
  for (const auto& h : v.stored.history) {
    history.push_back(mstch::map{{"from", stage_label(h.from)}, {"to", stage_label(h.to)}});
  }
  // The forms.
  std::vector<std::pair<std::string, std::string>> contracts{{"", "None: give a link instead"}};
  for (const auto& c : v.contracts) contracts.push_back(c);
  auto get = [&](const char* k) { return param(f, k); };
  mstch::array evidence_fields{
      select("need_id", "What it shows", choices(need_choices, get("need_id")), e),
      input("title", "Title", get("title"), e, "For example JSNA 2025: social, emotional and mental health"),
      input("url", "Link", get("url"), e,
            "A web address starting https://, or a Tandem page starting /, like /local-offer?q=semh"),
      select("contract_id", "Or a Tandem contract", choices(contracts, get("contract_id")), e,
             "For the contract itself, or the one being reviewed")};
  std::vector<std::pair<std::string, std::string>> who{{"", "Choose whose decision"}};
  for (const auto& p : a.partners)
    who.emplace_back(std::string(to_string(p.agency)), std::string(agency_label(p.agency)));
  who.emplace_back("board", "Partnership board (a recommendation)");
  std::vector<std::pair<std::string, std::string>> decisions_list{
      {"", "Choose the decision"}, {"approved", "Approved"}, {"deferred", "Deferred"}, {"declined", "Declined"}};
  const std::string today = format_date(ctx.s.clock.today());
  mstch::array sign_off_fields{
      select("agency", "Whose decision", choices(who, get("agency")), e,
             "The partnership board recommends; each partner decides through its own governance"),
      select("decision", "Decision", choices(decisions_list, get("decision")), e),
      input("decided_on", "Date of the decision", get("decided_on").empty() ? today : get("decided_on"), e, "",
            "govuk-input--width-10"),
      input("decision_maker", "Decided by", get("decision_maker"), e,
            "The person or body, like ICB Finance and Performance Committee or Cabinet member for children"),
      input("note", "Note", get("note"), e, "Needed when the decision is deferred or declined", "", true)};
  const bool closing = a.stage == CycleStage::joint_review;
  mstch::array advance_fields;
  if (!closing) {
    advance_fields.push_back(input("next_due_on", "Date the next stage's gate is due", get("next_due_on"), e,
                                   "As year-month-day, for example 2026-09-30", "govuk-input--width-10"));
  }
  const auto next_stage = static_cast<CycleStage>(static_cast<int>(a.stage) + (open ? 1 : 0));
  std::string missing_text;
  for (const auto& n : v.gate.missing_evidence)
    missing_text += (missing_text.empty() ? "" : ", ") + std::string(n.label);
  mstch::map view{
      {"id", a.id},
      {"title", a.title},
      {"kind", std::string(activity_kind_label(a.kind))},
      {"level", std::string(commissioning_level_label(a.level))},
      {"stage", stage_label(a.stage)},
      {"open", open},
      {"late", open && v.gate.late},
      {"due", format_date_long(a.stage_due_on)},
      {"budget", format_pounds(a.budget)},
      {"partners", partners},
      {"contract_id", a.contract_id},
      {"contract_title", v.contract_title.empty() ? a.contract_id : v.contract_title},
      {"stages", stages},
      {"needs", needs},
      {"partner_decisions", partner_decisions},
      {"board", board},
      {"has_board", !board.empty()},
      {"ready", v.gate.ready},
      {"missing_text", missing_text},
      {"awaiting_text", agencies_text(v.gate.awaiting)},
      {"earlier_evidence", earlier_evidence},
      {"has_earlier_evidence", !earlier_evidence.empty()},
      {"decisions", decisions},
      {"has_decisions", !decisions.empty()},
      {"history", history},
      {"can_manage", manage && open},
      {"can_edit", manage},
      {"evidence_fields", evidence_fields},
      {"sign_off_fields", sign_off_fields},
      {"advance_fields", advance_fields},
      {"advance_button", closing ? std::string("Close the activity") : "Move on to " + stage_label(next_stage)},
      {"version", std::to_string(v.stored.version)}};
  return page(ctx, e ? 400 : 200, "commissioning/activity", a.title, std::move(view), "commissioning", e);
}

// The page's "Whose decision" select names the board as agency "board".
app::FormFields sign_off_fields_of(const Params& form) {
  app::FormFields f(form.begin(), form.end());
  if (param(f, "agency") == "board") {
    f["body"] = "board";
    f.erase("agency");
  } else {
    f["body"] = "partner";
  }
  return f;
}

Response after_post(Ctx& ctx, const std::string& id, const app::ActivityEdit& out) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) {
    auto services = ctx.s.register_services();
    auto v = app::open_activity(services, ctx.me(), id);
    if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
    return activity_page(ctx, std::get<app::ActivityView>(v), ctx.form, e);
  }
  return redirect("/commissioning/" + id + "?saved=1");
}

}  // namespace

Response commissioning_board(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto b = app::list_activities(services, ctx.me());
  mstch::array stages;
  std::size_t open = 0;
  for (const auto stage : all_cycle_stages()) {
    mstch::array rows;
    for (const auto& r : b.rows) {
      const Activity& a = r.stored.activity;
      if (a.stage != stage) continue;
      const bool is_open = a.stage != CycleStage::closed;
      open += is_open ? 1 : 0;
      rows.push_back(mstch::map{
          {"id", a.id},
          {"title", a.title},
          {"kind", std::string(activity_kind_label(a.kind))},
          {"level", std::string(commissioning_level_label(a.level))},
          {"lead", a.partners.empty() ? std::string() : std::string(agency_label(a.partners.front().agency))},
          {"budget", format_pounds(a.budget)},
          {"due", is_open ? format_date_long(a.stage_due_on) : std::string("Closed")},
          {"late", is_open && r.gate.late},
          {"ready", is_open && r.gate.ready},
          {"gate", gate_text(a, r.gate)},
          {"contract", r.contract_title}});
    }
    stages.push_back(mstch::map{{"id", std::string(to_string(stage))},
                                {"label", stage_label(stage)},
                                {"rows", rows},
                                {"count", std::to_string(rows.size())},
                                {"empty", rows.empty()}});
  }
  mstch::array committed;
  for (const auto& [agency, amount] : b.committed) {
    committed.push_back(mstch::map{{"agency", std::string(agency_label(agency))}, {"amount", format_pounds(amount)}});
  }
  mstch::map view{{"stages", stages},
                  {"open", std::to_string(open)},
                  {"late", std::to_string(b.late)},
                  {"total", format_pounds(b.total)},
                  {"committed", committed},
                  {"has_committed", !committed.empty()},
                  {"can_manage", role_has(ctx.me().role, Permission::manage_contracts)}};
  return page(ctx, 200, "commissioning/board", "Commissioning activities", std::move(view), "commissioning");
}

Response commissioning_new_form(Ctx& ctx) { return form_page(ctx, "", {}, nullptr); }

Response commissioning_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto out = app::save_activity(services, ctx.me(), "", ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return form_page(ctx, "", ctx.form, e);
  return redirect("/commissioning/" + std::get<store::StoredActivity>(out).activity.id + "?saved=1");
}

Response commissioning_activity(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_activity(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return activity_page(ctx, std::get<app::ActivityView>(v), {}, nullptr);
}

Response commissioning_edit_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_activity(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, false);
  return form_page(ctx, ctx.captures.at(0), fields_of(std::get<app::ActivityView>(v).stored), nullptr);
}

Response commissioning_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  auto out = app::save_activity(services, ctx.me(), id, ctx.form);
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, false);
  if (auto* e = std::get_if<Error>(&out)) return form_page(ctx, id, ctx.form, e);
  return redirect("/commissioning/" + id + "?saved=1");
}

Response commissioning_evidence(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::add_evidence(services, ctx.me(), id, ctx.form));
}

Response commissioning_sign_off(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::record_sign_off(services, ctx.me(), id, sign_off_fields_of(ctx.form)));
}

Response commissioning_advance(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  return after_post(ctx, id, app::advance_activity(services, ctx.me(), id, ctx.form));
}

// ---- API ----

Response api_commissioning(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto b = app::list_activities(services, ctx.me());
  json items = json::array();
  for (const auto& r : b.rows) items.push_back(activity_json(r.stored, r.gate, r.contract_title));
  json committed = json::object();
  for (const auto& [a, v] : b.committed) committed[std::string(to_string(a))] = v.value;
  return json_response(
      200,
      json{{"activities", items}, {"total_pence", b.total.value}, {"late", b.late}, {"committed_by_agency", committed}}
          .dump());
}

Response api_commissioning_activity(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto v = app::open_activity(services, ctx.me(), ctx.captures.at(0));
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  const auto& view = std::get<app::ActivityView>(v);
  return json_response(200, activity_json(view.stored, view.gate, view.contract_title).dump());
}

namespace {
Response api_after(Ctx& ctx, app::RegisterServices& services, const app::ActivityEdit& out, int status) {
  if (auto* r = std::get_if<app::Refused>(&out)) return refused(ctx, *r, true);
  if (auto* e = std::get_if<Error>(&out)) return json_error(e->first_field() == "version" ? 409 : 400, *e);
  auto v = app::open_activity(services, ctx.me(), std::get<store::StoredActivity>(out).activity.id);
  if (auto* r = std::get_if<app::Refused>(&v)) return refused(ctx, *r, true);
  const auto& view = std::get<app::ActivityView>(v);
  return json_response(status, activity_json(view.stored, view.gate, view.contract_title).dump());
}
}  // namespace

Response api_commissioning_create(Ctx& ctx) {
  auto p = activity_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::save_activity(services, ctx.me(), "", *p), 201);
}

Response api_commissioning_update(Ctx& ctx) {
  auto p = activity_body(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::save_activity(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

Response api_commissioning_evidence(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::add_evidence(services, ctx.me(), ctx.captures.at(0), *p), 201);
}

Response api_commissioning_sign_off(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::record_sign_off(services, ctx.me(), ctx.captures.at(0), *p), 201);
}

Response api_commissioning_advance(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto services = ctx.s.register_services();
  return api_after(ctx, services, app::advance_activity(services, ctx.me(), ctx.captures.at(0), *p), 200);
}

}  // namespace tandem::web::handlers
