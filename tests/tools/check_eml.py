#!/usr/bin/python3
"""check_eml.py EML PDF SUBJECT TO [CC] - exit 0 when Python's email package
reads EML as the briefing message it should be: the subject decodes to
SUBJECT, the To address is TO (and Cc is CC when given), and the one
attachment is a PDF whose bytes equal the file PDF. Says what differs."""
import email
import email.policy
import sys


def main():
    eml, pdf, subject, to = sys.argv[1:5]
    cc = sys.argv[5] if len(sys.argv) > 5 else None
    with open(eml, "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    problems = []
    if m["Subject"] != subject:
        problems.append("subject %r, not %r" % (m["Subject"], subject))
    if [a.addr_spec for a in m["To"].addresses] != [to]:
        problems.append("To %s, not %s" % (m["To"], to))
    if cc and (not m["Cc"] or [a.addr_spec for a in m["Cc"].addresses] != [cc]):
        problems.append("Cc %s, not %s" % (m["Cc"], cc))
    if not m.get_body(("plain",)):
        problems.append("no text/plain body")
    att = list(m.iter_attachments())
    if len(att) != 1:
        problems.append("%d attachments, not 1" % len(att))
    else:
        with open(pdf, "rb") as f:
            want = f.read()
        got = att[0].get_content()
        if att[0].get_content_type() != "application/pdf":
            problems.append("attachment is %s" % att[0].get_content_type())
        if got != want:
            problems.append("attachment: %d bytes differ from %s (%d bytes)"
                            % (len(got), pdf, len(want)))
    for p in problems:
        print("%s: %s" % (eml, p), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
