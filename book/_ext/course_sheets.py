"""Printable sheets of the course kit, generated at build time from the sources they summarize.

- ``syllabus-modules``: the participants' table of the five modules. Modules, topics, pre-reading
  and calculators are read from the teaching guide's own module sections (each labelled
  ``teaching-guide-module-N``, with a ``reading-load`` directive and a calculator link), and
  the minutes are counted with course_kit's ``reading_words``, so the syllabus cannot disagree
  with the guide or the pages.
- ``working-day-calendar``: a year of Chinese working days, each day classified by
  ``nmpa_rules.working_days.add_working_days``, the function the review-clock rule counts with,
  so that a class counting on paper counts the same days as the calculator.
"""

from __future__ import annotations

import calendar
import html
import math
import posixpath
from datetime import date, timedelta

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

GUIDE = "book/reference/teaching-guide"
MODULE_LABEL = "teaching-guide-module-{}"
MODULES = range(1, 6)


class syllabus_modules(nodes.General, nodes.Element):
    pass


class working_day_calendar(nodes.General, nodes.Element):
    pass


class SyllabusModulesDirective(SphinxDirective):
    def run(self):
        _note_generated_page(self.env)
        node = syllabus_modules()
        self.set_source_info(node)
        return [node]


class WorkingDayCalendarDirective(SphinxDirective):
    option_spec = {"year": directives.positive_int}

    def run(self):
        node = working_day_calendar(year=self.options.get("year", 0))
        self.set_source_info(node)
        if not node["year"]:
            logger.warning("working-day-calendar needs :year:", location=node)
        return [node]


def _note_generated_page(env: BuildEnvironment) -> None:
    if not hasattr(env, "course_sheets_pages"):
        env.course_sheets_pages = set()
    env.course_sheets_pages.add(env.docname)


# The syllabus reads the teaching guide and the chapters: rewrite it whenever any page was read.
def note_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    env.course_sheets_pages_read = bool(docnames)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if getattr(env, "course_sheets_pages_read", True):
        return sorted(getattr(env, "course_sheets_pages", set()))
    return []


def purge_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "course_sheets_pages", set()).discard(docname)


