#!/usr/bin/env bash
# Fails when a tr() string in the folders translations/sources lists (ui, app/gui and the Qt side
# of core and remote) has no finished zh_CN translation: runs lupdate over them into a temporary
# copy of translations/trainbench_zh_CN.ts and names every new, changed or unfinished entry.
# Usage: check_translations.sh SOURCE_DIR [LUPDATE]
set -euo pipefail

src=${1:?usage: check_translations.sh SOURCE_DIR [LUPDATE]}
lupdate=${2:-/usr/lib/qt6/bin/lupdate}
ts_name=trainbench_zh_CN.ts

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The copy stands where the original does, so that relative locations read the same.
mkdir -p "$tmp/translations"
cp "$src/translations/$ts_name" "$tmp/translations/$ts_name"
mapfile -t folders < "$src/translations/sources"
for folder in "${folders[@]}"; do
  mkdir -p "$tmp/$(dirname "$folder")"
  ln -s "$src/$folder" "$tmp/$folder"
done
(cd "$tmp" && "$lupdate" -silent -locations relative -no-obsolete "${folders[@]}" \
  -ts "translations/$ts_name") || { echo "check_translations: lupdate failed"; exit 2; }

python3 - "$tmp/translations/$ts_name" <<'PY'
import sys
import xml.etree.ElementTree as ET

untranslated = []
total = 0
where = "?"
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        total += 1
        # Relative locations name the file only when it changes from the message before.
        location = message.find("location")
        if location is not None and location.get("filename"):
            where = location.get("filename").replace("../", "")
        translation = message.find("translation")
        texts = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
        if translation.get("type") == "unfinished" or not any(t.strip() for t in texts):
            untranslated.append(f"  {where} [{name}]: {message.findtext('source')!r}")
if untranslated:
    print(f"check_translations: {len(untranslated)} of {total} strings have no finished zh_CN translation:")
    print("\n".join(untranslated))
    print("Update the catalog with\n"
          "  /usr/lib/qt6/bin/lupdate -locations relative -no-obsolete $(cat translations/sources) "
          "-ts translations/trainbench_zh_CN.ts\n"
          "then translate each entry marked type=\"unfinished\" (Qt Linguist, or by hand).")
    sys.exit(1)
print(f"check_translations: all {total} strings translated")
PY
