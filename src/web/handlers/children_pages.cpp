#include <variant>

#include "app/appeals.h"
#include "app/area_moves.h"
#include "app/ceasing.h"
#include "app/ethnicity.h"
#include "app/sen2_case.h"
#include "app/upn_unknown.h"
#include "core/need.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {

std::string age_text(Date dob, Date today) {
  const int age = age_on(dob, today);
  return std::to_string(age) + (age == 1 ? " year" : " years");
}

std::string need_label(const std::string& code) {
  if (code.empty()) return "Not recorded";
  auto n = find_need(code);
  return n ? std::string(n->name) + " (" + code + ")" : code;
}

mstch::array need_options(const std::string& selected, bool with_any) {
  mstch::array out;
  out.reserve(need_codes().size() + 1);
  if (with_any)
    out.push_back(mstch::map{{"value", std::string()}, {"label", std::string("Any")}, {"selected", selected.empty()}});
  for (const auto& n : need_codes()) {
    out.push_back(mstch::map{{"value", std::string(n.code)},
                             {"label", std::string(n.name) + " (" + std::string(n.code) + ")"},
                             {"selected", selected == n.code}});
  }
  return out;
}

mstch::array status_options(const std::string& selected, bool with_any) {
  mstch::array out;
  if (with_any)
    out.push_back(mstch::map{{"value", std::string()}, {"label", std::string("Any")}, {"selected", selected.empty()}});
  for (auto s : all_plan_statuses()) {
    out.push_back(mstch::map{{"value", std::string(to_string(s))},
                             {"label", std::string(plan_status_label(s))},
                             {"selected", selected == to_string(s)}});
  }
  return out;
}

mstch::array setting_options(const std::string& selected) {
  mstch::array out{mstch::map{{"value", std::string()}, {"label", std::string("Any")}, {"selected", selected.empty()}}};
  for (auto t : all_setting_types()) {
    out.push_back(mstch::map{{"value", std::string(to_string(t))},
                             {"label", std::string(setting_type_label(t))},
                             {"selected", selected == to_string(t)}});
  }
  return out;
}

