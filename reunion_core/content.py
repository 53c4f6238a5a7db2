"""The two seed texts as data: stages, signs, questions, warning signs, resources and tips.

Screens iterate over these tuples, so adding a stage, a sign or a question never touches a page.
Wording follows the seeds in meaning; where a seed is informal it is said here in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

# Every phrase that speaks of their stage or openness, weighs the person's sense of them against the
# signs, or suggests a step toward them is written through about_them(). A screen may show one only
# when guidance.heard() says the path is RECONNECTING (ui/frame.py: Frame.speaks_of_them), and
# tests/test_voice.py proves, on every page and in every state that changes the path, that none of
# them is on screen otherwise: a phrase written here is covered the day it is written.
ABOUT_THEM: list[str] = []


def about_them(text: str) -> str:
    ABOUT_THEM.append(text)
    return text


@dataclass(frozen=True)
class Sign:
    """Something you can observe in how your ex treats you; it points at one reactance stage."""

    key: str
    text: str
    stage: str


@dataclass(frozen=True)
class ReactanceStage:
    """One of the five stages of the ex's emotional reactance (their side)."""

    key: str
    number: int
    name: str
    short: str  # fits a phone-width axis
    summary: str
    low: int  # openness band, inclusive
    high: int
    signs: tuple[Sign, ...]
    focus: str
    gloss: str = ""  # the metaphor in plain words, said beside the name wherever it appears


@dataclass(frozen=True)
class ReconnectionStage:
    """One of the seven stages of reconnecting (your side)."""

    key: str
    number: int
    name: str
    short: str  # fits a phone-width axis
    summary: str
    prompts: tuple[str, ...]
    ready_when: str
    next_step: str
    tips: tuple[str, ...]  # keys into TIPS
    gloss: str = ""  # the name in plain words (several are metaphors), said beside it for screen readers too


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class DiagnosticQuestion:
    """One of the six questions to ask before any stage: a structured answer plus a reflection."""

    key: str
    text: str
    why: str
    choices: tuple[Choice, ...]
    reflection_prompt: str


@dataclass(frozen=True)
class Statement:
    """A yes/no statement: a pause sign or a red flag."""

    key: str
    text: str


@dataclass(frozen=True)
class Resource:
    """A place to get help. Kept as data so a person's own local line can sit beside these."""

    key: str
    name: str
    region: str
    phone: str
    text: str
    details: str
    tel: str = ""  # what a phone dials (tel:), when the line has a number
    sms: str = ""  # what a phone texts (sms:), when the line takes texts

    @property
    def call_md(self) -> str:
        """The number as a link a phone can call, that never breaks across lines."""
        shown = self.phone.replace("-", "\u2011").replace(" ", "\u00a0")  # non-breaking hyphens and spaces
        return f"[{shown}](tel:{self.tel})" if self.tel else f"**{shown}**"

    @property
    def text_md(self) -> str:
        """The text line as a link a phone can text from ("" when the line takes no texts)."""
        return f"[{self.text}](sms:{self.sms})" if self.sms and self.text else self.text


@dataclass(frozen=True)
class Tip:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Screen:
    """What one screen is called and the one line that says what it is for."""

    title: str
    purpose: str
    nav: str = ""  # its name in the navigation, when not its title


# --- Their side: emotional reactance -------------------------------------------------------
# Openness is "how open are they to you right now", 0-100; reactance is its complement.
# The bands are symmetric around 50, the seed's 49-51 see-saw point, which is Riding the Dragon.

REACTANCE_STAGES: tuple[ReactanceStage, ...] = (
    ReactanceStage(
        key="wall",
        number=1,
        name="Wall of Reactance",
        short="Wall",
        summary="They will not talk to you at all.",
        low=0,
        high=19,
        signs=(
            Sign("no_reply", "No reply to your messages", "wall"),
            Sign("calls_ignored", "Calls go unanswered", "wall"),
        ),
        focus="Give space. Work on yourself; pushing now only raises the wall.",
        gloss="they won't talk to you yet",
    ),
    ReactanceStage(
        key="test_drive",
        number=2,
        name="Test Drive",
        short="Test Drive",
        summary="They answer sometimes, briefly, without emotional investment.",
        low=20,
        high=39,
        signs=(
            Sign("one_word", "One-word or very short replies", "test_drive"),
            Sign("heavy_lifting", "You do the heavy lifting in every conversation", "test_drive"),
            Sign("never_start", "They reply now and then but never start contact", "test_drive"),
        ),
        focus="Keep contact light and pleasant, with no pressure and no agenda.",
        gloss="they reply, briefly, without much interest",
    ),
    ReactanceStage(
        key="dragon",
        number=3,
        name="Riding the Dragon",
        short="Dragon",
        summary="Their feelings see-saw around the 50/50 point: hot and cold.",
        low=40,
        high=60,
        signs=(
            Sign("hot_cold", "Warm one day, cold the next", "dragon"),
            Sign("mixed_messages", "Mixed messages you can't read", "dragon"),
            Sign("warm_then_silent", "A long friendly chat, then silence", "dragon"),
        ),
        focus="Stay steady. Small good moments tip the balance; don't chase the cold days.",
        gloss="warm one day, cold the next",
    ),
    ReactanceStage(
        key="crisis",
        number=4,
        name="Crisis Point",
        short="Crisis",
        summary="They enjoy your time yet discourage it, facing what getting back would cost.",
        low=61,
        high=80,
        signs=(
            Sign("hesitant", "They enjoy your time together, yet hesitate over what getting back would mean", "crisis"),
            Sign(
                "obstacles",
                "They mention obstacles: a rebound partner, what friends or family will say",
                "crisis",
            ),
        ),
        focus="Be patient and reassuring; let them face their obstacles at their own pace.",
        gloss="they enjoy your time, yet hold back",
    ),
    ReactanceStage(
        key="new_beginnings",
        number=5,
        name="New Beginnings",
        short="New Beginnings",
        summary="Reactance is near zero: they are open and agreeable about getting back.",
        low=81,
        high=100,
        signs=(
            Sign("openly_warm", "Openly warm and agreeable with you", "new_beginnings"),
            Sign("open_to_talk", "Open to talking about getting back together", "new_beginnings"),
            Sign("they_initiate", "They start contact and make plans with you", "new_beginnings"),
        ),
        focus="Talk together about how you'd make a healthier relationship this time.",
        gloss="they are open to trying again",
    ),
)

ALL_SIGNS: tuple[Sign, ...] = tuple(s for stage in REACTANCE_STAGES for s in stage.signs)

# What they said that is not a rung on the ladder. A request for no contact, or a block, is a
# boundary: it is respected, not read as a stage. Discouragement is taken at its word: it never
# counts as openness ("discouraging" signs point to no stage).
BOUNDARY_SIGN = Sign("asked_no_contact", "They asked me not to contact them, or blocked me", "boundary")
BOUNDARY_RESPONSE = "asked_stop"  # a contact's answer that is their request for no contact
DISCOURAGING_SIGNS: tuple[Sign, ...] = (
    Sign("bad_idea", "They said 'this is a bad idea'", "discouraging"),
    Sign("enjoy_but_discourage", "They discouraged meeting, even if they seemed to enjoy it", "discouraging"),
)
SAID_SIGNS: tuple[Sign, ...] = (BOUNDARY_SIGN, *DISCOURAGING_SIGNS)

# --- Your side: seven stages of reconnecting --------------------------------------------------

YOUR_STAGES: tuple[ReconnectionStage, ...] = (
    ReconnectionStage(
        key="bubble_space",
        number=1,
        name="Bubble space",
        gloss="no contact while you both cool down",
        short="Bubble space",
        summary="No contact: no talking, no touching, no texting, so both of you cool down. "
        "This stage can be lonely and even scary; it gets easier with each day.",
        prompts=(
            "What feelings are still running hot, and what helps them cool?",
            "Who did you talk to today: a friend, family, a therapist?",
            "What was hardest about being alone today, and what was easier than yesterday?",
            "It's normal to miss them. What do you miss, and what don't you?",
        ),
        ready_when="The intense feelings have cooled and each day feels a little easier.",
        next_step="Keep no contact today, and reach out to one friend or family member instead.",
        tips=("self_care",),
    ),
    ReconnectionStage(
        key="defining_yourself",
        number=2,
        name="Defining yourself without them",
        gloss="knowing who you are on your own",
        short="Defining you",
        summary="Get to know who you are on your own, and look back honestly.",
        prompts=(
            "How do you spend your time now that it is only yours?",
            "What music, clothes and shows are you choosing for yourself?",
            "How do you feel on your own: elated, lonely, wistful?",
            "Looking back without rose-coloured glasses, what pattern would you not repeat?",
        ),
        ready_when=(
            "You know who you are without them, and after months you still truly want "
            "to make contact: not on impulse."
        ),
        next_step="Write one honest line about the relationship as it really was.",
        tips=("self_care",),
    ),
    ReconnectionStage(
        key="dip_a_toe",
        number=3,
        name="Dip a toe in the water",
        gloss="light, friendly contact",
        short="Dip a toe",
        summary="Low-stakes contact: a daytime text, a short call, with healthy boundaries.",
        prompts=(
            "Do you feel jealousy or competitiveness about their time apart?",
            "Did you offer an olive branch without expecting anything back?",
            "Did you keep it light, or lay it on too thick too fast?",
        ),
        ready_when="Contact is easy and friendly, and you feel no need to pry or to brag.",
        next_step="Send one light, low-stakes message, and expect nothing back.",
        tips=("boundaries", "i_statements"),
    ),
    ReconnectionStage(
        key="reboot_date",
        number=4,
        name="The reboot date",
        gloss="a second first date, slow and steady",
        short="Reboot date",
        summary="The second first date: lead with your head, keep it slow and steady.",
        prompts=(
            "Did you lead with your head rather than your heart?",
            "What did you learn about who they are now?",
            "Are you assuming there will be a second date?",
        ),
        ready_when="You have met more than once and both want to keep dating, calmly.",
        next_step="Plan one calm, short date, and take a few minutes to breathe before it.",
        tips=("micro_dates", "i_statements"),
    ),
    ReconnectionStage(
        key="no_news",
        number=5,
        name="No news is good news",
        gloss="calm, without drama",
        short="No news",
        summary="A calm, undramatic new dynamic: say what you need and ask what they need.",
        prompts=(
            "What do you need from this new chapter, and have you said it?",
            "What do they expect from you?",
            "Are you keeping your new self-care routines?",
        ),
        ready_when="You have both said what you expect, and new boundaries are kept.",
        next_step="Say one thing you need, as an I-statement, and ask what they need.",
        tips=("i_statements", "boundaries", "self_care"),
    ),
    ReconnectionStage(
        key="whole_new_you_two",
        number=6,
        name="A whole new you two",
        gloss="new versions of you both",
        short="New you two",
        summary="A new version of you with a new version of them: is it new, or a repeat?",
        prompts=(
            "Does this feel like a new beginning or a repeat?",
            "Do you feel the same as before, or renewed and relaxed?",
            "What would you tell a friend, family member or therapist about it?",
        ),
        ready_when="It feels renewed rather than repeated, and you both want to go on.",
        next_step="Talk with someone you trust about whether this feels new or repeated.",
        tips=("micro_dates", "i_statements"),
    ),
    ReconnectionStage(
        key="redefining_love",
        number=7,
        name="Redefining love",
        gloss="a deeper, more peaceful love",
        short="Redefining love",
        summary="Love with a deeper, more peaceful devotion; keep communicating and keep boundaries.",
        prompts=(
            "How is love different from the first time around?",
            "Which boundaries are you keeping clear?",
            "What feelings have you shared this week?",
        ),
        ready_when="There is no next stage: keep communicating and keep boundaries clear.",
        next_step="Make time for a micro-date this week.",
        tips=("micro_dates", "i_statements", "boundaries"),
    ),
)

