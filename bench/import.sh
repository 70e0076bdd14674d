#!/usr/bin/env bash
# Times `wegweiser import` on a generated list of N rows (default 10000):
# a dry run, a write, and a second (unchanged) import with --update.
# Usage: bench/import.sh [ROWS] [BINARY]   (BINARY default: target/release/wegweiser)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000}"
bin="$(realpath "${2:-target/release/wegweiser}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/content"
cp wegweiser.toml "$work/"
cp content/indications.toml "$work/content/"
python3 - "$rows" "$work/liste.csv" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
topics = ["Diabetes", "Rheuma", "Zöliakie", "Tinnitus", "Depression", "Ängste", "Trauer", "Demenz"]
times = ["jeden 2. und 4. Mittwoch im Monat, 19–21 Uhr", "montags 18.30 Uhr", "letzter Freitag im Monat 19 Uhr",
         "14-tägig donnerstags 10 Uhr", "Di. 17:00-18:30", "nach Absprache"]
out = ["Gruppenname;Themen;Zielgruppe;Treffen;Treffpunkt;Adresse;Ansprechpartner;Telefon;Einwilligung;Stand;Beschreibung"]
for i in range(rows):
    consent = "01.03.2026" if i % 2 else ""
    out.append(f"Gruppe {i} {topics[i % 8]};{topics[i % 8]};Betroffene;{times[i % 6]};Treff {i % 50};"
               f"Weg {i % 90 + 1}, 12345 Musterstadt;Person {i};01234 {100000 + i};{consent};14.09.2026;"
               f"\"Beschreibung der Gruppe {i}.\r\nZweite Zeile.\"")
open(path, "wb").write(("\r\n".join(out) + "\r\n").encode("cp1252"))
PY
cat > "$work/m.toml" <<'TOML'
kind = "group"
[columns]
name = "Gruppenname"
indications = "Themen"
audience = "Zielgruppe"
meetings = "Treffen"
place = "Treffpunkt"
address = "Adresse"
"contact.person" = "Ansprechpartner"
"contact.phone" = "Telefon"
"contact.consent" = "Einwilligung"
verified = "Stand"
body = "Beschreibung"
[defaults]
format = "in-person"
status = "active"
[values.audience]
"Betroffene" = "affected"
TOML
cd "$work"
echo "# import of $rows rows ($(du -h liste.csv | cut -f1) CSV), $(nproc) cores, $bin"
for step in "dry run::" "write:--write:" "again, --update:--write --update:"; do
  name="${step%%:*}"; rest="${step#*:}"; flags="${rest%%:*}"
  /usr/bin/time -f "$name: %e s wall, %M KiB max RSS" "$bin" -q import liste.csv --mapping m.toml --root . $flags >/dev/null || true
done
echo "files written: $(ls content/groups | wc -l)"
"$bin" -q check --root . >/dev/null 2>&1 && echo "check: passes"
/usr/bin/time -o check.time -f "check of the result: %e s wall" "$bin" -q check --root . >/dev/null 2>&1 || true
cat check.time
