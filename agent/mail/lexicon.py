"""The words and headers the classifier reads, kept as data.

Each table below is one kind of evidence. ``classify.py`` owns how the
evidence is weighed; this module owns what counts as evidence. Patterns are
written in lower case and matched case-insensitively against one sentence at
a time (or the subject), so a phrase never spans two sentences.

To teach the agent a new wording, add it here; to change a decision, change
``classify.py``.
"""

from __future__ import annotations

import re

#: Typographic apostrophes (as Outlook and Apple Mail type them) read as the ASCII one.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold(text: str) -> str:
    """Text as the patterns expect it: lower case, every apostrophe the ASCII one."""
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_APOSTROPHES)


class Rule:
    """Alternative phrases, matched without regard to case or the apostrophe's shape.

    The text is folded (lower case, "’" read as "'") before matching and the
    pattern compiled without IGNORECASE: the same result, three times faster
    with Python's ``re`` (every pattern here is written in lower case, with
    the ASCII apostrophe).
    """

    def __init__(self, *patterns: str) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns))

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(fold(text))

    def search_lower(self, lowered: str) -> re.Match[str] | None:
        """``search`` for text the caller already folded."""
        return self.pattern.search(lowered)


def _any(*patterns: str) -> Rule:
    return Rule(*patterns)


# --- headers -----------------------------------------------------------------

#: Headers whose presence (with a value other than "no") marks an automatic answer.
AUTO_REPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply")
#: Precedence values that mark an automatic answer (RFC 3834 section 3.1.8 history).
AUTO_PRECEDENCE = frozenset({"auto_reply", "auto-reply"})
#: Precedence values of bulk or list mail.
BULK_PRECEDENCE = frozenset({"bulk", "junk", "list"})
#: Headers of mailing lists and bulk senders (RFC 2369, RFC 2919, RFC 8058). Sending-service
#: tags (Feedback-ID, X-Mailgun-Tag, X-Campaign) are not among them: applicant-tracking systems
#: send their one-to-one mail, interview confirmations included, through the same services.
LIST_HEADERS = ("list-id", "list-unsubscribe", "list-post")

#: Subjects of automatic answers: Exchange, Gmail, and their translations.
AUTO_SUBJECT = _any(
    r"^\s*(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|auto:)",
    r"^\s*(?:out of (?:the )?office|ooo\b|away from (?:the )?office|on vacation|on leave|vacation reply)",
    r"^\s*(?:abwesenheitsnotiz|automatische antwort|réponse automatique|respuesta automática|"
    r"risposta automatica|automatisch antwoord|autosvar)",
)
#: Subjects of delivery failures.
BOUNCE_SUBJECT = _any(
    r"undeliver(?:able|ed)",
    r"delivery (?:status notification|has failed|failure|failed|incomplete)",
    r"mail delivery (?:failed|failure|subsystem)",
    r"returned mail",
    r"failure notice",
    r"could not be delivered",
)

# --- sentences -----------------------------------------------------------------