for _stage in YOUR_STAGES[2:]:  # Dip a toe in the water and every stage after it: each step involves them
    about_them(_stage.next_step)

# --- The diagnostic: six questions to run before any stage -------------------------------------

DIAGNOSTIC_QUESTIONS: tuple[DiagnosticQuestion, ...] = (
    DiagnosticQuestion(
        key="why_ended",
        text="Why did the relationship end?",
        why="Reasons can be messy, but some are clear, and some make reconnecting unwise.",
        choices=(
            Choice("grew_apart", "We grew apart"),
            Choice("communication", "We stopped communicating well"),
            Choice("circumstances", "Circumstances: distance, timing, stress"),
            Choice("values", "We want different things from life"),
            Choice("infidelity", "Someone was unfaithful"),
            Choice("contempt", "They made me feel bad about myself"),
            Choice("not_sure", "I'm not sure yet"),
        ),
        reflection_prompt="In your own words: what ended it, from your side and from theirs?",
    ),
    DiagnosticQuestion(
        key="your_role",
        text="What was your role in the breakup?",
        why="Owning your part does more to avoid the old pitfalls than forgiving theirs.",
        choices=(
            Choice("none", "I had no part in it"),
            Choice("some", "I played some part"),
            Choice("half", "About half of it was me"),
            Choice("most", "Most of it was me"),
            Choice("not_sure", "I'm not sure yet"),
        ),
        reflection_prompt="What less-than-loving behaviour of your own do you see?",
    ),
    DiagnosticQuestion(
        key="pattern",
        text="Do you have a pattern of similar breakups?",
        why="Stress, trauma or habits can repeat; look at your side of the street.",
        choices=(
            Choice("no", "No, this is different"),
            Choice("somewhat", "Somewhat"),
            Choice("yes", "Yes, it keeps happening"),
            Choice("not_sure", "I'm not sure yet"),
        ),
        reflection_prompt="What keeps repeating, and what are you doing about it?",
    ),
    DiagnosticQuestion(
        key="why_back",
        text="Why do you want to get back with them?",
        why="Be honest: some reasons mean you need more time for yourself first.",
        choices=(
            Choice("both_changed", "We have both changed in ways that could make it work"),
            Choice("value_them", "I value who they are, not just being with someone"),
            Choice("routines", "I miss the routines we had"),
            Choice("fear_alone", "I'm scared I won't find anyone else"),
            Choice("solve_problems", "It would solve my other problems"),
            Choice("not_sure", "I'm not sure yet"),
        ),
        reflection_prompt="What exactly do you want back, and what don't you?",
    ),
    DiagnosticQuestion(
        key="they_want",
        text="Do they want to get back together with you?",
        why="You can't control someone else's wishes; you don't want someone who doesn't want you.",
        choices=(
            Choice("yes", "Yes, they have said so"),
            Choice("maybe", "There are signs they might"),
            Choice("space", "They said they need space"),
            Choice("unknown", "I don't know"),
            Choice("no", "No, they have said they don't"),
        ),
        reflection_prompt="What have they said or done that tells you this?",
    ),
    DiagnosticQuestion(
        key="what_different",
        text="What is different this time around?",
        why="Annoying habits can change; a deep difference in values about big life plans rarely does.",
        choices=(
            Choice("concrete", "We have each named concrete changes"),
            Choice("some", "Some things have changed"),
            Choice("nothing_yet", "Nothing has changed yet"),
            Choice("values_differ", "We still differ on big life plans"),
        ),
        reflection_prompt="What are your deal breakers, and which compromises could you make?",
    ),
)

PAUSE_SIGNS: tuple[Statement, ...] = (
    Statement("no_identity", "I don't know who I am without them."),
    Statement("miss_routines", "I miss the familiar routines we enjoyed together."),
    Statement("fear_alone", "I'm scared I won't find another special someone."),
    Statement("solve_problems", "I think getting back together will solve all my problems."),
)

RED_FLAGS: tuple[Statement, ...] = (
    Statement("unfaithful", "They were unfaithful."),
    Statement("contempt", "They made me feel bad about myself."),
    Statement("boundaries_broken", "New boundaries we agreed on are not being kept."),
    Statement("past_kept_alive", "One of us keeps bringing up the past."),
    Statement("pattern", "This fits a pattern of similar breakups."),
)

# The seed says "ask yourself questions like:" and the list was lost. These are common, well-
# established warning signs of an abusive relationship, in our own words (no published screening
# instrument is copied). Any "yes" turns Take Two to safety first, and keeps it there.


@dataclass(frozen=True)
class SafetyQuestion:
    key: str
    text: str
    danger: bool = False  # a sign of serious danger: say "call your emergency number" plainly


SAFETY_QUESTIONS: tuple[SafetyQuestion, ...] = (
    SafetyQuestion("afraid", "Are you, or were you, afraid of them?"),
    SafetyQuestion("hurt_threatened", "Have they ever hurt you, or threatened to?"),
    SafetyQuestion("choked", "Have they ever choked or strangled you, even once?", danger=True),
    SafetyQuestion("weapon", "Have they ever threatened you with a weapon?", danger=True),
    SafetyQuestion("threatened_kill", "Have they ever threatened to kill you?", danger=True),
    SafetyQuestion("put_downs", "Do they put you down, humiliate you or call you names?"),
    SafetyQuestion("controlled", "Did they control your money, phone, friends, or where you went?"),
    SafetyQuestion("isolated", "Did they cut you off from your friends or family?"),
    SafetyQuestion("sexual_pressure", "Did they pressure or force you into sexual acts?"),
    SafetyQuestion("monitored", "Did they monitor your messages, location or accounts?"),
    SafetyQuestion(
        "following", "Since the breakup, have they followed you, turned up uninvited or watched where you go?"
    ),
    SafetyQuestion("children_pets", "Have they threatened your children, or your pets?"),
    SafetyQuestion("threatened_harm", "Did they threaten to hurt themselves or others if you left?"),
)

SAFETY_INTRO = (
    "Tick any that are true, now or in the past. These are common warning signs, not a risk "
    "assessment: one tick is enough to put your safety first."
)
SAFETY_GIVEN_BEFORE = "You said this on {day}."
SAFETY_SINCE_LIFT = (
    "On {day} you said you are safe now. Tick any that happened since then; your earlier answers "
    "are kept."
)
DANGER_NOW = (
    "Some of what you ticked (choking, a weapon, threats to kill) can mean serious danger. If you "
    "are in danger now, call your emergency number: {emergency}."
)


@dataclass(frozen=True)
class Region:
    """Where the person is: the help lines shown first everywhere (the menu's one, the first), the
    emergency number, and the crisis line a hard day's reply offers. Chosen on Safety & help."""

    key: str
    name: str  # in the chooser
    short: str  # in the menu's line: "Hotline (UK, 24/7)"
    emergency: str  # markdown: the number as a tel: link, and where it works
    crisis: str  # markdown, after "you can": a crisis line for any hard moment
    lines: tuple[Resource, ...]