std::string format_count(int n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string status_label(const std::string& id) {
  auto s = parse_plan_status(id);
  return s ? std::string(plan_status_label(*s)) : id;
}

std::string long_date(const std::string& iso) {
  auto d = parse_date("date", iso);
  return d ? format_date_long(*d) : iso;
}

std::string page_link(const app::RegisterFilters& f, int page) {
  std::string q = "/children?q=" + percent_encode(f.q) + "&primary_need=" + percent_encode(f.primary_need) +
                  "&plan_status=" + percent_encode(f.plan_status) + "&setting_type=" + percent_encode(f.setting_type) +
                  "&page=" + std::to_string(page);
  return q;
}

app::RegisterFilters filters_from(const Params& query) {
  app::RegisterFilters f;
  f.q = param(query, "q");
  f.primary_need = param(query, "primary_need");
  f.plan_status = param(query, "plan_status");
  f.setting_type = param(query, "setting_type");
  f.page = param(query, "page");
  if (f.page.empty()) f.page = "1";
  return f;
}

ChildForm form_from(const Params& p) {
  ChildForm f;
  f.given_name = param(p, "given_name");
  f.family_name = param(p, "family_name");
  f.date_of_birth = param(p, "date_of_birth");
  f.sex = param(p, "sex");
  f.upn = param(p, "upn");
  f.nhs_number = param(p, "nhs_number");
  f.postcode = param(p, "postcode");
  f.primary_need = param(p, "primary_need");
  f.plan_status = param(p, "plan_status");
  f.setting_name = param(p, "setting_name");
  f.responsible_icb = param(p, "responsible_icb");
  f.icb_since = param(p, "icb_since");
  f.looked_after = param(p, "looked_after");
  f.ethnicity = param(p, "ethnicity");
  f.setting_urn = param(p, "setting_urn");
  f.setting_ukprn = param(p, "setting_ukprn");
  f.upn_unknown = param(p, "upn_unknown");
  return f;
}

mstch::map form_view(const ChildForm& f) {
  mstch::array sexes;
  for (const auto& [v, l] : {std::pair{"F", "Female"}, {"M", "Male"}, {"U", "Not known"}}) {
    sexes.push_back(mstch::map{{"value", std::string(v)},
                               {"label", std::string(l)},
                               {"checked", f.sex == v},
                               {"id", v == std::string("F") ? std::string("sex") : std::string("sex-") + v}});
  }
  mstch::array ethnicities{
      mstch::map{{"value", std::string()}, {"label", std::string("Not recorded")}, {"selected", f.ethnicity.empty()}}};
  for (const auto& e : app::ethnicity_codes())
    ethnicities.push_back(
        mstch::map{{"value", e.code}, {"label", e.label + " (" + e.code + ")"}, {"selected", f.ethnicity == e.code}});
  mstch::array upn_reasons{mstch::map{
      {"value", std::string()}, {"label", std::string("None (a UPN is given)")}, {"selected", f.upn_unknown.empty()}}};
  for (const auto& r : app::upn_unknown_codes())
    upn_reasons.push_back(mstch::map{
        {"value", r.code}, {"label", app::upn_unknown_label(r.code)}, {"selected", f.upn_unknown == r.code}});
  return mstch::map{{"ethnicity_options", ethnicities},
                    {"upn_unknown_options", upn_reasons},
                    {"setting_urn", f.setting_urn},
                    {"setting_ukprn", f.setting_ukprn},
                    {"given_name", f.given_name},
                    {"family_name", f.family_name},
                    {"date_of_birth", f.date_of_birth},
                    {"sexes", sexes},
                    {"upn", f.upn},
                    {"nhs_number", f.nhs_number},
                    {"postcode", f.postcode},
                    {"need_options", need_options(f.primary_need, true)},
                    {"status_options", status_options(f.plan_status, false)},
                    {"setting_name", f.setting_name},
                    {"responsible_icb", f.responsible_icb},
                    {"icb_since", f.icb_since},
                    {"looked_after_yes", f.looked_after == "yes"},
                    {"looked_after_no", f.looked_after != "yes"}};
}

// "URN 100000" or "UKPRN 10001234" (or both), "" when neither is recorded.
std::string setting_ids_text(const std::string& urn, const std::string& ukprn) {
  std::string out = urn.empty() ? "" : "URN " + urn;
  if (!ukprn.empty()) out += (out.empty() ? "" : ", ") + std::string("UKPRN ") + ukprn;
  return out;
}

Response render_child_form(Ctx& ctx, int status, const ChildForm& f, const std::string& child_id,
                           const std::string& version, const std::string& reason, const Error* errors) {
  mstch::map view = form_view(f);
  const bool editing = !child_id.empty();
  view["editing"] = editing;
  view["action"] = editing ? "/children/" + child_id + "/edit" : std::string("/children");
  view["child_id"] = child_id;
  view["version"] = version;
  view["reason"] = reason;
  view["heading"] = editing ? "Change " + f.given_name + " " + f.family_name + "'s details"
                            : std::string("Add a child or young person");
  return page(ctx, status, "children/form", editing ? "Change details" : "Add a child", std::move(view), "children",
              errors);
}

}  // namespace

Response home(Ctx& ctx) {
  if (role_has(ctx.me().role, Permission::view_register)) {
    const bool caseworking = ctx.me().role == Role::caseworker || ctx.me().role == Role::sen_manager;
    return redirect(caseworking ? (ctx.me().role == Role::sen_manager ? "/cases?scope=area" : "/cases") : "/children");
  }
  if (role_has(ctx.me().role, Permission::view_performance)) return redirect("/performance/twenty-weeks");
  if (role_has(ctx.me().role, Permission::view_audit)) return redirect("/audit");
  return page(ctx, 200, "home", "Home",
              mstch::map{{"role_label", std::string(role_label(ctx.me().role))}, {"area_name", ctx.me().area_name}});
}