#: Out-of-office wording in a body.
OUT_OF_OFFICE = _any(
    r"\b(?:i am|i'm|i’m|i will be|i'll be|i’ll be|currently)\s+(?:currently\s+)?"
    r"(?:out of (?:the )?office|away|on (?:vacation|holiday|leave|parental leave|annual leave|pto)|"
    r"travell?ing|off(?: work)?|offline|out)\b",
    r"\bout of (?:the )?office\b",
    r"\b(?:limited|no) access to (?:my )?e-?mail\b",
    r"\bwill (?:respond|reply|get back to you|answer)[^.]{0,40}\b(?:when|upon|on|after) (?:i|my) return",
    r"\bback in the office\b",
    r"\bwithout (?:e-?mail|access)\b",
    # German, French, Spanish, Dutch, Italian, Swedish
    r"\bnicht im (?:büro|haus)\b|\baußer haus\b|\babwesend\b|\babwesenheitsnotiz\b|\bim urlaub\b",
    r"\babsente?\b[^.]{0,30}\bjusqu|\bhors du bureau\b|\ben congés?\b|\babsent du bureau\b",
    r"\bfuera de la oficina\b|\bde vacaciones\b|\bausente\b",
    r"\bafwezig\b|\bniet op kantoor\b|\bmet vakantie\b",
    r"\bfuori ufficio\b|\bin ferie\b|\bpå semester\b|\bfrånvarande\b",
)
#: "We received your application" and other receipts from hiring systems.
ACKNOWLEDGEMENT = _any(
    r"\b(?:we(?: have|'ve|’ve)?|have) (?:successfully )?received your (?:application|resume|cv|submission|message|email|request)",
    r"\byour (?:application|submission|resume|cv|request) (?:has been|was) (?:successfully )?(?:received|submitted)",
    r"\bthis is an automated (?:message|response|email|reply|notification)",
    r"\b(?:application|request) (?:received|confirmation|submitted)\b",
)
#: An automatic answer's promise of a reply later ("I read everything and will reply within 48
#: hours"): a receipt, but only in mail already marked automatic (people write this too).
REPLY_PROMISE = _any(
    r"(?:'ll|\bwill) (?:reply|respond|get back to you|be in touch|answer)[^.]{0,30}"
    r"\bwithin (?:\d+|one|two|three|a few|a couple of) (?:hours|business days|working days|days)\b",
)
#: Thanks for applying: a receipt when a system sends it, an update when a person does.
THANKS_FOR_APPLYING = _any(
    r"\bthank(?:s| you) for (?:applying|your (?:application|interest|submission))\b",
)
#: Conditional or future wording: "we will contact you to schedule an interview if...".
CONDITIONAL = _any(
    r"\bif (?:you are|you're|your|we|there is|there's|selected|shortlisted|successful|it|you)\b",
    r"\bshould (?:your|you|we)\b",
    r"\bonce (?:we|our|the team|your)\b",
    r"\b(?:will|may|might) (?:be in touch|reach out|contact you)\b[^.]{0,60}\b(?:to schedule|to arrange|for an? interview)",
    r"\bin (?:the|that) case\b",
    r"\bwhether\b",
)