_SAMARITANS = Resource(
    key="samaritans", name="Samaritans (UK and Ireland)", region="United Kingdom and Ireland", phone="116 123",
    text="", tel="116123",
    details="24/7 and free, for anyone who is struggling, about anything.",
)
_ELSEWHERE = Resource(
    key="elsewhere", name="Somewhere else", region="Everywhere else", phone="Your local emergency number",
    text="",
    details=(
        "If you are in danger now, call your local emergency number ([112](tel:112) works across Europe "
        "and on most mobile phones). Your country's domestic-violence helpline is free and confidential "
        "in most places; if this computer is shared, look it up where nobody can see your history."
    ),
)
REGIONS: MappingProxyType[str, Region] = MappingProxyType({r.key: r for r in (
    Region("us", "United States", "US", "[911](tel:911) in the US",
           "[call 988](tel:988) or [text 988](sms:988) (in the US)", (
        Resource(
            key="us_ndvh",
            name="National Domestic Violence Hotline (US)",
            region="United States",
            phone="800-799-7233",
            text="Text START to 88788",
            details="24/7, free and confidential support by phone ([800‑799‑SAFE](tel:+18007997233)), text or online chat.",
            tel="+18007997233",
            sms="88788?&body=START",
        ),
        Resource(
            key="us_988",
            name="988 Suicide & Crisis Lifeline (US)",
            region="United States",
            phone="988",
            text="Text 988",
            tel="988",
            sms="988",
            details="24/7, free and confidential, for any emotional crisis: [call 988](tel:988) or [text 988](sms:988).",
        ),
    )),
    Region("ca", "Canada", "Canada", "[911](tel:911) in Canada",
           "[call 988](tel:988) or [text 988](sms:988) (in Canada)", (
        Resource(
            key="ca_988", name="9-8-8 Suicide Crisis Helpline (Canada)", region="Canada", phone="988",
            text="Text 988", tel="988", sms="988",
            details="24/7 and free, in English and French, for anyone in crisis. Each province and territory "
                    "also has its own domestic-violence line, and shelters answer the phone day and night.",
        ),
    )),
    Region("uk", "United Kingdom", "UK", "[999](tel:999) in the UK (from a mobile, if you can't speak, press 55 when asked)",
           "[call Samaritans on 116 123](tel:116123)", (
        Resource(
            key="uk_ndah", name="National Domestic Abuse Helpline (UK, run by Refuge)", region="United Kingdom",
            phone="0808 2000 247", text="", tel="+448082000247",
            details="24/7, free and confidential, for women; it also helps family and friends.",
        ),
        Resource(
            key="uk_mens_advice", name="Men's Advice Line (UK)", region="United Kingdom", phone="0808 801 0327",
            text="", tel="+448088010327",
            details="Free and confidential, for men experiencing domestic abuse.",
        ),
        _SAMARITANS,
    )),
    Region("ie", "Ireland", "Ireland", "[112](tel:112) or [999](tel:999) in Ireland",
           "[call Samaritans on 116 123](tel:116123)", (
        Resource(
            key="ie_womens_aid", name="Women's Aid National Freephone Helpline (Ireland)", region="Ireland",
            phone="1800 341 900", text="", tel="1800341900",
            details="24/7, free and confidential, for women experiencing abuse.",
        ),
        _SAMARITANS,
    )),
    Region("au", "Australia", "Australia", "[000](tel:000) in Australia",
           "[call Lifeline on 13 11 14](tel:131114)", (
        Resource(
            key="au_1800respect", name="1800RESPECT (Australia)", region="Australia", phone="1800 737 732",
            text="", tel="1800737732",
            details="24/7, free and confidential, for anyone affected by domestic, family or sexual violence.",
        ),
        Resource(
            key="au_lifeline", name="Lifeline (Australia)", region="Australia", phone="13 11 14", text="",
            tel="131114", details="24/7 crisis support, for anyone.",
        ),
    )),
    Region("nz", "New Zealand", "NZ", "[111](tel:111) in New Zealand",
           "[call 1737](tel:1737) or [text 1737](sms:1737)", (
        Resource(
            key="nz_refuge", name="Women's Refuge crisis line (New Zealand)", region="New Zealand",
            phone="0800 733 843", text="", tel="0800733843",
            details="24/7 and free from any phone.",
        ),
        Resource(
            key="nz_shine", name="Shine helpline (New Zealand)", region="New Zealand", phone="0508 744 633",
            text="", tel="0508744633", details="Free, for anyone experiencing domestic abuse.",
        ),
        Resource(
            key="nz_1737", name="Need to talk? 1737 (New Zealand)", region="New Zealand", phone="1737",
            text="Text 1737", tel="1737", sms="1737", details="24/7 and free: call or text to talk with a counsellor.",
        ),
    )),
    Region("elsewhere", "Somewhere else", "", "[112](tel:112) in Europe, or your country's own",
           "call your local crisis line", (_ELSEWHERE,)),
)})
DEFAULT_REGION = "us"  # the seeds' hotline, when nothing says where the person is
EMERGENCY_LINE = "In danger now? Call your emergency number: {emergency}."
REGION_LABEL = "Help lines for"
REGION_SAVED = "Saved: help lines for {where} are shown first now, on every screen."
REGION_HELP = ("Kept on this computer, like everything else. Until you choose, this is a guess from this "
               "browser's time zone.")

TIPS: tuple[Tip, ...] = (
    Tip(
        "i_statements",
        "Speak in I-statements",
        "Say \"I feel ___ when you do ___\" instead of blaming or expecting them to read your "
        "mind. It invites empathy instead of defence.",
    ),
    Tip(
        "micro_dates",
        "Make time for micro-dates",
        "No time for a night out? A 20-minute coffee or a short video call still says "
        "'you matter'.",
    ),
    Tip(
        "self_care",
        "Keep your self-care routines",
        "The routines you built while apart are part of the new you; keep them going.",
    ),
    Tip(
        "boundaries",
        "Set and discuss boundaries",
        "Say clearly what you need and ask what they need. Boundaries that are agreed and kept "
        "are what make this time different.",
    ),
)

# --- Words the screens show that are not stages or questions ------------------------------------

WELCOME = (
    "**Welcome.** Take Two helps you look honestly at getting back together with an ex, one "
    "calm step at a time. It follows two maps:\n\n"
    "- **Your side**, seven stages from *Bubble space* (no contact, time to cool down) to "
    "*Redefining love*.\n"
    "- **Their side**, five stages of how open they are to you, from the *Wall of Reactance* "
    "(no reply at all) to *New Beginnings*.\n\n"
    "Before anything else comes an honest diagnostic: why it ended, your part in it, and whether "
    "you're safe. Everything you write stays on this computer."
)

PRIVACY_NOTES: tuple[str, ...] = (
    "Take Two keeps everything on this computer and sends nothing anywhere.",
    "Still, someone with access to this device can open it unless you set a passphrase (above), and "
    "**browser history** shows that "
    "you visited it. If your device may be **monitored**, use a safer device (a friend's, a "
    "library's) to look for help.",
    "Your data lives in one file, shown in the sidebar. You can erase it for good, or one entry "
    "at a time, on the **Your data** page.",
)

MOODS: tuple[str, ...] = ("Very low", "Low", "Okay", "Good", "Very good")  # stored as 1..5

INITIATORS: tuple[Choice, ...] = (Choice("me", "I reached out"), Choice("them", "They reached out"))

CHANNELS: tuple[Choice, ...] = (
    Choice("text", "Text or chat"),
    Choice("call", "Phone or video call"),
    Choice("in_person", "In person"),
    Choice("email", "Email or letter"),
    Choice("social", "Social media"),
    Choice("other", "Other"),
)

RESPONSES: tuple[Choice, ...] = (
    Choice("none", "No reply"),
    Choice("brief", "Brief or one-word"),
    Choice("mixed", "Mixed: warm then cold"),
    Choice("warm", "Warm and engaged"),
    Choice("discouraging", "Enjoyed it, but discouraging"),
    Choice("asked_stop", "They asked me to stop contacting them"),
)

MAX_TEXT = 10_000


def _index(items):
    return MappingProxyType({item.key: item for item in items})


REACTANCE_BY_KEY = _index(REACTANCE_STAGES)
YOUR_STAGE_BY_KEY = _index(YOUR_STAGES)
SIGN_BY_KEY = _index((*ALL_SIGNS, *SAID_SIGNS))
QUESTION_BY_KEY = _index(DIAGNOSTIC_QUESTIONS)
PAUSE_BY_KEY = _index(PAUSE_SIGNS)
RED_FLAG_BY_KEY = _index(RED_FLAGS)
SAFETY_BY_KEY = _index(SAFETY_QUESTIONS)
TIP_BY_KEY = _index(TIPS)
INITIATOR_BY_KEY = _index(INITIATORS)
CHANNEL_BY_KEY = _index(CHANNELS)
RESPONSE_BY_KEY = _index(RESPONSES)


def held_back(n: int) -> str:
    return IMPORT_HELD_BACK.format(n="1 entry" if n == 1 else f"{n} entries", were="was" if n == 1 else "were")


def choice_label(question_key: str, choice_key: str) -> str:
    """The words a person picked for a diagnostic answer."""
    for choice in QUESTION_BY_KEY[question_key].choices:
        if choice.key == choice_key:
            return choice.label
    return choice_key


# --- Verdicts and the reasons behind them ----------------------------------------------------------
# Keyed by the verdict's stored value; reunion_core.records.Verdict reads its words from here.

VERDICT_WORDS: MappingProxyType = MappingProxyType({
    "safety_first": (
        "Safety first",
        "What you described are warning signs of abuse. Please don't get back together: "
        "reach out for confidential help instead.",
    ),
    "respect_their_answer": (
        "Respect their answer",
        "They have said they don't want to get back together. A clear no is an answer, not a stage "
        "to wait out: you don't want to be with someone who doesn't want to be with you. This hurts, "
        "and it is not a verdict on your worth. The kindest path now is yours: moving on.",
    ),
    "take_a_long_pause": (
        "Take a long pause",
        "Some answers say this is not the time for contact: more time for yourself first, or "
        "something to look at honestly. Each is named below.",
    ),
    "not_yet": (
        "Not yet",
        "There are open questions to answer first.",
    ),
    "proceed_with_care": (
        "Proceed with care",
        "Nothing you answered says stop. Go slowly, keep your boundaries, and check in often.",
    ),
})
# Said with every verdict: the seed's own caveat.
VERDICT_MIRROR = (
    "There are no hard and fast rules for getting back together: this is a mirror of your answers, not a ruling."
)

