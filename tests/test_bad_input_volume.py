"""A seeds folder of 1,000 files, 50 of them odd or broken, through the real Dagster job into a real
DuckDB warehouse: every good file's facts arrive, every bad file is listed in `ingest_errors` with
the reason, nothing from outside the seeds folder gets in, and one bad file never stops the run.

What pipeline/read.py decodes and what it refuses is its documented behaviour (README, module
docstring), and the expectations below follow it: UTF-16 without a byte-order mark, cp1251 and a
file cut off in the middle of a UTF-8 character are *read*; empty, binary, undecodable, too large,
unreadable files, links out of the folder, FIFOs and byte-for-byte duplicates are *refused*.

Also here: a static check that no SQL statement in pipeline/ or assets/ splices a value into a
string literal (every value goes in as a parameter)."""
from __future__ import annotations

import ast
import codecs
import gzip
import hashlib
import os
import random
import stat
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import schemas
from tests.conftest import PROJECT, run_pipeline
from tests.synthetic_articles import corpus

pytestmark = pytest.mark.slow

N_FILES = 1000
N_PROBLEM = 50
MAX_BYTES = 200_000
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
ISO = {"Kazakhstan": "KAZ", "Uzbekistan": "UZB", "Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Turkmenistan": "TKM",
       "Iran": "IRN", "Turkey": "TUR", "China": "CHN", "Azerbaijan": "AZE", "Georgia": "GEO", "Armenia": "ARM",
       "India": "IND", "Pakistan": "PAK", "Mongolia": "MNG", "Belarus": "BLR", "Qatar": "QAT", "Egypt": "EGY",
       "Germany": "DEU", "Hungary": "HUN", "Japan": "JPN", "Oman": "OMN"}
CANARY = "CANARY-7f3a91 outside-the-seeds-folder"
SECRET = ("Oman Trade Memo\n\nPublished: 3 May 2023\n\n"
          f"Trade between Oman and Mongolia reached $987.65 million in 2022, the ministry said. {CANARY}.\n")
SECRET_VALUE = 987.65e6


def trade_article(name: str, a: str, b: str, millions: int) -> str:
    return (f"{a} and {b} trade note ({name})\n\nPublished: 12 June 2023\n\n"
            f"Trade between {a} and {b} reached ${millions} million in 2022, the ministry said.\n\n"
            f"Officials of {a} and {b} discussed logistics at a meeting in Astana on Monday.\n")


class Expect:
    """What each seed file must become: a document (with its trade value, if any) or an ingest error."""

    def __init__(self):
        self.good: dict[str, tuple[bytes, float | None, tuple[str, str] | None]] = {}
        self.errors: dict[str, str] = {}

    def write_good(self, seeds: Path, name: str, data: bytes, value: float | None = None,
                   pair: tuple[str, str] | None = None) -> Path:
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.good[name] = (data, value, pair)
        return path

    def write_bad(self, seeds: Path, name: str, data: bytes, kind: str) -> Path:
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.errors[name] = kind
        return path