REJECTION = _any(
    r"\b(?:not|won't|will not|unable to|cannot|can't) (?:be )?(?:moving|move|proceed|proceeding|progress|progressing|"
    r"advance|advancing|continu\w*|tak\w+) (?:forward |further )?(?:with your (?:application|candidacy)|with you|"
    r"your (?:application|candidacy)|to the next (?:stage|round|step))",
    r"\bnot (?:be )?(?:moving|going) forward\b",
    r"\b(?:decided|chosen|opted|elected|going|chose) (?:to )?(?:move|proceed|go|continue|pursue|progress)"
    r" (?:forward |ahead )?with (?:an?other|other|different|a different) (?:candidate|applicant|profile)",
    # "we've decided to go ahead with a candidate whose experience lines up more closely"
    r"\b(?:decided|chosen|opted|elected|chose) (?:to )?(?:move|proceed|go|continue|progress)"
    r" (?:forward |ahead )?with (?:a|one|the) (?:candidate|applicant|person) (?:who|whose|that|with)\b",
    r"\b(?:decided|chosen|opted) to (?:pursue|continue with|proceed with|move forward with)"
    r" (?:an?other|other|a different)",
    r"\bpursue other candidates\b",
    r"\b(?:position|role|opening|vacancy|job) has (?:now )?been (?:filled|closed)\b",
    r"\bwe have (?:now )?filled (?:the|this) (?:position|role)",
    r"\bnot (?:been )?(?:selected|shortlisted|successful)\b",
    r"\b(?:you|application|candidacy)\b[^.]{0,20}?\w+n't (?:been )?(?:selected|shortlisted|successful)\b",
    r"\b(?:went|gone|(?:decided|chosen|chose|opted) to go|moved|proceeded)"
    r" (?:forward |ahead )?with (?:someone|somebody|"
    r"another (?:person|candidate|applicant)|an? (?:internal|external|different) (?:candidate|applicant|hire))\b",
    r"\b(?:hired|selected|chosen|chose|picked|offered (?:the|this) (?:role|position|job) to|(?:going|go|went|gone)"
    r" with) (?:someone|somebody) else\b",
    r"\b(?:were|was) unsuccessful\b",
    r"\bunable to offer you\b",
    r"\bnot (?:a|the) (?:right |good |strong )?(?:match|fit)\b",
    r"\bregret to (?:inform|let you know|tell you)\b",
    r"\b(?:go|going|went) (?:in )?(?:a )?(?:different|another) direction\b",
    r"\bno longer (?:under consideration|being considered|considering)\b",
    r"\bwill not be (?:progressing|proceeding|advancing|offering|extending)\b",
    r"\bdecided not to (?:proceed|move forward|progress|offer|extend|continue)\b",
    r"\b(?:other|another) candidates? (?:whose|who) (?:experience|background|skills|qualifications)",
    r"\b(?:closer|better) (?:match|fit|aligned)\b[^.]{0,60}\b(?:needs|requirements|role)",
    r"\bregret de vous informer\b|\bne (?:donnerons|pouvons) pas (?:donner )?suite\b|\bpas été retenue?\b",
    r"\bleider\b[^.]{0,120}\b(?:absagen|absage|nicht berücksichtigen|nicht weiter|für (?:einen |eine )?andere|anders entschieden)",
    r"\blamentamos (?:informarle|comunicarle)\b|\bno (?:ha sido|has sido) seleccionad[oa]\b|"
    r"\bno continuar(?:emos)? con (?:su|tu) candidatura\b",
    r"\bnão (?:foi|será) (?:selecionad[oa]|possível avançar)\b",
)
OFFER = _any(
    r"\b(?:pleased|happy|delighted|excited|thrilled|glad) to (?:formally )?(?:offer you|extend (?:you )?"
    r"(?:an?|the|our|this) (?:formal |verbal |written )?offer|make you an offer)",
    r"\bextend(?:ing)? (?:you )?(?:an?|our) (?:formal |verbal |written |official )?offer\b",
    r"\b(?:your|the attached|attached(?: is)?(?: your| the)?) (?:formal |written |official )?offer(?: letter| of employment| package| details)?\b",
    r"\boffer (?:letter|of employment)s? (?:is |are )?(?:attached|enclosed|on (?:its|the) way)\b",
    r"\boffer of employment\b",
    r"\b(?:formal|verbal|written|official) offer (?:for|to) you\b|\bextend(?:ing)? you a (?:formal |verbal |written )?offer\b",
    r"\boffer you the (?:position|role|job)\b",
    r"\b(?:accept|review|sign)(?:ing)? (?:the|your|this|our) offer\b",
    r"\b(?:'d|would) (?:like|love) to offer you\b|\b(?:are|is) offering you\b",
    r"\boffer you the\b[^.]{0,60}\b(?:position|role|job)\b",
    r"\b(?:send|sending|prepare|preparing|issue|issuing|draft|drafting) (?:over )?(?:you )?(?:the|your|a|an) "
    r"(?:formal |written |official )?offer(?: letter| of employment)?\b",
    r"\b(?:the|a) (?:formal|written|official) offer letter\b",
)
#: Wording that mentions an offer without making one.
OFFER_NEAR_MISS = _any(
    r"\b(?:before|prior to|ahead of|at|reach(?:ing)?|towards?) the offer (?:stage|step|phase)",
    r"\bif (?:we|they) (?:make|extend) (?:you )?an offer\b",
    r"\bwe offer\b",
    r"\b(?:unable|not able) to (?:offer|extend)\b",
    r"\bbefore (?:we|any) (?:make|extend)",
)

