"""Tests for pipeline.read: listing, reading and decoding seed files."""
from __future__ import annotations

import codecs
import hashlib
import os
import random
import socket
import stat
import time
from pathlib import Path

import pytest

from pipeline import read
from pipeline.read import (
    MAX_SEED_BYTES_DEFAULT,
    BinaryContentError,
    IngestError,
    RawDocument,
    UndecodableError,
    decode_text,
    list_seed_files,
    read_seed_file,
    scan_seeds,
    split_front_matter,
)

ARTICLE = ("Kazakhstan and Uzbekistan signed a trade agreement in Astana on 3 March 2024.\n"
           "Officials said bilateral trade reached $4.5 billion in 2023.\n")
RUSSIAN = ("Президент Казахстана встретился с премьер-министром России в Астане. Стороны обсудили "
           "торговлю, которая в 2023 году выросла на 10 процентов и достигла 28 миллиардов долларов.\n")
ENGLISH_WITH_CYRILLIC = ("The talks in Astana were described as productive. The banner read «Дружба народов» "
                         "and the minister thanked Москва for its support.\n")

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
not_root = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                              reason="root can read files whatever their permissions")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    d = tmp_path / "seeds"
    d.mkdir()
    return d


def write(seeds: Path, name: str, data: bytes | str) -> Path:
    path = seeds / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_ok(path: Path, seeds: Path, **kw) -> RawDocument:
    result = read_seed_file(path, seeds, **kw)
    assert isinstance(result, RawDocument), result
    return result


