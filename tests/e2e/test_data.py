"""Your data in the browser: a second app on the same file, and an export brought back."""

import json
from pathlib import Path

from playwright.sync_api import expect

from harness.server import owner_url, running, settle
from reunion_core.records import CheckIn, PathChoice
from reunion_core.store import Store
from reunion_core.transfer import export_json
from tests.e2e.helpers import click_button, open_at, upload


def test_a_second_app_on_the_same_file_says_already_open_and_the_first_keeps_working(new_page, tmp_path):
    path = tmp_path / "shared.duckdb"
    with running(path) as (first_url, _):
        first = new_page()
        open_at(first, first_url, "Check_in")  # the first app now holds the file
        with running(path) as (second_url, _):
            second = new_page()
            open_at(second, second_url)
            expect(second.locator("[data-testid=stMain]")).to_contain_text("already open in another window")
            expect(second.locator("[data-testid=stSidebar]")).to_contain_text("800‑799‑7233")
        click_button(first, "Save check-in")
        expect(first.get_by_text("Check-in saved.")).to_be_visible()


def test_an_export_uploaded_in_the_browser_is_imported_once(new_page, tmp_path):
    source = Store.open(tmp_path / "source.duckdb")
    source.add_checkin(CheckIn(33, "dip_a_toe", 4, note="from my old laptop"))
    source.add_choice(PathChoice("they_healed"))  # only the person, here, records that
    export = tmp_path / "take-two.json"
    export.write_bytes(export_json(source))
    source.close()
    not_ours = tmp_path / "other.json"
    not_ours.write_text(json.dumps({"hello": "world"}))

    with running(tmp_path / "target.duckdb") as (url, _):
        page = new_page()
        open_at(page, url, "Your_data")
        upload(page, not_ours)
        click_button(page, "Import")
        expect(page.get_by_text("That file is not a Take Two export.")).to_be_visible()
        upload(page, export)
        click_button(page, "Import")
        expect(page.get_by_text("Imported 1 check-in, 0 contacts and 0 diagnostic runs.")).to_be_visible()
        expect(page.get_by_text("1 entry from the file was left out")).to_be_visible()
        click_button(page, "Import")
        expect(page.get_by_text("Imported 0 check-ins")).to_be_visible()
        open_at(page, url, "Check_in")
        expect(page.locator("[data-testid=stText]").first).to_have_text("from my old laptop")


def test_a_locked_export_and_a_restored_copy_in_the_browser(new_page, tmp_path):
    """Jordan moves computers: a locked export downloaded, a copy of the data file restored over a
    journal (the old one kept aside), and the locked export brought back with its passphrase."""
    from reunion_core import content as words
    from reunion_core import transfer, views

    passphrase = "lantern by the river"
    copy = Store.open(tmp_path / "old-laptop" / "reunion.duckdb")
    copy.add_checkin(CheckIn(44, "dip_a_toe", 3, note="FROM-THE-COPY"))
    copy.backup_to(tmp_path / "take-two-copy.duckdb")
    copy.close()
    db = tmp_path / "data" / "reunion.duckdb"
    mine = Store.open(db)
    mine.add_checkin(CheckIn(30, "dip_a_toe", 2, note="MINE-NOW"))
    views.set_passphrase(mine, passphrase, passphrase)
    mine.close()
    with running(db) as (url, _):
        page = new_page()
        page.goto(owner_url(url, "Your_data"))
        page.locator("input[type=password]").fill(passphrase)
        click_button(page, words.LOCK_OPEN)
        page.locator("[data-testid=stFileUploader]").first.wait_for()
        with page.expect_download() as download:
            page.get_by_role("button", name=words.DATA_EXPORT_LABELS[0], exact=True).click()
        locked = Path(download.value.path()).read_bytes()
        assert transfer.is_protected(locked) and b"MINE-NOW" not in locked
        assert download.value.suggested_filename.endswith("-locked.json")
        exported = tmp_path / "locked.json"
        exported.write_bytes(locked)

        upload(page, tmp_path / "take-two-copy.duckdb", nth=1)
        expect(page.get_by_text("This copy is a Take Two journal, whole: 1 check-in")).to_be_visible()
        expect(page.get_by_text(words.RESTORE_NOT_LOCKED.split(":")[0])).to_be_visible()
        assert len(list(db.parent.glob("reunion.duckdb.set-aside-*"))) == 0  # nothing changed by choosing a file
        page.get_by_text(words.RESTORE_OPTIONS["replace"]).click()
        settle(page)
        expect(page.get_by_role("button", name=words.RESTORE_BUTTON)).to_be_disabled()
        page.get_by_text(words.RESTORE_SURE).click()
        settle(page)
        click_button(page, words.RESTORE_BUTTON)
        expect(page.get_by_text("Your journal is the copy now.")).to_be_visible()
        assert len(list(db.parent.glob("reunion.duckdb.set-aside-*"))) == 1  # the old journal, kept aside

        upload(page, exported)
        page.get_by_label(words.IMPORT_PASSPHRASE, exact=True).fill("not it at all")
        click_button(page, "Import")
        expect(page.get_by_text(words.EXPORT_WRONG_PASSPHRASE)).to_be_visible()
        page.get_by_label(words.IMPORT_PASSPHRASE, exact=True).fill(passphrase)
        click_button(page, "Import")
        expect(page.get_by_text("Imported 1 check-in")).to_be_visible()
        open_at(page, url, "Check_in")
        notes = page.locator("[data-testid=stMain]").inner_text()
        assert "FROM-THE-COPY" in notes and "MINE-NOW" in notes