def merge_pages(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    env.course_sheets_pages = getattr(env, "course_sheets_pages", set()) | getattr(other, "course_sheets_pages", set())


def guide_modules(env: BuildEnvironment, location: nodes.Node) -> list[dict]:
    """Each module of the teaching guide: number, topic, pre-reading docnames, calculator docname."""
    from course_kit import reading_load

    doctree = env.get_doctree(GUIDE)
    sections = {ident: section for section in doctree.findall(nodes.section) for ident in section["ids"]}
    modules = []
    for number in MODULES:
        section = sections.get(MODULE_LABEL.format(number))
        if section is None:
            logger.warning("syllabus: the teaching guide has no section labelled %s", MODULE_LABEL.format(number), location=location)
            continue
        title = section[0].astext()
        topic = title.split(". ", 1)[1] if title.startswith(f"Module {number}. ") else title
        loads = list(section.findall(reading_load))
        calculators = [
            target
            for ref in section.findall(lambda n: n.tagname == "pending_xref" and n.get("reftype") == "doc")
            if (target := posixpath.normpath(posixpath.join(posixpath.dirname(GUIDE), ref["reftarget"]))).startswith("book/calculators/")
        ]
        if not loads or not calculators:
            logger.warning("syllabus: module %s of the teaching guide lacks a reading-load or a calculator link", number, location=location)
            continue
        modules.append({"number": number, "topic": topic, "reading": loads[0]["chapters"], "calculator": calculators[0], "anchor": MODULE_LABEL.format(number)})
    return modules


def _cell(*children: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *children)
    return entry


def _link(app: Sphinx, fromdocname: str, docname: str, text: str, anchor: str = "") -> nodes.reference:
    uri = app.builder.get_relative_uri(fromdocname, docname) + (f"#{anchor}" if anchor else "")
    return nodes.reference("", text, internal=True, refuri=uri)


def _title(env: BuildEnvironment, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def _syllabus_table(app: Sphinx, fromdocname: str, node: nodes.Element) -> nodes.Node:
    from course_kit import reading_words

    env = app.env
    rate = app.config.course_kit_words_per_minute
    table = nodes.table(classes=["course-kit-table", "syllabus-table"])
    group = nodes.tgroup(cols=4)
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in (22, 44, 10, 24))
    head = nodes.thead()
    group += head
    row = nodes.row()
    row.extend(_cell(nodes.Text(text)) for text in ("Module", "Read before class", "Minutes", "Class activity"))
    head += row
    body = nodes.tbody()
    group += body
    total = 0
    for module in guide_modules(env, node):
        minutes = math.ceil(sum(reading_words(env, d) for d in module["reading"]) / rate)
        total += minutes
        reading = nodes.paragraph()
        for position, docname in enumerate(module["reading"]):
            if position:
                reading += nodes.Text("; ")
            reading += _link(app, fromdocname, docname, _title(env, docname))
        row = nodes.row()
        row += _cell(_link(app, fromdocname, GUIDE, f"{module['number']}. {module['topic']}", module["anchor"]))
        entry = nodes.entry()
        entry += reading
        row += entry
        row += _cell(nodes.Text(str(minutes)))
        row += _cell(_link(app, fromdocname, module["calculator"], _title(env, module["calculator"])))
        body += row
    row = nodes.row()
    row += _cell(nodes.strong("", "Total"))
    row += _cell(nodes.Text(""))
    row += _cell(nodes.strong("", str(total)))
    row += _cell(nodes.Text(""))
    body += row
    return table


KIND_LABEL = {"working": "working day", "make_up": "make-up working day", "holiday": "public holiday", "weekend": "weekend"}


def year_days(year: int) -> dict[date, str]:
    """Every day of ``year`` with the kind the review clock gives it when counting."""
    from nmpa_rules.working_days import add_working_days

    # Counting from 31 December of the year before classifies every following day; more
    # working days than a year has carries the count past 31 December.
    count = add_working_days(date(year - 1, 12, 31), 400)
    return {day: kind for day, kind in count.days if day.year == year}


def holiday_breaks(year: int) -> list[tuple[str, list[date]]]:
    """The holiday breaks of ``year`` as the State Council notice lists them: each run of
    consecutive days off (weekends included) that holds a statutory holiday, with its name."""
    import holidays

    named = {day: name for day, name in holidays.China(years=year, language="en_US").items() if day.year == year}
    kinds = year_days(year)
    breaks: list[list[date]] = []
    run: list[date] = []
    for day in sorted(kinds) + [date(year + 1, 1, 1)]:
        if kinds.get(day) in ("holiday", "weekend"):
            run.append(day)
            continue
        if any(d in named for d in run):
            breaks.append(run)
        run = []
    return [(_break_name([named[d] for d in days if d in named]), days) for days in breaks]


def _break_name(names: list[str]) -> str:
    # The library also lists the weekdays swapped for make-up days ("Day off (substituted ...)")
    # and observed days; the break is named after the holiday it holds most often.
    festivals = [n.replace(" (observed)", "") for n in names if not n.startswith("Day off")]
    return max(festivals, key=festivals.count) if festivals else names[0]


def _calendar_html(year: int) -> str:
    from nmpa_rules.rules.timelines_review_clock import CALENDAR

    kinds = year_days(year)
    in_break = {day: name for name, days in holiday_breaks(year) for day in days}
    parts = ['<div class="working-day-calendar">']
    for month in range(1, 13):
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        counted = sum(1 for day, kind in kinds.items() if day.month == month and kind in ("working", "make_up"))
        parts.append(f'<table class="wdc-month"><caption>{calendar.month_name[month]} {year} <span class="wdc-count">{counted} working days</span></caption>')
        parts.append("<thead><tr>" + "".join(f'<th scope="col" abbr="{calendar.day_name[i]}">{calendar.day_abbr[i][:2]}</th>' for i in range(7)) + "</tr></thead><tbody>")
        for week in weeks:
            cells = []
            for day in week:
                if day.month != month:
                    cells.append('<td class="wdc-outside"></td>')
                    continue
                # A weekend day inside a holiday break is shown with the break, as the notice lists it.
                shown = "holiday" if day in in_break else kinds[day]
                mark = {"holiday": '<span class="wdc-mark">H</span>', "make_up": '<span class="wdc-mark">W</span>'}.get(shown, "")
                title = KIND_LABEL[shown] + (f": {in_break[day]}" if day in in_break else "")
                cells.append(f'<td class="wdc-{shown.replace("_", "-")}" title="{html.escape(title)}">{day.day}{mark}</td>')
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</div>")
    if year > CALENDAR["arrangements"]["last_published_year"]:
        parts.append(f'<p class="wdc-provisional"><strong>Provisional:</strong> the arrangement for {year} was not published when this sheet was made.</p>')
    return "\n".join(parts)


def _calendar_lists(year: int) -> nodes.Node:
    fmt = "%a %-d %b"
    bullets = nodes.bullet_list(classes=["wdc-lists"])
    for name, days in holiday_breaks(year):
        span = days[0].strftime(fmt) + (f" to {days[-1].strftime(fmt)}" if len(days) > 1 else "")
        item = nodes.list_item()
        item += nodes.paragraph("", "", nodes.strong("", "H\u00a0"), nodes.Text(f"{name}: {span} ({len(days)} days off)"))
        bullets += item
    make_up = [day for day, kind in sorted(year_days(year).items()) if kind == "make_up"]
    item = nodes.list_item()
    item += nodes.paragraph("", "", nodes.strong("", "W\u00a0"), nodes.Text("Make-up working days, weekend days that count: " + ", ".join(d.strftime(fmt) for d in make_up)))
    bullets += item
    return bullets


def fill_sheets(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    for node in list(doctree.findall(syllabus_modules)):
        node.replace_self(_syllabus_table(app, fromdocname, node))
    for node in list(doctree.findall(working_day_calendar)):
        year = node["year"]
        node.replace_self([nodes.raw("", _calendar_html(year), format="html"), _calendar_lists(year)])


def setup(app: Sphinx) -> dict:
    app.add_node(syllabus_modules)
    app.add_node(working_day_calendar)
    app.add_directive("syllabus-modules", SyllabusModulesDirective)
    app.add_directive("working-day-calendar", WorkingDayCalendarDirective)
    app.connect("env-before-read-docs", note_pages_read)
    app.connect("env-get-updated", pages_to_rewrite, priority=900)
    app.connect("env-purge-doc", purge_page)
    app.connect("env-merge-info", merge_pages)
    app.connect("doctree-resolved", fill_sheets)
    app.add_css_file("course-sheets.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
