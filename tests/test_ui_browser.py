"""The Dagster UI in a real browser: a real `dagster dev`, headless Chromium (Debian's `chromium`
package, not a Playwright browser download) driven by Playwright.

Opens the asset graph, materialises everything with the UI's "Materialize all" button and waits
for that run to succeed. Screenshots are kept in the test's tmp_path.

Chromium missing: the test is skipped, except under CI (CI=true), where it fails; `make test`
installs it when run as root (see the Makefile's `chromium` target)."""
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.dagster_dev import running_dagster_dev

pytestmark = pytest.mark.slow

LOCATION = "assets.definitions"     # code location name under `dagster dev -m assets.definitions`
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking"]
RUN_TIMEOUT_S = 180
INSTALL_HINT = "install it with: apt-get update && apt-get install -y --no-install-recommends chromium"


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path:
        return path
    message = f"Debian's chromium is not on PATH; {INSTALL_HINT} (or run `make test` as root)"
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def ui_run(dev) -> dict | None:
    """The run launched from the UI (the sensor's runs carry a sensor tag instead)."""
    runs = [r for r in dev.runs() if r["tags"].get("dagster/from_ui") == "true"]
    return runs[0] if runs else None


def test_materialize_all_from_the_ui(tmp_path, seeds_copy):
    executable = chromium_path()
    from playwright.sync_api import expect, sync_playwright

    with running_dagster_dev(tmp_path, seeds_copy) as dev, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.set_default_timeout(30_000)
            try:
                run, screenshot = _materialize_all_in_ui(page, dev, tmp_path, expect)
            except Exception as e:
                failure = tmp_path / "ui-failure.png"
                try:
                    page.screenshot(path=str(failure), full_page=True)
                except Exception as shot_error:
                    failure = f"(none: {shot_error})"
                raise AssertionError(f"{e}\nscreenshot of the page: {failure}\n{dev.log_tail()}") from e
            assert screenshot.stat().st_size > 10_000, f"screenshot looks empty: {screenshot}"
            print(f"run {run['runId']} succeeded; screenshot: {screenshot}")
        finally:
            browser.close()


def _materialize_all_in_ui(page, dev, tmp_path: Path, expect) -> tuple[dict, Path]:
    """Dismiss the welcome dialog, check the asset graph, click Materialize all, wait for that run."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # global asset lineage; a fresh DAGSTER_HOME greets with a dialog covering the page
    page.goto(f"{dev.url}/asset-groups")
    community = page.get_by_role("dialog").filter(has_text="Join the Dagster community")
    try:
        community.wait_for(state="visible", timeout=20_000)
    except PlaywrightTimeout:
        pass        # not shown (a newer UI): nothing to dismiss
    else:
        community.get_by_role("button", name="Skip").click()
        expect(community).to_be_hidden()
    for group in ("ingest", "facts", "publish"):
        expect(page.locator(f"[data-tooltip='{group}']").first).to_be_visible()

    # one group's graph shows its assets, and links to those downstream
    page.goto(f"{dev.url}/locations/{LOCATION}/asset-groups/ingest/lineage")
    for asset in ("raw_documents", "ingest_errors", "sentences"):
        expect(page.locator(f"[data-tooltip='{asset}']").first).to_be_visible()
    for downstream in ("documents", "trade_figures"):
        expect(page.get_by_text(downstream, exact=True).first).to_be_visible()

    # materialise everything from the global graph
    page.goto(f"{dev.url}/asset-groups")
    expect(page.locator("[data-tooltip='ingest']").first).to_be_visible()
    page.get_by_role("button", name="Materialize all").click()

    deadline = time.monotonic() + RUN_TIMEOUT_S
    run = None
    while time.monotonic() < deadline:
        run = ui_run(dev)
        if run and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(1)
    assert run, f"no run was launched from the UI within {RUN_TIMEOUT_S} s"
    assert run["status"] == "SUCCESS", f"UI run {run['runId']} ended {run['status']}"

    # the run's page says so too
    page.goto(f"{dev.url}/runs/{run['runId']}")
    expect(page.get_by_text("Success", exact=True).first).to_be_visible()
    screenshot = tmp_path / "ui-run-succeeded.png"
    page.screenshot(path=str(screenshot), full_page=True)
    return run, screenshot
