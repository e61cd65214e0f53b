#!/usr/bin/env python3
"""The SEN2 return, read back by a reader that is not Tandem's (Python's
xml.etree), its totals compared with the database and with Tandem's own
20-week figure; every exported document checked against the rules recorded in
data/sen2/2026.json from DfE's schema (sen2_rules.py: order, occurrence, code
lists, value shapes); the round trip (import an export, export again: the
same document); the hand-made fixtures; and bad input refused with nothing
loaded.

    python3 tests/sen2/check_sen2.py build/tandem
"""
import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from sen2_rules import load_rules, structure_problems

TANDEM = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "fixtures")
YEAR = 2026
CENSUS = "2026-01-15"  # third Thursday of January 2026
RULES = load_rules(os.path.join(HERE, "..", "..", "data", "sen2", f"{YEAR}.json"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([TANDEM, *args], capture_output=True, text=True)


def fresh_db(tmp, name):
    path = os.path.join(tmp, name)
    r = run("migrate", "--database", "sqlite:" + path)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(path)
    con.execute("INSERT INTO areas (id, name, la_code) VALUES ('demo', 'Demo area', '999')")
    con.commit()
    con.close()
    return path


def export(db, out):
    r = run("export", "sen2", "--database", "sqlite:" + db, "--area", "demo", "--year", str(YEAR), "--out", out,
            "--dmo", "Y", "--dco", "Y")
    check(r.returncode in (0, 3), "export ran: " + r.stderr[-500:])
    if os.path.exists(out):
        problems = structure_problems(ET.parse(out).getroot(), RULES)
        check(not problems, f"{os.path.basename(out)} follows DfE's recorded rules: {problems[:10]}")
    return r


def breaks_rules(xml_text):
    return structure_problems(ET.fromstring(xml_text), RULES)


def without_datetime(path):
    with open(path) as f:
        return re.sub(r"<DateTime>[^<]*</DateTime>", "", f.read())


def day(s):
    return dt.date.fromisoformat(s)


def read_return(path):
    """Totals of a return, counted by streaming it with ElementTree."""
    t = dict(persons=0, active=0, requests=0, assess=0, not_assess=0, issued=0, within=0, issued_ex=0,
             within_ex=0, collection=None, reference=None)
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag == "Collection":
            t["collection"] = el.text
        elif el.tag == "ReferenceDate":
            t["reference"] = el.text
        elif el.tag == "Person":
            t["persons"] += 1
            for req in el.findall("Requests"):
                if req.find("ActivePlans") is not None:
                    t["active"] += 1
                received = req.findtext("ReceivedDate")
                if received and received.startswith(str(YEAR - 1)):
                    t["requests"] += 1
                    t["assess"] += req.findtext("RequestOutcome") == "Y"
                    t["not_assess"] += req.findtext("RequestOutcome") == "N"
                a = req.find("Assessment")
                if a is not None and a.findtext("AssessmentOutcome") == "Y" and received:
                    issued = a.findtext("AssessmentOutcomeDate")
                    if issued.startswith(str(YEAR - 1)):
                        within = (day(issued) - day(received)).days <= 140
                        t["issued"] += 1
                        t["within"] += within
                        if a.findtext("Week20") == "0":
                            t["issued_ex"] += 1
                            t["within_ex"] += within
            el.clear()
    return t


def database_totals(db):
    con = sqlite3.connect(db)
    q = lambda sql, *a: con.execute(sql, a).fetchone()[0]
    y0, y1 = f"{YEAR - 1}-01-01", f"{YEAR - 1}-12-31"
    out = dict(
        active=q("SELECT COUNT(*) FROM plans p WHERE p.stage = 'final' AND p.made_on <= ? AND NOT EXISTS "
                 "(SELECT 1 FROM plan_cessations c WHERE c.plan_id = p.id AND c.decided_on <= ?)", CENSUS, CENSUS),
        requests=q("SELECT COUNT(*) FROM assessments WHERE received_on BETWEEN ? AND ?", y0, y1),
        assess=q("SELECT COUNT(*) FROM assessments WHERE received_on BETWEEN ? AND ? AND decided_on <= ? AND assess = 1",
                 y0, y1, CENSUS),
        not_assess=q("SELECT COUNT(*) FROM assessments WHERE received_on BETWEEN ? AND ? AND decided_on <= ? "
                     "AND assess = 0", y0, y1, CENSUS),
        issued=q("SELECT COUNT(*) FROM assessments WHERE final_issued_on BETWEEN ? AND ?", y0, y1),
        within=q("SELECT COUNT(*) FROM assessments WHERE final_issued_on BETWEEN ? AND ? AND "
                 "julianday(final_issued_on) - julianday(received_on) <= 140", y0, y1),
        children=q("SELECT COUNT(*) FROM children"),
    )
    con.close()
    return out


with tempfile.TemporaryDirectory() as tmp:
    # 1. A generated area: the file's totals against the database and the dashboard.
    demo = os.path.join(tmp, "demo.db")
    r = run("demo", "--database", "sqlite:" + demo, "--plans", "400", "--services", "5", "--seed", "11")
    assert r.returncode == 0, r.stderr
    out1 = os.path.join(tmp, "demo.xml")
    r = export(demo, out1)
    t = read_return(out1)
    d = database_totals(demo)
    print("generated area: file", t, "database", d)
    check(t["collection"] == "SEN2" and t["reference"] == CENSUS, "header names SEN2 and the census date")
    for k in ("active", "requests", "assess", "not_assess", "issued", "within"):
        check(t[k] == d[k], f"{k}: the file has {t[k]}, the database {d[k]}")
    m = re.search(r"excluding exceptions (\d+)/(\d+), including exceptions (\d+)/(\d+)", r.stdout)
    check(m is not None, "export prints Tandem's 20-week rate")
    if m:
        check((t["within_ex"], t["issued_ex"]) == (int(m[1]), int(m[2])),
              f"20 weeks excluding exceptions: file {t['within_ex']}/{t['issued_ex']}, dashboard {m[1]}/{m[2]}")
        check((t["within"], t["issued"]) == (int(m[3]), int(m[4])),
              f"20 weeks including exceptions: file {t['within']}/{t['issued']}, dashboard {m[3]}/{m[4]}")
    m = re.search(r"(\d+) requests in \d+ \(Tandem: (\d+)\), (\d+) to assess \(Tandem: (\d+)\), (\d+) not to assess "
                  r"\(Tandem: (\d+)\)", r.stdout)
    check(m is not None, "export prints Tandem's requests and decisions beside the return's: " + r.stdout)
    if m:
        for k, (ours, tandems) in {"requests": (1, 2), "assess": (3, 4), "not_assess": (5, 6)}.items():
            check(int(m[ours]) == t[k] == int(m[tandems]) == d[k],
                  f"{k}: printed {m[ours]}, file {t[k]}, Tandem {m[tandems]}, database {d[k]}")

    # 1b. The header's DMO and DCO come from the area profile ([sen2_return]: the
    # demo says N and Y) unless the command says otherwise; an area whose
    # profile is silent must say, and nothing is written.
    header_of = lambda path: (ET.parse(path).getroot().findtext("Header/Source/DMO"),
                              ET.parse(path).getroot().findtext("Header/Source/DCO"))
    from_profile = os.path.join(tmp, "from_profile.xml")
    r = run("export", "sen2", "--database", "sqlite:" + demo, "--area", "demo", "--year", str(YEAR),
            "--out", from_profile)
    check(r.returncode in (0, 3) and header_of(from_profile) == ("N", "Y"),
          f"the profile's DMO and DCO: {r.stderr[-300:]}")
    check(header_of(out1) == ("Y", "Y"), "--dmo and --dco override the profile")
    silent = fresh_db(tmp, "silent.db")
    con = sqlite3.connect(silent)
    con.execute("INSERT INTO areas (id, name, la_code) VALUES ('unprofiled', 'No profile', '998')")
    con.commit()
    con.close()
    nowhere = os.path.join(tmp, "nowhere.xml")
    r = run("export", "sen2", "--database", "sqlite:" + silent, "--area", "unprofiled", "--year", str(YEAR),
            "--out", nowhere)
    check(r.returncode == 2 and "dmo:" in r.stderr and "[sen2_return] dmo" in r.stderr and "dco:" in r.stderr
          and not os.path.exists(nowhere), f"an area that has not said is asked for its DMO and DCO: {r.stderr}")
    r = run("export", "sen2", "--database", "sqlite:" + demo, "--area", "demo", "--year", str(YEAR),
            "--out", nowhere, "--dmo", "Maybe")
    check(r.returncode == 2 and '"Maybe" is not one of them' in r.stderr and not os.path.exists(nowhere),
          f"a DMO code the year does not allow is refused: {r.stderr}")

    # 2. Round trip on the generated area: import the export, export again.
    db2 = fresh_db(tmp, "copy.db")
    r = run("import", "sen2", out1, "--database", "sqlite:" + db2, "--area", "demo")
    check(r.returncode == 0, "the export imports: " + r.stderr[-800:])
    out2 = os.path.join(tmp, "copy.xml")
    export(db2, out2)
    check(without_datetime(out1) == without_datetime(out2), "generated area: import then export gives the same document")
    r = run("import", "sen2", out1, "--database", "sqlite:" + db2, "--area", "demo")
    check(f"{t['persons']} unchanged" in r.stdout, "importing again changes nothing: " + r.stdout)
    check(database_totals(db2)["children"] == t["persons"], "no one is duplicated by a second import")
    con = sqlite3.connect(db2)
    reasons = con.execute("SELECT COUNT(*) FROM children WHERE upn = '' AND upn_unknown <> ''").fetchone()[0]
    con.close()
    people = ET.parse(out1).getroot().iter("Person")
    in_file = 0
    for p in people:
        has_reason = p.find("UPNunknown") is not None
        in_file += has_reason
        check(not (has_reason and p.findtext("UPN")), "a UPNunknown reason only for a person with no UPN")
    check(reasons == in_file,
          f"each UPNunknown in the file is held on the imported child: file {in_file}, database {reasons}")

    # 3. The hand-made fixture: every item survives, in canonical order.
    good = os.path.join(FIX, "good.xml")
    check(not breaks_rules(open(good).read()), f"good.xml follows the recorded rules: {breaks_rules(open(good).read())}")
    # The rule check itself fails on each kind of break (DfE 2024 schema:
    # PlanDetail follows StartDate, SENneed at most twice, RequestOutcome Y, N,
    # A, W or H, DMO required, no namespace).
    text = open(good).read()
    np_start = "            <StartDate>2025-06-16</StartDate>\n"
    plan_detail = text[text.index("            <PlanDetail>"):text.index("            <PB>")]
    broken = {
        "order": text.replace(np_start + plan_detail, np_start).replace("<DP>E</DP>\n", "<DP>E</DP>\n" + plan_detail),
        "at most": text.replace("          <ReviewMeeting>", "          <SENneed>\n            <SENtype>HI</SENtype>\n"
                                "            <SENtypeRank>2</SENtypeRank>\n          </SENneed>\n          <ReviewMeeting>"),
        "not one of": text.replace("<RequestOutcome>N</RequestOutcome>", "<RequestOutcome>B</RequestOutcome>"),
        "required, missing": text.replace("      <DMO>Y</DMO>\n", ""),
        "no namespace": text.replace("<Message>", '<Message xmlns="urn:example">'),
    }
    for why, doc in broken.items():
        found = breaks_rules(doc)
        check(doc != text and any(why in p for p in found), f"the rule check finds {why!r}: {found}")
    db3 = fresh_db(tmp, "fixture.db")
    r = run("import", "sen2", good, "--database", "sqlite:" + db3, "--area", "demo")
    check(r.returncode == 0 and "4 new" in r.stdout, "the fixture imports four people: " + r.stdout + r.stderr)
    con = sqlite3.connect(db3)
    check(con.execute("SELECT upn, upn_unknown FROM children WHERE family_name = 'Baker'").fetchone() == ("", "UN2"),
          "the file's UPNunknown is held on the child with no UPN")
    # Isla Dunn's first request was withdrawn before a decision (RequestOutcome W),
    # her second during the assessment (AssessmentOutcome W): both cases closed
    # on the day, neither left open.
    withdrawn = con.execute("SELECT a.received_on, a.decided_on, a.withdrawn_on, a.clock_due_on FROM assessments a "
                            "JOIN children c ON c.id = a.child_id WHERE c.family_name = 'Dunn' "
                            "ORDER BY a.received_on").fetchall()
    check(withdrawn == [("2025-02-03", None, "2025-02-20", None), ("2025-04-07", "2025-05-12", "2025-07-01", None)],
          f"a W request and a W assessment are withdrawn cases with nothing to chase: {withdrawn}")
    check(con.execute("SELECT plan_status FROM children WHERE family_name = 'Dunn'").fetchone()[0] != "assessment",
          "a child whose requests were all withdrawn is not shown as being assessed")
    con.close()
    out3 = os.path.join(tmp, "fixture.xml")
    export(db3, out3)
    check(without_datetime(out3) == without_datetime(good), "fixture: import then export gives the fixture back")
    report3 = os.path.join(tmp, "fixture-report.csv")
    run("export", "sen2", "--database", "sqlite:" + db3, "--area", "demo", "--year", str(YEAR), "--out",
        os.path.join(tmp, "fixture-again.xml"), "--dmo", "Y", "--dco", "Y", "--report", report3)
    e08 = [line for line in open(report3) if "SEN2-E08" in line]
    check(not e08, f"a withdrawn request is not queried as undecided after 6 weeks (SEN2-E08): {e08}")
    db4 = fresh_db(tmp, "fixture2.db")
    run("import", "sen2", out3, "--database", "sqlite:" + db4, "--area", "demo")
    out4 = os.path.join(tmp, "fixture2.xml")
    export(db4, out4)
    check(without_datetime(out3) == without_datetime(out4), "fixture: a second round trip is identical")

    # 3b. A case system's file that spells some names as the issue and public
    # readers do (PlanWPB, SENUnitIndicator) loads as the year's elements, says
    # what it read, and exports in DfE's spelling. (SENsetting: the unit test.)
    respelt = os.path.join(tmp, "respelt.xml")
    with open(good) as f, open(respelt, "w") as g:
        doc = f.read()
        for year_name, other in (("PlanWBP", "PlanWPB"), ("SENunitIndicator", "SENUnitIndicator")):
            doc = doc.replace("<" + year_name + ">", "<" + other + ">").replace("</" + year_name + ">",
                                                                               "</" + other + ">")
        g.write(doc)
    db5 = fresh_db(tmp, "respelt.db")
    r = run("import", "sen2", respelt, "--database", "sqlite:" + db5, "--area", "demo")
    check(r.returncode == 0 and "4 new" in r.stdout, "a file spelling PlanWPB imports: " + r.stderr)
    for other, year_name in (("PlanWPB", "PlanWBP"), ("SENUnitIndicator", "SENunitIndicator")):
        times = len(re.findall("<" + other + ">", doc))
        check(times > 0 and f"Read {other} as {year_name} (the 2026 name), {times} time" in r.stderr,
              f"the import says it read {other} as {year_name} {times} times: {r.stderr}")
    out5 = os.path.join(tmp, "respelt-export.xml")
    export(db5, out5)
    check(without_datetime(out5) == without_datetime(good), "a respelt file exports as the fixture, in DfE's names")

    # 4. A change made in Tandem wins; a later file that disagrees is a conflict.
    con = sqlite3.connect(db3)
    con.execute("UPDATE children SET postcode = 'QS9 9ZZ' WHERE family_name = 'Abbott'")
    con.commit()
    changed = os.path.join(tmp, "changed.xml")
    with open(good) as f, open(changed, "w") as g:
        g.write(f.read().replace("<PostCode>QS1 2AB</PostCode>", "<PostCode>QS1 2AC</PostCode>"))
    r = run("import", "sen2", changed, "--database", "sqlite:" + db3, "--area", "demo")
    check(r.returncode == 0 and "1 conflicts" in r.stdout and "PostCode" in r.stderr,
          "a Tandem change and a file change to the same item: one conflict: " + r.stdout + r.stderr)
    con = sqlite3.connect(db3)
    check(con.execute("SELECT postcode FROM children WHERE family_name = 'Abbott'").fetchone()[0] == "QS9 9ZZ",
          "Tandem's value is kept")
    check(con.execute("SELECT COUNT(*) FROM sen2_conflicts").fetchone()[0] == 1, "the conflict is recorded")
    con.close()

    # 5. Bad input: the path, the element and what is allowed; nothing loaded.
    cases = {
        "not_xml.xml": ["not well-formed XML"],
        "wrong_collection.xml": ["/Message/Header/CollectionDetails/Collection", "allowed: SEN2"],
        "unknown_code.xml": ["/Message/Persons/Person[1]/Requests[1]/ActivePlans/SENneed[2]/SENtype", "DYS",
                             "allowed: SPLD"],
        "impossible_date.xml": ["/Message/Persons/Person[2]/Requests[1]/ReceivedDate", "2025-02-30", "YYYY-MM-DD"],
        "missing_element.xml": ["/Message/Persons/Person[2]/Surname", "required"],
        "misspelt_element.xml": ["/Message/Persons/Person[1]/Requests[1]/Assessment/NamedPlan/PlanWbp",
                                 "case-sensitive", "PlanWBP"],
        "too_many_needs.xml": ["/Message/Persons/Person[1]/Requests[1]/ActivePlans/SENneed[3]", "at most 2"],
    }
    for name, expected in cases.items():
        db = fresh_db(tmp, name + ".db")
        r = run("import", "sen2", os.path.join(FIX, name), "--database", "sqlite:" + db, "--area", "demo")
        check(r.returncode == 2, f"{name}: refused (exit {r.returncode})")
        for e in expected:
            check(e in r.stderr, f"{name}: the error names {e!r}: {r.stderr[:600]}")
        check("nothing was imported" in r.stderr, f"{name}: says nothing was imported")
        check(database_totals(db)["children"] == 0, f"{name}: nothing loaded")

    # 6. Bad input made from the good fixture: a file cut off part-way, another
    # council's return, a census date not the year's, and a person listed twice
    # (by UPN, or by name and date of birth without one). Loaded into a database
    # that already holds the good file's people: it is left as it was (all or
    # nothing), no one duplicated.
    good_text = open(good).read()
    abbott = good_text[good_text.index("    <Person>"):good_text.index("    </Person>") + len("    </Person>\n")]
    made = {
        "truncated": (good_text[:good_text.index("<Surname>Clarke")], ["not well-formed XML"]),
        "another_council": (good_text.replace("<LEA>999</LEA>", "<LEA>123</LEA>"),
                            ["/Message/Header/Source/LEA", "local authority 123's return",
                             "area demo is local authority 999"]),
        "wrong_census": (good_text.replace("<ReferenceDate>2026-01-15</ReferenceDate>",
                                           "<ReferenceDate>2025-01-16</ReferenceDate>"),
                         ["/Message/Header/CollectionDetails/ReferenceDate", "'2025-01-16'", "it is 2026-01-15"]),
        "duplicate_upn": (good_text.replace("  </Persons>", abbott + "  </Persons>"),
                          ["/Message/Persons/Person[5]/UPN", "M999000026001",
                           "also the UPN of /Message/Persons/Person[1]", "each child once"]),
    }
    baker = good_text[good_text.index("    <Person>\n      <Surname>Baker"):]
    baker = baker[:baker.index("    </Person>") + len("    </Person>\n")]
    made["duplicate_name"] = (good_text.replace("  </Persons>", baker + "  </Persons>"),
                              ["/Message/Persons/Person[5]", "same surname, forename and date of birth as "
                               "/Message/Persons/Person[2]", "no UPN"])
    made["withdrawn_undated"] = (
        good_text.replace("        <RequestOutcomeDate>2025-02-20</RequestOutcomeDate>\n", ""),
        ["/Message/Persons/Person[4]/Requests[1]/RequestOutcomeDate", "withdrawn (RequestOutcome W) needs the date"])
    # A return holds what had happened by its census date (15 January 2026).
    made["after_census"] = (
        good_text.replace("<EntryDate>2025-09-01</EntryDate>", "<EntryDate>2025-09-01</EntryDate>\n"
                          "            <LeavingDate>2026-07-22</LeavingDate>", 1),
        ["/Message/Persons/Person[1]/Requests[1]/ActivePlans/PlacementDetail[1]/LeavingDate", "'2026-07-22'",
         "after the census date of the 2026 return (2026-01-15)"])
    for name, (doc, expected) in made.items():
        path = os.path.join(tmp, name + ".xml")
        with open(path, "w") as f:
            f.write(doc)
        db = fresh_db(tmp, name + ".db")
        run("import", "sen2", good, "--database", "sqlite:" + db, "--area", "demo")
        before = database_totals(db)
        r = run("import", "sen2", path, "--database", "sqlite:" + db, "--area", "demo")
        check(r.returncode == 2, f"{name}: refused (exit {r.returncode}): {r.stdout}")
        for e in expected:
            check(e in r.stderr, f"{name}: the error names {e!r}: {r.stderr[:600]}")
        check("nothing was imported" in r.stderr, f"{name}: says nothing was imported")
        check(database_totals(db) == before, f"{name}: the database is as it was")

print("failures:", len(failures))
sys.exit(1 if failures else 0)