REASON_SAFETY = "You answered yes to a warning sign of abuse."
REASON_PAUSE_SIGN = "This is a sign you need more time to focus on yourself. It's normal to miss them."
REASON_HARMFUL_NO_CHANGE = (
    "Be very wary of reconnecting after this, and no concrete change has been named. You don't "
    "deserve to be made to feel bad."
)
REASON_HARMFUL_CHANGED = (
    "Be very wary of reconnecting after this, even with changes named. You don't deserve to be made to feel bad."
)
REASON_NONSTARTER = (
    "The guide calls this a possible nonstarter: a sign that nothing much will change from last time."
)
REASON_VALUES_CHANGED = (
    "A difference in values about big life plans rarely changes. Be sure what changed is the values, not only habits."
)
REASON_RED_FLAG = "A red flag worth looking at honestly before going further."
REASON_OPEN_QUESTION = "Still open: {question}"
REASON_NOT_ANSWERED = "(not answered)"
REASON_NONE = "Keep checking in as things move, and take the diagnostic again when something changes."

# Answers to the six questions that mean "take a long pause" or "not yet", and why.
PAUSE_ANSWERS: MappingProxyType = MappingProxyType({
    ("why_back", "routines"): "Missing routines is a sign you need more time for yourself. It's normal to miss them.",
    ("why_back", "fear_alone"): "Fear of being alone is a sign you need more time for yourself.",
    ("why_back", "solve_problems"): "Getting back won't solve other problems; give yourself time.",
})
NOT_YET_ANSWERS: MappingProxyType = MappingProxyType({
    ("they_want", "unknown"): "Whether they want it is still an open question: only they can answer it.",
    ("they_want", "maybe"): "Signs are not a yes. Only they can say whether they want to try again.",
    ("they_want", "space"): "They asked for space: give it to them, without a deadline. Space given freely is "
    "the only kind that helps.",
    ("what_different", "nothing_yet"): "Nothing has changed yet. Change is what makes a second try different.",
    ("pattern", "yes"): "A pattern of similar breakups is worth working on first.",
    ("pattern", "somewhat"): "Part of a pattern is worth looking at: what repeats, and what you are doing about it.",
})
THEY_SAID_NO = "You can't control someone else's wishes, and they have said no."

# --- The next step Home suggests, by what is known so far ------------------------------------------

NEXT_STEP_SAFETY = (
    "Your safety comes first. Please look at the help that is available: it is free and confidential."
)
NEXT_STEP_AFTER_LIFT = (
    "Safety mode is off, at your choice. Your latest diagnostic put your safety first, so Take Two stays "
    "about you until you take it again: when you're ready, your new answers decide what comes back. Help "
    "is still one click away."
)
NEXT_STEP_DIAGNOSTIC = "Start with the diagnostic: six honest questions before anything else."
NEXT_STEP_PAUSE = "Take a long pause: stay in Bubble space and put the focus on yourself for now."
NEXT_STEP_FIRST_CHECK_IN = "Do your first check-in: where are you, and how open do they seem?"
NEXT_STEP_BOUNDARY = (
    "They asked for no contact on {day}. Respect it: no messages, no calls, no turning up. Put this "
    "time into yourself: Bubble space."
)
BOUNDARY_CAPTION = (
    "A request for no contact is a boundary, not a stage: Take Two stops estimating how open they are, "
    "and no later sign outweighs it. Only they can reopen contact."
)
NEXT_STEP_THEY_SAID_NO = (
    "They have said no. Respect their answer: a clear no is an answer, not a stage to wait out. "
    "When you're ready, let Take Two help you move on."
)
NEXT_STEP_NOT_YET = "Not yet for {stage}: see what is still missing below."
GATE_INSTEAD = "Until then, no new step toward them: keep things as they are, and keep your self-care going."
GATE_VERDICT = "Your latest diagnostic says {verdict}: a step toward them waits for “Proceed with care”."
GATE_NO_CONTACT = (
    "No contact has lasted {days} of {minimum} days, counted from {since}. If your no-contact time "
    "began earlier, or you want a different minimum, say so on Your journey. Don't reach out before "
    "you're really ready."
)
GATE_STALE = (
    "They reopened contact after your last check-in: check in on where things stand now before any "
    "step toward them."
)
GATE_READY = "You haven't yet said you're ready by the measure of {stage}: “{ready_when}”"
GATE_THEY_HEALED = (
    "Dip a toe is for when they have gone through their own healing too. As far as you can tell, have they?"
)
GATE_WALL = "They seem to be at the Wall of Reactance: give space, and don't reach out."
MOVING_ON_CAPTION = "You chose to move on. Your guide now is {stage}: the focus is you, not them."
MOVING_ON_OFFER = (
    "Looking honestly at it, you might find you're better off moving on. That's a brave choice, not "
    "a failure, and Take Two can help with it whenever you choose."
)
MOVING_ON_HOME = (
    "You chose to move on. Take Two has stopped tracking how open they are: this is about you now. "
    "You can change your mind at any time."
)
MOVING_ON_CHOOSE = "I've decided to move on"
MOVING_ON_CHOSEN = (
    "You chose to move on. That takes courage. Take Two will keep the focus on you from here."
)
MOVING_ON_UNDO = "Stop moving on"
MOVING_ON_UNDONE = "Moving on is off. Everything you wrote is still here."
GO_THERE: MappingProxyType = MappingProxyType({
    "diagnostic": "Open the diagnostic", "checkin": "Open the check-in", "safety": "Open Safety and help",
    "journey": "Open Your journey", "contact_log": "Open the Contact log",
})
MOVING_ON_STREAK = "Days since you last reached out"
MOVING_ON_SLIP = (
    "You reached out on {day}. That's a restart point, not a failure: day one again, and you've done day one before."
)
OPENNESS_START = "It starts low: until they show otherwise, assume they need space."
OPENNESS_LABEL = about_them("How open are they to you right now? (0 = not at all, 100 = completely)")
THEIR_STAGE_CARD = about_them("**Stage {number} of 5: {name}**  \n{summary}\n\n:small[Signs of this stage: {signs}.]")
SIGNS_PROMPT = about_them("Tick any signs you saw, and Take Two shows which stage they point to.")
GUT_AGAINST_SIGNS = about_them(
    "Your slider says **{gut}**, but the signs you ticked point to **{evidence}**: {apart} stages apart. "
    "Your gut reads them as {direction} than what they did. Worth a second look."
)
HOME_THEM = about_them("{name}: {gloss} (your sense, stage {number} of 5)  \nSigns point to: {evidence}")
YOUR_LATEST_SENSE = about_them("  ← *your latest sense of them*")  # Your journey, their side
SIGNS_CLOSE = about_them("The signs point to **{evidence}**, close to your sense of it.")
WITH_THEM_AT = about_them("With them at {stage}: {focus}")
SAID_HEADING = "What they said"
# An answer a form holds, not yet saved, that makes the path stricter (guidance.held): every screen
# keeps to it at once, and Home's next step points back to the form where it waits.
HELD: MappingProxyType = MappingProxyType({
    "boundary": MappingProxyType({
        "checkin": "You ticked that they asked for no contact. It isn't saved yet: save your check-in, and "
                   "Take Two will keep to their request. Until then, nothing here suggests contacting them.",
        "contact_log": "You chose that they asked you to stop contacting them. It isn't saved yet: save the "
                       "contact, and Take Two will keep to their request. Until then, nothing here suggests "
                       "contacting them.",
    }),
    "they_said_no": MappingProxyType({
        "diagnostic": "You answered that they have said no. It isn't saved yet: save the diagnostic, and "
                      "Take Two will help you respect their answer and turn to you.",
    }),
})
HELD_VERDICT = ("Your latest saved verdict is from before the answer you haven't saved yet, so it isn't shown "
                "for now. Save that answer, and Take Two follows it.")
REPORT_VERDICT_HELD = ("The latest saved diagnostic is from before an answer not saved yet, so it is not "
                       "included in this report.")
