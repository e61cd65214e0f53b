#include "app/sen2_import.h"

#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "app/crypto.h"
#include "app/sen2_case.h"
#include "app/sen2_matching.h"
#include "core/need.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/cessations.h"
#include "store/children.h"
#include "store/people.h"
#include "store/plans.h"
#include "store/sen2.h"

namespace tandem::app {

namespace {

using sen2::Node;

// Thrown inside the transaction to undo everything when a record is refused.
struct Refused {};

std::optional<Date> date_of(const std::string& s) {
  if (s.empty()) return std::nullopt;
  auto d = parse_date("date", s);
  return d ? std::optional(*d) : std::nullopt;
}

RequestSource source_of(const std::string& code) {
  if (code == "1") return RequestSource::parent;
  if (code == "2") return RequestSource::school_or_setting;
  return RequestSource::other_professional;
}

SettingType setting_type_of(const Node& pd) {
  const std::string s = pd.value("sen_setting");
  if (s == "OLA" || s == "OPA" || s == "EHE") return SettingType::educated_elsewhere;
  if (s == "NEET" || s == "NIEC" || s == "NIEO") return SettingType::neet;
  if (s == "EYP") return SettingType::early_years;
  if (!pd.value("ukprn").empty()) return SettingType::further_education;
  if (!pd.value("urn").empty()) return SettingType::mainstream;
  return SettingType::other;
}

std::string setting_name_of(const Node& pd, const sen2::Schema& schema) {
  if (!pd.value("urn").empty()) return "URN " + pd.value("urn");
  if (!pd.value("ukprn").empty()) return "UKPRN " + pd.value("ukprn");
  if (!pd.value("sen_setting").empty())
    return schema.label("sen_setting", pd.value("sen_setting")).value_or(pd.value("sen_setting"));
  return "";
}

void flatten(const Node& n, const std::string& path, const sen2::Schema& schema,
             std::map<std::string, std::string>& out) {
  std::map<std::string, int> seen;
  for (const auto& c : n.children) {
    const auto& spec = schema.element(c.key);
    const int i = ++seen[c.key];
    const std::string p =
        path + (path.empty() ? "" : "/") + spec.name + (spec.repeats ? "[" + std::to_string(i) + "]" : "");
    if (spec.type == sen2::ValueType::container)
      flatten(c, p, schema, out);
    else
      out[p] = c.text;
  }
}

struct Importer {
  store::Tx& tx;
  const Clock& clock;
  const std::string& area_id;
  const std::string& by;
  std::string import_id;
  Sen2ImportSummary& summary;
  const sen2::Schema* schema = nullptr;
  Sen2Period period;
  std::int64_t now = 0;
  std::set<std::string> touched;              // children this import has created or matched
  std::map<std::string, std::string> upn_at;  // each UPN of the file, at its first person's path
  // Each surname, forename and date of birth of the file: the first person's path and UPN.
  std::map<std::string, std::pair<std::string, std::string>> name_at;
  // People this import created, whose derived record is written once every
  // person is loaded (derive_created).
  std::vector<std::string> created;
  // The area's children as they were before this import, read at its first
  // person; those it creates or matches are in `touched` and never matched again.
  std::optional<Sen2Matcher> matcher;

  void problem(const std::string& path, const std::string& element, const std::string& message) {
    if (summary.rejected.size() < 1000)
      summary.rejected.push_back({path, element, message});
    else
      summary.truncated = true;
  }

  std::string derived_json(const std::string& child_id) {
    return derived_json(store::load_sen2_area(tx, area_id, child_id));
  }
  // The same from one child's records already read.
  std::string derived_json(const store::Sen2Area& area) {
    if (area.children.empty()) return "";
    auto d = derive_person(area, area.children.front(), period, clock.today());
    return d ? sen2::to_json(*d) : "";
  }

