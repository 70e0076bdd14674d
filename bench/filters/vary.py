"""Gives the groups made by examples/gen.rs a reproducible mix of what the
filters of /suche/ look at (gen.rs makes them all alike): audience, format,
status, language, step-free access, weekday and start time. Group number i
(from the file's slug) decides, so runs are comparable."""
import pathlib
import re
import sys

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
STARTS = ["10:00", "14:30", "18:00", "19:30"]

for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    i = int(re.search(r"-(\d+)\.md$", path.name).group(1))
    text = path.read_text(encoding="utf-8")
    audience = ['"affected"', '"relatives"', '"affected", "relatives"'][i % 3]
    text = text.replace('audience = ["affected", "relatives"]', f"audience = [{audience}]", 1)
    text = text.replace('format = "in-person"', 'format = "%s"' % ["in-person", "in-person", "online", "hybrid"][i % 4], 1)
    status = "founding" if i % 25 == 0 else "full" if i % 25 == 1 else "active"
    text = text.replace('status = "active"', f'status = "{status}"', 1)
    if i % 10 == 7:
        text = text.replace('district = ', 'languages = ["de", "%s"]\ndistrict = ' % ["tr", "ru", "ar", "en"][i % 4], 1)
    text = re.sub(r'weekday = "\w+"', f'weekday = "{WEEKDAYS[i % 7]}"', text, count=1)
    text = re.sub(r'start = "[\d:]+"', f'start = "{STARTS[(i // 7) % 4]}"', text, count=1)
    text = re.sub(r'end = "[\d:]+"\n', "", text, count=1)
    text = text.replace("accessible = true", "accessible = %s" % ("true" if i % 3 else "false"), 1)
    path.write_text(text, encoding="utf-8")