Response children_list(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto filters = filters_from(ctx.query);
  auto result = app::list_register(services, ctx.me(), filters, ctx.route());
  // Assigned rather than listed in braces: an initializer list would copy each option list.
  mstch::map view;
  view["q"] = filters.q;
  view["need_options"] = need_options(filters.primary_need, true);
  view["status_options"] = status_options(filters.plan_status, true);
  view["setting_options"] = setting_options(filters.setting_type);
  view["can_add"] = role_has(ctx.me().role, Permission::edit_child);
  if (!result)
    return page(ctx, 400, "children/list", "Children and young people", std::move(view), "children", &result.error());
  mstch::array rows;
  rows.reserve(result->rows.size());  // growing copies every row: mstch nodes have no noexcept move
  for (const auto& r : result->rows) {
    rows.push_back(mstch::map{{"id", r.id},
                              {"name", r.given_name + " " + r.family_name},
                              {"date_of_birth", long_date(r.date_of_birth)},
                              {"upn", r.upn},
                              {"nhs_number", r.nhs_number},
                              {"primary_need", r.primary_need.empty() ? std::string("–") : r.primary_need},
                              {"plan_status", status_label(r.plan_status)},
                              {"setting_name", r.setting_name}});
  }
  const int first = result->total == 0 ? 0 : (result->page - 1) * result->page_size + 1;
  const int last = first == 0 ? 0 : first + static_cast<int>(result->rows.size()) - 1;
  view["rows"] = std::move(rows);
  view["has_rows"] = !result->rows.empty();
  view["total"] = (result->more_than ? "more than " : "") + format_count(result->total);
  view["first"] = std::to_string(first);
  view["last"] = std::to_string(last);
  view["searched"] = !filters.q.empty() || !filters.primary_need.empty() || !filters.plan_status.empty() ||
                     !filters.setting_type.empty();
  if (result->pages > 1) {
    mstch::map pager{{"page", std::to_string(result->page)}, {"pages", std::to_string(result->pages)}};
    if (result->page > 1) pager["previous"] = page_link(filters, result->page - 1);
    if (result->page < result->pages) pager["next"] = page_link(filters, result->page + 1);
    view["pager"] = pager;
  }
  return page(ctx, 200, "children/list", "Children and young people", std::move(view), "children");
}