  // The child's record from the person, keeping the id and version of `existing`.
  Child child_from(const Node& p, const std::optional<Child>& existing) {
    Child c = existing.value_or(Child{});
    if (!existing) {
      c.id = new_id("c");
      c.area_id = area_id;
    }
    c.given_name = p.value("forename");
    c.family_name = p.value("surname");
    c.date_of_birth = *date_of(p.value("person_birth_date"));
    c.sex = p.value("sex");
    c.ethnicity = p.value("ethnicity");
    c.upn = p.value("upn");
    c.upn_unknown = c.upn.empty() ? p.value("upn_unknown") : std::string();
    c.postcode = normalise_postcode(p.value("post_code")).value_or(p.value("post_code"));
    bool active = false, open = false;
    std::string primary;
    for (const auto* r : p.all("requests")) {
      if (const auto* ap = r->child("active_plans")) {
        active = true;
        for (const auto* n : ap->all("sen_need"))
          if (n->value("sen_type_rank") == "1" && find_need(n->value("sen_type"))) primary = n->value("sen_type");
      }
      const auto* as = r->child("assessment");
      const std::string ro = r->value("request_outcome"), ao = as ? as->value("assessment_outcome") : "";
      const bool finished = ro == "N" || ro == "W" || (!ao.empty() && ao != "A");
      if (!finished && !r->value("received_date").empty()) open = true;
    }
    c.primary_need = primary;
    c.plan_status = active ? PlanStatus::ehc_plan : open ? PlanStatus::assessment : c.plan_status;
    if (!existing && !active && !open) c.plan_status = PlanStatus::sen_support;
    return c;
  }

  // Tandem's view of each person created, which a later import compares with
  // to see whether a caseworker has changed them since. Read per child it is a
  // dozen queries each (on PostgreSQL several round trips per query), so a
  // first import of a whole area reads the area once instead.
  void derive_created() {
    constexpr std::size_t kReadAreaOnceFrom = 200;
    if (created.size() < kReadAreaOnceFrom) {
      for (const auto& id : created) store::set_sen2_derived(tx, id, derived_json(id));
      return;
    }
    const auto area = store::load_sen2_area(tx, area_id);
    std::map<std::string_view, const Child*> by_id;
    for (const auto& c : area.children) by_id.emplace(c.id, &c);
    std::vector<std::pair<std::string, std::string>> batch;
    for (const auto& id : created) {
      const auto it = by_id.find(id);
      const auto d = it == by_id.end() ? std::nullopt : derive_person(area, *it->second, period, clock.today());
      batch.emplace_back(id, d ? sen2::to_json(*d) : "");
      if (batch.size() == store::kSen2DerivedBatch) {
        store::set_sen2_derived(tx, batch);
        batch.clear();
      }
    }
    store::set_sen2_derived(tx, batch);
  }

  // `new_child`: made by this import a moment ago, so it has no requests or
  // plans to read back; on PostgreSQL each read is several round trips.
  void load_requests(const Child& c, const Node& p, bool new_child) {
    std::vector<Assessment> existing;
    std::map<std::string, std::string> plan_by_start;
    if (!new_child) {
      existing = store::assessments_of_area(tx, area_id, c.id);
      store::Sen2Area area = store::load_sen2_area(tx, area_id, c.id);
      for (const auto& pl : area.plans[c.id])
        if (pl.made_on) plan_by_start[format_date(*pl.made_on)] = pl.id;
    }
    std::map<std::string, const Assessment*> by_received;
    for (const auto& a : existing) by_received[format_date(a.received_on)] = &a;
    bool placements_done = false;
    for (const auto* r : p.all("requests")) {
      const auto received = date_of(r->value("received_date"));
      const auto* as = r->child("assessment");
      if (received) {
        Assessment a =
            by_received.contains(r->value("received_date"))
                ? *by_received[r->value("received_date")]
                : open_assessment(new_id("as"), area_id, c.id, *received, source_of(r->value("request_source")));
        const std::int64_t expected = a.version;
        const std::string outcome = r->value("request_outcome");
        if (outcome == "Y" || outcome == "N") {
          a.decided_on = date_of(r->value("request_outcome_date"));
          a.assess = outcome == "Y";
        }
        // Withdrawn: person() has refused a W without its date.
        if (outcome == "W") a.withdrawn_on = date_of(r->value("request_outcome_date"));
        if (as) {
          const std::string ao = as->value("assessment_outcome");
          const auto on = date_of(as->value("assessment_outcome_date"));
          if ((ao == "Y" || ao == "H") && on) a.final_issued_on = on;
          if (ao == "N" && on) a.not_to_issue_on = on;
          if (ao == "W" && on) a.withdrawn_on = on;
          if (as->value("week20") == "1" && a.exceptions.empty() && on && *on > *received) {
            a.exceptions.push_back(
                {new_id("ex"),
                 {ExceptionGround::exceptional_personal_circumstances, *received + std::chrono::days(1), *on},
                 "Recorded as an exception to the 20 weeks (Week20) on the SEN2 return: confirm the "
                 "ground and the dates"});
          }
        }
        a.version = expected;
        // save_assessment stores the case's clock with it.
        if (!store::save_assessment(tx, a, now)) throw store::ConflictError("assessment changed during the import");
      }
      if (const auto* np = as ? as->child("named_plan") : nullptr) {
        const std::string start = np->value("start_date");
        std::string plan_id;
        if (plan_by_start.contains(start)) {
          plan_id = plan_by_start[start];
        } else {
          Plan plan;
          plan.id = new_id("p");
          plan.child_id = c.id;
          plan.stage = PlanStage::final;
          plan.needs.primary_need = c.primary_need;
          store::save_plan(tx, area_id, plan, 0, {}, by, now);
          plan_id = plan.id;
          plan_by_start[start] = plan_id;
        }
        const auto* ap = r->child("active_plans");
        store::set_plan_review_dates(tx, area_id, plan_id, date_of(start),
                                     ap ? date_of(ap->value("last_review")) : std::nullopt);
        if (!np->value("cease_date").empty() && !store::find_cessation(tx, area_id, plan_id)) {
          Cessation cz;
          cz.reason = CeaseReason::other;
          for (auto reason : all_cease_reasons())
            if (std::to_string(sen2_code(reason)) == np->value("cease_reason")) cz.reason = reason;
          cz.consulted_on = cz.decided_on = *date_of(np->value("cease_date"));
          cz.reasons = "Recorded on the SEN2 return";
          store::insert_cessation(tx, area_id, plan_id, c.id, cz, "", by, now);
        }
      }
      if (const auto* ap = r->child("active_plans"); ap && !placements_done) {
        placements_done = true;
        if (!new_child) {
          store::delete_placements_of(tx, area_id, c.id);
          store::delete_needs_of(tx, c.id);
        }
        for (const auto* pd : ap->all("placement_detail")) {
          const auto entry = date_of(pd->value("entry_date"));
          if (!entry) continue;
          store::insert_placement(tx, area_id, c.id,
                                  {new_id("pl"), setting_name_of(*pd, *schema), setting_type_of(*pd), *entry,
                                   date_of(pd->value("leaving_date")), pd->value("urn"), pd->value("ukprn")});
        }
        for (const auto* n : ap->all("sen_need")) {
          const int rank = std::stoi(n->value("sen_type_rank"));
          if (rank >= 2) store::insert_need(tx, area_id, c.id, {rank, n->value("sen_type")});
        }
      }
    }
  }