INVITATION = _any(
    r"\b(?:like|love|want|happy|pleased|delighted|excited)(?: to)? (?:to )?invite you\b",
    r"\binvit(?:e|ing|ation) (?:you )?(?:to|for) (?:an?|the|your|our)?\s*(?:\w+[ -]){0,4}"
    r"(?:interview|call|chat|conversation|meeting|screen|onsite|on-site|session|assessment|round|panel)",
    r"\binterview invitation\b|\binvitation to interview\b",
    r"\b(?:schedul|arrang|set(?:ting)? up|book)(?:e|ed|ing)? (?:up )?(?:an?|the|your|our|a time for (?:an?|your)?)\s*"
    r"(?:\w+[ -]){0,3}(?:interview|call|chat|conversation|meeting|screen|onsite|on-site)",
    r"\b(?:interview|call|chat|meeting|screen|onsite|session)s? (?:has been |is |are |was )?"
    r"(?:now )?(?:scheduled|booked|confirmed|set|rescheduled|moved|changed)\b",
    r"\b(?:confirm(?:ing)?|confirmation of) (?:your|the|our) (?:\w+ ){0,3}(?:interview|call|chat|meeting|onsite)",
    r"\b(?:pick|choose|select|book|grab) (?:an?|the|your|any)?\s*(?:\d+[- ]minute\s+)?(?:time|slot|time ?slot|date)s?\b",
    r"\b(?:your|share your|send (?:me|us) your|let (?:me|us) know your) availability\b",
    r"\bwhen (?:are|would) you (?:be )?(?:available|free)\b",
    r"\bavailab(?:le|ility) (?:for|to) (?:an?|the)\s*(?:\w+ ){0,3}(?:interview|call|chat|conversation|meeting|onsite)",
    r"\b(?:rescheduled?|moved) (?:your|the|our) (?:\w+ ){0,2}(?:interview|call|meeting)",
    r"\bthe (?:interview|call) (?:will|would) (?:take place|be held|last)\b",
    r"\b(?:speak|meet|chat|talk) with you (?:on|at|next|this|tomorrow)\b",
    r"\blook(?:ing)? forward to (?:speaking|meeting|chatting|talking) (?:with|to) you (?:on|at|next|this|tomorrow)",
    r"\b(?:like|love|want|invite) (?:you )?to (?:meet|speak with|talk (?:to|with)|chat with|sit down with)\b",
    r"\bfor an? (?:final|follow-up|second|third|technical|informal|short|quick|brief|further)\s+"
    r"(?:conversation|chat|call|round|discussion|meeting)\b",
    r"\b(?:cancel(?:led|ed)?|cancel(?:ling|ing)) (?:your|the|our) (?:\w+ ){0,2}(?:interview|call|meeting)",
)
#: Scheduling systems whose links make an invitation without a time.
SCHEDULING_LINK = _any(
    r"\bcalendly\.",
    r"\bgoodtime\.",
    r"\bcal\.com/",
    r"\bsavvycal\.",
    r"\byoucanbook\.me",
    r"\boncehub\.|\bscheduleonce\.",
    r"\bdoodle\.",
    r"\bcalendar\.app\.google/",
    r"\b(?:outlook\.office(?:365)?\.com/(?:owa/calendar|book)|bookings\.)",
    r"\bchilipiper\.",
    r"\bgreenhouse\.[a-z.]+/\S*(?:schedul|availab)",
    r"\blever\.[a-z.]+/\S*(?:schedul|book|availab)",
    r"\bashbyhq\.[a-z.]+/\S*(?:schedul|book|availab)",
    r"\b(?:schedul|booking|availability)\S*\.(?:greenhouse|lever|ashbyhq)",
    r"\bhttps?://\S*/(?:schedule|scheduling|book|booking|availability|self-schedule)\b",
    r"\beasy ?book\b",
)