HELD_SAFETY_CAPTION = "The safety answer you ticked in the diagnostic isn't saved yet. Save it there, when you can."
BOUNDARY_TICKED = (
    "Thank you for writing it down. A request for no contact is a boundary: when you save, Take Two "
    "respects it. No screen will suggest contacting them, and their stage is no longer estimated. "
    "Only they can reopen contact."
)
THEIR_NO_ANSWERED = (
    "Thank you for being honest about it. A no is an answer, not a stage to wait out: when you save, "
    "Take Two turns to you, and no screen will guess how open they are or suggest a step toward them."
)
DISCOURAGED_TICKED = (
    "Take what they said at its word. Take Two never reads discouragement as openness."
)
ABOUT_YOU_CHECK_IN: MappingProxyType = MappingProxyType({
    "boundary": "They asked for no contact, so this check-in is about you: how you feel, and a note for yourself.",
    "they_said_no": "They have said no, so this check-in is about you: how you feel, and a note for yourself.",
    "moving_on": "You're moving on: this check-in is about you, not them.",
})
BOUNDARY_STANDS = (
    "They asked for no contact on {day}. Take Two respects that: it will not suggest reaching out. If "
    "they themselves reopen contact, you can record it here."
)
BOUNDARY_CHANGED = "Has something changed?"
THEY_REOPENED = "They reopened contact themselves"
THEY_REOPENED_HELP = "Only if they reached out and said they want contact again. Warm signs alone don't count."
THEY_REOPENED_SURE = "Yes: they reached out to me and said they want contact again"
THEY_REOPENED_DONE = "Recorded: they reopened contact. Go gently, at their pace, and check in on where things stand."
BOUNDARY_MISTAKE = "I recorded their request by mistake"
BOUNDARY_MISTAKE_SURE = "Yes: they never asked for no contact; I ticked it by mistake"
BOUNDARY_MISTAKE_DONE = "Corrected: Take Two no longer treats it as their request."
CONFIRM = "Confirm"
CONTACT_AFTER_NO = (
    "Saved. It's okay: one message is a restart point, not a failure. They have said no, and the "
    "kindest thing now is to give yourself space. Tomorrow is day one again."
)
ASKED_STOP_SAVED = (
    "Saved, and thank you for writing it down. Their request is a boundary: Take Two respects it "
    "from now on, and will not suggest reaching out."
)
READY_TITLE = "Am I ready for the next step?"
READY_INTRO = (
    "A step toward them waits until you're ready by every measure: the guide's own, your no-contact "
    "time, and theirs. Only you can say; Take Two only keeps track."
)
READY_BUTTON = "Yes, I'm ready by the measure of {stage}: “{ready_when}”"
READY_DONE = "You said you're ready by the measure of {stage}."
READY_BEFORE = "Before {stage}, the guide asks you to be ready by the measure of the stage before it:"
READY_NEXT = "When you're ready to move on from {stage}:"
READY_SAVED = "Saved. Take Two will keep this in mind."
THEY_HEALED_BUTTON = "Yes, as far as I can tell, they have"
NO_CONTACT_COUNT = "No contact so far: {days} days, counted from {since}."
NO_CONTACT_SINCE = "My no-contact time began on"
NO_CONTACT_MINIMUM = (
    "Days of no contact before reaching out (30 unless you change it; the guide's own test is still "
    "wanting it after a few months)"
)
NO_CONTACT_SAVE = "Save my no-contact time"
NO_CONTACT_CHANGE = "Change the day or the minimum"
JOURNEY_ABOUT_YOU: MappingProxyType = MappingProxyType({
    "boundary": "They asked for no contact. For now your guide is your own first two stages: this time is for you.",
    "they_said_no": "They have said no. For now your guide is your own first two stages: this time is for you.",
    "moving_on": "You're moving on. Your guide is your own first two stages: time and space for you.",
})
BOUNDARY_REMINDER = "Saved. A plain reminder: they asked for no contact on {day}."

# --- The screens ------------------------------------------------------------------------------------

SCREENS: MappingProxyType = MappingProxyType({
    "home": Screen("Take Two", "A private place to decide whether, when and how to try again with an ex.", "Home"),
    "diagnostic": Screen(
        "Diagnostic",
        "Before anything else: is it safe, why did it end, and why do you want to try again? "
        "Your answers stay until you save or discard them, even if you leave this page.",
    ),
    "check_in": Screen(
        "Stage check-in", "A minute a day: where they seem to be, what you actually saw, and where you are."
    ),
    "contact_log": Screen(
        "Contact log",
        "Log each contact with your ex: who reached out, how they responded, how you felt after.",
    ),
    "progress": Screen(
        "Progress", "How things have moved on both sides. Tap or hover a point for its details."
    ),
    "journey": Screen(
        "Your journey", "A guide to both maps: the seven stages on your side and the five on theirs."
    ),
    "safety": Screen(
        "Safety & help",
        "If you are afraid, hurt or controlled, you are not alone, and help is free and confidential.",
    ),
    "toolkit": Screen(
        "Toolkit", "Tools for doing it well: what is different now, boundaries, words, small dates, and a "
        "pause before you reach out.",
    ),
    "data": Screen(
        "Your data",
        "Everything you wrote lives in one file on this computer. Take a copy, restore one, or erase it for good.",
    ),
})

SAFETY_BANNER = (
    "Safety mode is on: you told Take Two about warning signs of abuse, so reconnection advice is "
    "hidden. Help is free and confidential: {help}."
)


def safety_banner(region: Region) -> str:
    """The banner over every screen in safety mode, with the region's first line to call (or text)."""
    if region.key == "elsewhere":
        return SAFETY_BANNER.format(help="your country's domestic-violence helpline, and in danger now, "
                                         "your local emergency number")
    first = region.lines[0]
    text = first.text_md[:1] + first.text_md[1:2].lower() + first.text_md[2:]  # "[text START ...": keeps its capitals
    return SAFETY_BANNER.format(help=f"call {first.call_md}" + (f", or {text}" if first.text else ""))
SAFETY_MORE_HELP = "See all the help available"
GET_HELP = "Get help now"
HOTLINE_LINE = "Hotline ({where}, 24/7): {phone}"
HOTLINE_ELSEWHERE = "In danger now? Call your local emergency number. Help lines are under Get help now, above."


def hotline_line(region: Region) -> str:
    """The menu's one line of help: the region's first line, as links that never break apart."""
    if region.key == "elsewhere":
        return HOTLINE_ELSEWHERE
    first = region.lines[0]
    text = f" · {first.text_md.replace(' ', chr(0xA0))}" if first.text else ""
    return HOTLINE_LINE.format(where=region.short, phone=first.call_md) + text
DATA_LIVES_AT = "Your data stays on this computer, in  \n`{path}`"
DISCREET_DATA_LIVES = "Your notes stay on this computer."

SET_ASIDE_OFFER = (
    "You can set that file aside (it is renamed, not changed) and start a new, empty one in its "
    "place. If you have an export, restore it on the **Your data** page afterwards."
)
RESCUE_OFFER = (
    "First, save what can still be read: a Take Two export of every entry the damage hasn't reached, "
    "to restore on the **Your data** page once a new file is started."
)
RESCUE_BUTTON = "Download what can still be read"
RESCUE_LOOK = "Look for what can still be read"
RESCUE_LOOKING = "Reading copies of the file, around the damage (the file itself is not changed)..."
RESCUE_MAY_MISS = ("Found. The newest entries (those saved since Take Two last tidied the file) may be "
                   "missing from it.")
RESCUE_NOTHING = ("Nothing could be read from this file, even around the damage. If you have an export or a "
                  "backup, restore it on the **Your data** page once a new file is started.")
SET_ASIDE_BUTTON = "Set it aside and start a new file"
SET_ASIDE_DONE = "The unreadable file was kept, unchanged, at {path}. This is a new, empty file."

EXAMPLE_NOTICE = "You are looking at **example data**, not your own."
EXAMPLE_BACK = "Back to my own data"
EXAMPLE_TRY = "Try it with example data"
EXAMPLE_TRY_HELP = "Fills a separate example file; your own stays empty."
EXAMPLE_WRITING = "Writing an example journey..."

JOURNEY_HIDDEN = (
    "The stage guide is hidden while safety mode is on: you told Take Two about warning signs of "
    "abuse. Your safety comes first; the help below is free and confidential."
)
# Safety mode off, yet the path is safety: an answer ticked and not saved, or a lift after a safety-first run
JOURNEY_HIDDEN_OFF: MappingProxyType = MappingProxyType({
    "held": "The stage guide is hidden: you ticked a safety answer in the diagnostic. Your safety comes "
            "first; the help below is free and confidential.",
    "lifted": "The stage guide waits until you take the diagnostic again: the latest one put your safety "
              "first. The help below is free and confidential.",
})

ACCESS_REFUSED = (
    "This is a private journal. Open it from its owner's own link (it ends in `?key=...`): it was "
    "printed in the terminal where Take Two was started, and `make link` prints it again. A browser "
    "that has opened that link once remembers it."
)
ACCESS_KEY_FILE = "The link's key is kept in `{path}`, readable only by the account that started Take Two."
LINK_PRINTED = "Take Two is starting. Open it from this link (keep it private; a bookmark works too):"
LINK_AGAIN = "Take Two's own link, for this computer's browser (keep it private; a bookmark works too):"

# --- The passphrase lock (reunion_core/vault.py; docs/PRIVACY.md) -------------------------------------
# The lock screen is neutral (no journal word, no count, no stage), as the quick-exit cover is.
LOCK_TAB = "Notes"
LOCK_TITLE = "Locked"
LOCK_TEXT = "Type the passphrase to open."
LOCK_FIELD = "Passphrase"
LOCK_OPEN = "Open"
LOCK_OPENING = "Opening..."
LOCK_DRAFT_KEPT = "What you were typing is kept, unsaved: it is back once this is opened."
LOCK_FORGOT_LABEL = "Forgotten the passphrase?"
LOCK_FORGOT = ("Nobody can open this without the passphrase, not even the app itself: that is what keeps it "
               "private. To start again, move this file out of its folder (the next start begins an empty "
               "one), then bring back a file you saved earlier with “Everything, to restore”.")
WRONG_PASSPHRASE = "That passphrase doesn't open it. Nothing was shown or changed."
WAIT_TO_TRY = "After a few wrong tries, each next one waits a little: the next can be made in {seconds} s."
TRIED_WHILE_LOCKED = ("While it was locked, a wrong passphrase was typed {times} here. If that wasn't you, "
                      "someone may have tried to open your journal.")
