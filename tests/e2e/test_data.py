"""Your data in the browser: a second app on the same file, and an export brought back."""

import json

from playwright.sync_api import expect

from harness.server import running
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