Response child_record(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto outcome = app::open_child(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (std::holds_alternative<app::NotFound>(outcome)) {
    return error_page(ctx, 404, "Page not found", "There is no child with that reference in your area.");
  }
  if (std::holds_alternative<app::Forbidden>(outcome)) {
    return error_page(ctx, 403, "You cannot see this record",
                      "Only agencies and people involved with this child can see their record. If you are now "
                      "involved, ask the child's caseworker to add you.");
  }
  const auto& rec = std::get<app::ChildRecord>(outcome);
  const auto& c = rec.child;
  const Date today = ctx.s.clock.today();
  mstch::array needs;
  for (const auto& n : rec.needs)
    needs.push_back(mstch::map{{"rank", std::to_string(n.rank)}, {"label", need_label(n.code)}});
  mstch::array placements;
  for (const auto& p : rec.placements) {
    placements.push_back(mstch::map{{"setting_name", p.setting_name},
                                    {"ids", setting_ids_text(p.urn, p.ukprn)},
                                    {"setting_type", std::string(setting_type_label(p.setting_type))},
                                    {"start", format_date_long(p.start_date)},
                                    {"end", p.end_date ? format_date_long(*p.end_date) : std::string("Current")}});
  }
  mstch::array involved;
  for (const auto& i : rec.involvements) {
    involved.push_back(
        mstch::map{{"agency", std::string(agency_label(i.agency))},
                   {"name", i.professional_name.empty() ? std::string("The agency as a whole") : i.professional_name},
                   {"role", i.role_on_case},
                   {"since", format_date_long(i.started_on)},
                   {"ended", i.ended_on ? format_date_long(*i.ended_on) : std::string()}});
  }
  mstch::array history;
  for (const auto& h : rec.history) {
    const auto when = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(h.at));
    const auto day = std::chrono::floor<std::chrono::days>(when);
    history.push_back(
        mstch::map{{"when", format_date_long(day)}, {"action", h.action}, {"detail", h.detail}, {"reason", h.reason}});
  }
  mstch::map view{
      {"id", c.id},
      {"name", c.given_name + " " + c.family_name},
      {"date_of_birth", format_date_long(c.date_of_birth)},
      {"age", age_text(c.date_of_birth, today)},
      {"sex", c.sex == "F"   ? std::string("Female")
              : c.sex == "M" ? std::string("Male")
                             : std::string("Not known")},
      {"upn", c.upn.empty() ? std::string("Not recorded") : c.upn},
      {"no_upn", c.upn.empty()},
      {"upn_unknown", app::upn_unknown_label(c.upn_unknown)},
      {"nhs_number", c.nhs_number.empty() ? std::string("Not recorded") : c.nhs_number},
      {"postcode", c.postcode.empty() ? std::string("Not recorded") : c.postcode},
      {"plan_status", std::string(plan_status_label(c.plan_status))},
      {"primary_need", need_label(c.primary_need)},
      {"needs", needs},
      {"has_needs", !rec.needs.empty()},
      {"setting_name", c.setting_name.empty() ? std::string("Not recorded") : c.setting_name},
      {"setting_ids", setting_ids_text(c.setting_urn, c.setting_ukprn)},
      {"ethnicity", app::ethnicity_label(c.ethnicity)},
      {"responsible_icb", c.responsible_icb.empty() ? std::string("Not recorded") : c.responsible_icb},
      {"icb_since", c.icb_since ? format_date_long(*c.icb_since) : std::string()},
      {"looked_after", c.looked_after ? std::string("Yes (the placing ICB is responsible)") : std::string("No")},
      {"placements", placements},
      {"has_placements", !rec.placements.empty()},
      {"involved", involved},
      {"history", history},
      {"has_history", !rec.history.empty()},
      {"can_edit", role_has(ctx.me().role, Permission::edit_child)},
      {"saved", param(ctx.query, "saved") == "1"}};
  mstch::array assessments;
  bool running = false;
  for (const auto& a : rec.assessments) {
    const auto stage = stage_of(a);
    running = running || stage == AssessmentStage::awaiting_decision || stage == AssessmentStage::assessing ||
              stage == AssessmentStage::draft_issued;
    assessments.push_back(mstch::map{
        {"id", a.id}, {"received", format_date_long(a.received_on)}, {"stage", std::string(stage_label(stage))}});
  }
  view["assessments"] = assessments;
  view["has_assessments"] = !rec.assessments.empty();
  view["can_start_assessment"] = role_has(ctx.me().role, Permission::edit_child) && !running;
  mstch::array plans;
  for (const auto& sp : rec.plans) {
    plans.push_back(mstch::map{
        {"id", sp.plan.id},
        {"stage", sp.ended_on
                      ? "Final plan, ended " + format_date_long(*sp.ended_on) + " (transferred to another council)"
                      : std::string(sp.plan.stage == PlanStage::final ? "Final plan" : "Draft plan")},
        {"version", std::to_string(sp.version)},
        {"lines", std::to_string(sp.plan.provision.size())}});
  }
  view["plans"] = plans;
  view["has_plans"] = !rec.plans.empty();
  {
    mstch::array appeals;
    for (const auto& a : app::appeals_for_child(services, ctx.me(), rec.child.id)) {
      appeals.push_back(mstch::map{{"id", a.appeal.id},
                                   {"decision", std::string(appealed_decision_label(a.appeal.decision))},
                                   {"registered", format_date_long(a.appeal.registered_on)},
                                   {"outcome", std::string(appeal_outcome_label(a.appeal.outcome))}});
    }
    view["has_appeals"] = !appeals.empty();
    view["appeals"] = appeals;
    view["can_record_appeal"] = role_has(ctx.me().role, Permission::edit_plan);
    const Rights rights = app::rights_of(services, ctx.me(), rec.child);
    view["rights_holder"] = std::string(rights.holder == RightsHolder::parent         ? "The parent"
                                        : rights.holder == RightsHolder::young_person ? "The young person"
                                                                                      : "A representative");
    view["rights_explanation"] = rights.explanation;
    // Capacity matters from the end of compulsory school age; record it from 15.
    view["can_record_capacity"] =
        role_has(ctx.me().role, Permission::edit_child) && age_on(rec.child.date_of_birth, ctx.s.clock.today()) >= 15;
    view["today"] = format_date(ctx.s.clock.today());
  }
  view["can_start_plan"] = rec.plans.empty() && role_has(ctx.me().role, Permission::edit_plan);
  {
    mstch::array moves;
    for (const auto& v : app::moves_of_child(services, ctx.me(), rec.child.id)) {
      const auto* next = v.next();
      const auto& m = v.stored.move;
      moves.push_back(mstch::map{
          {"id", m.id},
          {"what", std::string(m.direction == MoveDirection::into_area ? "Moved in from " : "Moving out to ") +
                       m.other_authority},
          {"on", format_date_long(m.moved_on)},
          {"next", next ? next->what + " by " + format_date_long(next->due.date) : std::string()}});
    }
    view["has_moves"] = !moves.empty();
    view["moves"] = moves;
    view["can_record_move"] = role_has(ctx.me().role, Permission::edit_plan);
  }
  mstch::array notices;
  for (const auto& n : rec.health_notifications) {
    notices.push_back(
        mstch::map{{"on", format_date_long(n.notified_on)}, {"from", n.from_body}, {"details", n.details}});
  }
  view["notices"] = notices;
  view["has_notices"] = !rec.health_notifications.empty();
  if (const auto sen2 = app::sen2_case_status(services.db, ctx.me().area_id, c.id); sen2.imported) {
    const auto at = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(sen2.imported->at));
    mstch::array todo;
    for (const auto& t : sen2.to_complete) todo.push_back(mstch::map{{"text", t.text}, {"href", t.href}});
    view["sen2"] = mstch::map{{"imported_on", format_date_long(std::chrono::floor<std::chrono::days>(at))},
                              {"file", sen2.imported->file_name},
                              {"year", sen2.imported->year ? std::to_string(sen2.imported->year) : std::string()},
                              {"todo", todo},
                              {"has_todo", !todo.empty()},
                              {"conflicts", std::to_string(sen2.conflicts.size())},
                              {"has_conflicts", !sen2.conflicts.empty()}};
  }
  view["under_five"] = age_on(c.date_of_birth, today) < 5;
  view["today"] = format_date(today);
  return page(ctx, 200, "children/record", c.given_name + " " + c.family_name, std::move(view), "children");
}