def _download_report(page, tmp_path: Path, name: str) -> Path:
    from reunion_core import content as words

    with page.expect_download() as got:
        page.get_by_role("button", name=words.REPORT_BUTTON).click()
    saved = tmp_path / name
    got.value.save_as(saved)
    return saved


def _open_offline(browser, report: Path, probe: str = "() => null") -> tuple[list[str], list[str], int, object]:
    """The report opened from disk on a phone with every request but the file refused: what it asked
    for, what went wrong, its sections, and what `probe` finds, once every chart it places is drawn."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # its own: not the suite's log
    asked, errors = [], []
    context.route("**/*", lambda route: (asked.append(route.request.url), route.continue_()
                                         if route.request.url.startswith("file:") else route.abort()))
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        placed = page.locator(".chart").count()
        page.wait_for_function(  # every chart drawn, with its title
            "() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg .gtitle'))",
            timeout=30_000)
        sections = page.locator("section").evaluate_all("els => els.map(e => e.dataset.part)")
        assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0  # fits a phone
        return [u for u in asked if not u.startswith("file:")] + errors, sections, placed, page.evaluate(probe)
    finally:
        context.close()


def test_a_report_opens_from_disk_with_no_network_and_holds_only_what_was_chosen(browser, new_page, tmp_path):
    """Jordan brings it to a therapist: every chart drawn offline; own words in, safety out until ticked."""
    from reunion_core import content as words
    from reunion_core.demo import generate
    from tests.e2e.helpers import click_label

    path = tmp_path / "r.duckdb"
    generate(path, years=1, seed=1)
    with running(path) as (url, _):
        page = new_page(390, 844)
        open_at(page, url, "Your_data")
        click_label(page, words.REPORT_WORDS)
        words_only = _download_report(page, tmp_path, "words.html")
        click_label(page, words.REPORT_SAFETY)
        expect(page.get_by_text(words.REPORT_SAFETY_WARNING.split(":")[0])).to_be_visible()
        with_safety = _download_report(page, tmp_path, "safety.html")
    assert words_only.read_text().count('class="own"') > 0  # the person's own words, as ticked
    problems, sections, placed, _ = _open_offline(browser, words_only)
    assert problems == [] and placed >= 10
    assert sections == ["verdict", "different", "boundaries", "charts"]
    problems, sections, _, _ = _open_offline(browser, with_safety)
    assert problems == [] and sections == ["verdict", "different", "boundaries", "safety", "charts"]
    # A copy with a script written into it: the page's policy lets only its own two scripts run
    tampered = tmp_path / "tampered.html"
    tampered.write_text(words_only.read_text().replace("</body>", "<script>document.body.dataset.ran = 'yes'</script>"
                                                       "</body>"))
    problems, _, placed, ran = _open_offline(browser, tampered, "() => document.body.dataset.ran || 'no'")
    assert ran == "no" and placed >= 10 and any("Content Security Policy" in p for p in problems)
