#!/usr/bin/python3
# Make a large IMKL file from a small one, for tests and benchmarks (not part
# of the project's runtime): the feature members are repeated with new ids
# (every gml:id, and every link to one, gets a suffix "-<copy>"), so the copies
# are distinct features with the same structure.  Written streaming.
#   test/klic-groot.py SOURCE.xml MEGABYTES OUT.xml
import re
import sys

src, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
text = open(src, encoding="utf-8").read()
first = min(i for i in (text.find("<gml:featureMember>"), text.find("<gml:featureMembers>")) if i >= 0)
last_m = max(text.rfind("</gml:featureMember>") + len("</gml:featureMember>"),
             text.rfind("</gml:featureMembers>") + len("</gml:featureMembers>"))
head, body, tail = text[:first], text[first:last_m], text[last_m:]
ref = re.compile(r'((?:gml:id|xlink:href)=")(#?)((?!https?:)[^"]+)"')
target = int(mb * 1024 * 1024)
with open(out, "w", encoding="utf-8") as f:
    f.write(head)
    written = len(head) + len(tail)
    k = 0
    while True:
        copy = body if k == 0 else ref.sub(lambda m: '%s%s%s-%d"' % (m.group(1), m.group(2), m.group(3), k), body)
        f.write(copy)
        written += len(copy.encode("utf-8"))
        k += 1
        if written >= target:
            break
    f.write(tail)
print("%s: %d copies of %d bytes of features" % (out, k, len(body)), file=sys.stderr)