Response health_notification_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const auto id = ctx.captures.at(0);
  auto out = app::record_health_notification(
      services, ctx.me(), id,
      {param(ctx.form, "notified_on"), param(ctx.form, "from_body"), param(ctx.form, "details")});
  if (std::holds_alternative<app::NotFound>(out)) {
    return error_page(ctx, 404, "Page not found", "There is no child with that reference in your area.");
  }
  if (std::holds_alternative<app::Forbidden>(out)) {
    return error_page(ctx, 403, "You cannot see this record",
                      "Only agencies and people involved with this child can see their record.");
  }
  if (auto* e = std::get_if<Error>(&out)) {
    return page(ctx, 400, "error", "Health notice not recorded",
                mstch::map{{"heading", std::string("The health notice was not recorded")},
                           {"message", e->first_message() + ". Go back to the record and try again."}},
                "children", e);
  }
  return redirect("/children/" + id + "?saved=1");
}

Response child_new_form(Ctx& ctx) {
  ChildForm f;
  f.plan_status = "sen_support";
  f.looked_after = "no";
  return render_child_form(ctx, 200, f, "", "", "", nullptr);
}

Response child_create(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const ChildForm f = form_from(ctx.form);
  auto result = app::add_child(services, ctx.me(), f);
  if (!result) return render_child_form(ctx, 400, f, "", "", "", &result.error());
  return redirect("/children/" + *result + "?saved=1");
}

Response child_edit_form(Ctx& ctx) {
  auto services = ctx.s.register_services();
  auto outcome = app::open_child(services, ctx.me(), ctx.captures.at(0), ctx.route());
  if (std::holds_alternative<app::NotFound>(outcome))
    return error_page(ctx, 404, "Page not found", "There is no child with that reference in your area.");
  if (std::holds_alternative<app::Forbidden>(outcome)) {
    return error_page(ctx, 403, "You cannot see this record",
                      "Only agencies and people involved with this child can see their record.");
  }
  const auto& c = std::get<app::ChildRecord>(outcome).child;
  return render_child_form(ctx, 200, to_form(c), c.id, std::to_string(c.version), "", nullptr);
}

Response child_update(Ctx& ctx) {
  auto services = ctx.s.register_services();
  const std::string id = ctx.captures.at(0);
  const ChildForm f = form_from(ctx.form);
  const std::string version = param(ctx.form, "version");
  const std::string reason = param(ctx.form, "reason");
  std::int64_t expected = 0;
  try {
    expected = std::stoll(version);
  } catch (const std::exception&) {
    const Error e("version", "The form is missing its version: open the record again and make your change");
    return render_child_form(ctx, 400, f, id, version, reason, &e);
  }
  auto out = app::edit_child(services, ctx.me(), id, f, expected, reason);
  if (std::holds_alternative<app::NotFound>(out.refused))
    return error_page(ctx, 404, "Page not found", "There is no child with that reference in your area.");
  if (std::holds_alternative<app::Forbidden>(out.refused)) {
    return error_page(ctx, 403, "You cannot see this record",
                      "Only agencies and people involved with this child can see their record.");
  }
  if (!out.result) {
    const bool stale = out.result.error().first_field() == "version";
    return render_child_form(ctx, stale ? 409 : 400, f, id, version, reason, &out.result.error());
  }
  return redirect("/children/" + id + "?saved=1");
}

}  // namespace tandem::web::handlers