TAMPERED = (
    "Part of your journal in {path} was changed outside Take Two: by someone with access to this computer's "
    "files, or by damage on the disk. Take Two won't show it as yours. Below you can save what can still be "
    "read, then set the file aside and bring that back into a fresh journal."
)
LOCK_NOW = "Lock now"
LOCK_NOW_HELP = "Lock the journal in every window of this browser until the passphrase is given again."
PASSPHRASE_HEADER = "A passphrase for your journal"
PASSPHRASE_OFFER = "Lock your journal with a passphrase (optional)"
PASSPHRASE_WHY = (
    "With a passphrase, everything you write (notes, reflections, reasons, boundaries, debriefs, your "
    "safety answers and safety plan, your choices) is stored encrypted on this computer, and Take Two "
    "asks for it in every new browser window, after {minutes} without use, after a quick exit "
    "and whenever you press **Lock now**. Someone at this browser, or with a copy of its files, can't "
    "read it. What the charts need stays readable to anyone with the file: dates and times, numbers "
    "such as openness and mood, and which stages and signs you picked."
)
PASSPHRASE_WARNING = (
    "**If you forget the passphrase, what you wrote is gone for good.** Nobody can recover it, not even "
    "Take Two. Download an export first and choose words you will remember. That export is not locked: "
    "anyone who opens it reads every word, so keep it where only you can reach it (a USB stick you keep, "
    "say), not in a shared Downloads folder, and delete it once you no longer need it."
)
PASSPHRASE_EXPORT_FIRST = "Download an export first"
PASSPHRASE_NEW = "New passphrase (8 characters or more; a few words work well)"
PASSPHRASE_REPEAT = "The same passphrase again"
PASSPHRASE_CURRENT = "Current passphrase"
PASSPHRASE_SET = "Set the passphrase"
PASSPHRASE_SETTING = "Encrypting everything you wrote..."
PASSPHRASE_SET_DONE = "Your journal is encrypted and locks with your passphrase now."
PASSPHRASE_IS_SET = ("Your journal is encrypted with a passphrase. It locks after {minutes} without "
                     "use, after a quick exit, and when you press Lock now.")
PASSPHRASE_CHANGE = "Change the passphrase"
PASSPHRASE_CHANGED = "The passphrase is changed: everything is encrypted under the new one."
PASSPHRASE_REMOVE = "Remove the passphrase"
PASSPHRASE_REMOVE_SURE = "I understand: my writing will be stored readable on this computer again."
PASSPHRASE_REMOVED = "The passphrase is removed: the journal no longer locks."
PASSPHRASE_SAFETY_OFFER = (
    "If someone else may use this computer, you can lock this journal with a passphrase: "
    "everything you wrote is then encrypted, and it asks for the passphrase in every new window. "
    "Discreet mode, beside it on Safety & help, gives the app and its menu plain names."
)
PASSPHRASE_COPIES = (
    "Take Two keeps these copies of your journal beside it (set aside, or left by a crash). Any made before "
    "the passphrase was set can be read by whoever opens them:"
)
PASSPHRASE_COPIES_DELETE = "Delete these copies"
PASSPHRASE_COPIES_DELETED = "The copies are deleted."
LOCK_MINUTES = "Lock after this many minutes without use"


def minutes_said(n: int) -> str:
    return counted(n, "minute")
LOCK_MINUTES_SAVE = "Save the minutes"


# --- Kinds of entry: one name each, everywhere ------------------------------------------------------

ENTRY_KINDS: MappingProxyType = MappingProxyType({
    "checkin": ("A check-in", "check-ins"),
    "diagnostic": ("A diagnostic run", "diagnostic runs"),
    "contact": ("A contact", "contacts"),
    "toolkit": ("A toolkit entry", "toolkit entries"),
})
TOOL_ENTRY_NAMES = {"reason": "Reason it ended", "evidence": "Evidence of change", "boundary": "Boundary",
                    "boundary_event": "Boundary kept or broken", "draft": "I-statement", "date": "Micro-date",
                    "debrief": "Date debrief", "urge": "Urge to reach out", "urge_outcome": "What you chose"}

DATA_EXPORT_HELP = (
    "- **Everything, to restore**: every entry and every word, in one file you can bring back "
    "here later, on this computer or another.\n"
    "- **Tables for a spreadsheet**: one table per kind of entry, in a zipped folder.\n"
    "- **A copy of the data file**: the whole file itself, taken safely while Take Two runs."
)
DATA_EXPORT_LABELS = ("Everything, to restore", "Tables for a spreadsheet", "A copy of the data file")
EXAMPLE_FROM_DATA = (
    "Want to see what a long journey looks like? The example lives in a separate file: your own "
    "entries are not touched, and “Back to my own data” is one click away."
)
EXAMPLE_LOOK = "Look at the example journey"
IMPORT_HELD_BACK = (
    "{n} from the file {were} left out: a choice that opens a way toward them (being ready, "
    "their healing, a boundary lifted), or a diagnostic newer than their \"no\" here. Only you, here, "
    "record those: on Your journey, the Contact log, or by taking the diagnostic again."
)
BOUNDARY_IMPORT_KEPT = (
    "The imported file said they had reopened contact. Take Two keeps their request for no contact "
    "standing here: only you can record, on the Contact log, that they reopened it."
)
DATA_IMPORT_HELP = (
    "Bring back a file saved with **Everything, to restore**. Entries you already have are skipped, so importing the "
    "same file twice adds nothing. A file that isn't a good export changes nothing."
)
DATA_PROTECT = "Lock the “Everything, to restore” file with my passphrase"
DATA_PROTECT_HELP = ("Locked, the file opens only with the passphrase your journal has today (a change later "
                     "doesn't change the file). Unlocked, anyone who opens it can read every word.")
DATA_COPIES_WITH_PASSPHRASE = ("The spreadsheet tables are never locked: anyone who opens them reads them. The data-file "
                               "copy stays encrypted, and opens with the passphrase your journal has today.")
EXPORT_NEEDS_PASSPHRASE = "This file is locked with a passphrase: type it below to bring it back."
EXPORT_WRONG_PASSPHRASE = "That passphrase doesn't open this file. Nothing was imported."
IMPORT_PASSPHRASE = "The passphrase this file was locked with"
DATA_IMPORTED = "Imported {checkin}, {contact} and {diagnostic}. Anything already here was skipped."


def feeling(mean: float) -> str:
    """A mean mood in the words the check-in uses, with its number: "Good (4.2 of 5)"."""
    return f"{MOODS[min(4, max(0, round(mean) - 1))]} ({mean:.1f} of 5)"


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 check-in", "2 check-ins", "0 diagnostic runs"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def imported(added: dict[str, int]) -> str:
    return DATA_IMPORTED.format(checkin=counted(added["checkin"], "check-in"),
                                contact=counted(added["contact"], "contact"),
                                diagnostic=counted(added["diagnostic"], "diagnostic run"))
RESTORE_HEADER = "Restore from a copy"
RESTORE_HELP = (
    "Bring back a file saved with **A copy of the data file**. Take Two first checks that it is one of its own "
    "and that every part of it reads, and shows what it holds. Nothing changes until you choose to replace "
    "your journal with it and confirm; your journal as it is now is then kept aside, never deleted."
)
RESTORE_UPLOAD = "A file saved with “A copy of the data file”"
RESTORE_CHECKING = "Checking the copy..."
RESTORE_CHOICE = "What would you like to do?"
RESTORE_OPTIONS = {"keep": "Keep my journal as it is", "replace": "Replace my journal with this copy"}
RESTORE_KEPT = "Your journal stays as it is. The copy is not used (remove the file above to forget it)."
RESTORE_LOCKED = ("This copy is encrypted with a passphrase of its own: once it is in place, it opens with "
                  "the passphrase it had when the copy was made.")
RESTORE_NOT_LOCKED = ("This copy has no passphrase: once it is in place, your journal no longer locks and its "
                      "words are stored readable, until you set a passphrase again (Safety & help).")
RESTORE_SURE = "Yes, replace my journal with this copy (my journal as it is now is kept aside)"
RESTORE_BUTTON = "Replace my journal"
RESTORE_DONE = "Your journal is the copy now. The journal as it was is kept aside as `{path}`."


def restore_summary(counts: dict[str, int], span: tuple | None) -> str:
    held = ", ".join(counted(counts[k], one) for k, one in (("checkin", "check-in"), ("contact", "contact"),
                                                                ("diagnostic", "diagnostic run")))
    when = f", from {span[0]:%-d %B %Y} to {span[1]:%-d %B %Y}" if span else ""
    return f"This copy is a Take Two journal, whole: {held}{when}."


DATA_DELETE_ONE_WARNING = "Delete this entry? It is erased from the file on disk too; this can't be undone."
DATA_ERASE_HELP = (
    "This erases the data file `{path}` and its log, and starts a new, empty one. Export first if "
    "you may want anything back."
)
DATA_ERASE_COPIES = "It also removes these copies Take Two made of it:"
DATA_ERASE_SURE = "I understand that everything I wrote will be gone"

# --- Safety mode -----------------------------------------------------------------------------------

NEXT_STEP_SAFETY_PLAN = (
    "Your safety comes first. Keep the hotline close, and when you have a quiet, private moment, "
    "write a safety plan: people to call, safe places, what to take."
)
SAFETY_MODE_VERDICT = (
    "Safety mode is on since {day}: you told Take Two about warning signs of abuse. Whatever later "
    "answers say, reconnection advice stays hidden until you choose otherwise on Safety & help."
)
SAFETY_LIFT_TITLE = "I am safe now and want the reconnection tools back"
SAFETY_LIFT_EXPLAINED = (
    "Turning safety mode off brings back what it hides (the stages of reconnecting, their stage and "
    "the signs, the next steps and tips, the charts of their side) once a diagnostic no longer puts "
    "your safety first: Home will ask you to take it again. Your answers about your "
    "safety are kept, with their dates, and you can turn safety mode back on with one click at any "
    "time. If someone is pressuring you to do this, please don't: call the hotline instead."
)
SAFETY_LIFT_UNDERSTOOD = "I have read this, and I am choosing this for myself"
SAFETY_LIFT_BUTTON = "Turn the reconnection tools back on"
SAFETY_LIFT_CONFIRM = "Are you sure? This brings back the reconnection tools on every screen."
SAFETY_LIFT_YES = "Yes, I am safe now"
SAFETY_LIFT_NO = "No, keep safety mode on"
SAFETY_LIFTED = "Safety mode is off since {day}, at your choice. You can turn it back on at any time."
SAFETY_RESTORE_BUTTON = "Turn safety mode back on"
SAFETY_TURN_ON_BUTTON = "Turn safety mode on"
SAFETY_TURN_ON_HELP = "Hides reconnection advice on every screen, until you choose otherwise here."
SAFETY_OFF_NOTE = "Safety mode is off. Turn it on if you'd rather Take Two only helped you stay safe."
SAFETY_DELETE_RUN = (
    "This run holds answers about your safety. Deleting it does not turn safety mode off: only you "
    "can, on Safety & help."
)
SAFETY_IMPORT_KEPT = (
    "Safety mode stays on. The file you imported says it was turned off, but only you can turn it "
    "off, on Safety & help."
)

