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

int status_for(const Error& e) { return e.fields.size() == 1 && e.first_field() == "version" ? 409 : 400; }

Response api_failure(const Error& e) {
  if (e.first_field() == "id") return json_message(404, "not_found", e.first_message());
  return json_error(status_for(e), e);
}

}  // namespace tandem::web::handlers