def read_err(path: Path, seeds: Path, **kw) -> IngestError:
    result = read_seed_file(path, seeds, **kw)
    assert isinstance(result, IngestError), result
    return result


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every path pipeline.read passes to os.open."""
    calls: list[str] = []
    real_open = os.open

    def spy(path, flags, *args, **kwargs):
        calls.append(os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(read.os, "open", spy)
    return calls


# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------

def test_utf8_document_fields(seeds):
    data = ("Astana — talks on trade.\n" + ARTICLE).encode("utf-8")
    path = write(seeds, "a.txt", data)
    doc = read_ok(path, seeds)
    assert doc.text == "Astana — talks on trade.\n" + ARTICLE
    assert doc.encoding == "utf-8"
    assert doc.source_file == "a.txt"
    assert doc.doc_id == hashlib.sha256(data).hexdigest()[:16]
    assert len(doc.doc_id) == 16
    assert doc.size_bytes == len(data)
    assert doc.modified_ns == os.stat(path).st_mtime_ns
    assert doc.front_matter == {}


def test_html_entities_are_decoded(seeds):
    doc = read_ok(write(seeds, "page.txt", "Trade &amp; investment\n\nMore than 4&nbsp;500 firms &#8211; a record.".encode()), seeds)
    assert doc.text == "Trade & investment\n\nMore than 4\u00a0500 firms \u2013 a record."


def test_utf8_bom_removed(seeds):
    doc = read_ok(write(seeds, "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode()), seeds)
    assert doc.text == ARTICLE
    assert not doc.text.startswith("\ufeff")
    assert doc.encoding == "utf-8-sig"


def test_utf16_le_with_bom(seeds):
    doc = read_ok(write(seeds, "le.txt", codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le")), seeds)
    assert doc.text == RUSSIAN
    assert doc.encoding == "utf-16"


def test_utf16_be_with_bom(seeds):
    doc = read_ok(write(seeds, "be.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")), seeds)
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-16"


def test_utf32_with_bom():
    assert decode_text(codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le")) == (ARTICLE, "utf-32")


def test_utf16_le_without_bom(seeds):
    doc = read_ok(write(seeds, "nobom.txt", ARTICLE.encode("utf-16-le")), seeds)
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-16-le"


def test_utf16_be_without_bom_cyrillic():
    assert decode_text(RUSSIAN.encode("utf-16-be")) == (RUSSIAN, "utf-16-be")


def test_cp1251_russian_paragraph(seeds):
    doc = read_ok(write(seeds, "ru.txt", RUSSIAN.encode("cp1251")), seeds)
    assert doc.text == RUSSIAN
    assert doc.encoding == "cp1251"


def test_cp1251_short_text():
    assert decode_text("Переговоры в Астане.".encode("cp1251")) == ("Переговоры в Астане.", "cp1251")
    assert decode_text("ПЕРЕГОВОРЫ В АСТАНЕ".encode("cp1251")) == ("ПЕРЕГОВОРЫ В АСТАНЕ", "cp1251")


def test_cp1251_english_with_a_few_cyrillic_words(seeds):
    doc = read_ok(write(seeds, "mixed.txt", ENGLISH_WITH_CYRILLIC.encode("cp1251")), seeds)
    assert doc.text == ENGLISH_WITH_CYRILLIC
    assert doc.encoding == "cp1251"
    one_word = "Minister met his counterpart in Москва on Monday."
    assert decode_text(one_word.encode("cp1251")) == (one_word, "cp1251")


def test_kazakh_kz1048():
    text = "Қазақстан Республикасының Президенті Астанада Ресей Премьер-министрімен кездесті."
    assert decode_text(text.encode("kz1048")) == (text, "kz1048")


def test_koi8_r():
    assert decode_text(RUSSIAN.encode("koi8_r")) == (RUSSIAN, "koi8-r")


def test_latin1_and_cp1252():
    text = "The café in Zürich hosted the signing; Señor García attended.\n"
    decoded, encoding = decode_text(text.encode("latin-1"))
    assert decoded == text
    assert encoding == "cp1252"          # cp1252 is a superset of latin-1 for these bytes
    quote = "The minister said it\u2019s a new chapter \u2014 talks will continue."
    assert decode_text(quote.encode("cp1252")) == (quote, "cp1252")


def test_utf8_with_stray_cp1252_byte():
    data = "Trade rose 5% — officials said.".encode("utf-8") + b" It\x92s a deal."
    assert decode_text(data) == ("Trade rose 5% — officials said. It’s a deal.", "utf-8+cp1252")


def test_valid_utf8_does_not_run_charset_detection(monkeypatch):
    import charset_normalizer

    def boom(*a, **k):
        raise AssertionError("charset-normalizer called on valid UTF-8")

    monkeypatch.setattr(charset_normalizer, "from_bytes", boom)
    assert decode_text(RUSSIAN.encode("utf-8")) == (RUSSIAN, "utf-8")


def test_truncated_utf8_is_read(seeds):
    data = "Talks in Astana — officials".encode("utf-8")
    cut = data[: data.index("—".encode()) + 2]          # file cut in the middle of the 3-byte dash
    doc = read_ok(write(seeds, "cut.txt", cut), seeds)
    assert doc.text == "Talks in Astana "
    assert doc.encoding == "utf-8"
    cyr = "Встреча в Астане".encode("utf-8")[:-1]        # cut in the middle of the last letter
    assert decode_text(cyr) == ("Встреча в Астан", "utf-8")


def test_undecodable_raises_value_error():
    rng = random.Random(7)
    junk = bytes(rng.randrange(128, 256) for _ in range(3000))
    with pytest.raises(UndecodableError) as info:
        decode_text(junk)
    assert isinstance(info.value, ValueError)
    assert "not valid UTF-8" in str(info.value)
    assert "re-save it as UTF-8" in str(info.value)


def test_newlines_normalised_and_nul_stripped(seeds):
    doc = read_ok(write(seeds, "crlf.txt", b"Line one.\r\nLine two.\rLine three.\n"), seeds)
    assert doc.text == "Line one.\nLine two.\nLine three.\n"
    # NUL padding at the end (a file pre-allocated or cut short) is not text
    doc = read_ok(write(seeds, "pad.txt", ARTICLE.encode() + b"\x00" * 300), seeds)
    assert doc.text == ARTICLE
    assert "\x00" not in doc.text
    # a U+0000 character inside UTF-16 text is dropped too
    doc = read_ok(write(seeds, "nul16.txt", codecs.BOM_UTF16_LE + "Astana\x00 talks".encode("utf-16-le")), seeds)
    assert doc.text == "Astana talks"


# --------------------------------------------------------------------------------------------
# Empty, binary, too large
# --------------------------------------------------------------------------------------------

def test_empty_file(seeds):
    err = read_err(write(seeds, "empty.txt", b""), seeds)
    assert err == IngestError("empty.txt", "empty", err.reason)
    assert "0 bytes" in err.reason


def test_whitespace_only_file(seeds):
    err = read_err(write(seeds, "blank.txt", b" \r\n\t\n  \n"), seeds)
    assert err.error_kind == "empty"
    assert "whitespace" in err.reason
    err = read_err(write(seeds, "blank16.txt", codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le")), seeds)
    assert err.error_kind == "empty"


def test_front_matter_without_body_is_empty(seeds):
    err = read_err(write(seeds, "fm.txt", "---\ntitle: Talks\n---\n\n"), seeds)
    assert err.error_kind == "empty"
    assert "front matter" in err.reason


def test_binary_png(seeds):
    rng = random.Random(1)
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    err = read_err(write(seeds, "photo.txt", data), seeds)
    assert err.error_kind == "binary"
    assert "PNG image" in err.reason
    assert "plain .txt" in err.reason


def test_binary_random_bytes_and_zip(seeds):
    rng = random.Random(2)
    err = read_err(write(seeds, "random.bin", bytes(rng.randrange(256) for _ in range(5000))), seeds)
    assert err.error_kind == "binary"
    err = read_err(write(seeds, "doc.docx", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50), seeds)
    assert err.error_kind == "binary"
    assert "ZIP archive" in err.reason


def test_binary_control_characters_without_nul():
    data = bytes([1, 2, 3, 27, 65, 66, 67, 68]) * 100       # 50% control bytes, no NUL
    with pytest.raises(BinaryContentError) as info:
        decode_text(data)
    assert info.value.kind == "binary"
    assert "control characters" in str(info.value)


def test_nul_inside_text_is_binary():
    with pytest.raises(BinaryContentError):
        decode_text(b"Officials met\x00 in Astana on Monday and talked about trade.")


def test_too_large_with_small_limit(seeds, opened):
    path = write(seeds, "big.txt", ARTICLE * 20)
    err = read_err(path, seeds, max_bytes=100)
    size = path.stat().st_size
    assert err.error_kind == "too_large"
    assert f"{size:,} bytes" in err.reason
    assert "100-byte limit" in err.reason
    assert opened == []                                   # never opened, never read


def test_limit_is_inclusive(seeds):
    path = write(seeds, "exact.txt", ARTICLE)
    assert isinstance(read_seed_file(path, seeds, max_bytes=len(ARTICLE.encode())), RawDocument)
    assert read_err(path, seeds, max_bytes=len(ARTICLE.encode()) - 1).error_kind == "too_large"


def test_too_large_50_mb_sparse_file(seeds, opened):
    path = seeds / "huge.txt"
    with open(path, "wb") as f:
        f.write(ARTICLE.encode())
        f.truncate(50 * 1024 * 1024)
    assert MAX_SEED_BYTES_DEFAULT == 10_000_000
    started = time.perf_counter()
    err = read_err(path, seeds)
    assert time.perf_counter() - started < 0.5
    assert err == IngestError(
        "huge.txt", "too_large",
        "file is 52,428,800 bytes, larger than the 10,000,000-byte limit (MAX_SEED_BYTES); split it or raise the limit")
    assert opened == []


# --------------------------------------------------------------------------------------------
# Symlinks, special files, permissions
# --------------------------------------------------------------------------------------------

@needs_symlinks
def test_symlink_outside_is_never_opened(tmp_path, seeds, opened):
    outside = tmp_path / "private"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("Not for the pipeline. " * 10)
    (seeds / "leak.txt").symlink_to(secret)
    err = read_err(seeds / "leak.txt", seeds)
    assert err.source_file == "leak.txt"
    assert err.error_kind == "symlink_outside"
    assert str(secret.resolve()) in err.reason
    assert opened == []


@needs_symlinks
@needs_fifo
def test_symlink_outside_to_fifo_does_not_hang(tmp_path, seeds, opened):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (seeds / "pipe.txt").symlink_to(fifo)
    err = read_err(seeds / "pipe.txt", seeds)
    assert err.error_kind == "symlink_outside"
    assert opened == []


@needs_symlinks
def test_relative_symlink_escaping_with_dotdot(tmp_path, seeds):
    (tmp_path / "other.txt").write_text(ARTICLE)
    (seeds / "up.txt").symlink_to(Path("..") / "other.txt")
    assert read_err(seeds / "up.txt", seeds).error_kind == "symlink_outside"


@needs_symlinks
def test_symlink_inside_is_read(seeds):
    write(seeds, "real/article.txt", ARTICLE)
    (seeds / "alias.txt").symlink_to(Path("real") / "article.txt")
    doc = read_ok(seeds / "alias.txt", seeds)
    assert doc.source_file == "alias.txt"
    assert doc.text == ARTICLE
    assert doc.doc_id == hashlib.sha256(ARTICLE.encode()).hexdigest()[:16]


@needs_symlinks
def test_seeds_dir_itself_a_symlink(tmp_path):
    real = tmp_path / "real_seeds"
    real.mkdir()
    write(real, "a.txt", ARTICLE)
    (real / "b.txt").symlink_to(real / "a.txt")            # absolute link into the real folder
    link = tmp_path / "seeds_link"
    link.symlink_to(real)
    docs, errors = scan_seeds(link)
    assert errors == []
    assert [d.source_file for d in docs] == ["a.txt", "b.txt"]


@needs_symlinks
def test_dangling_symlink(seeds):
    (seeds / "gone.txt").symlink_to(seeds / "missing.txt")
    err = read_err(seeds / "gone.txt", seeds)
    assert err.error_kind == "unreadable"
    assert "does not exist" in err.reason
    assert "missing.txt" in err.reason


@needs_symlinks
def test_symlink_loop(seeds):
    (seeds / "loop1.txt").symlink_to("loop2.txt")
    (seeds / "loop2.txt").symlink_to("loop1.txt")
    err = read_err(seeds / "loop1.txt", seeds)
    assert err.error_kind == "unreadable"


@needs_symlinks
def test_directory_symlinks_not_descended(tmp_path, seeds):
    write(seeds, "inner/a.txt", ARTICLE)
    (seeds / "inner_link").symlink_to(seeds / "inner")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    write(outside, "b.txt", ARTICLE + "More.\n")
    (seeds / "outer_link").symlink_to(outside)
    listed = [p.relative_to(seeds).as_posix() for p in list_seed_files(seeds)]
    assert listed == ["inner/a.txt", "inner_link", "outer_link"]
    docs, errors = scan_seeds(seeds)
    assert [d.source_file for d in docs] == ["inner/a.txt"]
    kinds = {e.source_file: e.error_kind for e in errors}
    assert kinds == {"inner_link": "not_a_file", "outer_link": "symlink_outside"}


@needs_symlinks
def test_file_under_linked_folder_given_directly(tmp_path, seeds):
    outside = tmp_path / "elsewhere"
    write(outside, "b.txt", ARTICLE)
    (seeds / "linked").symlink_to(outside)
    err = read_err(seeds / "linked" / "b.txt", seeds)
    assert err.error_kind == "symlink_outside"
    assert err.source_file == "linked/b.txt"


@needs_fifo
def test_fifo_is_not_a_file(seeds, opened):
    os.mkfifo(seeds / "queue.txt")
    err = read_err(seeds / "queue.txt", seeds)
    assert err.error_kind == "not_a_file"
    assert "named pipe" in err.reason
    assert opened == []


def test_socket_is_not_a_file(tmp_path):
    short = Path("/tmp") if len(str(tmp_path)) > 80 else tmp_path
    seeds = Path(os.path.realpath(short)) / f"s{os.getpid()}_{random.randrange(10**6)}"
    seeds.mkdir()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(seeds / "sock"))
        err = read_err(seeds / "sock", seeds)
        assert err.error_kind == "not_a_file"
        assert "socket" in err.reason
    finally:
        sock.close()
        (seeds / "sock").unlink(missing_ok=True)
        seeds.rmdir()


def test_directory_given_directly(seeds):
    (seeds / "folder").mkdir()
    assert read_err(seeds / "folder", seeds).error_kind == "not_a_file"


def test_device_is_not_a_file(seeds, opened):
    try:
        os.mknod(seeds / "null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (AttributeError, OSError):
        pytest.skip("cannot create a device node here")
    err = read_err(seeds / "null", seeds)
    assert err.error_kind == "not_a_file"
    assert "character device" in err.reason
    assert opened == []


@not_root
def test_permission_denied_real(seeds):
    path = write(seeds, "locked.txt", ARTICLE)
    path.chmod(0)
    try:
        err = read_err(path, seeds)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert err.error_kind == "unreadable"
    assert "Permission denied" in err.reason


def test_permission_denied_simulated(seeds, monkeypatch):
    path = write(seeds, "locked.txt", ARTICLE)

    def deny(p, flags, *a, **k):
        raise PermissionError(13, "Permission denied", os.fspath(p))

    monkeypatch.setattr(read.os, "open", deny)
    err = read_err(path, seeds)
    assert err.error_kind == "unreadable"
    assert "Permission denied" in err.reason


def test_unexpected_exception_becomes_error(seeds, monkeypatch):
    path = write(seeds, "a.txt", ARTICLE)

    def explode(data):
        raise RuntimeError("boom")

    monkeypatch.setattr(read, "decode_text", explode)
    err = read_err(path, seeds)
    assert err.error_kind == "unreadable"
    assert "boom" in err.reason


def test_scan_survives_a_file_that_explodes(seeds, monkeypatch):
    write(seeds, "a.txt", ARTICLE)
    write(seeds, "b.txt", "Second article about a summit in Tashkent.\n")
    real_decode = read.decode_text

    def flaky(data):
        if data.startswith(b"Kazakhstan"):
            raise RuntimeError("decoder crashed")
        return real_decode(data)

    monkeypatch.setattr(read, "decode_text", flaky)
    docs, errors = scan_seeds(seeds)
    assert [d.source_file for d in docs] == ["b.txt"]
    assert [(e.source_file, e.error_kind) for e in errors] == [("a.txt", "unreadable")]


# --------------------------------------------------------------------------------------------
# Names, listing, scanning
# --------------------------------------------------------------------------------------------

def test_odd_file_names(seeds):
    names = ["Nur-Sultan «news», 'a' résumé.txt", 'say "hello", world.txt', "space name.txt", "Алматы.txt"]
    for n in names:
        write(seeds, n, ARTICLE + n + "\n")
    docs, errors = scan_seeds(seeds)
    assert errors == []
    assert sorted(d.source_file for d in docs) == sorted(names)
    by_name = {d.source_file: d for d in docs}
    assert by_name["Nur-Sultan «news», 'a' résumé.txt"].text.endswith("résumé.txt\n")


def test_nested_relative_posix_path(seeds):
    path = write(seeds, "2024/march/a b.txt", ARTICLE)
    assert read_ok(path, seeds).source_file == "2024/march/a b.txt"


def test_relative_path_when_one_side_is_relative(seeds, monkeypatch):
    write(seeds, "sub/x.txt", ARTICLE)
    monkeypatch.chdir(seeds.parent)
    doc = read_ok(seeds / "sub" / "x.txt", Path("seeds"))
    assert doc.source_file == "sub/x.txt"


def test_hidden_files_and_folders_skipped(seeds):
    write(seeds, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(seeds, ".git/objects/ab", b"x")
    write(seeds, "sub/.hidden.txt", ARTICLE)
    write(seeds, "sub/visible.txt", ARTICLE)
    assert [p.relative_to(seeds).as_posix() for p in list_seed_files(seeds)] == ["sub/visible.txt"]
    docs, errors = scan_seeds(seeds)
    assert [d.source_file for d in docs] == ["sub/visible.txt"] and errors == []


def test_listing_sorted_by_relative_path(seeds):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "B.txt"]:
        write(seeds, name, ARTICLE)
    listed = [p.relative_to(seeds).as_posix() for p in list_seed_files(seeds)]
    assert listed == ["B.txt", "a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]
    assert all(p.is_relative_to(seeds) for p in list_seed_files(seeds))


def test_missing_seeds_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        list_seed_files(tmp_path / "nope")


def test_scan_mixed_folder(seeds):
    write(seeds, "good.txt", ARTICLE)
    write(seeds, "empty.txt", b"")
    write(seeds, "ru.txt", RUSSIAN.encode("cp1251"))
    write(seeds, "img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(seeds, "big.txt", ARTICLE * 100)
    docs, errors = scan_seeds(seeds, max_bytes=1000)
    assert [(d.source_file, d.encoding) for d in docs] == [("good.txt", "utf-8"), ("ru.txt", "cp1251")]
    assert [(e.source_file, e.error_kind) for e in errors] == [
        ("big.txt", "too_large"), ("empty.txt", "empty"), ("img.png", "binary")]


def test_scan_1000_files_is_fast(seeds):
    for i in range(1000):
        (seeds / f"{i:04d}.txt").write_text(f"Article {i}. " + ARTICLE)
    started = time.perf_counter()
    docs, errors = scan_seeds(seeds)
    elapsed = time.perf_counter() - started
    assert len(docs) == 1000 and errors == []
    assert docs[0].source_file == "0000.txt" and docs[-1].source_file == "0999.txt"
    assert elapsed < 1.0, f"scan of 1,000 files took {elapsed:.2f}s"


# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------

def test_front_matter_present(seeds):
    text = ("---\n"
            "Title: Iran: a new chapter\n"
            "published_date: 2024-03-05\n"
            "outlet: \"Tehran Times\"\n"
            "url: 'https://example.com/a?b=1'\n"
            "---\n\n"
            "Iran and Kazakhstan agreed on Tuesday to expand trade.\n")
    doc = read_ok(write(seeds, "fm.txt", text.replace("\n", "\r\n")), seeds)
    assert doc.front_matter == {"title": "Iran: a new chapter", "published_date": "2024-03-05",
                                "outlet": "Tehran Times", "url": "https://example.com/a?b=1"}
    assert doc.text == "Iran and Kazakhstan agreed on Tuesday to expand trade.\n"


def test_front_matter_absent():
    text = "Astana, 5 March 2024 — Talks began.\n---\nmore text\n"
    assert split_front_matter(text) == ({}, text)


def test_front_matter_unclosed_leaves_text_whole():
    text = "---\ntitle: Talks in Astana\nauthor: Jane Doe\n\nThe talks began on Monday.\n"
    assert split_front_matter(text) == ({}, text)


def test_front_matter_closing_after_50_lines_is_ignored():
    inside = "".join(f"key{i}: value {i}\n" for i in range(49))
    closed_in_time = "---\n" + inside + "---\nBody.\n"            # closing line is line 51
    assert split_front_matter(closed_in_time) == ({}, closed_in_time)
    within = "---\n" + "".join(f"key{i}: value {i}\n" for i in range(48)) + "---\nBody.\n"   # line 50
    keys, body = split_front_matter(within)
    assert len(keys) == 48 and keys["key47"] == "value 47" and body == "Body.\n"


def test_front_matter_quotes_whitespace_and_bom():
    text = "\ufeff\n  \n---\n  KEY :  'single'  \nother: \"double\"\nmismatch: \"left'\nempty:\n---\n\n\nBody text.\n"
    keys, body = split_front_matter(text)
    assert keys == {"key": "single", "other": "double", "mismatch": "\"left'", "empty": ""}
    assert body == "Body text.\n"


def test_front_matter_list_and_comments():
    text = "---\n# a comment\ntags:\n  - trade\n  - energy\nsummary: >\n  two lines\n  folded\n---\nBody.\n"
    keys, body = split_front_matter(text)
    assert keys == {"tags": "trade, energy", "summary": "two lines folded"}
    assert body == "Body.\n"


def test_dashes_then_prose_is_not_front_matter():
    text = "---\nThe talks began on Monday.\nOfficials were optimistic.\n---\nMore.\n"
    assert split_front_matter(text) == ({}, text)


def test_front_matter_must_be_exactly_three_dashes():
    text = "----\ntitle: x\n----\nBody.\n"
    assert split_front_matter(text) == ({}, text)
    text = "--- title: x\n---\nBody.\n"
    assert split_front_matter(text) == ({}, text)


def test_empty_front_matter_block():
    assert split_front_matter("---\n---\nBody.\n") == ({}, "Body.\n")


def test_front_matter_in_cp1251_file(seeds):
    text = "---\ntitle: Переговоры в Астане\n---\n" + RUSSIAN
    doc = read_ok(write(seeds, "fm_ru.txt", text.encode("cp1251")), seeds)
    assert doc.front_matter == {"title": "Переговоры в Астане"}
    assert doc.text == RUSSIAN
    assert doc.encoding == "cp1251"


# --------------------------------------------------------------------------------------------
# Edge cases of decoding
# --------------------------------------------------------------------------------------------

def test_utf16_cut_mid_character_is_read():
    data = codecs.BOM_UTF16_LE + "Talks in Astana".encode("utf-16-le")
    assert decode_text(data[:-1]) == ("Talks in Astan", "utf-16")


def test_trailing_nul_is_not_mistaken_for_utf16():
    assert decode_text(b"abc\x00") == ("abc", "utf-8")
    assert decode_text(ARTICLE.encode() + b"\x00") == (ARTICLE, "utf-8")


def test_only_nul_bytes_is_empty(seeds):
    err = read_err(write(seeds, "zeros.txt", b"\x00" * 64), seeds)
    assert err.error_kind == "empty"
    assert "NUL" in err.reason


def test_utf8_bom_on_cp1251_text():
    assert decode_text(codecs.BOM_UTF8 + RUSSIAN.encode("cp1251")) == (RUSSIAN, "cp1251")


def test_front_matter_cyrillic_key_and_colon_without_space():
    keys, body = split_front_matter("---\nзаголовок: Переговоры\nsource:TASS\n---\nТекст.\n")
    assert keys == {"заголовок": "Переговоры", "source": "TASS"}
    assert body == "Текст.\n"


def test_large_cp1251_file_is_decoded_quickly(seeds):
    data = (RUSSIAN * 20000).encode("cp1251")           # about 3.4 MB
    path = write(seeds, "long_ru.txt", data)
    started = time.perf_counter()
    doc = read_ok(path, seeds)
    assert time.perf_counter() - started < 5
    assert doc.encoding == "cp1251"
    assert doc.text.startswith(RUSSIAN)
    assert len(doc.text) == len(RUSSIAN) * 20000


def test_stray_byte_far_into_a_utf8_file():
    text = "Astana — talks.\n" + "Trade grew.\n" * 10000 + "Talks in Almaty — then Tashkent.\n"
    data = text.encode("utf-8") + b"It\x92s done.\n"
    decoded, encoding = decode_text(data)
    assert encoding == "utf-8+cp1252"
    assert decoded == text + "It’s done.\n"


def test_unlistable_subfolder_reported_not_fatal(seeds, monkeypatch):
    write(seeds, "a.txt", ARTICLE)
    write(seeds, "locked/b.txt", ARTICLE + "More.\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(read.os, "scandir", scandir)
    docs, errors = scan_seeds(seeds)
    assert [d.source_file for d in docs] == ["a.txt"]
    assert [(e.source_file, e.error_kind) for e in errors] == [("locked", "unreadable")]
    assert "Permission denied" in errors[0].reason


@needs_symlinks
def test_chain_of_links_ending_outside(tmp_path, seeds):
    (tmp_path / "outside.txt").write_text(ARTICLE)
    (seeds / "hop2.txt").symlink_to(tmp_path / "outside.txt")
    (seeds / "hop1.txt").symlink_to("hop2.txt")
    docs, errors = scan_seeds(seeds)
    assert docs == []
    assert {(e.source_file, e.error_kind) for e in errors} == {("hop1.txt", "symlink_outside"),
                                                              ("hop2.txt", "symlink_outside")}
