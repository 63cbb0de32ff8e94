#!/usr/bin/env python3
"""A year of a job seeker's mailbox, generated deterministically (standard library only).

    python bench/mailgen.py --out /tmp/year            # write a scenario directory
    python bench/mailgen.py --out /tmp/year --seed 7 --applications 50 --messages 5000

The scenario directory is what ``followup replay`` reads: ``scenario.toml`` (the user and a
simulated clock from 2026-01-05 to the end of 2026) and ``mail/NNNNN.eml``, one RFC 5322
message per file, numbered in date order.

What is in it (defaults: 200 applications, 20,000 messages):

- per application, a recruiter at the company's own domain, or (about a third) an ATS
  no-reply sender with the recruiter as a human Reply-To; an ATS "we received your
  application" acknowledgement (Auto-Submitted: auto-generated); an invitation, half with a
  base64 text/calendar REQUEST carrying a VTIMEZONE, half text-only with the time written
  out; sometimes a second round; recruiter updates with or without a decision date (now and
  then a request for references); out-of-office answers (Auto-Submitted: auto-replied) to
  the user's own mail; then a rejection (about 40 %), an offer (about 5 %) or silence;
- the user's own messages in some threads: confirming a time, a hand-written thank-you,
  a manual check-in;
- the bulk, noise: job alerts and newsletters with List-Id / List-Unsubscribe and HTML
  bodies (some HTML only), marketing, receipts, account notifications, acknowledgements of
  applications that never went anywhere, and personal threads with quoted replies;
- sizes mostly 2-20 KB, with Received / DKIM / ARC-style headers on inbound mail;
  threads carry In-Reply-To and References; times are business hours in the sender's
  zone for most mail. Every domain ends in ``.example``.

The same seed always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import base64
import html
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime, formataddr
from pathlib import Path
from zoneinfo import ZoneInfo

# The MIME and iCalendar builders are the scenario generator's (standard library only too).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "scenarios"))
from make_scenarios import b64_lines as b64
from make_scenarios import fold as fold_ics
from make_scenarios import ics_text, qp, to_html, vtimezone

YEAR_START = date(2026, 1, 5)
YEAR_END = date(2026, 12, 31)
USER_ZONE = "America/New_York"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# ================================================================================ word lists


def words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = words(
    "Dana Ravi Megan Alan Colleen Victor Gwen Curtis Elena Marcus Fiona Aled Ruth Declan Priya "
    "Tomasz Ingrid Kwame Sofia Hiroshi Amara Lukas Chloe Mateo Nadia Oskar Leila Samuel Yara "
    "Benedikt Camille Diego Eamon Freya Gustavo Hana Isaac Jana Kofi Lena Malik Noor Orla Pedro "
    "Quinn Rosa Stefan Talia Umar Vera Wen Ximena Yusuf Zoe Anika Bram Cyrus Delphine"
)
LAST_NAMES = words(
    "Okafor Menon Doyle Whitcombe Marsh Almeida Talbot Vance Park Oyelaran Gallagher Pritchard "
    "Adair Moyes Raman Kowalski Lindqvist Mensah Romano Tanaka Nwosu Becker Dubois Herrera "
    "Haddad Nilsson Farah Brooks Castillo Schreiber Laurent Ortega Byrne Holm Pereira Sato "
    "Levi Novak Asante Vogel Qureshi Rahman Keane Silva Ferreira Lund Fischer Nakamura Reyes "
    "Abbott Hughes Ibarra Jensen Kaur Moreau Petrov Quinlan Sorensen Ueda Varga Walsh"
)
ACCENTED = {
    "Lucia Fernandez": "Lucía Fernández",
    "Jana Novak": "Jana Novák",
    "Oskar Sorensen": "Oskar Sørensen",
    "Camille Moreau": "Camille Moreau",
    "Stefan Varga": "István Varga",
    "Chloe Dubois": "Chloé Dubois",
}
COMPANY_HEADS = words(
    "Larchmont Harrow Kestrel Meridian Granite Brisa Vantage Halden Corvid Pelican Tessellate "
    "Redwing Lowther Fjordline Wyvern Northerly Aurelia Prairieline Halcyon Fernhill Ostbridge "
    "Nimbus Cobaltline Verity Ironclad Cinderwell Harbourline Tallis Skogsberg Lumenfold "
    "Ashgrove Kovalent Sunbird Pinecrest Quarryvine Birchwood Nettlefield Aldermoor Orchardlane "
    "Sableforge Quillon Olmo Norrvik Tidewater Verdanthall Brightmoor Calloway Marlowfinch "
    "Feldmark Bellweather Copperleaf Driftwood Emberlight Foxglove Glasswing Hollowtree "
    "Juniper Kingsmere Lanternfish Mossbank Oakhaven Pebblestone Rookwood Saltmarsh Thornfield"
)
COMPANY_TAILS = words(
    "Robotics Health Analytics Freight Insurance Energy Software Biosciences Logistics Media "
    "Foods Capital Mobility Instruments Networks Materials Pharma Retail Studios Security "
    "Systems Data Clinics Payments Aerospace Learning Water Motors Games Bank"
)
ROLES = [
    "Data Platform Engineer",
    "Senior Backend Engineer",
    "Product Manager",
    "Controls Software Engineer",
    "Supply Chain Analyst",
    "Grants Accountant",
    "Transport Planner",
    "Logistics Data Engineer",
    "Actuarial Analyst",
    "Site Reliability Engineer",
    "UX Researcher",
    "Machine Learning Engineer",
    "Financial Analyst",
    "Frontend Developer",
    "Security Engineer",
    "Data Scientist",
    "Engineering Manager",
    "Technical Writer",
    "Solutions Architect",
    "QA Engineer",
    "Marketing Analyst",
    "Operations Manager",
    "Business Analyst",
    "Mobile Developer",
    "Cloud Infrastructure Engineer",
    "Product Designer",
    "Embedded Software Engineer",
    "Analytics Engineer",
    "Program Manager",
    "Database Administrator",
]
RECRUITER_TITLES = [
    "Talent Partner",
    "Senior Recruiter",
    "Technical Recruiter",
    "Recruiting Coordinator",
    "Talent Acquisition Specialist",
    "HR Business Partner",
]
INTERVIEWER_TITLES = [
    "Engineering Manager",
    "Director of Product",
    "Staff Engineer",
    "Head of Data",
    "Team Lead",
    "VP of Operations",
    "Principal Engineer",
    "Finance Director",
]
# (From display suffix, ATS sender domain, product name)
ATS_SENDERS = [
    ("Careers", "greenhouse-mail.example", "Greenhouse"),
    ("Recruiting", "hire.lever.example", "Lever"),
    ("Talent Team", "ashbyhq.example", "Ashby"),
    ("Careers", "myworkday.example", "Workday"),
    ("Hiring Team", "smartrecruiters.example", "SmartRecruiters"),
]
# zone: (is US, text labels, VTIMEZONE data: std offset, dst offset, std name, dst name, rules)
ZONES: dict[str, tuple[bool, tuple[str, ...], tuple[str, str, str, str, str]]] = {
    "America/New_York": (
        True,
        ("ET", "Eastern", "Eastern Time"),
        ("-0500", "-0400", "EST", "EDT", "us"),
    ),
    "America/Chicago": (
        True,
        ("CT", "Central", "Central Time"),
        ("-0600", "-0500", "CST", "CDT", "us"),
    ),
    "America/Denver": (True, ("MT", "Mountain Time"), ("-0700", "-0600", "MST", "MDT", "us")),
    "America/Los_Angeles": (
        True,
        ("PT", "Pacific", "Pacific Time"),
        ("-0800", "-0700", "PST", "PDT", "us"),
    ),
    "Europe/London": (False, ("(London time)", "UK time"), ("+0000", "+0100", "GMT", "BST", "eu0")),
    "Europe/Paris": (False, ("(Paris time)", "CET"), ("+0100", "+0200", "CET", "CEST", "eu1")),
    "Europe/Berlin": (False, ("(Berlin time)", "CET"), ("+0100", "+0200", "CET", "CEST", "eu1")),
    "Europe/Amsterdam": (
        False,
        ("(Amsterdam time)", "CET"),
        ("+0100", "+0200", "CET", "CEST", "eu1"),
    ),
}
COMPANY_ZONE_WEIGHTS = [30, 15, 8, 20, 10, 6, 6, 5]
INTERVIEW_KINDS = [
    ("phone screen", 30),
    ("video interview", 45),
    ("technical interview", 60),
    ("hiring manager interview", 45),
    ("panel interview", 60),
]
LOCATIONS = [
    ("Zoom", "Zoom https://zoom.example/j/{n}"),
    ("Google Meet", "Google Meet https://meet.example/{c}"),
    ("Microsoft Teams", "Microsoft Teams Meeting"),
    ("phone", "Phone call"),
]

# ================================================================================ helpers


@dataclass(frozen=True)
class Person:
    name: str
    email: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    def header(self) -> str:
        return formataddr((self.name, self.email), charset="utf-8")


@dataclass
class Mail:
    when: datetime
    kind: str
    mid: str
    raw: bytes = b""
    subject: str = ""
    sender: Person | None = None
    text: str = ""
    references: tuple[str, ...] = ()


def us_day(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"


def eu_day(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}"


def hm12(t: datetime) -> tuple[str, str]:
    h = t.hour % 12 or 12
    return f"{h}:{t.minute:02d}", "AM" if t.hour < 12 else "PM"


def add_business_days(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def next_business_day(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def outlook_html(text: str) -> str:
    """The same text wrapped the way Outlook does it: a Word-generated head and styles."""
    paras = "".join(
        f'<p class="MsoNormal">{html.escape(p) or "&nbsp;"}<o:p></o:p></p>\n'
        for p in text.rstrip("\n").split("\n")
    )
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">\n'
        '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n/* Font Definitions */\n"
        '@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n'
        "@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n"
        "@font-face\n\t{font-family:Aptos;}\n"
        "/* Style Definitions */\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0in;\n\tfont-size:11.0pt;\n"
        '\tfont-family:"Calibri",sans-serif;}\n'
        "a:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}\n"
        "span.EmailStyle17\n\t{mso-style-type:personal-compose;\n"
        '\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}\n'
        ".MsoChpDefault\n\t{mso-style-type:export-only;\n"
        '\tfont-family:"Calibri",sans-serif;}\n'
        "@page WordSection1\n\t{size:8.5in 11.0in;\n\tmargin:1.0in 1.0in 1.0in 1.0in;}\n"
        "div.WordSection1\n\t{page:WordSection1;}\n--></style>"
        '<!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext="edit" spidmax="1026" />\n</xml><![endif]-->'
        '<!--[if gte mso 9]><xml>\n<o:shapelayout v:ext="edit">\n<o:idmap v:ext="edit" data="1" />\n'
        "</o:shapelayout></xml><![endif]-->\n</head>\n"
        '<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        f'<div class="WordSection1">\n{paras}</div>\n</body>\n</html>\n'
    )


# ================================================================================ generator


@dataclass
class Application:
    index: int
    company: str
    domain: str
    role: str
    zone: str
    recruiter: Person
    interviewers: list[Person]
    ats: tuple[str, str, str] | None  # (display suffix, domain, product) when mail goes via an ATS
    style: str  # gmail or outlook: the company's mail system
    outcome: str  # rejection, offer, silence
    thread: list[Mail] = field(default_factory=list)


@dataclass
class Mailbox:
    user: Person
    zone: str
    start: datetime
    end: datetime
    mails: list[Mail]
    applications: list[Application]

    def counts(self) -> Counter[str]:
        return Counter(m.kind for m in self.mails)


class Generator:
    def __init__(
        self,
        seed: int = 1,
        applications: int = 200,
        messages: int = 20_000,
        first_day: date = YEAR_START,
        last_day: date = YEAR_END,
    ) -> None:
        self.rng = random.Random(seed)
        self.n_apps = applications
        self.n_messages = messages
        self.first_day = first_day
        self.last_day = last_day
        self.user_zone = ZoneInfo(USER_ZONE)
        self.start = datetime.combine(first_day, time(0), tzinfo=self.user_zone)
        self.end = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=self.user_zone)
        self.user = Person("Jordan Avery", "jordan.avery@fastpost.example")
        self.mails: list[Mail] = []
        self._used_companies: set[str] = set()
        self._zone_cache: dict[str, ZoneInfo] = {}

    # ----------------------------------------------------------------------- small pieces
    def zone(self, name: str) -> ZoneInfo:
        if name not in self._zone_cache:
            self._zone_cache[name] = ZoneInfo(name)
        return self._zone_cache[name]

    def hexid(self, n: int) -> str:
        return f"{self.rng.getrandbits(4 * n):0{n}x}"

    def alnum(self, n: int) -> str:
        s = base64.b64encode(self.rng.randbytes(n)).decode("ascii")
        return s.replace("+", "x").replace("/", "Q")[:n]

    def message_id(self, style: str, domain: str, when: datetime) -> str:
        if style == "gmail":
            b = self.alnum(38)
            return f"<CA{b[:4]}+{b[4:20]}-{b[20:]}@mail.gmail.example>"
        if style == "outlook":
            r = self.rng
            return (
                f"<SA{r.randint(10, 99)}PR{r.randint(10, 19)}MB{r.randint(1000, 9999)}"
                f"{self.hexid(12).upper()}@SA{r.randint(10, 99)}PR{r.randint(10, 19)}MB"
                f"{self.alnum(4).upper()}.namprd{r.randint(10, 19)}.prod.outlook.example>"
            )
        if style == "bulk":
            stamp = when.astimezone(UTC).strftime("%Y%m%d%H%M%S")
            return f"<{stamp}.{self.hexid(16)}.{self.rng.randint(1, 99999)}@mail.{domain}>"
        h = self.hexid(32)
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{domain}>"

    def person(self, domain: str | None = None) -> Person:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        name = ACCENTED.get(f"{first} {last}", f"{first} {last}")
        local = f"{first}.{last}".lower()
        return Person(name, f"{local}@{domain}" if domain else local)

    def company(self) -> tuple[str, str]:
        """A company no other application uses."""
        for _ in range(100):
            name = f"{self.rng.choice(COMPANY_HEADS)} {self.rng.choice(COMPANY_TAILS)}"
            if name not in self._used_companies:
                break
        else:  # the name space is nearly used up: number them
            name = f"{name} {len(self._used_companies)}"
        self._used_companies.add(name)
        return name, f"{slug(name)}.example"

    def other_company(self) -> tuple[str, str]:
        """A company the user applied to without hearing back (may repeat)."""
        for _ in range(100):
            name = f"{self.rng.choice(COMPANY_HEADS)} {self.rng.choice(COMPANY_TAILS)}"
            if name not in self._used_companies:
                break
        return name, f"{slug(name)}.example"

    def business_time(
        self, day: date, zone: str, first_hour: int = 9, last_hour: int = 17
    ) -> datetime:
        day = next_business_day(day)
        minute = self.rng.randrange(first_hour * 60, last_hour * 60)
        return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=self.zone(zone))

    def in_year(self, when: datetime) -> bool:
        return self.start <= when < self.end

    # ----------------------------------------------------------------------- headers and MIME
    def inbound_headers(self, sender_domain: str, when: datetime) -> list[tuple[str, str]]:
        r = self.rng
        user_domain = self.user.email.split("@", 1)[1]
        arrived = (when + timedelta(seconds=r.randint(1, 40))).astimezone(self.user_zone)
        relay = f"mail-{self.alnum(6).lower()}.outbound.{sender_domain}"
        return [
            (
                "Received",
                f"by 2002:a05:7300:{self.hexid(4)}:b0:{self.hexid(3)}:{self.hexid(4)} with SMTP id "
                f"{self.alnum(12).lower()};\n        {format_datetime(arrived)}",
            ),
            (
                "Received",
                f"from {relay} ({relay}. [198.51.100.{r.randint(2, 250)}])\n"
                f"        by mx.{user_domain} with ESMTPS id {self.alnum(16).lower()}\n"
                f"        for <{self.user.email}>\n"
                "        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
                f"        {format_datetime(arrived)}",
            ),
            (
                "Authentication-Results",
                f"mx.{user_domain};\n       dkim=pass header.i=@{sender_domain} header.s=s1 "
                f"header.b={self.alnum(8)};\n       spf=pass (domain of {sender_domain} "
                f"designates 198.51.100.{r.randint(2, 250)} as permitted sender)"
                f" smtp.mailfrom={sender_domain};\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE)"
                f" header.from={sender_domain}",
            ),
            (
                "DKIM-Signature",
                f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={sender_domain}; s=s1;\n"
                f"        t={int(when.timestamp())}; x={int(when.timestamp()) + 604800}; "
                "h=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to;\n"
                f"        bh={self.alnum(43)}=;\n"
                f"        b={self.alnum(70)}\n         {self.alnum(70)}\n"
                f"         {self.alnum(70)}\n         {self.alnum(70)}==",
            ),
        ]

    def boundary(self) -> str:
        return "000000000000" + self.hexid(16)

    @staticmethod
    def leaf(ctype: str, payload: str, cte: str = "quoted-printable", extra: str = "") -> str:
        return f"Content-Type: {ctype}\n{extra}Content-Transfer-Encoding: {cte}\n\n{payload}"

    def multipart(self, sub: str, parts: list[str], extra: str = "") -> str:
        b = self.boundary()
        body = "".join(f"--{b}\n{p.rstrip(chr(10))}\n\n" for p in parts)
        return f'Content-Type: multipart/{sub}; boundary="{b}"\n{extra}\n{body}--{b}--\n'

    def build(
        self,
        *,
        kind: str,
        sender: Person,
        to: list[Person],
        when: datetime,
        subject: str,
        text: str | None,
        html_body: str | None = None,
        style: str = "gmail",
        mid: str | None = None,
        reply_to: Person | None = None,
        thread: list[Mail] | None = None,
        extra_headers: list[tuple[str, str]] | None = None,
        calendar: tuple[str, str] | None = None,  # (method, ics text)
        attachment: tuple[str, str, bytes] | None = None,  # (filename, ctype, data)
        html_b64: bool = False,
    ) -> Mail:
        """One RFC 5322 message; appended to the mailbox and returned."""
        domain = sender.email.rpartition("@")[2]
        mid = mid or self.message_id(style, domain, when)
        inbound = sender.email != self.user.email
        headers: list[tuple[str, str]] = []
        if inbound:
            headers += self.inbound_headers(domain, when)
        refs: tuple[str, ...] = ()
        if thread:
            last = thread[-1]
            refs = (*last.references, last.mid)[-10:]
            headers.append(("References", "\n ".join(refs)))
            headers.append(("In-Reply-To", last.mid))
        headers += [
            ("From", sender.header()),
            ("Date", format_datetime(when)),
            ("Message-ID", mid),
            ("Subject", subject),
            ("To", ", ".join(p.header() for p in to)),
        ]
        if reply_to is not None:
            headers.append(("Reply-To", reply_to.header()))
        if style == "outlook":
            headers.append(("Thread-Topic", subject.removeprefix("RE: ").removeprefix("Re: ")))
            headers.append(("Thread-Index", base64.b64encode(self.rng.randbytes(22)).decode()))
            headers.append(("Content-Language", "en-US"))
            headers.append(("X-MS-Has-Attach", "yes" if calendar or attachment else ""))
        if not inbound:
            headers.append(("User-Agent", "Mozilla Thunderbird 128.4.2"))
        headers += extra_headers or []
        headers.append(("MIME-Version", "1.0"))

        alt: list[str] = []
        if text is not None:
            alt.append(self.leaf("text/plain; charset=utf-8", qp(text)))
        if html_body is not None:
            if html_b64:
                alt.append(
                    self.leaf('text/html; charset="utf-8"', b64(html_body.encode()), "base64")
                )
            else:
                alt.append(self.leaf('text/html; charset="utf-8"', qp(html_body)))
        body = self.multipart("alternative", alt) if len(alt) > 1 else alt[0]
        if calendar is not None:
            method, ics = calendar
            data = b64(ics.encode("utf-8"))
            if style == "outlook":  # the invite is the last alternative
                cal = self.leaf(f'text/calendar; charset="utf-8"; method={method}', data, "base64")
                body = self.multipart("alternative", [*alt, cal])
            elif (
                style == "gmail"
            ):  # Google Calendar: inline alternative plus the same .ics attached
                inline = self.leaf(
                    f'text/calendar; charset="UTF-8"; method={method}', data, "base64"
                )
                attached = self.leaf(
                    'application/ics; name="invite.ics"',
                    data,
                    "base64",
                    'Content-Disposition: attachment; filename="invite.ics"\n',
                )
                body = self.multipart(
                    "mixed", [self.multipart("alternative", [*alt, inline]), attached]
                )
            else:  # ATS schedulers: one text/calendar attachment
                cal = self.leaf(
                    f'text/calendar; charset="UTF-8"; method={method}; name="invite.ics"',
                    data,
                    "base64",
                    'Content-Disposition: attachment;\n\tfilename="invite.ics"\n',
                )
                body = self.multipart("mixed", [body, cal])
        if attachment is not None:
            name, ctype, data = attachment
            att = self.leaf(
                f'{ctype}; name="{name}"',
                b64(data),
                "base64",
                f'Content-Disposition: attachment; filename="{name}"\n',
            )
            body = self.multipart("mixed", [body, att])
        raw = "".join(f"{k}: {v}\n" for k, v in headers) + body
        mail = Mail(
            when=when,
            kind=kind,
            mid=mid,
            raw=raw.encode("utf-8"),
            subject=subject,
            sender=sender,
            text=text or "",
            references=refs,
        )
        self.mails.append(mail)
        return mail

    # ----------------------------------------------------------------------- calendar
    def ics(
        self,
        app: Application,
        start: datetime,
        end: datetime,
        organizer: Person,
        attendees: list[Person],
        summary: str,
        location: str,
        stamp: datetime,
    ) -> str:
        tzid = app.zone
        utc = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        prodid = {
            "outlook": "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        }.get(app.style, "-//Google Inc//Google Calendar 70.9054//EN")
        if app.ats:
            prodid = f"-//{app.ats[2]}//Interview Scheduler//EN"
        lines = [
            "BEGIN:VCALENDAR",
            f"PRODID:{prodid}",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:REQUEST",
            *vtimezone(tzid),
            "BEGIN:VEVENT",
            f"DTSTART;TZID={tzid}:{start.strftime('%Y%m%dT%H%M%S')}",
            f"DTEND;TZID={tzid}:{end.strftime('%Y%m%dT%H%M%S')}",
            f"DTSTAMP:{utc}",
            f"ORGANIZER;CN={organizer.name}:mailto:{organizer.email}",
            f"UID:{self.hexid(8)}-{self.hexid(4)}-{self.hexid(4)}-{self.hexid(4)}-{self.hexid(12)}@{app.domain}",
        ]
        for p in attendees:
            lines.append(
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;"
                f"CN={p.name}:mailto:{p.email}"
            )
        lines += [
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
            f"CN={self.user.name}:mailto:{self.user.email}",
            f"DESCRIPTION:{ics_text(summary + ' with ' + ', '.join(p.name for p in attendees))}",
            f"LAST-MODIFIED:{utc}",
            f"LOCATION:{ics_text(location)}",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            f"SUMMARY:{ics_text(summary)}",
            "TRANSP:OPAQUE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:This is an event reminder",
            "TRIGGER:-P0DT0H15M0S",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return "".join(fold_ics(x) + "\r\n" for x in lines)

    # ----------------------------------------------------------------------- hiring mail
    def written_time(self, app: Application, start: datetime, end: datetime) -> str:
        """'Thursday, March 12, 2:00-2:45 PM ET' or 'Tuesday 3 March, 10:00-11:00 (London time)'."""
        us, labels, _ = ZONES[app.zone]
        label = self.rng.choice(labels)
        if us:
            s, sp = hm12(start)
            e, ep = hm12(end)
            day = us_day(start.date())
            if sp == ep and self.rng.random() < 0.5:
                return f"{day}, {s}-{e} {ep} {label}"
            if sp == ep:
                return f"{day} from {s} to {e} {ep} {label}"
            return f"{day}, {s} {sp} - {e} {ep} {label}"
        day = eu_day(start.date())
        return f"{day}, {start:%H:%M}-{end:%H:%M} {label}"

    def decision_phrase(self, app: Application, d: date) -> str:
        return us_day(d) if ZONES[app.zone][0] else eu_day(d)

    def hiring_sender(self, app: Application) -> tuple[Person, Person | None, str]:
        """(From, Reply-To, Message-ID style) for mail the recruiter sends."""
        if app.ats:
            suffix, domain, _ = app.ats
            return (
                Person(f"{app.company} {suffix}", f"no-reply@{domain}"),
                app.recruiter,
                "ats",
            )
        return app.recruiter, None, app.style

    def signature(self, app: Application) -> str:
        if app.ats:
            return f"{app.company} Talent Team\nSent via {app.ats[2]}\n"
        return f"{app.recruiter.name}\n{self.rng.choice(RECRUITER_TITLES)} | {app.company}\n"

    def quote(self, mail: Mail, style: str) -> str:
        d = mail.when
        who = mail.sender or self.user
        if style == "outlook":
            head = (
                "________________________________\n"
                f"From: {who.name} <{who.email}>\n"
                f"Sent: {d:%A}, {MONTHS[d.month - 1]} {d.day}, {d.year} {hm12(d)[0]} {hm12(d)[1]}\n"
                f"To: {self.user.name} <{self.user.email}>\n"
                f"Subject: {mail.subject}\n\n"
            )
            return head + mail.text
        head = (
            f"On {WEEKDAYS[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year} at "
            f"{' '.join(hm12(d))} {who.name} <{who.email}> wrote:\n"
        )
        return head + "\n".join(
            ("> " + x) if x else ">" for x in mail.text.rstrip("\n").split("\n")
        )

    def hiring_mail(
        self,
        app: Application,
        kind: str,
        when: datetime,
        subject: str,
        text: str,
        *,
        in_thread: bool = True,
        calendar: tuple[str, str] | None = None,
        auto: str | None = None,
        sender: tuple[Person, Person | None, str] | None = None,
    ) -> Mail | None:
        if not self.in_year(when):
            return None
        frm, reply_to, style = sender or self.hiring_sender(app)
        thread = app.thread if in_thread and app.thread else None
        if thread and not app.ats and self.rng.random() < 0.6:
            text = text.rstrip("\n") + "\n\n" + self.quote(thread[-1], app.style) + "\n"
        extra = [("Auto-Submitted", auto)] if auto else []
        if app.ats and frm.email.startswith("no-reply"):
            extra.append(("X-Mailer", f"{app.ats[2]} Mailer"))
        html_body = outlook_html(text) if app.style == "outlook" else to_html(text)
        mail = self.build(
            kind=kind,
            sender=frm,
            to=[self.user],
            when=when,
            subject=subject,
            text=text,
            html_body=html_body,
            style=style,
            reply_to=reply_to,
            thread=thread,
            extra_headers=extra,
            calendar=calendar,
        )
        if in_thread:
            app.thread.append(mail)
        return mail

    def user_mail(
        self,
        app: Application,
        kind: str,
        when: datetime,
        to: Person,
        subject: str,
        text: str,
        *,
        in_thread: bool = True,
    ) -> Mail | None:
        if not self.in_year(when):
            return None
        thread = app.thread if in_thread and app.thread else None
        if thread:
            text = text.rstrip("\n") + "\n\n" + self.quote(thread[-1], "gmail") + "\n"
        mail = self.build(
            kind=kind,
            sender=self.user,
            to=[to],
            when=when,
            subject=subject,
            text=text,
            html_body=to_html(text),
            style="gmail",
            thread=thread,
        )
        if in_thread:
            app.thread.append(mail)
        return mail

    def out_of_office(self, app: Application, answering: Mail) -> Mail | None:
        rec = app.recruiter
        when = answering.when + timedelta(minutes=self.rng.randint(1, 3))
        back = add_business_days(
            when.astimezone(self.zone(app.zone)).date(), self.rng.randint(3, 9)
        )
        back_text = self.decision_phrase(app, back)
        text = (
            f"Thank you for your email. I am currently out of the office with limited access to "
            f"email and will return on {back_text}.\n\n"
            f"For urgent recruitment matters please contact careers@{app.domain}.\n\n{rec.name}\n"
        )
        if not self.in_year(when):
            return None
        mail = self.build(
            kind="hiring:out_of_office",
            sender=rec,
            to=[self.user],
            when=when.astimezone(self.zone(app.zone)),
            subject=f"Automatic reply: {answering.subject}",
            text=text,
            style="outlook",
            thread=[answering],
            extra_headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
        )
        return mail

    def interview_slot(
        self, app: Application, after: date, minutes: int
    ) -> tuple[datetime, datetime]:
        day = add_business_days(after, self.rng.randint(2, 8))
        hour = self.rng.choice([9, 10, 11, 13, 14, 15, 16])
        minute = self.rng.choice([0, 0, 30])
        start = datetime.combine(day, time(hour, minute), tzinfo=self.zone(app.zone))
        return start, start + timedelta(minutes=minutes)

    def invitation(
        self, app: Application, when: datetime, round_no: int, with_ics: bool
    ) -> tuple[Mail | None, datetime, datetime, list[Person]]:
        r = self.rng
        kind, minutes = INTERVIEW_KINDS[r.randrange(len(INTERVIEW_KINDS))]
        if round_no > 1:
            kind, minutes = r.choice(
                [("final-round interview", 90), ("onsite interview", 120), ("panel interview", 60)]
            )
        start, end = self.interview_slot(app, when.date(), minutes)
        panel = app.interviewers[: (1 if round_no == 1 else r.randint(2, 3))]
        names = " and ".join(
            f"{p.name}, our {self.rng.choice(INTERVIEWER_TITLES)}" if i == 0 else p.name
            for i, p in enumerate(panel)
        )
        loc_short, loc_full = r.choice(LOCATIONS)
        loc_full = loc_full.format(n=r.randint(10**10, 10**11 - 1), c=self.alnum(10).lower())
        written = self.written_time(app, start, end)
        rec = app.recruiter
        u = self.user.first
        if round_no == 1:
            subject = r.choice(
                [
                    f"Interview: {app.role} - {app.company}",
                    f"{app.company} - {app.role} interview",
                    f"Your interview with {app.company}",
                    f"Interview invitation: {app.role} at {app.company}",
                ]
            )
            if app.ats:
                body = (
                    f"Hi {u},\n\n{rec.name} has scheduled an interview with you for the {app.role} "
                    f"position.\n\nWhen: {written}\nInterviewer: {names}\nWhere: {loc_short}\n\n"
                    f"Questions? Reply to this email to reach {rec.first} directly.\n\n"
                )
            elif r.random() < 0.5:
                body = (
                    f"Hi {u},\n\nThank you for applying for the {app.role} position at "
                    f"{app.company}. I'd like to invite you to a {kind} with {names} on "
                    f"{written}. It will be on {loc_short}.\n\n"
                )
            else:
                body = (
                    f"Hello {u},\n\nThanks for your interest in the {app.role} role! We'd love to "
                    f"set up a {minutes}-minute {kind} with {names}, on {written}, by {loc_short}.\n\n"
                    "Our team is small and growing fast, so this conversation will cover both the "
                    "technical side of the work and how we collaborate day to day.\n\n"
                )
            body += (
                "The calendar invitation is attached.\n\n"
                if with_ics
                else "Please reply to confirm that this time works for you.\n\n"
            )
            body += "Best regards,\n" + self.signature(app)
            mail = self.hiring_mail(
                app,
                "hiring:invitation",
                when,
                subject,
                body,
                in_thread=False,
                calendar=(
                    "REQUEST",
                    self.ics(
                        app,
                        start,
                        end,
                        rec,
                        panel,
                        f"{app.company} - {app.role} - {kind}",
                        loc_full,
                        when,
                    ),
                )
                if with_ics
                else None,
            )
            if mail is not None:
                app.thread = [mail]
            return mail, start, end, panel
        subject = "Re: " + app.thread[0].subject if app.thread else f"Final round: {app.role}"
        body = (
            f"Hi {u},\n\nGood news: the team enjoyed the conversation and would like you to move on "
            f"to the final round. It's a {kind} on {written}, with {names}. "
            + ("New invite attached.\n\n" if with_ics else "Please confirm the time works.\n\n")
            + f"{rec.first}\n"
        )
        mail = self.hiring_mail(
            app,
            "hiring:invitation",
            when,
            subject,
            body,
            calendar=(
                "REQUEST",
                self.ics(
                    app,
                    start,
                    end,
                    rec,
                    panel,
                    f"{app.company} - {app.role} - {kind}",
                    loc_full,
                    when,
                ),
            )
            if with_ics
            else None,
        )
        return mail, start, end, panel

    def reply_subject(self, app: Application) -> str:
        base = app.thread[0].subject if app.thread else f"{app.role} - {app.company}"
        return base if base.lower().startswith("re:") else "Re: " + base

    def application(self, app: Application) -> None:
        r = self.rng
        z = app.zone
        span = (date(2026, 11, 20) - self.first_day).days
        applied = self.first_day + timedelta(days=r.randrange(span))
        applied_at = self.business_time(applied, z, 7, 22)
        # The ATS acknowledgement (most applications).
        if r.random() < 0.8:
            self.acknowledgement(
                app.company,
                app.domain,
                app.role,
                applied_at + timedelta(minutes=r.randint(1, 5)),
                app.ats,
            )
        invite_at = self.business_time(applied + timedelta(days=r.randint(4, 21)), z)
        last_end: datetime | None = None
        rounds = 2 if r.random() < 0.25 else 1
        when = invite_at
        for round_no in range(1, rounds + 1):
            with_ics = r.random() < 0.5
            inv, _start, end, panel = self.invitation(app, when, round_no, with_ics)
            if inv is None:
                return
            last_end = end
            # The user confirms the time in about half the threads (a reply to a text-only
            # invitation is the usual way to accept it).
            if r.random() < (0.7 if not with_ics else 0.3):
                reply_at = inv.when + timedelta(minutes=r.randint(20, 300))
                reply = self.user_mail(
                    app,
                    "user:confirm",
                    reply_at.astimezone(self.user_zone),
                    app.recruiter,
                    self.reply_subject(app),
                    f"Hi {app.recruiter.first},\n\nThank you, that time works well for me. I look "
                    f"forward to speaking with {panel[0].first}.\n\nBest regards,\n{self.user.first}\n",
                )
                if reply is not None and r.random() < 0.12:
                    self.out_of_office(app, reply)
            # A hand-written thank-you now and then (the agent should not send a second one).
            if r.random() < 0.06:
                self.user_mail(
                    app,
                    "user:thank_you",
                    (end + timedelta(minutes=r.randint(40, 180))).astimezone(self.user_zone),
                    panel[0],
                    f"Thank you - {app.role}",
                    f"Hi {panel[0].first},\n\nThank you for taking the time to speak with me today "
                    f"about the {app.role} role. I enjoyed learning about the team's work.\n\n"
                    f"Best regards,\n{self.user.name}\n",
                    in_thread=False,
                )
            # A recruiter update after the interview: with a decision date, or without.
            if r.random() < 0.6:
                upd_day = add_business_days(end.date(), r.randint(1, 4))
                upd_at = self.business_time(upd_day, z)
                roll = r.random()
                if roll < 0.5:
                    decide = add_business_days(upd_day, r.randint(4, 10))
                    text = (
                        f"Hi {self.user.first},\n\nThank you again for meeting with {panel[0].first}. "
                        f"We have a few more conversations scheduled, and we expect to make a "
                        f"decision by {self.decision_phrase(app, decide)}. I will contact you "
                        f"either way once we have.\n\nKind regards,\n{app.recruiter.first}\n"
                    )
                elif roll < 0.92:
                    text = (
                        f"Hi {self.user.first},\n\nThanks for your patience. The team is still "
                        "gathering feedback from the interviews, and I'll update you as soon as I "
                        f"hear more.\n\nBest,\n{app.recruiter.first}\n"
                    )
                else:
                    text = (
                        f"Hi {self.user.first},\n\nThe team enjoyed meeting you. As a next step, "
                        "could you send me the names and contact details of two professional "
                        f"references?\n\nThanks,\n{app.recruiter.first}\n"
                    )
                self.hiring_mail(app, "hiring:update", upd_at, self.reply_subject(app), text)
                when = self.business_time(upd_at.date() + timedelta(days=r.randint(1, 5)), z)
            else:
                when = self.business_time(add_business_days(end.date(), r.randint(2, 6)), z)
        assert last_end is not None
        # A manual check-in from the user after a long silence, sometimes answered by an
        # out-of-office.
        if r.random() < 0.12:
            ci_at = self.business_time(
                add_business_days(last_end.date(), r.randint(6, 12)), USER_ZONE
            )
            ci = self.user_mail(
                app,
                "user:check_in",
                ci_at,
                app.recruiter,
                self.reply_subject(app),
                f"Hi {app.recruiter.first},\n\nI hope you're well. I wanted to check in on the "
                f"{app.role} position and see whether there is any update on next steps. I'm still "
                f"very interested.\n\nBest,\n{self.user.first}\n",
            )
            if ci is not None and r.random() < 0.5:
                self.out_of_office(app, ci)
        if app.outcome == "rejection":
            at = self.business_time(last_end.date() + timedelta(days=r.randint(3, 25)), z)
            text = r.choice(
                [
                    f"Hi {self.user.first},\n\nThank you for taking the time to interview for the "
                    f"{app.role} role. After careful consideration, we have decided to move forward "
                    "with other candidates whose experience more closely matches our needs.\n\n"
                    f"We appreciate your interest in {app.company} and wish you the best in your "
                    f"search.\n\nKind regards,\n{app.recruiter.first}\n",
                    f"Hi {self.user.first},\n\nThank you for your time. We've decided to continue "
                    "with another candidate for this role.\n\nAll the best,\n"
                    f"{app.recruiter.first}\n",
                    f"Dear {self.user.first},\n\nThank you for your interest in the {app.role} "
                    f"position at {app.company}. We regret to inform you that we will not be "
                    "moving forward with your application at this time.\n\n"
                    f"{self.signature(app)}",
                ]
            )
            self.hiring_mail(app, "hiring:rejection", at, self.reply_subject(app), text)
        elif app.outcome == "offer":
            at = self.business_time(last_end.date() + timedelta(days=r.randint(2, 10)), z)
            text = (
                f"Hi {self.user.first},\n\nI'm delighted to let you know that we'd like to offer "
                f"you the {app.role} position! I'll send the formal offer letter with the details "
                "on compensation and start date later today. Please let me know if you have any "
                f"questions in the meantime.\n\nWarm regards,\n{app.recruiter.first}\n"
            )
            self.hiring_mail(app, "hiring:offer", at, self.reply_subject(app), text)

    def applications(self) -> list[Application]:
        r = self.rng
        zones = list(ZONES)
        apps: list[Application] = []
        outcomes = ["rejection"] * round(self.n_apps * 0.40) + ["offer"] * round(self.n_apps * 0.05)
        outcomes += ["silence"] * (self.n_apps - len(outcomes))
        r.shuffle(outcomes)
        for i in range(self.n_apps):
            name, domain = self.company()
            zone = r.choices(zones, COMPANY_ZONE_WEIGHTS)[0]
            ats = r.choice(ATS_SENDERS) if r.random() < 0.33 else None
            app = Application(
                index=i,
                company=name,
                domain=domain,
                role=r.choice(ROLES),
                zone=zone,
                recruiter=self.person(domain),
                interviewers=[self.person(domain) for _ in range(3)],
                ats=ats,
                style=r.choice(["gmail", "outlook"]),
                outcome=outcomes[i],
            )
            apps.append(app)
            self.application(app)
        return apps

    # ----------------------------------------------------------------------- noise
    def acknowledgement(
        self,
        company: str,
        domain: str,
        role: str,
        when: datetime,
        ats: tuple[str, str, str] | None,
    ) -> Mail | None:
        if not self.in_year(when):
            return None
        if ats is None:
            ats = self.rng.choice(ATS_SENDERS)
        suffix, ats_domain, product = ats
        sender = Person(f"{company} {suffix}", f"no-reply@{ats_domain}")
        text = (
            f"Hi {self.user.first},\n\nThank you for applying for the {role} position at "
            f"{company}. We have received your application and our team will review it shortly. "
            "If your experience matches what we are looking for, a member of our recruiting team "
            "will be in touch.\n\nIn the meantime, you can check the status of your application "
            f"at any time: https://{ats_domain.split('.')[0]}.example/candidates/{self.hexid(20)}\n\n"
            "This is an automated message; please do not reply.\n\n"
            f"{company} Talent Team\n"
        )
        body_html = self.html_page(
            f"{company} Careers",
            [("Application received", text.replace("\n\n", " "))],
            f"https://{domain}/careers",
            self.rng.randint(2000, 4500),
        )
        return self.build(
            kind="noise:ats_acknowledgement",
            sender=sender,
            to=[self.user],
            when=when,
            subject=self.rng.choice(
                [
                    f"Thank you for applying to {company}",
                    f"We received your application for {role}",
                    f"{company}: application received",
                ]
            ),
            text=text,
            html_body=body_html,
            style="ats",
            extra_headers=[("Auto-Submitted", "auto-generated"), ("X-Mailer", f"{product} Mailer")],
        )

    NEWS_SENTENCES = (
        "Our team spent the past month rebuilding the search index from the ground up.",
        "Readers told us they wanted shorter issues, so this one is a quick read.",
        "The new release cuts cold-start time by a third on older laptops.",
        "We sat down with three founders to ask how they plan a product roadmap.",
        "A new survey of 4,000 developers shows remote work is here to stay.",
        "Spring pricing is live: annual plans now include two extra seats.",
        "Here is what changed in the regulations that took effect this quarter.",
        "City planners are testing car-free Sundays along the waterfront.",
        "Three recipes for busy weeknights, each ready in under thirty minutes.",
        "The community meetup moves to a bigger venue next month.",
        "We fixed the sync bug that some of you reported after the last update.",
        "Long reads for the weekend: energy storage, soil health and old maps.",
        "Tickets for the autumn festival go on sale on Thursday morning.",
        "Our analysts expect mortgage rates to ease slightly before the summer.",
        "This week's chart shows how commuting patterns shifted since 2020.",
        "Members get early access to the new workspace templates.",
        "The library extends its opening hours through the exam season.",
        "A short guide to backing up your photos before you travel.",
    )
    JOB_TITLES = (
        "Senior Data Engineer",
        "Backend Developer (Python)",
        "Product Analyst",
        "Platform Engineer",
        "Staff Software Engineer",
        "Data Analyst II",
        "DevOps Engineer",
        "Analytics Manager",
        "Machine Learning Scientist",
        "Full Stack Engineer",
    )
    CITIES = (
        "Remote",
        "New York, NY",
        "Boston, MA",
        "Chicago, IL",
        "Austin, TX",
        "Denver, CO",
        "Seattle, WA",
    )

    def paragraph(self, n: int) -> str:
        return " ".join(self.rng.choice(self.NEWS_SENTENCES) for _ in range(n))

    def html_page(self, brand: str, blocks: list[tuple[str, str]], home: str, target: int) -> str:
        """A table-based marketing page with inline styles, padded with blocks up to ``target`` bytes."""
        r = self.rng
        head = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n'
            f'<title>{html.escape(brand)}</title>\n<style type="text/css">\n'
            "body{margin:0;padding:0;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}\n"
            "table,td{border-collapse:collapse;mso-table-lspace:0pt;mso-table-rspace:0pt}\n"
            "img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none}\n"
            "@media only screen and (max-width:620px){.container{width:100%!important}"
            ".stack{display:block!important;width:100%!important}.pad{padding:12px!important}}\n"
            "</style>\n</head>\n"
            '<body style="margin:0;padding:0;background-color:#f2f4f6;">\n'
            '<div style="display:none;max-height:0;overflow:hidden;">'
            f"{html.escape(blocks[0][1][:90])}&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;</div>\n"
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            'bgcolor="#f2f4f6"><tr><td align="center" style="padding:24px 0;">\n'
            '<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" '
            'border="0" bgcolor="#ffffff" style="width:600px;">\n'
            f'<tr><td class="pad" style="padding:24px 32px;font-family:Helvetica,Arial,sans-serif;'
            f'font-size:22px;font-weight:bold;color:#1a2b3c;"><a href="{home}" style="color:#1a2b3c;'
            f'text-decoration:none;">{html.escape(brand)}</a></td></tr>\n'
        )
        parts = [head]
        size = len(head)
        i = 0
        while True:
            title, text = (
                blocks[i % len(blocks)]
                if i < len(blocks)
                else (
                    r.choice(self.NEWS_SENTENCES)[:48],
                    self.paragraph(r.randint(2, 4)),
                )
            )
            token = self.hexid(24)
            block = (
                '<tr><td class="pad" style="padding:16px 32px;font-family:Helvetica,Arial,sans-serif;'
                'font-size:15px;line-height:23px;color:#333333;">\n'
                f'<h2 style="margin:0 0 8px 0;font-size:18px;line-height:24px;color:#1a2b3c;">{html.escape(title)}</h2>\n'
                f'<p style="margin:0 0 12px 0;">{html.escape(text)}</p>\n'
                f'<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>'
                f'<td bgcolor="#0b6bcb" style="border-radius:4px;"><a href="{home}/r/{token}?utm_source=email'
                f'&amp;utm_medium=newsletter&amp;utm_campaign=w{r.randint(1, 52)}&amp;utm_content=block{i}" '
                'style="display:inline-block;padding:10px 18px;font-family:Helvetica,Arial,sans-serif;'
                'font-size:14px;color:#ffffff;text-decoration:none;">Read more</a></td></tr></table>\n'
                "</td></tr>\n"
            )
            parts.append(block)
            size += len(block)
            i += 1
            if size >= target - 900 or i > 200:
                break
        foot = (
            '<tr><td style="padding:24px 32px;font-family:Helvetica,Arial,sans-serif;font-size:12px;'
            'line-height:18px;color:#8a8f98;">You are receiving this email because you signed up at '
            f'<a href="{home}" style="color:#8a8f98;">{html.escape(home)}</a>. '
            f'<a href="{home}/unsubscribe?u={self.hexid(16)}" style="color:#8a8f98;">Unsubscribe</a> | '
            f'<a href="{home}/preferences" style="color:#8a8f98;">Manage preferences</a><br />'
            "1200 Market Street, Suite 400, Springfield<br />&copy; 2026 "
            f"{html.escape(brand)}</td></tr>\n</table>\n</td></tr></table>\n"
            f'<img src="{home}/o/{self.hexid(32)}.gif" width="1" height="1" alt="" '
            'style="display:block;border:0;" />\n</body></html>\n'
        )
        parts.append(foot)
        return "".join(parts)

    def noise_time(self, kind: str) -> datetime:
        r = self.rng
        days = (self.last_day - self.first_day).days + 1
        d = self.first_day + timedelta(days=r.randrange(days))
        z = USER_ZONE
        if kind == "job_alert":
            return datetime.combine(d, time(r.randint(5, 7), r.randrange(60)), tzinfo=self.zone(z))
        if kind == "personal" and r.random() < 0.5:
            # Evenings and weekends.
            return datetime.combine(
                d, time(r.randint(18, 22), r.randrange(60)), tzinfo=self.zone(z)
            )
        if r.random() < 0.8:
            return self.business_time(d, z, 8, 18)
        return datetime.combine(d, time(r.randint(6, 22), r.randrange(60)), tzinfo=self.zone(z))

    def list_headers(self, name: str, domain: str) -> list[tuple[str, str]]:
        token = self.hexid(20)
        return [
            ("List-Id", f"{name} <{slug(name)}.list.{domain}>"),
            (
                "List-Unsubscribe",
                f"<https://{domain}/unsubscribe/{token}>, <mailto:unsubscribe-{token}@{domain}>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Precedence", "bulk"),
            ("Feedback-ID", f"{self.rng.randint(1000, 9999)}:{slug(name)}:campaign"),
        ]

    def job_alert(self) -> None:
        r = self.rng
        board, domain = r.choice(
            [
                ("Roundtable Jobs", "roundtable.example"),
                ("HireLoop", "hireloop.example"),
                ("Careerforge", "careerforge.example"),
            ]
        )
        when = self.noise_time("job_alert")
        n = r.randint(8, 25)
        jobs = [
            (
                r.choice(self.JOB_TITLES),
                f"{r.choice(COMPANY_HEADS)} {r.choice(COMPANY_TAILS)}",
                r.choice(self.CITIES),
            )
            for _ in range(n)
        ]
        text = (
            f"{self.user.first}, here are today's {n} new jobs matching your saved search "
            f'"{r.choice(ROLES).lower()}".\n\n'
            + "".join(
                f"* {t} - {c} - {city}\n  https://{domain}/jobs/{self.hexid(12)}?src=alert\n"
                for t, c, city in jobs
            )
            + f"\nSee all {n} jobs: https://{domain}/alerts/{self.hexid(8)}\n\n"
            "You are receiving this email because you created a job alert. "
            f"Unsubscribe: https://{domain}/u/{self.hexid(10)}\n"
        )
        blocks = [
            (
                f"{t}",
                f"{c} - {city} - ${r.randint(90, 210)}k-${r.randint(211, 260)}k - posted {r.randint(1, 6)} days ago. Easy apply.",
            )
            for t, c, city in jobs
        ]
        page = self.html_page(board, blocks, f"https://{domain}", r.randint(5000, 12000))
        self.build(
            kind="noise:job_alert",
            sender=Person(board, f"alerts@{domain}"),
            to=[self.user],
            when=when,
            subject=f"{n} new {r.choice(ROLES)} jobs for you",
            text=text if r.random() < 0.6 else None,
            html_body=page,
            style="bulk",
            extra_headers=self.list_headers(f"{board} alerts", domain),
        )

    NEWSLETTERS = (
        ("The Weekly Byte", "weeklybyte.example"),
        ("Morning Ledger", "morningledger.example"),
        ("City Notes", "citynotes.example"),
        ("Field & Table", "fieldandtable.example"),
        ("Product Dispatch", "productdispatch.example"),
        ("Data Sketches", "datasketches.example"),
        ("The Commute", "thecommute.example"),
        ("Open Source Roundup", "osroundup.example"),
    )
    SHOPS = (
        ("Brightcart", "brightcart.example"),
        ("Northwind Outfitters", "northwindoutfitters.example"),
        ("Paperleaf Books", "paperleaf.example"),
        ("Kettle & Co", "kettleandco.example"),
        ("Voltstream", "voltstream.example"),
    )

    def newsletter(self, promo: bool) -> None:
        r = self.rng
        name, domain = r.choice(self.SHOPS if promo else self.NEWSLETTERS)
        when = self.noise_time("newsletter")
        if promo:
            subject = r.choice(
                [
                    f"{r.randint(15, 40)}% off everything this weekend",
                    "New arrivals picked for you",
                    "Last chance: free shipping ends tonight",
                    f"An exclusive offer for {self.user.first}",
                ]
            )
        else:
            subject = f"{name} #{r.randint(40, 300)}: {r.choice(self.NEWS_SENTENCES)[:-1]}"
        blocks = [
            (r.choice(self.NEWS_SENTENCES)[:48], self.paragraph(r.randint(2, 5)))
            for _ in range(r.randint(3, 8))
        ]
        target = r.randint(3000, 12000)
        page = self.html_page(name, blocks, f"https://{domain}", target)
        text = None
        if r.random() < 0.5:
            text = (
                "\n\n".join(f"{t}\n{p}" for t, p in blocks)
                + f"\n\nUnsubscribe: https://{domain}/unsubscribe\n"
            )
        self.build(
            kind="noise:promo" if promo else "noise:newsletter",
            sender=Person(name, f"{'deals' if promo else 'hello'}@{domain}"),
            to=[self.user],
            when=when,
            subject=subject,
            text=text,
            html_body=page,
            style="bulk",
            extra_headers=self.list_headers(name, domain),
            html_b64=r.random() < 0.3,
        )

    def receipt(self) -> None:
        r = self.rng
        name, domain = r.choice(self.SHOPS)
        when = self.noise_time("receipt")
        order = f"{r.randint(100, 999)}-{r.randint(1000000, 9999999)}"
        items = [
            (
                r.choice(
                    [
                        "Notebook",
                        "Desk lamp",
                        "Running socks",
                        "Coffee beans",
                        "USB-C cable",
                        "Rain jacket",
                        "Paperback",
                    ]
                ),
                r.randint(1, 3),
                r.randint(5, 120),
            )
            for _ in range(r.randint(1, 6))
        ]
        total = sum(q * p for _, q, p in items)
        lines = "".join(f"{n:<20} x{q}  ${q * p:>7.2f}\n" for n, q, p in items)
        text = (
            f"Hi {self.user.first},\n\nThanks for your order. Here is your receipt.\n\n"
            f"Order {order}\n\n{lines}\nTotal: ${total:.2f}\n\n"
            f"Track your package: https://{domain}/orders/{order}\n\n{name} Customer Care\n"
        )
        rows = "".join(
            f'<tr><td style="padding:8px;border-bottom:1px solid #eee;">{html.escape(n)}</td>'
            f'<td style="padding:8px;border-bottom:1px solid #eee;text-align:center;">{q}</td>'
            f'<td style="padding:8px;border-bottom:1px solid #eee;text-align:right;">${q * p:.2f}</td></tr>\n'
            for n, q, p in items
        )
        page = self.html_page(
            name,
            [(f"Order {order}", f"Thanks for your order. Total ${total:.2f}.")],
            f"https://{domain}",
            r.randint(1500, 4500),
        ).replace(
            "</table>\n</td></tr></table>",
            f'<tr><td><table width="100%">{rows}</table></td></tr></table>\n</td></tr></table>',
            1,
        )
        self.build(
            kind="noise:receipt",
            sender=Person(f"{name} Orders", f"orders@{domain}"),
            to=[self.user],
            when=when,
            subject=r.choice(
                [
                    f"Your {name} order {order}",
                    f"Receipt for order #{order}",
                    f"Your order {order} has shipped",
                ]
            ),
            text=text,
            html_body=page,
            style="bulk",
        )

    def notification(self) -> None:
        r = self.rng
        name, domain, subject, text = r.choice(
            [
                (
                    "Cedar Bank",
                    "cedarbank.example",
                    "Your monthly statement is ready",
                    "Your statement for the last month is now available in online banking. Sign in to view it.",
                ),
                (
                    "Nimbus Drive",
                    "nimbusdrive.example",
                    "Your storage is 90% full",
                    "You are using 13.5 GB of your 15 GB. Upgrade your plan or remove files to keep syncing.",
                ),
                (
                    "LinkUp",
                    "linkup.example",
                    f"You appeared in {r.randint(3, 40)} searches this week",
                    "See who is looking at your profile and the companies they work for.",
                ),
                (
                    "Transit Pass",
                    "transitpass.example",
                    "Your pass was topped up",
                    "Your card ending 4821 was topped up with $40.00. Enjoy your ride.",
                ),
                (
                    "Calendar",
                    "calendar.example",
                    "Reminder: dentist appointment tomorrow",
                    "Reminder: Dentist - Dr. Hale, tomorrow at 8:30 AM, 14 Elm Street.",
                ),
            ]
        )
        page = self.html_page(name, [(subject, text)], f"https://{domain}", r.randint(1500, 6000))
        extra = self.list_headers(name, domain) if name == "LinkUp" else []
        self.build(
            kind="noise:notification",
            sender=Person(name, f"notifications@{domain}"),
            to=[self.user],
            when=self.noise_time("notification"),
            subject=subject,
            text=f"Hi {self.user.first},\n\n{text}\n\n{name}\n",
            html_body=page,
            style="bulk",
            extra_headers=extra,
        )

    PERSONAL_SUBJECTS = (
        "Dinner on Saturday?",
        "Photos from the weekend",
        "Re: the book I mentioned",
        "Moving day plans",
        "Happy birthday!",
        "Running club schedule",
        "Recipe you asked for",
        "Trip in August",
    )
    PERSONAL_LINES = (
        "It was so good to see you last week, we should do it again soon.",
        "I found the photos from the lake, attaching a couple of the good ones.",
        "Are you free on Saturday evening? We were thinking of trying the new Thai place.",
        "Mum says hello and asks whether you are still coming for lunch on Sunday.",
        "The book is on the shelf by the door, grab it whenever you are around.",
        "We need two more people for the relay, are you in?",
        "Let me know what works for you and I will book a table.",
        "The weather looks good for the weekend, fingers crossed.",
        "I can bring the folding chairs if you bring the cool box.",
        "No rush at all, just thought I would ask.",
    )

    def personal_thread(self, budget: int) -> int:
        """A conversation with a friend, the user answering in turn. Returns messages written."""
        r = self.rng
        domain = r.choice(
            ["gmail.example", "fastmail.example", "outlook.example", "proton.example"]
        )
        friend = self.person(domain)
        subject = r.choice(self.PERSONAL_SUBJECTS)
        when = self.noise_time("personal")
        n = min(budget, r.choice([1, 1, 2, 2, 3, 4, 6]))
        thread: list[Mail] = []
        for i in range(n):
            from_friend = i % 2 == 0
            sender = friend if from_friend else self.user
            to = self.user if from_friend else friend
            body = " ".join(r.choice(self.PERSONAL_LINES) for _ in range(r.randint(2, 6)))
            text = f"Hi {to.first},\n\n{body}\n\n{sender.first}\n"
            if thread:
                text += "\n" + self.quote(thread[-1], "gmail") + "\n"
            attach = None
            if from_friend and r.random() < 0.15:
                attach = (
                    f"IMG_{r.randint(1000, 9999)}.jpg",
                    "image/jpeg",
                    r.randbytes(r.randint(4000, 12000)),
                )
            mail = self.build(
                kind="noise:personal" if from_friend else "user:personal",
                sender=sender,
                to=[to],
                when=when,
                subject=subject if i == 0 else "Re: " + subject.removeprefix("Re: "),
                text=text,
                html_body=to_html(text),
                style="gmail",
                thread=thread or None,
                attachment=attach,
            )
            thread.append(mail)
            when = when + timedelta(hours=r.randint(1, 30))
            if when >= self.end:
                return i + 1
        return n

    def noise(self, count: int) -> None:
        r = self.rng
        kinds = ["job_alert", "newsletter", "promo", "receipt", "notification", "personal", "ack"]
        weights = [28, 24, 15, 10, 9, 6, 6]
        written = 0
        while written < count:
            kind = r.choices(kinds, weights)[0]
            before = len(self.mails)
            if kind == "job_alert":
                self.job_alert()
            elif kind in ("newsletter", "promo"):
                self.newsletter(kind == "promo")
            elif kind == "receipt":
                self.receipt()
            elif kind == "notification":
                self.notification()
            elif kind == "personal":
                self.personal_thread(count - written)
            else:
                company, domain = self.other_company()
                self.acknowledgement(company, domain, r.choice(ROLES), self.noise_time("ack"), None)
            written += len(self.mails) - before

    # ----------------------------------------------------------------------- all of it
    def run(self) -> Mailbox:
        apps = self.applications()
        self.noise(self.n_messages - len(self.mails))
        self.mails.sort(key=lambda m: m.when.astimezone(UTC))
        return Mailbox(self.user, USER_ZONE, self.start, self.end, self.mails, apps)


def generate(seed: int = 1, applications: int = 200, messages: int = 20_000) -> Mailbox:
    """The mailbox for ``seed``: always the same bytes for the same arguments."""
    return Generator(seed, applications, messages).run()


def write_scenario(box: Mailbox, out: Path) -> Path:
    """Write ``box`` as a scenario directory (replacing ``out/mail``); returns ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    mail_dir = out / "mail"
    if mail_dir.exists():
        shutil.rmtree(mail_dir)
    mail_dir.mkdir()
    (out / "scenario.toml").write_text(
        "# Generated by bench/mailgen.py: a year of one job seeker's mail.\n"
        "[user]\n"
        f'name = "{box.user.name}"\n'
        f'email = "{box.user.email}"\n'
        f'timezone = "{box.zone}"\n\n'
        "[clock]\n"
        f'start = "{box.start.isoformat()}"\n'
        f'end = "{box.end.isoformat()}"\n',
        encoding="utf-8",
    )
    width = max(5, len(str(len(box.mails))))
    for i, mail in enumerate(box.mails, 1):
        (mail_dir / f"{i:0{width}d}.eml").write_bytes(mail.raw)
    return out


def describe(box: Mailbox) -> str:
    counts = box.counts()
    sizes = sorted(len(m.raw) for m in box.mails)
    outcomes = Counter(a.outcome for a in box.applications)
    lines = [
        f"{len(box.mails)} messages, {len(box.applications)} applications "
        f"({outcomes['rejection']} rejected, {outcomes['offer']} offers, {outcomes['silence']} silent)",
        f"sizes: median {sizes[len(sizes) // 2] / 1024:.1f} KB, "
        f"p5 {sizes[len(sizes) // 20] / 1024:.1f} KB, p95 {sizes[len(sizes) * 19 // 20] / 1024:.1f} KB, "
        f"total {sum(sizes) / 1e6:.1f} MB",
    ]
    lines += [f"  {kind:<28} {n:>6}" for kind, n in sorted(counts.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="scenario directory to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    box = generate(args.seed, args.applications, args.messages)
    write_scenario(box, args.out)
    if not args.quiet:
        print(f"wrote {args.out}")
        print(describe(box))
    return 0


if __name__ == "__main__":
    sys.exit(main())