  // A return is one council's, for one census date: another council's file,
  // or one whose census date is not its year's, is refused before anyone is loaded.
  void header(const Node& h) {
    auto path = [&](std::initializer_list<const char*> keys) {
      std::string out;
      for (const char* k : keys) out += "/" + schema->element(k).name;
      return out;
    };
    const std::string reference = h.child("collection_details")->value("reference_date");
    const std::string census = format_date(period.census);
    if (reference != census)
      problem(path({"message", "header", "collection_details", "reference_date"}),
              schema->element("reference_date").name,
              "'" + reference + "' is not the census date of the " + std::to_string(schema->year) + " return: it is " +
                  census + " (the third Thursday of January)");
    const auto* source = h.child("source");
    const std::string lea = source ? source->value("lea") : "";
    const auto area = store::find_area(tx, area_id);
    if (area && !area->la_code.empty() && !lea.empty() && lea != area->la_code)
      problem(path({"message", "header", "source", "lea"}), schema->element("lea").name,
              "this is local authority " + lea + "'s return; area " + area_id + " is local authority " + area->la_code +
                  ": import a council's return into its own area");
  }

  // A request withdrawn (RequestOutcome W) closes its case on the day it was
  // withdrawn: without that date Tandem would not know when, so the file is
  // refused rather than the case left open and overdue.
  bool withdrawals_dated(const Node& p, const std::string& path) {
    bool ok = true;
    int i = 0;
    for (const auto* r : p.all("requests")) {
      const std::string rp = path + "/" + schema->element("requests").name + "[" + std::to_string(++i) + "]";
      if (r->value("request_outcome") == "W" && !date_of(r->value("request_outcome_date"))) {
        problem(rp + "/" + schema->element("request_outcome_date").name, schema->element("request_outcome_date").name,
                "a request withdrawn (RequestOutcome W) needs the date it was withdrawn");
        ok = false;
      }
      const auto* as = r->child("assessment");
      if (as && as->value("assessment_outcome") == "W" && !date_of(as->value("assessment_outcome_date"))) {
        problem(rp + "/" + schema->element("assessment").name + "/" + schema->element("assessment_outcome_date").name,
                schema->element("assessment_outcome_date").name,
                "an assessment withdrawn (AssessmentOutcome W) needs the date it was withdrawn");
        ok = false;
      }
    }
    return ok;
  }