def build_seeds(root: Path) -> tuple[Path, Expect, list[Path]]:
    """950 ordinary articles and 50 problem files. Returns (seeds, expectations, paths to chmod back)."""
    seeds = root / "seeds"
    seeds.mkdir()
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.txt").write_text(SECRET, encoding="utf-8")

    ex = Expect()
    rng = random.Random(424242)
    n_plain = N_FILES - N_PROBLEM
    for i, art in enumerate(corpus(n_plain, seed=7)):
        name = f"{['asia', 'gulf', 'europe', 'misc'][i % 4]}/{i:04d}.txt"
        ex.write_good(seeds, name, art.text.encode("utf-8"), art.trade_value, art.countries)

    problem_start = len(ex.good) + len(ex.errors)
    chmodded: list[Path] = []

    def good_article(name: str, a: str, b: str, millions: int, encode=lambda s: s.encode("utf-8")) -> None:
        label = name.replace("\n", " ")
        ex.write_good(seeds, name, encode(trade_article(label, a, b, millions)), millions * 1e6, (a, b))

    # -- empty: 0 bytes, only whitespace, only NUL bytes, only a BOM, front matter without a body
    for i in range(2):
        ex.write_bad(seeds, f"bad/empty_{i}.txt", b"", "empty")
    ex.write_bad(seeds, "bad/whitespace.txt", b"  \n\t\r\n   \n", "empty")
    ex.write_bad(seeds, "bad/nul_only.txt", b"\x00" * 4096, "empty")
    ex.write_bad(seeds, "bad/bom_only.txt", codecs.BOM_UTF8, "empty")
    ex.write_bad(seeds, "bad/front_matter_only.txt", b"---\ntitle: Nothing here\n---\n\n", "empty")
    # -- binary: images, archives, random bytes with NULs, control characters
    for i in range(3):
        ex.write_bad(seeds, f"bad/photo_{i}.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(3000), "binary")
    ex.write_bad(seeds, "bad/report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"
                 + gzip.compress(SECRET.encode() * 30), "binary")
    ex.write_bad(seeds, "bad/archive.txt.gz", gzip.compress(trade_article("gz", "Iran", "Japan", 55).encode() * 5),
                 "binary")
    ex.write_bad(seeds, "bad/random_with_nuls.txt", bytes(rng.randrange(0, 256) for _ in range(5000)), "binary")
    ex.write_bad(seeds, "bad/controls.txt", bytes(rng.randrange(1, 32) for _ in range(2000)), "binary")
    ex.write_bad(seeds, "bad/cjk_utf16_nobom.txt", ("中国与哈萨克斯坦的贸易额达到十亿美元。" * 30).encode("utf-16-le"),
                 "binary")
    # -- undecodable: bytes that are not text in UTF-8 nor in any single-byte code page the reader tries
    for i, n in enumerate((50, 3000, 20000)):
        ex.write_bad(seeds, f"bad/garbage_{i}.txt", bytes(rng.randrange(128, 256) for _ in range(n)), "undecodable")
    # -- too large (MAX_SEED_BYTES is 200,000 here): a few just over, one real 50 MB file, one sparse 50 MB file
    big = trade_article("big", "Iran", "Qatar", 444).encode()
    for i in range(3):
        ex.write_bad(seeds, f"bad/big_{i}.txt", big * (MAX_BYTES // len(big) + 1 + i), "too_large")
    fifty = 50 * 1024 * 1024
    with open(seeds / "bad" / "huge_written.txt", "wb") as fh:
        block = big * (1024 * 1024 // len(big) + 1)
        while fh.tell() < fifty:
            fh.write(block[: fifty - fh.tell()])
    ex.errors["bad/huge_written.txt"] = "too_large"
    with open(seeds / "bad" / "huge_sparse.txt", "wb") as fh:
        fh.write(big)
        fh.truncate(fifty)
    ex.errors["bad/huge_sparse.txt"] = "too_large"
    # -- links: out of the folder (absolute, relative, to a folder), dangling, into the folder (a duplicate)
    (seeds / "bad" / "link_abs.txt").symlink_to(outside / "secret.txt")
    (seeds / "bad" / "link_rel.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")
    (seeds / "bad" / "link_dir").symlink_to(outside / "folder")
    (seeds / "bad" / "link_dangling.txt").symlink_to(outside / "missing.txt")
    (seeds / "zz_alias_of_0000.txt").symlink_to(Path("asia") / "0000.txt")
    ex.errors.update({"bad/link_abs.txt": "symlink_outside", "bad/link_rel.txt": "symlink_outside",
                      "bad/link_dir": "symlink_outside", "bad/link_dangling.txt": "unreadable",
                      "zz_alias_of_0000.txt": "duplicate_content"})
    # -- a byte-for-byte copy, a FIFO
    ex.write_bad(seeds, "zz_copy_of_0001.txt", ex.good["gulf/0001.txt"][0], "duplicate_content")
    os.mkfifo(seeds / "bad" / "pipe.txt")
    ex.errors["bad/pipe.txt"] = "not_a_file"
    # -- unreadable permissions (root reads it anyway: then it is a good file)
    locked = seeds / "odd" / "locked.txt"
    good_article("odd/locked.txt", "Georgia", "Armenia", 611)
    locked.chmod(0)
    chmodded.append(locked)
    if not IS_ROOT:
        del ex.good["odd/locked.txt"]
        ex.errors["odd/locked.txt"] = "unreadable"
    # -- a file name that is not valid UTF-8 (e.g. unpacked from an old archive): refused, not fatal
    raw_name = os.fsdecode(os.fsencode(str(seeds / "odd")) + b"/latin1-\xe9t\xe9.txt")
    Path(raw_name).write_bytes(trade_article("latin1", "Iran", "Egypt", 612).encode())
    ex.errors["odd/latin1-\\xe9t\\xe9.txt"] = "unreadable"
    # ... and a link out of the folder to such a name: the reason names the target, as valid UTF-8
    odd_target = os.fsdecode(os.fsencode(str(outside)) + b"/s\xe9cret.txt")
    Path(odd_target).write_text(SECRET, encoding="utf-8")
    (seeds / "bad" / "link_latin1.txt").symlink_to(odd_target)
    ex.errors["bad/link_latin1.txt"] = "symlink_outside"

    # Problem files that ARE read (documented): odd encodings, cut-off text, odd names
    good_article("odd/utf16le_nobom.txt", "Kazakhstan", "Turkey", 701, lambda s: s.encode("utf-16-le"))
    good_article("odd/utf16be_nobom.txt", "Uzbekistan", "China", 702, lambda s: s.encode("utf-16-be"))
    good_article("odd/utf16_bom.txt", "Kyrgyzstan", "India", 703, lambda s: s.encode("utf-16"))
    good_article("odd/utf32le_nobom.txt", "Tajikistan", "Pakistan", 704, lambda s: s.encode("utf-32-le"))
    good_article("odd/cp1251.txt", "Turkmenistan", "Belarus", 705,
                 lambda s: (s + "Цена газа выросла на 5 процентов.\n").encode("cp1251"))
    for i, tail in enumerate(("Talks in Astana —", "Встреча в Астане", "Next round in Baku 📰")):
        # cut in the middle of the last multi-byte character
        good_article(f"odd/truncated_{i}.txt", "Azerbaijan", "Hungary", 706 + i,
                     lambda s, tail=tail: (s + tail).encode("utf-8")[:-1])
    for i, name in enumerate(["odd/with spaces in name.txt", "odd/it's a 'quoted' name.txt",
                              'odd/say "hello" name.txt', "odd/comma, separated, name.txt",
                              "odd/Алматы новости.txt", "odd/café résumé «news».txt",
                              "odd/'); DROP TABLE documents; --.txt", "odd/📰 emoji.txt",
                              "odd/new\nline.txt", "odd/back\\slash %s {} $1 ?.txt"]):
        a, b = [("Mongolia", "Japan"), ("Qatar", "Egypt"), ("Germany", "Iran"), ("Turkey", "Georgia"),
                ("Kazakhstan", "China"), ("Uzbekistan", "Germany"), ("India", "Iran"), ("Japan", "Qatar"),
                ("Egypt", "Turkey"), ("Belarus", "China")][i]
        good_article(name, a, b, 801 + i)
    n_problem = len(ex.good) + len(ex.errors) - problem_start
    assert n_problem == N_PROBLEM, n_problem
    assert len(ex.good) + len(ex.errors) == N_FILES
    return seeds, ex, chmodded


def query(con, sql: str, params=None):
    return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def volume(tmp_path_factory):
    root = tmp_path_factory.mktemp("volume")
    seeds, ex, chmodded = build_seeds(root)
    wh = root / "wh" / "relations.duckdb"
    old = os.environ.get("MAX_SEED_BYTES")
    os.environ["MAX_SEED_BYTES"] = str(MAX_BYTES)
    try:
        started = time.perf_counter()
        result = run_pipeline(seeds, wh)
        first_s = time.perf_counter() - started
        assert result.success
        con = duckdb.connect(str(wh), read_only=True)
        first = {t: sorted(map(repr, query(con, f"SELECT * FROM {t}")))
                 for t in ["documents", "ingest_errors", *schemas.FACT_TABLES]}
        con.close()
        started = time.perf_counter()
        assert run_pipeline(seeds, wh).success            # unchanged seeds: nothing changes, still no crash
        second_s = time.perf_counter() - started
        yield {"root": root, "seeds": seeds, "wh": wh, "ex": ex, "first": first, "timing": (first_s, second_s)}
    finally:
        if old is None:
            os.environ.pop("MAX_SEED_BYTES", None)
        else:
            os.environ["MAX_SEED_BYTES"] = old
        for p in chmodded:
            p.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.fixture(scope="module")
def con(volume):
    c = duckdb.connect(str(volume["wh"]), read_only=True)
    yield c
    c.close()


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def test_every_file_accounted_for_once(volume, con):
    ex = volume["ex"]
    docs = dict(query(con, "SELECT source_file, doc_id FROM documents"))
    errors = dict(query(con, "SELECT source_file, error_kind FROM ingest_errors"))
    assert len(docs) + len(errors) == N_FILES
    assert not set(docs) & set(errors)
    print(f"\n1,000-file run: {volume['timing'][0]:.1f} s, unchanged re-run: {volume['timing'][1]:.1f} s")


def test_every_good_file_is_a_document_with_its_content_hash(volume, con):
    ex = volume["ex"]
    docs = dict(query(con, "SELECT source_file, doc_id FROM documents"))
    assert set(docs) == set(ex.good), (sorted(set(ex.good) - set(docs))[:10], sorted(set(docs) - set(ex.good))[:10])
    wrong = {name: (docs[name], doc_id_of(data)) for name, (data, _, _) in ex.good.items()
             if docs[name] != doc_id_of(data)}
    assert not wrong
    assert query(con, "SELECT count(*) FROM raw_documents")[0][0] == len(ex.good)


def test_every_trade_sentence_yields_its_trade_row(volume, con):
    ex = volume["ex"]
    rows: dict[str, list[tuple]] = {}
    for source_file, value, reporter, partner in query(
            con, "SELECT d.source_file, t.value, t.reporter, t.partner FROM trade_figures t "
                 "JOIN documents d USING (doc_id)"):
        rows.setdefault(source_file, []).append((value, reporter, partner))
    with_trade = {n: (v, pair) for n, (_, v, pair) in ex.good.items() if v is not None}
    assert len(with_trade) > 700
    missing = []
    for name, (value, (a, b)) in with_trade.items():
        found = [r for r in rows.get(name, []) if r[0] is not None and abs(r[0] - value) < 0.5]
        if not found or {found[0][1], found[0][2]} != {ISO[a], ISO[b]}:
            missing.append((name, value, (a, b), rows.get(name)))
    assert not missing, missing[:5]


def test_every_bad_file_is_an_ingest_error_with_a_reason(volume, con):
    ex = volume["ex"]
    rows = {f: (k, r) for f, k, r in query(con, "SELECT source_file, error_kind, reason FROM ingest_errors")}
    assert {f: k for f, (k, _) in rows.items()} == ex.errors
    for f, (kind, reason) in rows.items():
        assert reason and len(reason) > 20, (f, reason)
        assert ";" in reason, (f, reason)              # every reason says what to do after the ';'
    assert "52,428,800 bytes" in rows["bad/huge_written.txt"][1]
    assert "MAX_SEED_BYTES" in rows["bad/huge_sparse.txt"][1] and "200,000" in rows["bad/huge_sparse.txt"][1]
    assert "PNG" in rows["bad/photo_0.txt"][1] and "gzip" in rows["bad/archive.txt.gz"][1]
    assert "outside the seeds folder" in rows["bad/link_abs.txt"][1]
    assert "does not exist" in rows["bad/link_dangling.txt"][1]
    assert "named pipe" in rows["bad/pipe.txt"][1]
    assert rows["zz_alias_of_0000.txt"][1].startswith("same content as asia/0000.txt")
    assert rows["zz_copy_of_0001.txt"][1].startswith("same content as gulf/0001.txt")
    assert "not valid UTF-8" in rows["odd/latin1-\\xe9t\\xe9.txt"][1]
    assert "s\\xe9cret.txt" in rows["bad/link_latin1.txt"][1]
    if not IS_ROOT:
        assert "Permission denied" in rows["odd/locked.txt"][1]


def test_decodable_problem_files_keep_their_text(volume, con):
    enc = dict(query(con, "SELECT source_file, encoding FROM raw_documents WHERE source_file LIKE 'odd/%'"))
    assert enc["odd/utf16le_nobom.txt"] == "utf-16-le" and enc["odd/utf16be_nobom.txt"] == "utf-16-be"
    assert enc["odd/utf32le_nobom.txt"] == "utf-32-le" and enc["odd/cp1251.txt"] == "cp1251"
    texts = dict(query(con, "SELECT source_file, text FROM raw_documents WHERE source_file LIKE 'odd/truncated_%'"))
    assert texts["odd/truncated_0.txt"].endswith("Talks in Astana ")          # the cut dash is dropped
    assert texts["odd/truncated_1.txt"].endswith("Встреча в Астан")
    assert texts["odd/truncated_2.txt"].endswith("Next round in Baku ")
    assert "Цена газа" in query(con, "SELECT text FROM raw_documents WHERE source_file = ?", ["odd/cp1251.txt"])[0][0]


def test_nothing_from_outside_the_seeds_folder(volume, con):
    ex = volume["ex"]
    allowed = {doc_id_of(data) for data, _, _ in ex.good.values()}
    secret_id = doc_id_of(SECRET.encode())
    assert secret_id not in allowed
    for table in ["raw_documents", "sentences", "documents", *schemas.FACT_TABLES, "extraction_log"]:
        ids = {r[0] for r in query(con, f"SELECT DISTINCT doc_id FROM {table}")}
        assert ids <= allowed, (table, sorted(ids - allowed)[:5])
    rejected = {r[0] for r in query(con, "SELECT DISTINCT doc_id FROM rejects WHERE doc_id IS NOT NULL")}
    assert rejected <= allowed
    like = f"%{CANARY[:13]}%"
    assert query(con, "SELECT count(*) FROM raw_documents WHERE text LIKE ? OR title LIKE ?", [like, like])[0][0] == 0
    assert query(con, "SELECT count(*) FROM sentences WHERE text LIKE ?", [like])[0][0] == 0
    for table in schemas.FACT_TABLES:
        assert query(con, f"SELECT count(*) FROM {table} WHERE evidence LIKE ?", [like])[0][0] == 0
    assert query(con, "SELECT count(*) FROM trade_figures WHERE abs(value - ?) < 1", [SECRET_VALUE])[0][0] == 0
    assert query(con, "SELECT count(*) FROM trade_figures WHERE 'OMN' IN (reporter, partner)")[0][0] == 0


def test_fact_rows_all_belong_to_documents(con):
    for table in [*schemas.FACT_TABLES, "sentences"]:
        orphans = query(con, f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans[0][0] == 0, table


def test_rerun_on_unchanged_seeds_changes_nothing(volume, con):
    now = {t: sorted(map(repr, query(con, f"SELECT * FROM {t}"))) for t in volume["first"]}
    assert now == volume["first"]


# -------------------------------------------------------------------------------------------------
# Every SQL statement is parameterised: no value spliced into a SQL string literal
# -------------------------------------------------------------------------------------------------

SQL_WORDS = ("SELECT ", "INSERT ", "DELETE ", "UPDATE ", "CREATE ", "DROP ", "ALTER ", "COMMENT ON", "COPY ",
             "ATTACH ", "PRAGMA ", "WHERE ", "VALUES")


def _looks_like_sql(text: str) -> bool:
    return any(w in text for w in SQL_WORDS)


class _SqlScanner:
    """Follows SQL text piece by piece: inside a '...' literal or not, skipping -- comments."""

    def __init__(self):
        self.in_string = False
        self.in_comment = False

    def feed(self, text: str) -> None:
        i = 0
        while i < len(text):
            ch = text[i]
            if self.in_comment:
                if ch == "\n":
                    self.in_comment = False
            elif self.in_string:
                if ch == "'":
                    self.in_string = False          # '' (an escaped quote) re-opens at once
            elif ch == "'":
                self.in_string = True
            elif text.startswith("--", i):
                self.in_comment = True
            i += 1


def _pieces_of_format(template: str) -> list[str | None]:
    """str.format template -> literal pieces and None for each replacement field."""
    import string
    pieces: list[str | None] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        pieces.append(literal)
        if field is not None:
            pieces.append(None)
    return pieces


def _pieces_of_percent(template: str) -> list[str | None]:
    import re
    pieces: list[str | None] = []
    pos = 0
    for m in re.finditer(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[sdifrgeEx%]", template):
        if m.group() == "%%":
            continue
        pieces += [template[pos:m.start()], None]
        pos = m.end()
    return pieces + [template[pos:]]


def _spliced(pieces: list[str | None]) -> list[int]:
    """Indexes of the placeholders (None pieces) that fall inside a SQL string literal."""
    scanner, hits = _SqlScanner(), []
    for i, piece in enumerate(pieces):
        if piece is None:
            if scanner.in_string:
                hits.append(i)
        else:
            scanner.feed(piece)
    return hits


def sql_injection_sites(source: str, filename: str = "<string>") -> list[str]:
    """Places where a value is formatted into the inside of a SQL string literal ('...{x}...'): in an
    f-string, a str.format template or a %-template whose text looks like SQL. Placeholders outside
    literals (table and column names, SQL fragments from constants) are allowed; -- comments are skipped."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
            how = "f-string"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            parts, how = _pieces_of_format(node.func.value.value), "str.format"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) \
                and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            parts, how = _pieces_of_percent(node.left.value), "% formatting"
        else:
            continue
        if not _looks_like_sql("".join(p for p in parts if p is not None)):
            continue
        for _ in _spliced(parts):
            found.append(f"{filename}:{node.lineno}: a value is spliced into a SQL string literal ({how}); "
                         f"pass it as a ? parameter")
    return found


def test_the_sql_checker_catches_spliced_values():
    bad = '''
con.execute(f"SELECT * FROM documents WHERE source_file = '{name}'")
con.execute(f"DELETE FROM t WHERE a = 'x' AND b = "
            f"'{value}'")
con.execute("SELECT * FROM t WHERE a = '%s'" % value)
con.execute("SELECT * FROM t WHERE a = '{}'".format(value))
'''
    assert len(sql_injection_sites(bad)) == 4
    commented = 'q = f"""SELECT 1 -- it' + "'" + 's a comment\nFROM t WHERE a = ' + "'{v}'" + '"""' + "\n"
    assert len(sql_injection_sites(commented)) == 1
    ok = '''
con.execute(f"SELECT count(*) FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
con.execute(f"SELECT printf('%.4g bn', {col} / 1e9) FROM {table} WHERE kind = 'actual' AND x = ?", [v])
con.execute(f"SELECT a || ':' || b, 'it''s' FROM {table} -- the article's own\\nWHERE x > {LIMIT}")
con.execute("WITH t AS ({sub}) SELECT * FROM t WHERE k = 'x'".format(sub=SUB))
log.info(f"file '{name}' is odd")
'''
    assert sql_injection_sites(ok) == []


def test_every_sql_statement_in_the_project_is_parameterised():
    files = sorted((PROJECT / "pipeline").rglob("*.py")) + sorted((PROJECT / "assets").glob("*.py"))
    assert len(files) > 20
    found = []
    for path in files:
        found += sql_injection_sites(path.read_text(encoding="utf-8"), str(path.relative_to(PROJECT)))
    assert not found, "\n".join(found)
