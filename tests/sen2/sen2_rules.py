"""A SEN2 document checked against the rules recorded in data/sen2/YEAR.json
(names, order, how often each element may occur, code lists, value shapes),
by Python's own XML reader: nothing of Tandem's exporter or reader is used,
so a mistake in either shows here.

    rules = load_rules("data/sen2/2026.json")
    problems = structure_problems(ET.parse(path).getroot(), rules)
"""
import datetime as dt
import json
import re

SHAPES = {
    "la": r"\d{3}",
    "urn": r"\d{6}",
    "ukprn": r"\d{8}",
    "serial": r"\d{3}\d*",
    "upn": r"[A-Za-z]\d{11}[A-Za-z0-9]",
    "uln": r"\d{10}",
    "year": r"\d{4}",
    "integer": r"\d+",
    "datetime": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}",
}


def load_rules(path):
    with open(path) as f:
        return json.load(f)


def _real_date(text):
    try:
        dt.date.fromisoformat(text)
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None
    except ValueError:
        return False


def _leaf_problem(spec, text, rules):
    kind = spec.get("type")
    if text == "":
        # DfE's schema takes an empty string only for text (PostCode).
        return None if kind == "text" else "is empty"
    if kind == "code":
        allowed = [c for c, _ in rules["codes"][spec["codes"]]]
        return None if text in allowed else f"{text!r} is not one of {allowed}"
    if kind == "date":
        return None if _real_date(text) else f"{text!r} is not a date"
    if kind in SHAPES:
        return None if re.fullmatch(SHAPES[kind], text) else f"{text!r} does not match {SHAPES[kind]}"
    return None


def structure_problems(root, rules):
    """Every way `root` breaks the recorded rules, as 'path: what' strings."""
    elements = rules["elements"]
    problems = []
    top = elements[rules["root"]]
    if root.tag != top["name"]:
        problems.append(f"/{root.tag}: the root must be {top['name']} with no namespace")
        return problems

    def walk(el, key, path):
        spec = elements[key]
        kids = list(el)
        if "children" not in spec:
            if kids:
                problems.append(f"{path}: holds a value, not elements")
            why = _leaf_problem(spec, (el.text or "").strip(), rules)
            if why:
                problems.append(f"{path}: {why}")
            return
        if (el.text or "").strip():
            problems.append(f"{path}: holds elements, not text")
        order = [elements[c]["name"] for c in spec["children"]]
        by_name = {elements[c]["name"]: c for c in spec["children"]}
        last, seen = -1, {}
        for kid in kids:
            if kid.tag not in by_name:
                problems.append(f"{path}/{kid.tag}: not allowed in {spec['name']}; allowed: {order}")
                continue
            at = order.index(kid.tag)
            if at < last:
                problems.append(f"{path}/{kid.tag}: out of order; {spec['name']} holds {order} in that order")
            last = max(last, at)
            seen[kid.tag] = seen.get(kid.tag, 0) + 1
            walk(kid, by_name[kid.tag], f"{path}/{kid.tag}[{seen[kid.tag]}]")
        for c in spec["children"]:
            cs, n = elements[c], seen.get(elements[c]["name"], 0)
            if cs.get("required") and n == 0:
                problems.append(f"{path}/{cs['name']}: required, missing")
            most = cs.get("max", 0) if cs.get("repeats") else 1
            if most and n > most:
                problems.append(f"{path}/{cs['name']}: {n} times, at most {most}")

    walk(root, rules["root"], "/" + root.tag)
    return problems
