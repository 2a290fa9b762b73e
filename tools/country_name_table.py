#!/usr/bin/env python3
"""Generates tests/data/country_names/table.csv from public country name lists.

Usage:
    python3 tools/country_name_table.py ISO_CODES_GIT COUNTRY_CODES_GIT COUNTRYCODE_GIT

Each argument is a git directory (a clone or a bare mirror) of, in order:

* Debian iso-codes (https://salsa.debian.org/iso-codes-team/iso-codes, mirrored at
  https://github.com/sailfishos-mirror/iso-codes): data/iso_3166-1.json (current names),
  the earlier versions of that file (former ISO 3166-1 names) and data/iso_3166-3.json
  (withdrawn codes);
* datasets/country-codes (https://github.com/datasets/country-codes): data/country-codes.csv
  (ISO official name, UNTERM English short and formal names, CLDR display name);
* vincentarelbundock/countrycode (https://github.com/vincentarelbundock/countrycode):
  dictionary/data_world_bank.csv (World Bank CLASS.xlsx "List of economies"),
  dictionary/data_world_bank_api.csv (World Bank API v2 country names) and
  dictionary/data_cldr.csv (CLDR short and variant names).

The commit read is each repository's HEAD; the commits are written to the table's README by
hand. The output is sorted and depends only on the files read, so running the script twice on
the same commits gives the same table.

Columns of the table:

* name: the name as the list prints it;
* alpha3: the ISO 3166-1 alpha-3 code it must resolve to (XKX for Kosovo), or empty when it
  must be refused (a former state with several successors);
* historic: "yes" for an ISO 3166-3 name (a withdrawn code), which must resolve with a note
  naming the successor or be refused;
* source: the lists that print the name, separated by "; ".

Successors of withdrawn codes follow the ISO 3166-3 alpha-4 code: its last two letters are the
alpha-2 code of the successor, "AA" when the alpha-2 code stayed the same, and "HH" (or "XX" for
Serbia and Montenegro) when the state was divided and has no single successor. A successor
alpha-2 code that is itself withdrawn (Yugoslavia, YUCS) also has no single current successor.
"""

import csv
import io
import json
import subprocess
import sys
import unicodedata


def show(git_dir, rev_path):
    return subprocess.run(
        ["git", "--git-dir", git_dir, "show", rev_path],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")


def commits(git_dir, path):
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "log", "--format=%H", "HEAD", "--", path],
        check=True,
        capture_output=True,
    ).stdout.decode()
    return out.split()


def fold(name):
    """Loose key used only to skip ISO 3166-3 heads that are current names."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


class Table:
    def __init__(self):
        self.rows = {}  # name -> [alpha3, historic, set(sources)]
        self.conflicts = []

    def add(self, name, alpha3, source, historic=False):
        name = " ".join(name.split())
        if not name:
            return
        row = self.rows.get(name)
        if row is None:
            self.rows[name] = [alpha3, historic, {source}]
            return
        if row[0] != alpha3:
            self.conflicts.append((name, row[0], alpha3, source))
            return
        row[1] = row[1] or historic
        row[2].add(source)

    def write(self, out):
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "alpha3", "historic", "source"])
        for name in sorted(self.rows, key=lambda n: (fold(n), n)):
            alpha3, historic, sources = self.rows[name]
            writer.writerow([name, alpha3, "yes" if historic else "", "; ".join(sorted(sources))])


def main(iso_git, cc_git, wb_git):
    table = Table()

    # ISO 3166-1 (iso-codes): current names.
    current = json.loads(show(iso_git, "HEAD:data/iso_3166-1.json"))["3166-1"]
    alpha2_to_3 = {e["alpha_2"]: e["alpha_3"] for e in current}
    codes = set(alpha2_to_3.values()) | {"XKX"}
    current_keys = set()
    for e in current:
        for field in ("name", "official_name", "common_name"):
            if field in e:
                table.add(e[field], e["alpha_3"], f"iso-codes iso_3166-1 {field}")
                current_keys.add(fold(e[field]))

    # Former ISO 3166-1 names: earlier versions of the same file.
    for commit in commits(iso_git, "data/iso_3166-1.json")[1:]:
        try:
            old = json.loads(show(iso_git, f"{commit}:data/iso_3166-1.json"))["3166-1"]
        except (subprocess.CalledProcessError, json.JSONDecodeError, KeyError):
            continue
        for e in old:
            if e["alpha_3"] not in codes:
                continue
            for field in ("name", "official_name", "common_name"):
                if field in e and " ".join(e[field].split()) not in table.rows:
                    table.add(e[field], e["alpha_3"], f"iso-codes iso_3166-1 former {field}")

    # ISO 3166-3 (iso-codes): withdrawn codes and their successors.
    withdrawn = json.loads(show(iso_git, "HEAD:data/iso_3166-3.json"))["3166-3"]
    for e in withdrawn:
        alpha4 = e["alpha_4"]
        tail = alpha4[2:]
        if tail in ("HH", "XX"):
            successor = ""
        elif tail == "AA":
            successor = alpha2_to_3.get(alpha4[:2], "")
        else:
            successor = alpha2_to_3.get(tail, "")
        table.add(e["name"], successor, "iso-codes iso_3166-3 name", historic=True)
        head = e["name"].split(",")[0].strip()
        if head != e["name"] and fold(head) not in current_keys:
            table.add(head, successor, "iso-codes iso_3166-3 name before the comma", historic=True)

    # datasets/country-codes: ISO official name, UNTERM and CLDR names.
    cc = list(csv.DictReader(io.StringIO(show(cc_git, "HEAD:data/country-codes.csv"))))
    cldr_to_3 = {}
    for row in cc:
        alpha3 = row["ISO3166-1-Alpha-3"]
        if alpha3 not in codes:
            continue
        for column in (
            "official_name_en",
            "UNTERM English Short",
            "UNTERM English Formal",
            "CLDR display name",
        ):
            if row.get(column):
                table.add(row[column], alpha3, f"country-codes {column}")
        if row.get("CLDR display name"):
            cldr_to_3[row["CLDR display name"]] = alpha3

    # World Bank names (via countrycode's dictionary).
    for path, column, source in (
        ("dictionary/data_world_bank.csv", "wb", "World Bank CLASS.xlsx"),
        ("dictionary/data_world_bank_api.csv", "wb_api3c", "World Bank API"),
    ):
        for row in csv.DictReader(io.StringIO(show(wb_git, f"HEAD:{path}"))):
            code = row[column]
            if code in codes:
                table.add(row["country"], code, source)
            else:
                print(f"skipped {source} {row['country']!r} {code}: not a country code", file=sys.stderr)

    # CLDR short and variant names, joined to codes through the CLDR display name.
    for row in csv.DictReader(io.StringIO(show(wb_git, "HEAD:dictionary/data_cldr.csv"))):
        alpha3 = cldr_to_3.get(row["cldr.name.en"])
        if alpha3 is None:
            continue
        for column in ("cldr.short.en", "cldr.variant.en"):
            if row.get(column):
                table.add(row[column], alpha3, f"CLDR {column.split('.')[1]}")

    for name, first, second, source in table.conflicts:
        print(f"conflict: {name!r} is {first} and {second} ({source}); kept {first}", file=sys.stderr)
    table.write(sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
