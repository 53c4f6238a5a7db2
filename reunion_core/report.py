"""The clarity report: one self-contained HTML page for a therapist or a trusted friend.

Everything is inline (the chart library, the styles, the data): the page opens from disk with no
network, and its Content-Security-Policy forbids it to load anything at all. The person chooses what
goes in: their own words only if ticked, safety answers and the safety plan only if ticked too. Pure:
a `Report` (loaded by views.report) in, the page's text out.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from . import content as words
from . import toolkit as tk
from .content import QUESTION_BY_KEY, SAFETY_PLAN_FIELDS, SAFETY_QUESTIONS
from .records import DiagnosticRun, SafetyPlan, Verdict

# Nothing loaded, nothing sent; a script runs only if it is one of the page's own two, by its hash: a
# script that any text (a forged export's, say) ever slipped into the page would not run.
CSP = ("default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
       "font-src data:; base-uri 'none'; form-action 'none'")


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(*scripts: str) -> str:
    """The page's policy, allowing exactly these inline scripts."""
    return CSP.format(scripts=" ".join(_hash(s) for s in scripts))


@dataclass(frozen=True)
class ReportChoice:
    """What the person chose to put in a report."""

    start: date
    end: date
    own_words: bool = False  # reflections, their own reasons, evidence, boundaries' wording
    safety: bool = False  # safety answers and the safety plan


@dataclass(frozen=True)
class ReportChart:
    title: str
    alt: str
    figure: dict | None  # None: nothing in this range


@dataclass(frozen=True)
class Report:
    choice: ReportChoice
    made_on: date
    discreet: bool
    about_you_only: bool  # not on the reconnection path: nothing about them, no "what is different"
    run: DiagnosticRun | None  # the latest diagnostic on or before the last day
    reasons: tuple[tk.Reason, ...]
    boundaries: tuple[tk.Boundary, ...]  # counts of the range
    charts: tuple[ReportChart, ...]
    safety_answers: tuple[str, ...] = ()  # keys answered yes (only when chosen)
    safety_on: bool = False  # safety mode: the diagnostic is about safety, so it is in only when chosen
    plan: SafetyPlan | None = None
    held: bool = False  # a form holds an answer not yet saved that the saved verdict would contradict
    help_lines: tuple[words.Resource, ...] = words.REGIONS[words.DEFAULT_REGION].lines  # where the person is

    @property
    def title(self) -> str:
        return words.REPORT_TITLE_DISCREET if self.discreet else words.REPORT_TITLE

    @property
    def file_name(self) -> str:
        return file_name(self.discreet, self.made_on)

    @property
    def parts(self) -> tuple[str, ...]:
        """The sections this report has, in order (content.REPORT_PARTS)."""
        shown = ["verdict"]
        if not self.about_you_only:
            shown += ["different", "boundaries"]
        if self.choice.safety:
            shown.append("safety")
        return (*shown, "charts")


def file_name(discreet: bool, made_on: date) -> str:
    """What the report is called in Downloads: neutral in discreet mode."""
    return f"{'notes' if discreet else 'take-two-report'}-{made_on.isoformat()}.html"


@functools.cache
def plotly_js() -> str:
    """The chart library that comes with the plotly package, inlined once per report."""
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON safe inside a <script>: nothing in it can close the element or open a comment."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _p(text: str, cls: str = "") -> str:
    attribute = f' class="{cls}"' if cls else ""
    return f"<p{attribute}>{escape(text)}</p>"


def _said(text: str) -> str:
    """The person's own words, as they wrote them (line breaks kept)."""
    return f'<blockquote class="own">{escape(text.strip())}</blockquote>' if text.strip() else ""


def _verdict(report: Report) -> str:
    run, choice = report.run, report.choice
    if report.safety_on and not choice.safety:
        return _p(words.REPORT_DIAGNOSTIC_LEFT_OUT)
    if run is None:
        return _p(words.REPORT_NO_DIAGNOSTIC)
    if report.held:
        return _p(words.REPORT_VERDICT_HELD)
    assessment = run.assessment
    if assessment.verdict is Verdict.SAFETY_FIRST and not choice.safety:
        return _p(words.REPORT_DIAGNOSTIC_LEFT_OUT)
    before = words.REPORT_BEFORE_RANGE if run.created_at.date() < choice.start else ""
    out = [f'<p class="when">{run.created_at:%d %b %Y}{escape(before)}</p>',
           f"<h3>{escape(assessment.verdict.label)}</h3>", _p(assessment.verdict.explanation)]
    reasons = [r for r in assessment.deciding_reasons if choice.safety or not r.source.startswith("safety:")]
    if reasons:
        out.append("<ul>" + "".join(f"<li><strong>{escape(r.answer)}</strong>: {escape(r.explanation)}</li>"
                                    for r in reasons) + "</ul>")
    if choice.own_words:
        for key, text in run.answers.reflections.items():
            question = QUESTION_BY_KEY.get(key)
            if question and text.strip():
                out += [f"<h4>{escape(question.reflection_prompt)}</h4>", _said(text)]
    return "".join(out)


def _in_range(day: date, choice: ReportChoice) -> bool:
    return choice.start <= day <= choice.end