# About you only (their boundary, their no, moving on): purposes that don't speak of tracking them.
ABOUT_YOU_PURPOSES: MappingProxyType = MappingProxyType({
    "check_in": "A minute a day: how you are, and anything you want to remember.",
    "progress": "How you have been, the contacts you logged, and your diagnostic over time.",
    "journey": "Your own first two stages, as a guide for this time.",
    "toolkit": "A pause before you reach out: ten minutes, three questions, and what you chose.",
})
DIAGNOSTIC_SAFETY_ONLY = (
    "While safety mode is on, the diagnostic asks only about your safety. Tick anything that has "
    "happened since; your earlier answers stand."
)
SAFE_PURPOSES: MappingProxyType = MappingProxyType({
    "home": "A private place to look after yourself. Help is one click away.",
    "diagnostic": "A few private questions about your safety. Your answers stay on this computer.",
    "check_in": "A minute a day: how you are, and anything you want to remember.",
    "contact_log": "A dated record of each contact: who reached out, how, and what happened.",
    "progress": "How you have been, and the contacts you logged.",
    "journey": "Help that is free and confidential.",
    "toolkit": "A pause before you contact them: a few minutes for yourself first.",
})
DISCREET_NEXT_STEP = "Take a quiet moment for yourself. Everything you need is under Help."
LOW_MOOD_REPLY = (
    "Saved. That sounds like a really hard day, and it's okay to feel this way. One small thing "
    "might help right now: text or call a friend, or breathe slowly for a minute. If it feels like "
    "too much, you can {crisis} any time, free and confidential."
)
SAFETY_CONTACTS_EMPTY = "Nothing logged yet."

SAFETY_CHECK_IN = (
    "While safety mode is on, a check-in is about you: how you are today, and anything you want "
    "to remember."
)
SAFETY_OFF_CHECK_IN: MappingProxyType = MappingProxyType({
    "held": "You ticked a safety answer in the diagnostic, so this check-in is about you: how you are "
            "today, and anything you want to remember.",
    "lifted": "Your latest diagnostic put your safety first, so this check-in is about you until you take "
              "it again: how you are today, and anything you want to remember.",
})

# Contacts in safety mode: a dated record that doesn't rate how open they are.
SAFETY_CONTACT_NOTE = (
    "A dated record of contact can matter for your safety later. Write down what happened, in "
    "your own words; keep it private."
)
SAFETY_RESPONSE_LABELS: MappingProxyType = MappingProxyType({
    "none": "No reply", "brief": "Short", "mixed": "Changeable", "warm": "Friendly",
    "discouraging": "Pushed me away", "asked_stop": "Asked me to stop contacting them",
})

# --- Quick exit and discreet mode ------------------------------------------------------------------

QUICK_EXIT_DEFAULT = "https://www.bbc.co.uk/weather"
QUICK_EXIT_LABEL = "Quick exit"
COVER_TITLE = "Notes"
COVER_TEXT = "This page was closed."
COVER_CONTINUE = "Continue"
QUICK_EXIT_EXPLAINED = (
    "**Quick exit** (top right of every page, or press **Shift** three times) hides this page at "
    "once and opens a weather page in its place. It does **not** erase your browser history: this "
    "page can still be found there."
)
BROWSING_SAFELY: tuple[str, ...] = (
    "Use a **private window** (Incognito, InPrivate): it keeps no history once you close it.",
    "Delete **single entries** from your browser history rather than clearing all of it: an "
    "empty history can look suspicious to someone who checks.",
)
DISCREET_NAME = "Notes"  # the tab title and app name in discreet mode
DISCREET_SCREENS: MappingProxyType = MappingProxyType({
    "home": "Home", "diagnostic": "Questions", "check_in": "Daily note", "contact_log": "Log",
    "progress": "Charts", "journey": "Guide", "toolkit": "Tools", "safety": "Help", "data": "Files",
})
DISCREET_HELP = "Help"
DISCREET_SHOW_RESULTS = "Show my saved answers"  # discreet mode: a verdict's words wait behind this
DISCREET_BANNER = "Some tools are hidden for now. Help is always one click away, under Help."
DISCREET_LABEL = "Discreet mode"
DISCREET_EXPLAINED = (
    "Discreet mode gives the tab, the app and the menu plain names (\"Notes\", \"Daily note\", "
    "\"Log\"), hides the one-line descriptions, and moves the hotline to the Help page, still one "
    "click away."
)
EXIT_TARGET_LABEL = "Quick exit opens"
EXIT_TARGET_HELP = "A neutral https:// page that shows nothing personal, such as a weather or news page."

# --- A private safety plan --------------------------------------------------------------------------

SAFETY_PLAN_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("people", "People to call", "Who can you call, day or night? Their numbers."),
    ("code_word", "A code word", "A word that tells a friend you need help, without saying so."),
    ("safe_places", "Safe places", "Where could you go at short notice: a friend's, family, a shelter?"),
    ("to_take", "What to take", "Documents, medicines, keys, money, phone charger, things for children or pets."),
    ("numbers", "Numbers", "Local police, a domestic-violence service, your doctor."),
)
SAFETY_PLAN_TITLE = "My safety plan"
SAFETY_PLAN_INTRO = (
    "Optional, and only for you: write it when you have a quiet, private moment. It stays on this "
    "computer, is part of your exports, and can be printed as a plain page."
)


# Every piece of reconnection advice: none of it is shown anywhere while safety mode is on.
RECONNECTION_ADVICE: tuple[str, ...] = tuple(dict.fromkeys([
    *(s.next_step for s in YOUR_STAGES), *(p for s in YOUR_STAGES for p in s.prompts),
    *(s.ready_when for s in YOUR_STAGES), *(s.focus for s in REACTANCE_STAGES), *(t.text for t in TIPS),
    VERDICT_WORDS["proceed_with_care"][1], REASON_NONE,
]))


# --- The reconnection toolkit (reunion_core/toolkit.py) ---------------------------------------

# Tools, in the order the Toolkit page offers them. "about_them": it involves the ex, so it is hidden
# after a no, during a boundary, when moving on and in safety mode (the pause stays for everyone).
TOOLS: MappingProxyType = MappingProxyType({
    "different": ("What is different now", True),
    "boundaries": ("Boundaries", True),
    "words": ("Words that wait a day", True),
    "dates": ("Micro-dates", True),
    "pause": ("A pause before you reach out", False),
})

URGE_READY = {"yes": "Yes, by my own stage's measure", "not_sure": "I'm not sure", "no": "No, not yet"}
URGE_READY_SAFETY = {"yes": "Yes", "not_sure": "I'm not sure", "no": "No"}  # the same answers, in safety mode
URGE_CHOSE = {
    "didnt_send": "I didn't send anything",
    "wrote_instead": "I wrote it here instead",
    "waited": "I'll wait and decide tomorrow",
    "sent": "I sent a message",
}
TOOL_LABELS = {"feel": "How you feel", "when": "When what happens", "need": "What you need",
               "wording": "The boundary", "what": "What you plan", "text": "What happened", "reason.text": "The reason",
               "why_now": "Why now", "want": "What you want from it", "note": "The note", "kept": "Was it kept?",
               "chose": "What did you choose?", "ready": "Are you ready?", "connected": "How connected you felt",
               "safe": "Did you feel safe?", "myself": "Did you feel like yourself?",
               "old_pattern": "Did an old pattern show up?", "past_came_up": "Did the past come up?",
               "minutes": "How long"}
# Hints for an I-statement that turns into blame, keyed by what the rules in toolkit.BLAME found.
DRAFT_HINTS: MappingProxyType = MappingProxyType({
    "always_never": "\"Always\" and \"never\" invite a debate about the record. Try one moment: "
                    "\"when the plans changed on Friday\".",
    "cause_in_them": "That puts the cause in them. Try what happened and how it felt: \"when ___ happened, "
                     "I felt ___\".",
    "orders": "That tells them what to do. Try what you need: \"I need ___\" leaves them room to offer it.",
    "thought_not_feeling": "\"I feel that you ___\" is a thought about them. Name a feeling: hurt, lonely, "
                           "worried, relieved.",
    "label": "A label for them closes the conversation. Describe what they did, and how it left you.",
})

TOOLKIT_INTRO = "Pick a tool. Each one is the guide's advice made into something you can do today."
TOOLKIT_ABOUT_YOU = (
    "For now the toolkit is about you: the tools that involve them are put away. The pause is here "
    "whenever the urge to reach out comes."
)
REASONS_EMPTY = (
    "Take the diagnostic first: your answer to \"why did it end?\" becomes the first reason here. You can "
    "also add reasons of your own below."
)
REASON_OPEN = "No evidence of change yet."
EVIDENCE_HELP = ("A dated moment that shows something is different, in a sentence: \"we talked about money on "
                 "3 May, calmly\". Promises are not evidence; what happened is.")
# How far what ended it has changed: a measure of trying again, so about them too.
DIFFERENT_COUNT = about_them("{open} of {total} {reasons} still {have} no evidence of change.")
DIFFERENT_ALL = about_them("Every reason it ended has some evidence of change. Keep looking: one moment is a "
                           "start, not proof.")
BOUNDARIES_HELP = ("The guide: \"Setting new boundaries and moving away from old triggers can help solidify this "
                   "new beginning.\" Write down the ones you both agreed, then note each time one was kept or broken.")
