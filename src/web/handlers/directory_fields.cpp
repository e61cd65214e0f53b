#include "web/handlers/directory_fields.h"

#include <algorithm>

namespace tandem::web::handlers {

mstch::array form_fields(std::span<const FormField> fields, const FieldValues& values, const Error* errors) {
  std::map<std::string, std::string> messages;
  if (errors) {
    for (const auto& e : errors->fields) messages.emplace(e.field, e.message);
  }
  mstch::array out;
  for (const auto& f : fields) {
    const std::string name = f.name, hint = f.hint, kind = f.kind;
    const std::string error = messages.contains(name) ? messages[name] : "";
    std::string described = hint.empty() ? "" : name + "-hint";
    if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
    const auto text = values.text.find(name);
    mstch::map m{{"name", name},
                 {"label", std::string(f.label)},
                 {"hint", hint},
                 {"error", error},
                 {"described", described},
                 {"value", text == values.text.end() ? std::string() : text->second},
                 {"width", std::string(f.width)},
                 {kind, true}};
    if (auto c = values.choices.find(name); c != values.choices.end()) {
      const auto ticked = values.ticked.find(name);
      mstch::array options;
      for (std::size_t i = 0; i < c->second.size(); ++i) {
        const auto& [value, label] = c->second[i];
        const bool chosen = ticked == values.ticked.end() ? (text != values.text.end() && text->second == value)
                                                          : std::find(ticked->second.begin(), ticked->second.end(),
                                                                      value) != ticked->second.end();
        options.push_back(mstch::map{{"value", value},
                                     {"label", label},
                                     {"selected", chosen},
                                     {"input_id", i == 0 ? name : name + "-" + std::to_string(i + 1)}});
      }
      m["options"] = options;
    }
    out.push_back(m);
  }
  return out;
}

Response removal_page(Ctx& ctx, int status, const RemovalPage& p, const Error* errors) {
  mstch::array rows, blockers;
  for (const auto& [key, value] : p.rows) rows.push_back(mstch::map{{"key", key}, {"value", value}});
  for (const auto& [name, href] : p.blockers) blockers.push_back(mstch::map{{"name", name}, {"href", href}});
  mstch::array date_fields;
  if (!p.alternative_date_name.empty()) {
    const std::string& name = p.alternative_date_name;
    std::string error;
    if (errors) {
      for (const auto& f : errors->fields)
        if (f.field == name) error = f.message;
    }
    std::string described = p.alternative_date_hint.empty() ? "" : name + "-hint";
    if (!error.empty()) described += (described.empty() ? "" : " ") + name + "-error";
    date_fields.push_back(mstch::map{{"name", name},
                                     {"id", name},
                                     {"label", p.alternative_date_label},
                                     {"value", p.alternative_date_value},
                                     {"error", error},
                                     {"hint", p.alternative_date_hint},
                                     {"width", std::string("govuk-input--width-10")},
                                     {"textarea", false},
                                     {"described", described}});
  }
  mstch::map v{{"back_href", p.back_href},
               {"back_text", p.back_text},
               {"caption", p.caption},
               {"heading", p.heading},
               {"action", p.action},
               {"version", p.version},
               {"button", p.button},
               {"consequence", p.consequence},
               {"rows", rows},
               {"blocked", p.blocked},
               {"blockers", blockers.empty() ? mstch::node(false) : mstch::node(mstch::map{{"items", blockers}})},
               {"alternative", p.alternative_action.empty() ? mstch::node(false)
                                                            : mstch::node(mstch::map{{"heading", p.alternative_heading},
                                                                                     {"text", p.alternative_text},
                                                                                     {"action", p.alternative_action},
                                                                                     {"button", p.alternative_button},
                                                                                     {"fields", date_fields},
                                                                                     {"version", p.version}})},
               {"undo", p.undo_action.empty() ? mstch::node(false)
                                              : mstch::node(mstch::map{{"heading", p.undo_heading},
                                                                       {"text", p.undo_text},
                                                                       {"action", p.undo_action},
                                                                       {"button", p.undo_button},
                                                                       {"version", p.version}})}};
  return page(ctx, status, "directory/confirm_remove", p.title, std::move(v), "directory", errors);
}

int status_for(const Error& e) { return e.fields.size() == 1 && e.first_field() == "version" ? 409 : 400; }

Response api_failure(const Error& e) {
  if (e.first_field() == "id") return json_message(404, "not_found", e.first_message());
  return json_error(status_for(e), e);
}

}  // namespace tandem::web::handlers