def _different(report: Report) -> str:
    if not report.reasons:
        return _p(words.REPORT_NO_REASONS)
    choice, items = report.choice, []
    for reason in report.reasons:
        name = reason.text if (choice.own_words or not reason.own) else words.REPORT_OWN_REASON
        shown = [e for e in reason.evidence if _in_range(e.day, choice)]
        item = f"<li><strong>{escape(name)}</strong>: {escape(words.report_evidence(len(shown)))}"
        if shown:
            item += "<ul>" + "".join(
                f'<li><span class="when">{e.day:%d %b %Y}</span>'
                + (f' <span class="own">{escape(str(e.fields["text"]).strip())}</span>' if choice.own_words else "")
                + "</li>" for e in shown) + "</ul>"
        items.append(item + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _boundaries(report: Report) -> str:
    if not report.boundaries:
        return _p(words.REPORT_NO_BOUNDARIES)
    items = []
    for n, b in enumerate(report.boundaries, 1):
        name = str(b.entry.fields["wording"]) if report.choice.own_words else f"Boundary {n}"
        broken = "" if not b.broken_on else " (broken on " + ", ".join(f"{d:%d %b %Y}" for d in b.broken_on) + ")"
        items.append(f"<li><strong>{escape(name)}</strong>: {escape(words.report_kept(b.kept, b.broken) + broken)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _safety(report: Report) -> str:
    yes = [q.text for q in SAFETY_QUESTIONS if q.key in report.safety_answers]
    out = ["<ul>" + "".join(f"<li>{escape(t)} Yes.</li>" for t in yes) + "</ul>" if yes else _p(words.REPORT_NO_SAFETY_ANSWERS)]
    plan = report.plan
    if plan is None or plan.is_empty:
        out.append(_p(words.REPORT_NO_PLAN))
    else:
        out.append(f"<h3>{escape(words.SAFETY_PLAN_TITLE)}</h3>")
        for key, label, _ in SAFETY_PLAN_FIELDS:
            out += [f"<h4>{escape(label)}</h4>", _said(getattr(plan, key)) or _p("(empty)")]
    out.append("<h3>Help</h3><ul>" + "".join(
        f"<li>{escape(r.name)}: {escape(r.phone)}{escape(f' ({r.text})') if r.text else ''}</li>"
        for r in report.help_lines) + "</ul>")
    return "".join(out)


def _charts(report: Report) -> tuple[str, str]:
    """The figures' places in the page, and the script that draws them."""
    places, calls = [], []
    for n, chart in enumerate(report.charts):
        if chart.figure is None:
            places.append(f'<p class="empty"><strong>{escape(chart.title)}</strong>: '
                          f"{escape(words.REPORT_NOTHING_IN_RANGE)}.</p>")
            continue
        places.append(f'<figure><div class="chart" id="chart-{n}" role="img" aria-label="{escape(chart.alt)}"></div>'
                      f"<figcaption>{escape(chart.alt)}</figcaption></figure>")
        layout = {**chart.figure["layout"], "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
                  "font": {**chart.figure["layout"].get("font", {}), "color": "#1f2933"}}
        calls.append(f"draw('chart-{n}',{_script_json(chart.figure['data'])},{_script_json(layout)});")
    script = ("function draw(id,data,layout){Plotly.newPlot(id,data,layout,"
              "{displayModeBar:false,responsive:true,displaylogo:false});}" + "".join(calls))
    return "".join(places), script


STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #fff;
       max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin: 2rem 0 .5rem;
     border-bottom: 1px solid #d6d3cc; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; } h4 { font-size: 1rem; margin: .75rem 0 .25rem; color: #3e4a56; }
.when, .about, figcaption, .empty { color: #4b5563; font-size: .9rem; }
span.own { white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote.own { white-space: pre-wrap; margin: .25rem 0 .75rem; padding: .25rem .75rem; border-left: 3px solid #52796f;
                 background: #f5f3ee; overflow-wrap: anywhere; }
figure { margin: 1rem 0 2rem; } .chart { width: 100%; min-height: 200px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } figure, li, blockquote { break-inside: avoid; }
  blockquote.own { background: none; }
}
"""


def page_bytes(report: Report) -> bytes:
    """The page as the file to download: a text a forged file made unencodable becomes a mark, never a crash."""
    return render(report).encode("utf-8", errors="replace")


def render(report: Report) -> str:
    """The whole page: a heading, each chosen section, the charts, and the library that draws them."""
    choice = report.choice
    bodies = {"verdict": _verdict, "different": _different, "boundaries": _boundaries, "safety": _safety}
    sections, script = [], ""
    for part in report.parts:
        if part == "charts":
            body, script = _charts(report)
        else:
            body = bodies[part](report)
        sections.append(f'<section data-part="{part}"><h2>{escape(words.REPORT_PARTS[part])}</h2>{body}</section>')
    about = words.REPORT_ABOUT_DISCREET if report.discreet else words.REPORT_ABOUT
    script = script.encode("utf-8", errors="replace").decode("utf-8")  # as the file will hold it: its hash holds
    library = plotly_js()
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(library, script)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{escape(report.title)}</title>'
        f"<style>{STYLE}</style></head><body>"
        f"<header><h1>{escape(report.title)}</h1>"
        f'<p class="when">{escape(words.report_range(choice.start, choice.end))} · made on {report.made_on:%d %b %Y}</p>'
        f'{_p(about, "about")}</header><main>{"".join(sections)}</main>'
        f"<script>{library}</script><script>{script}</script></body></html>"
    )