#: Words that tie a message to a job application.
JOB_CONTEXT = _any(
    r"\b(?:position|role|opening|vacancy|vacancies|job|requisition|req\b|candidacy|candidate|applicant|"
    r"application|applied|applying|hiring|recruit\w*|talent|resume|résumé|cv\b|hiring manager|"
    r"interview(?:s|ed|ing|er|ers)?|onsite|on-site|phone screen|offer|references|referees)\b",
    r"\b(?:bewerbung|stelle|vorstellungsgespräch|candidature|poste|entretien|candidatura|puesto|entrevista|"
    r"vaga|sollicitatie|vacature|ansökan|tjänst)\b",
)
#: Words that tie a message to a job application beyond "interview" (which has other senses).
STRONG_JOB = _any(
    r"\b(?:position|role|opening|vacancy|vacancies|requisition|candidacy|candidate|applicant|"
    r"application|applied|applying|hiring|recruit(?:er|ers|ing|ment)|talent acquisition|hiring manager|"
    r"resume|résumé|cv\b|job offer|offer letter|onsite|on-site|phone screen)\b",
    r"\b(?:bewerbung|stelle|vorstellungsgespräch|candidature|poste|entretien|candidatura|puesto|entrevista|"
    r"vaga|sollicitatie|vacature|ansökan|tjänst)\b",
)
#: Interview-like words (any sense).
INTERVIEW_WORD = _any(r"\binterview\w*", r"\bphone screen\b", r"\bonsite\b|\bon-site\b")
#: Meeting words an invitation names.
MEETING_WORD = _any(
    r"\binterview\w*|\bcall\b|\bchat\b|\bconversation\b|\bmeet(?:ing)?\b|\bscreen(?:ing)?\b|"
    r"\bonsite\b|\bon-site\b|\bpanel\b|\bsession\b|\bvideo\b|\bzoom\b|\bteams\b|\bgoogle meet\b"
)
#: "Interview" in another sense: press, podcasts, research, tips, events.
OTHER_SENSE = _any(
    r"\bpodcast\b|\bepisode\b|\bblog\b|\bpress\b|\bjournalist\b|\breporter\b|\barticle\b|\bmagazine\b|"
    r"\bnewspaper\b|\bstory\b|\bfeature (?:piece|story)\b|\bspeakers?\b|\bpanelists?\b|\bcorrespondent\b|"
    r"\bfor (?:the|our|an?) (?:piece|feature|show|series|segment|bulletin)\b",
    r"\bwebinar\b|\bworkshop\b|\bmasterclass\b|\bcourse\b|\binterview tips\b|\bace (?:your|the) interview\b|"
    r"\binterview (?:prep|preparation|skills|questions)\b|\bmock interview\b|\bcareer (?:fair|advice|coach)",
    r"\buser research\b|\bresearch (?:study|session|participants?)\b|\busability\b|\bsurvey\b|"
    r"\bcustomer (?:interview|research|feedback)\b|\bproduct feedback\b|\bgift card\b|\bincentive\b|"
    r"\bparticipants?\b|\bparticipate in (?:a|our)\b|\bstudy\b",
)
#: Job boards, alerts and newsletters.
NEWSLETTER = _any(
    r"\bnew jobs?\b|\bjobs? (?:for you|matching|you might like|alert)\b|\bjob alert\b|\bmatches? (?:for|your)\b|"
    r"\bweekly digest\b|\bnewsletter\b|\bunsubscribe\b|\bmanage (?:your )?(?:alerts|preferences|subscriptions)\b|"
    r"\bappeared in \d+ searches\b|\brecommended (?:jobs|for you)\b|\bview all jobs\b|\bsee all (?:matches|jobs)\b",
    r"\bissue #?\d+\b|\bread (?:it )?online\b|\bview (?:this (?:e-?mail )?)?in (?:your |a )?browser\b|"
    r"\bforward (?:this )?to a friend\b|\bhi friend\b|\bdear (?:reader|subscriber)s?\b",
)
#: Unsolicited outreach: someone else's idea of a job, not the user's application.
COLD_OUTREACH = _any(
    r"\bcame across your (?:profile|background|resume|cv)\b",
    r"\byour (?:profile|background|experience) (?:caught|stood out|looks|is impressive)",
    r"\bopen to (?:new )?(?:opportunities|roles|a (?:new )?(?:role|move|opportunity))\b",
    r"\bexploring (?:new )?(?:opportunities|roles)\b",
    r"\b(?:would|might) you be (?:interested|open)\b",
    r"\bare you (?:currently )?(?:looking|open|interested)\b",
)
#: "Job offer" scams from free-mail senders.
SCAM = _any(
    r"\bbank (?:details|account|information)\b",
    r"\b(?:social security|ssn)\b",
    r"\bwhats ?app\b|\btelegram\b|\bsignal app\b",
    r"\$\s?\d[\d,]*\s*(?:per|/|a)\s*(?:week|day|hour)",
    r"\b(?:no|without) (?:interview|experience) (?:required|needed)\b",
    r"\bcongratulations?[,!]? you (?:have been|are|were) (?:selected|chosen|shortlisted|hired)\b",
    r"\b(?:send|provide) (?:us )?(?:your )?(?:bank|id|passport|payment)\b",
    r"\bcheck (?:to|for) (?:purchase|buy)\b|\bequipment (?:purchase|check)\b",
    r"\bwork from home\b[^.]{0,40}\$",
)