  // A return holds what had happened by its census date: a day after it (a
  // request received in February, a placement left in July) cannot be in it,
  // and loading one would show Tandem's caseload events that the return says
  // nothing about. Each such date is named with its path.
  bool dated_by_census(const Node& n, const std::string& path) {
    bool ok = true;
    std::map<std::string, int> seen;
    for (const auto& c : n.children) {
      const auto& spec = schema->element(c.key);
      const int i = ++seen[c.key];
      const std::string cp = path + "/" + spec.name + (spec.repeats ? "[" + std::to_string(i) + "]" : "");
      if (spec.type == sen2::ValueType::container) {
        ok = dated_by_census(c, cp) && ok;
      } else if (spec.type == sen2::ValueType::date) {
        if (const auto d = date_of(c.text); d && *d > period.census) {
          problem(cp, spec.name,
                  "'" + c.text + "' is after the census date of the " + std::to_string(schema->year) + " return (" +
                      format_date(period.census) + "): a return holds what had happened by then");
          ok = false;
        }
      }
    }
    return ok;
  }

  void person(const Node& p, const std::string& path) {
    ++summary.persons;
    const std::string upn = p.value("upn");
    if (!upn.empty() && !valid_upn(upn)) {
      problem(path + "/" + schema->element("upn").name, schema->element("upn").name,
              "'" + upn +
                  "' is not a UPN: a letter, 11 digits and a digit or letter, whose check letter matches "
                  "(DfE's modulus-23 check)");
      return;
    }
    // A UPN is one child's: a person listed twice would become a second child
    // that every later import then finds twice.
    if (!upn.empty()) {
      if (const auto [at, first] = upn_at.try_emplace(upn, path); !first) {
        problem(path + "/" + schema->element("upn").name, schema->element("upn").name,
                "'" + upn + "' is also the UPN of " + at->second +
                    ": a return lists each child once; remove the duplicate from the file");
        return;
      }
    }
    // Two people of one file with the same name and birthday, one of them with
    // no UPN, would be two children that a later import matches by name to both.
    std::string name_key = p.value("person_birth_date") + "|" + p.value("surname") + "|" + p.value("forename");
    for (auto& ch : name_key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (const auto [at, first] = name_at.try_emplace(name_key, path, upn);
        !first && (upn.empty() || at->second.second.empty())) {
      problem(path, "Person",
              "has the same surname, forename and date of birth as " + at->second.first +
                  " and one of them has no UPN: a return lists each child once; remove the duplicate, or give "
                  "each child their UPN");
      return;
    }
    if (!matcher) matcher.emplace(store::child_keys(tx, area_id));
    std::vector<std::string> ids = matcher->by_upn(upn);
    if (ids.empty())
      ids = matcher->by_name_and_birth(p.value("surname"), p.value("forename"), *date_of(p.value("person_birth_date")),
                                       upn);
    // Two people of one return are two children, even with the same name and birthday.
    std::erase_if(ids, [&](const std::string& id) { return touched.contains(id); });
    if (ids.size() > 1) {
      problem(path, "Person",
              "matches " + std::to_string(ids.size()) + " children already in Tandem (" + ids[0] + ", " + ids[1] +
                  "): merge them in Tandem first, or give the UPN");
      return;
    }
    if (!withdrawals_dated(p, path)) return;
    if (!dated_by_census(p, path)) return;
    if (!summary.rejected.empty()) return;  // nothing will be loaded: just keep checking
    const std::string file_json = sen2::to_json(p);
    const std::string who = p.value("surname") + ", " + p.value("forename");
    if (ids.empty()) {
      Child c = child_from(p, std::nullopt);
      touched.insert(c.id);
      store::insert_child(tx, c, now);
      store::insert_involvement(
          tx, area_id, c.id,
          {new_id("i"), Agency::council_education, "", "", "Council SEND service", clock.today(), std::nullopt});
      load_requests(c, p, true);
      store::save_sen2_person(tx, area_id, c.id, {file_json, ""}, import_id, now);
      created.push_back(c.id);
      store::insert_audit(tx, {new_id("a"), area_id, now, by, "sen2.import", "child", c.id, c.id,
                               "created from the SEN2 return", "SEN2 import " + import_id});
      ++summary.created;
      return;
    }
    const std::string child_id = ids.front();
    touched.insert(child_id);
    // Most people of a nightly re-run are as the last import left them: one read.
    if (const auto last = store::find_sen2_person(tx, area_id, child_id); last && last->person_json == file_json) {
      ++summary.unchanged;
      return;
    }
    const auto area = store::load_sen2_area(tx, area_id, child_id);
    const auto stored = area.stored.find(child_id);
    const bool tandem_unchanged = stored != area.stored.end() && derived_json(area) == stored->second.derived_json;
    if (tandem_unchanged) {
      auto existing = store::find_child(tx, area_id, child_id);
      Child c = child_from(p, existing);
      if (!store::update_child(tx, c, now)) throw store::ConflictError("child changed during the import");
      load_requests(c, p, false);
      store::save_sen2_person(tx, area_id, child_id, {file_json, derived_json(child_id)}, import_id, now);
      store::insert_audit(tx, {new_id("a"), area_id, now, by, "sen2.import", "child", child_id, child_id,
                               "updated from the SEN2 return", "SEN2 import " + import_id});
      ++summary.updated;
      return;
    }
    // Entered or changed in Tandem: Tandem's values stay; each disagreement is a conflict.
    std::map<std::string, std::string> mine, theirs;
    if (auto d = derive_person(area, area.children.front(), period, clock.today(), true))
      flatten(*d, "", *schema, mine);
    flatten(p, "", *schema, theirs);
    for (const auto& [k, v] : theirs) {
      const auto it = mine.find(k);
      if (it == mine.end() || it->second.empty() || it->second == v) continue;
      ++summary.conflicts;
      if (summary.conflict_lines.size() < 200)
        summary.conflict_lines.push_back(who + ": " + k + ": Tandem " + it->second + ", file " + v);
      if (!store::sen2_conflict_open(tx, child_id, k, v))
        store::insert_sen2_conflict(tx, area_id, {new_id("sc"), child_id, import_id, k, it->second, v, now});
    }
    ++summary.unchanged;
  }
};

}  // namespace

Sen2ImportSummary import_sen2(store::Database& db, const Clock& clock, const std::string& area_id,
                              const std::string& path, const std::string& by, const Sen2Progress& progress) {
  Sen2ImportSummary summary;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    summary.rejected.push_back({path, "", "the file cannot be opened"});
    return summary;
  }
  summary.import_id = new_id("si");
  try {
    db.write([&](store::Tx& tx) {
      Importer imp{tx, clock, area_id, by, summary.import_id, summary, nullptr, {}, clock.now_micros(),
                   {}, {},    {},      {}, std::nullopt};
      std::size_t bytes = 0;
      auto result = sen2::read(
          in,
          [&](const Node& header) {
            imp.schema = sen2::schema_for(std::stoi(header.child("collection_details")->value("year")));
            imp.period = sen2_period(imp.schema->year);
            summary.year = imp.schema->year;
            imp.header(header);
          },
          [&](const Node& person, const std::string& p, bool ok) {
            if (!ok || !imp.schema) return;  // the reader has reported it
            imp.person(person, p);
            if (progress && summary.persons % 1000 == 0) progress(summary.persons, bytes);
          },
          [&](std::size_t b) { bytes = b; });
      for (auto& p : result.problems) summary.rejected.push_back(p);
      summary.truncated = summary.truncated || result.truncated;
      summary.spelled_otherwise = result.spelled_otherwise;
      if (!imp.schema && summary.rejected.empty())
        summary.rejected.push_back({"/", "", "the file has no SEN2 header (Message/Header/CollectionDetails)"});
      if (!summary.rejected.empty()) throw Refused{};
      if (progress) progress(summary.persons, bytes);
      imp.derive_created();
      store::insert_sen2_import(
          tx, {summary.import_id, area_id, path, summary.year, static_cast<int>(summary.persons),
               static_cast<int>(summary.created), static_cast<int>(summary.updated),
               static_cast<int>(summary.unchanged), static_cast<int>(summary.conflicts), by, imp.now});
    });
  } catch (const Refused&) {
    summary.created = summary.updated = summary.unchanged = summary.conflicts = 0;
  }
  return summary;
}

std::vector<Sen2ToComplete> sen2_cases_to_complete(store::Database& db, const std::string& area_id, int limit) {
  std::vector<Sen2ToComplete> out;
  db.read([&](store::Tx& tx) {
    const auto area = store::load_sen2_area(tx, area_id);
    for (const auto& c : area.children) {
      if (!area.stored.contains(c.id)) continue;
      Sen2ToComplete t{c.id, c.family_name + ", " + c.given_name, {}, {}};
      for (auto& item : sen2_todo(tx, area_id, area, c)) {
        t.items.push_back(std::move(item.text));
        t.links.push_back(std::move(item.href));
      }
      if (!t.items.empty()) out.push_back(std::move(t));
      if (static_cast<int>(out.size()) >= limit) break;
    }
  });
  return out;
}

}  // namespace tandem::app