FLAG_FROM_DATA = {
    "boundaries_broken": ("Boundaries you agreed are not being kept ({days}). The guide calls this \"a sign that "
                          "nothing much will change from the previous go-'round\"."),
    "past_kept_alive": ("The past came up on your dates ({days}). The guide: if you keep bringing up the past, "
                        "\"the hurts of the past simply won't heal\"."),
}
WORDS_HELP = (
    "Talk in terms of your own feelings: \"I feel ___ when ___, and I need ___\". Take Two holds what you "
    "write for a day, then marks it ready to reread. Nothing is ever sent anywhere."
)
WORDS_HELD = "Held until {at}: reread it then, before you decide whether to say it."
WORDS_READY = "Ready to reread."
DATES_HELP = ("Small and low-pressure: \"Even a 20-minute coffee break or a cute little Zoom sesh can go a long "
              "way.\" Plan one, then, afterwards, notice how it went.")
DEBRIEF_QUESTIONS = {
    "safe": "Did you feel safe?",
    "myself": "Did you feel like yourself?",
    "old_pattern": "Did an old pattern show up?",
    "past_came_up": "Did the past come up?",
}
PAUSE_HELP = ("The urge to reach out is normal, and it passes. Before you send anything, take ten minutes "
              "with three questions. Whatever you choose afterwards, write it down: it counts either way.")
PAUSE_QUESTIONS = {"why_now": "Why now? What happened just before the urge?",
                   "want": "What do you want from it? What would you hope they say?"}
PAUSE_READY = "Are you ready, by your own stage's measure?"
PAUSE_READY_SAFETY = "Would it be safe, and does someone you trust know you're thinking of it?"
PAUSE_RUNNING = "Your ten minutes end at {at}. Breathe out slowly, and stay with how you feel; it will shift."
PAUSE_OVER = "Your ten minutes are over. What did you choose?"
PAUSE_SENT = ("One message is a restart point, never a failure. Notice how you feel now, and be kind to "
              "yourself tonight.")
PAUSE_SENT_SAFETY = ("Thank you for writing it down. If you're worried about how they will respond, tell someone "
                     "you trust, and keep the hotline close: it is on the Safety & help page, any time.")
DEBRIEF_UNSAFE = ("Thank you for saying so. Feeling unsafe matters more than any plan, so Take Two has turned to "
                  "safety first: the Safety & help page has people to talk to, free and confidential, and a plan "
                  "you can make. You can turn this off there, deliberately, if it was about something else.")
DISCREET_TOOLKIT = "Show the pause"
PAUSE_HELD = "You chose. That counts for something, and it gets easier each time."
PAUSE_TALLY = "You've paused {n}; {kept} of those times you chose not to send."
PAUSE_TALLY_NONE = "You've paused {n}. Pausing at all counts, whatever came next."
PAUSE_LINK = "Want to reach out? Pause first"
DATES_NOT_YET = ("By your own measures, a step toward them isn't open yet (Home says what is missing). Planning "
                 "is fine; the pause is here when the urge comes.")


def different_count(still: int, total: int) -> str:
    """"1 of 2 reasons it ended still has no evidence of change", or that every one has some."""
    if not still:
        return DIFFERENT_ALL
    return DIFFERENT_COUNT.format(open=still, total=total, reasons="reason it ended" if total == 1 else
                                  "reasons it ended", have="has" if still == 1 else "have")


def home_open_reasons(n: int) -> str:
    return (f"{n} reason it ended has no evidence of change yet" if n == 1 else
            f"{n} reasons it ended have no evidence of change yet")

# Progress, a part at a time: each part's name on the screen.
PROGRESS_SECTIONS: MappingProxyType = MappingProxyType({
    "both": "Both of you", "together": "Together", "stages": "Days in stages", "you": "You",
    "reaching": "Reaching out", "year": "Your year",
})
# Progress's charts of their side (charts.py) and their text alternatives (chart_text.py): only on
# the reconnecting path, like every word about them.
OPENNESS_TITLE = about_them("How open they seem, over time")
OPENNESS_AXIS = about_them("Openness (0–100)")
OPENNESS_SAID = about_them("{span}, how open they seemed went from {first:.0f} to {last:.0f} out of 100, now at "
                           "{stage}; lowest {low:.0f} {low_when}, highest {high:.0f} {high_when}.")
JOURNEY_MAP_TITLE = about_them("Journey map: you and them")
JOURNEY_MAP_AXIS = about_them("How open they seem (0–100)")
JOURNEY_SAID = about_them("{points} {span}. Latest: you at {yours}, they at {openness:.0f} out of 100 ({theirs}).")
DAYS_IN_STAGES_TITLE = {"their": about_them("Days in each of their stages"), "your": "Days in each of your stages"}
# Your year (Progress): their side, so only on the reconnecting path
MOOD_BESIDE_THEM = about_them("Your mood beside how open they seem")
# Mood around contact (Progress, Your year): the two groups of days, as an axis and a sentence name them.
AROUND_CONTACT = (("After a contact", "the day of a contact or the day after"),
                  ("Other days", "the other days you checked in"))


# --- The clarity report (Your data): one page to bring to a therapist or a trusted friend ---------

REPORT_HEADING = "Make a report"
REPORT_INTRO = (
    "One page to bring to a therapist or a friend you trust, for the days you choose: your latest "
    "diagnostic and your charts (and, while you are reconnecting, what is different now and your "
    "boundaries). It is a single file that opens in any browser, with no internet, and prints on "
    "paper. You choose what goes in."
)
REPORT_RANGE = "From and to"
REPORT_WORDS = "Include what you wrote (reflections, reasons, evidence, boundaries)"
REPORT_WORDS_HELP = "Without it the report has your answers, counts and charts, and none of your own words."
REPORT_SAFETY = "Include your safety answers and your safety plan"
REPORT_SAFETY_WARNING = (
    "Anyone who opens this file can read your safety answers and your plan: the file is not locked, "
    "and your browser keeps it in its downloads. Keep it where only you can reach it, and delete it "
    "once you have shared it."
)
REPORT_NOT_LOCKED = "The report is a copy outside Take Two: anyone with the file can read it."
REPORT_BUTTON = "Download the report"
REPORT_TITLE = "Take Two: a clarity report"
REPORT_TITLE_DISCREET = "Notes"
REPORT_ABOUT = (
    "Made with Take Two, a private journal kept on the writer's own computer, to talk things through "
    "with someone they trust. It is a reflection, not a diagnosis."
)
REPORT_ABOUT_DISCREET = "Personal notes."
REPORT_PARTS: MappingProxyType = MappingProxyType({
    "verdict": "Latest diagnostic",
    "different": "What is different now",
    "boundaries": "Boundaries",
    "safety": "Safety",
    "charts": "Over time",
})
REPORT_BEFORE_RANGE = " (before the days of this report)"
REPORT_NO_DIAGNOSTIC = "No diagnostic on or before the last day of this report."
REPORT_DIAGNOSTIC_LEFT_OUT = "The latest diagnostic is not included in this report."
REPORT_OWN_REASON = "A reason of their own"
REPORT_NO_REASONS = "No reasons it ended were recorded."
REPORT_NO_BOUNDARIES = "No boundaries were recorded."
REPORT_NO_SAFETY_ANSWERS = "No safety question was answered yes."
REPORT_NO_PLAN = "No safety plan was written."
REPORT_NOTHING_IN_RANGE = "Nothing in this range"


def report_range(start, end) -> str:
    return f"{start:%d %b %Y} to {end:%d %b %Y}"


def report_evidence(n: int) -> str:
    return "no evidence of change in this range" if n == 0 else counted(n, "piece of evidence", "pieces of evidence") + " of change"


def report_kept(kept: int, broken: int) -> str:
    """How a boundary went in the report's days, in words a person would use ("kept twice, never broken")."""
    def times(n: int) -> str:
        return {0: "", 1: "once", 2: "twice"}.get(n, f"{n} times")

    if not kept and not broken:
        return "not tested in this range"
    if not broken:
        return f"kept {times(kept)}, never broken, in this range"
    if not kept:
        return f"broken {times(broken)} in this range"
    return f"kept {times(kept)}, broken {times(broken)}, in this range"


# --- The weekly word (Home): the last seven days, in a sentence or two, never a score to beat -----

WEEK_HEADING = "Your week"
WEEK_LOW = " {Times} like this pass; be as kind to yourself as you would be to a friend."


def weekly_word(checkins: int, mood: float | None, before: float | None, days: int, contact_days: int) -> str:
    """The last `days` days (seven, or fewer for a new journal): check-ins, mood against the week
    before, and the days without contact."""
    when = "Today" if days == 1 else f"In the last {counted(days, 'day')}"
    low = WEEK_LOW.format(Times="Days" if days == 1 else "Weeks")
    if not checkins:
        first = f"No check-ins {when[:1].lower() + when[1:]}. Whenever you are ready, a minute on Check in is enough."
    else:
        times = "once" if checkins == 1 else f"{checkins} times"
        first = f"{when} you checked in {times}, and your mood was {feeling(mood)}{'' if checkins == 1 else ' on average'}"
        if before is None:
            first += "." + (low if mood < 2.5 else "")
        elif mood - before >= 0.5:
            first += f", lighter than the week before ({feeling(before)})."
        elif before - mood >= 0.5:
            first += f", heavier than the week before ({feeling(before)})." + low
        else:
            first += ", about the same as the week before." + (low if mood < 2.5 else "")
    quiet = days - contact_days
    if days == 1:
        return f"{first} {'No contact today.' if not contact_days else 'You were in contact today.'}"
    second = ("No contact on any of those days." if not contact_days else
              f"{quiet} of those {counted(days, 'day')} {'was' if quiet == 1 else 'were'} without contact.")
    return f"{first} {second}"