UPDATE = _any(
    r"\b(?:let you know|hear back|hear from (?:us|me|them)|get back to you|come back to you|be in touch|"
    r"keep you (?:posted|updated)|update you|circle back|follow up with you|reach out|debrief\w*)\b",
    r"\b(?:decision|decide|deciding|decided|finali[sz]e|wrap(?:ping)? up)\b",
    r"\bnext steps?\b|\btimeline\b|\bupdate on\b|\bstatus of your\b",
    r"\bstill (?:reviewing|interviewing|deciding|evaluating|considering|meeting|talking)\b",
    r"\b(?:references?|referees?|reference check|background check|portfolio|transcripts?|work samples?|"
    r"documents?|right to work|salary expectations)\b",
    r"\bthank(?:s| you) for (?:your time|interviewing|meeting|speaking|the (?:conversation|chat|interview|call)|coming in)",
    r"\b(?:enjoyed|great|pleasure) (?:our|your|the|speaking|meeting|talking|chatting)\b",
    r"\b(?:impressed|feedback)\b",
    r"\bseeing (?:a few )?(?:more|other) (?:people|candidates)\b",
)
#: The hiring side asks for references.
ASKS_REFERENCES = _any(
    r"\b(?:send|share|provide|forward|give)\b[^.?]{0,60}\b(?:references|referees)\b",
    r"\b(?:references|referees)\b[^.?]{0,60}\b(?:contact details|details|names|could you|please|we can contact)",
    r"\breference (?:check|checks|details)\b",
    r"\b(?:two|three|2|3) (?:professional )?(?:references|referees)\b",
)
#: A request of the candidate: the ball is in their court (not "let me know if you have questions").
ASKS_SOMETHING = _any(
    r"\b(?:could|can|would|will) you (?:please |kindly )?(?:send|share|provide|confirm|complete|fill|sign|"
    r"upload|forward|give|tell|introduce|let (?:me|us) know (?:your|when|whether|which|what|if (?:you(?:'re| are)|that)))",
    r"\bplease (?:send|share|provide|confirm|complete|fill|sign|upload|forward|book|pick|choose|select|"
    r"reply with|let (?:me|us) know (?:your|when|whether|which|what|if (?:that|this|the)))",
    r"\bkindly (?:send|share|provide|confirm|complete|fill|sign|upload|forward|reply)",
    r"\bwe(?:'d| would) need (?:you|your)\b|\bwe need (?:you|your)\b",
    r"\b(?:are|is|would|will|do|does|can|could) (?:you|that|this|[a-z]+day)\b[^.?]{0,80}\?",
    r"\bwhen (?:are|would|will) you\b[^.?]{0,60}\?",
)
#: News about the timeline that promises more later ("I'll be in touch", "still deciding").
TIMELINE_NEWS = _any(
    r"\b(?:get|come) back to you\b|\bbe (?:back )?in touch\b|\blet you know\b|\bkeep you (?:posted|updated|informed)\b",
    r"\bupdate you\b|\bcircle back\b|\breach out\b|\bhear (?:back|from (?:us|me|them))\b|\bwhen (?:i|we) know more\b",
    r"\bstill (?:reviewing|interviewing|deciding|evaluating|considering|meeting|talking|waiting)\b",
    r"\b(?:seeing|meeting|interviewing) (?:a few |some |two |three )?(?:more|other) (?:people|candidates)\b",
    r"\b(?:paused|on hold|pending)\b",
)
#: A question that is only a courtesy: "Any questions?", "let me know if you have questions".
COURTESY_QUESTION = _any(r"\bquestions?\b", r"\bhow are you\b", r"\bhope (?:you|this)\b")

#: Titles a role name ends with (for telling roles from other capitalised phrases).
ROLE_NOUNS = frozenset(
    [
        "engineer",
        "developer",
        "manager",
        "analyst",
        "designer",
        "scientist",
        "specialist",
        "coordinator",
        "director",
        "lead",
        "architect",
        "consultant",
        "administrator",
        "technician",
        "officer",
        "associate",
        "intern",
        "internship",
        "nurse",
        "accountant",
        "writer",
        "editor",
        "researcher",
        "representative",
        "assistant",
        "advisor",
        "adviser",
        "owner",
        "head",
        "president",
        "programmer",
        "strategist",
        "marketer",
        "recruiter",
        "partner",
        "principal",
        "chemist",
        "biologist",
        "physician",
        "therapist",
        "pharmacist",
        "teacher",
        "lecturer",
        "professor",
        "tester",
        "planner",
        "producer",
        "operator",
        "supervisor",
        "controller",
        "auditor",
        "economist",
        "statistician",
        "cartographer",
        "surveyor",
        "librarian",
        "counsel",
        "attorney",
        "paralegal",
        "agent",
        "executive",
        "clerk",
        "mechanic",
        "electrician",
        "machinist",
        "chef",
        "cook",
        "driver",
        "pilot",
        "translator",
        "instructor",
        "trainer",
        "fellow",
        "apprentice",
        "sre",
        "devops",
        "qa",
        "ux",
        "ui",
        "cto",
        "cfo",
        "ceo",
        "vp",
        "evangelist",
        "advocate",
        "steward",
        "buyer",
        "merchandiser",
        "investigator",
        "inspector",
        "hygienist",
        "dentist",
        "veterinarian",
        "pharmacologist",
        "geologist",
        "hydrologist",
        "epidemiologist",
        "coach",
        "counselor",
        "counsellor",
        "actuary",
        "roaster",
        "barista",
        "baker",
        "butcher",
        "brewer",
        "sommelier",
        "bartender",
        "server",
        "cashier",
        "receptionist",
        "secretary",
        "nanny",
        "caregiver",
        "carer",
        "midwife",
        "paramedic",
        "surgeon",
        "doctor",
        "radiographer",
        "optometrist",
        "dietitian",
        "nutritionist",
        "psychologist",
        "worker",
        "welder",
        "plumber",
        "carpenter",
        "joiner",
        "technologist",
        "archivist",
        "curator",
        "conservator",
        "historian",
        "journalist",
        "photographer",
        "videographer",
        "illustrator",
        "animator",
        "artist",
        "musician",
        "copywriter",
        "estimator",
        "underwriter",
        "broker",
        "banker",
        "trader",
        "quant",
        "housekeeper",
        "concierge",
        "host",
        "attendant",
        "courier",
        "dispatcher",
        "handler",
        "lifeguard",
        "ranger",
        "forester",
        "gardener",
        "landscaper",
        "farmer",
        "vet",
        "generalist",
        "ambassador",
        "liaison",
        "expert",
        "practitioner",
        "modeller",
        "modeler",
        "officer",
    ]
)
