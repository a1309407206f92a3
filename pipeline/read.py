"""Reading seed files: from a folder of analyst-dropped files to decoded documents.

Every file under the seeds folder becomes either a `RawDocument` (its decoded text, front
matter and fingerprint) or an `IngestError` saying in one sentence what is wrong and what to
do about it. Nothing here raises for a bad file, so one broken file never stops a run.

Safety rules: the size is checked before a byte is read; FIFOs, sockets and devices are
never opened; a symbolic link is only followed when it resolves inside the seeds folder;
links to folders are never descended into.

Decoding order: byte-order mark; UTF-32/UTF-16 without a BOM (recognised by the pattern of
NUL bytes); binary check; strict UTF-8 (a character cut off at the very end is dropped);
UTF-8 with a few stray single-byte characters; then legacy single-byte encodings (cp1251,
kz1048, koi8-r, cp866, cp1252, latin-1) together with charset-normalizer's guess, scored on
how plausible the decoded words are. Charset detection on short texts is unreliable, so its
guess is one candidate among others, not the answer.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import html
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable, Iterator

MAX_SEED_BYTES_DEFAULT = 10_000_000

SAMPLE_BYTES = 64 * 1024          # binary / encoding checks look at this much of a file
FRONT_MATTER_MAX_LINES = 50       # the closing "---" must come within this many lines


@dataclass(frozen=True)
class RawDocument:
    doc_id: str            # first 16 hex chars of sha256 of the raw file bytes
    source_file: str       # path relative to the seeds folder, POSIX separators
    text: str              # decoded body: front matter removed, "\n" newlines, no BOM, no NUL
    front_matter: dict[str, str]
    encoding: str          # Python codec name the bytes were decoded with, e.g. "utf-8", "utf-16", "cp1251"
    size_bytes: int
    modified_ns: int       # st_mtime_ns, for change detection only (never a date)


@dataclass(frozen=True)
class IngestError:
    source_file: str       # relative POSIX path (for a symlink: the link's own path)
    error_kind: str        # empty, binary, too_large, undecodable, symlink_outside, unreadable, not_a_file
    reason: str            # one sentence a user can act on

    def __post_init__(self) -> None:
        # A file name (or link target) that is not valid UTF-8 reaches us with lone surrogates
        # (os.fsdecode), which no UTF-8 table can store: show its odd bytes as \xNN instead.
        object.__setattr__(self, "source_file", printable_name(self.source_file))
        object.__setattr__(self, "reason", printable_name(self.reason))


def printable_name(text: str) -> str:
    """text as valid UTF-8: bytes of a file name that are not UTF-8 (surrogate escapes) become \\xNN."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise; str(error) is the reason."""

    kind = "undecodable"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BinaryContentError(UndecodableError):
    """The bytes look like binary data (an image, an archive, random bytes), not text."""

    kind = "binary"


# ---------------------------------------------------------------------------------------------
# Listing
# ---------------------------------------------------------------------------------------------

def list_seed_files(seeds_dir: Path) -> list[Path]:
    """Every entry under seeds_dir, recursively, sorted by relative path.

    Hidden files and folders (name starting with ".") are skipped. Real sub-folders are
    descended into and not returned themselves; symbolic links (to files, folders or outside
    the seeds folder), FIFOs, sockets and devices are returned so that `read_seed_file` can
    report them. A sub-folder that cannot be listed is returned too (reported as unreadable).
    Raises FileNotFoundError / NotADirectoryError only if seeds_dir itself is missing."""
    return [Path(path) for _, path in _seed_entries(seeds_dir)]


def _seed_entries(seeds_dir: Path) -> list[tuple[str, str]]:
    """list_seed_files as (path relative to seeds_dir in POSIX form, path) strings: what
    `_relative` would make of each Path, without building 100,000s of Path objects."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        if seeds_dir.exists():
            raise NotADirectoryError(f"seeds folder {seeds_dir} is not a folder; set SEEDS_DIR to a folder")
        raise FileNotFoundError(f"seeds folder {seeds_dir} does not exist; create it or set SEEDS_DIR")
    found: list[tuple[tuple[str, ...], str]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(os.fspath(seeds_dir), ())]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            if rel:                       # report the sub-folder; the top folder was checked above
                found.append((rel, folder))
                continue
            raise
        for entry in entries:
            if entry.name.startswith("."):
                continue
            parts = rel + (entry.name,)
            try:
                is_real_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_real_dir = False
            if is_real_dir:
                stack.append((entry.path, parts))
            else:
                found.append((parts, entry.path))
    found.sort(key=lambda item: item[0])
    return [("/".join(parts), path) for parts, path in found]


# ---------------------------------------------------------------------------------------------
# Reading one file
# ---------------------------------------------------------------------------------------------

def _relative(path: Path, seeds_dir: Path) -> str:
    try:
        return PurePath(path).relative_to(seeds_dir).as_posix()
    except ValueError:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(seeds_dir))
        return PurePath(rel).as_posix()


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _too_large(rel: str, size: int, max_bytes: int) -> IngestError:
    return IngestError(rel, "too_large",
                       f"file is {size:,} bytes, larger than the {max_bytes:,}-byte limit (MAX_SEED_BYTES); "
                       f"split it or raise the limit")


def _os_message(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return f"[Errno {exc.errno}] {text}" if exc.errno else text


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _read_bytes(path: str, expected_size: int, max_bytes: int) -> bytes | None:
    """Read a regular file; None if it grew past max_bytes while we read it.

    O_NOFOLLOW: a file swapped for a link after the stat is not followed. O_NONBLOCK: a file
    swapped for a FIFO does not hang the run."""
    fd = os.open(path, _OPEN_FLAGS)
    with open(fd, "rb", closefd=True) as f:
        data = f.read(min(expected_size, max_bytes) + 1)
        if len(data) > expected_size and len(data) <= max_bytes:      # grew since the stat
            data += f.read(max_bytes + 1 - len(data))
    return None if len(data) > max_bytes else data


def read_seed_file(path: Path, seeds_dir: Path, max_bytes: int = MAX_SEED_BYTES_DEFAULT) -> RawDocument | IngestError:
    """Read and decode one seed file. Never raises: every problem becomes an IngestError."""
    try:
        rel = _relative(Path(path), Path(seeds_dir))
    except Exception:                                               # pragma: no cover - defensive
        rel = os.fspath(path)
    try:
        return _read(Path(path), Path(seeds_dir), rel, max_bytes, check_parents=True)
    except OSError as exc:
        return IngestError(rel, "unreadable", f"cannot read file: {_os_message(exc)}; check that it exists "
                                              f"and that its permissions allow reading")
    except Exception as exc:                                        # never let one file stop a run
        return IngestError(rel, "unreadable", f"unexpected error while reading the file "
                                              f"({type(exc).__name__}: {exc}); re-save it as a plain UTF-8 text file")


def _read(path: Path, seeds_dir: Path, rel: str, max_bytes: int, check_parents: bool,
          seeds_real: str | None = None) -> RawDocument | IngestError:
    spath = os.fspath(path)
    if printable_name(rel) != rel:
        return IngestError(rel, "unreadable", "file name is not valid UTF-8 (the bytes shown as \\xNN), so it "
                                              "cannot be recorded as source_file; rename the file")
    if seeds_real is None:
        seeds_real = os.path.realpath(seeds_dir)
    try:
        st = os.lstat(spath)
    except FileNotFoundError:
        return IngestError(rel, "unreadable", "file disappeared before it could be read (it was moved or deleted "
                                              "during the run); run again")
    except OSError as exc:
        return IngestError(rel, "unreadable", f"cannot read file information: {_os_message(exc)}; "
                                              f"check the permissions of the file and its folder")
    open_path = spath
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(spath)
        raw_target = _readlink(spath)
        try:
            st = os.stat(spath)                     # never opens the target, so a FIFO or chmod 000 target is safe
        except FileNotFoundError:
            where = "" if _inside(target, seeds_real) else " (outside the seeds folder)"
            return IngestError(rel, "unreadable", f"symbolic link is dangling: it points to {raw_target}, which "
                                                  f"does not exist{where}; fix or remove the link")
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return IngestError(rel, "unreadable", f"symbolic link points to {raw_target} and ends in a loop of "
                                                      f"links; fix or remove the link")
            if not _inside(target, seeds_real):
                return _outside(rel, target)
            return IngestError(rel, "unreadable", f"symbolic link to {target} cannot be followed: "
                                                  f"{_os_message(exc)}; fix the link or its target's permissions")
        if not _inside(target, seeds_real):
            return _outside(rel, target)
        if stat.S_ISDIR(st.st_mode):
            return IngestError(rel, "not_a_file", f"is a symbolic link to the folder {target}; links to folders "
                                                  f"are not followed, so move the files into the seeds folder instead")
        open_path = target
    elif check_parents:
        # A caller may hand us seeds/linked_folder/file.txt: the file itself is no link, but a
        # folder on the way may be. Only the scan is known never to descend into linked folders.
        parent_real = os.path.realpath(os.path.dirname(os.path.abspath(spath)))
        if not _inside(parent_real, seeds_real):
            return IngestError(rel, "symlink_outside",
                               f"file lies in {parent_real}, outside the seeds folder {seeds_real} (reached through "
                               f"a symbolic link to a folder); copy the file into the seeds folder instead")

    if stat.S_ISDIR(st.st_mode):
        try:
            os.scandir(open_path).close()
        except OSError as exc:
            return IngestError(rel, "unreadable", f"folder cannot be listed: {_os_message(exc)}; "
                                                  f"fix its permissions so that its files can be read")
        return IngestError(rel, "not_a_file", "is a folder, not a file; only files are read")
    if not stat.S_ISREG(st.st_mode):
        return IngestError(rel, "not_a_file", f"is {_kind_of(st.st_mode)}, not a regular file; only plain text "
                                              f"files are read, so remove it from the seeds folder")
    size = st.st_size
    if size > max_bytes:
        return _too_large(rel, size, max_bytes)
    if size == 0:
        return IngestError(rel, "empty", "file is empty (0 bytes); add the article text or remove the file")
    try:
        data = _read_bytes(open_path, size, max_bytes)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return IngestError(rel, "unreadable", "file was replaced by a symbolic link while it was being read; "
                                                  "run again")
        return IngestError(rel, "unreadable", f"cannot read file: {_os_message(exc)}; check that its "
                                              f"permissions allow reading")
    if data is None:
        return IngestError(rel, "too_large", f"file grew past the {max_bytes:,}-byte limit (MAX_SEED_BYTES) while "
                                             f"it was being read; wait until it is fully written, split it or raise "
                                             f"the limit")
    if not data:
        return IngestError(rel, "empty", "file is empty (0 bytes); add the article text or remove the file")
    try:
        text, encoding = decode_text(data)
    except UndecodableError as exc:
        return IngestError(rel, exc.kind, exc.reason)
    text = _normalise_text(text)
    if not _has_content(text):
        if text.replace("\u200b", "").strip() == "" and data.strip(b"\x00") == b"":
            reason = f"file holds only NUL (zero) bytes ({len(data):,} bytes), no text; add the article text or remove the file"
        else:
            reason = f"file holds only whitespace ({len(data):,} bytes), no text; add the article text or remove the file"
        return IngestError(rel, "empty", reason)
    front_matter, body = split_front_matter(text)
    if not _has_content(body):
        return IngestError(rel, "empty", "file holds front matter but no article text after its closing '---' "
                                         "line; add the article text below it")
    return RawDocument(doc_id=hashlib.sha256(data).hexdigest()[:16], source_file=rel, text=body,
                       front_matter=front_matter, encoding=encoding, size_bytes=len(data),
                       modified_ns=st.st_mtime_ns)


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "(unknown target)"


def _outside(rel: str, target: str) -> IngestError:
    return IngestError(rel, "symlink_outside",
                       f"symbolic link points outside the seeds folder, to {target}; links are only followed "
                       f"inside the seeds folder, so copy the file into the seeds folder instead")


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _has_content(text: str) -> bool:
    return bool(text.strip().strip(_INVISIBLE).strip())


# "&amp;", "&nbsp;", "&#8217;": a page saved with its HTML entities
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _normalise_text(text: str) -> str:
    """Leading BOM removed, NUL characters dropped, \\r\\n and \\r turned into \\n, HTML
    entities decoded ("4&nbsp;500" is "4 500" with a no-break space, as the page showed it)."""
    if "&" in text and _HTML_ENTITY.search(text):
        text = html.unescape(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def scan_seeds(seeds_dir: Path, max_bytes: int = MAX_SEED_BYTES_DEFAULT) -> tuple[list[RawDocument], list[IngestError]]:
    """List and read every seed file; bad files become IngestErrors and never stop the scan."""
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    for result in iter_seeds(seeds_dir, max_bytes):
        (docs if isinstance(result, RawDocument) else errors).append(result)
    return docs, errors


def iter_seeds(seeds_dir: Path, max_bytes: int = MAX_SEED_BYTES_DEFAULT,
               known: Callable[[str, os.stat_result], object] | None = None) -> Iterator[object]:
    """scan_seeds one file at a time (memory stays flat for any number of files).

    `known(rel, lstat)` may recognise a file as already read (same path, size, times and
    inode as before): what it returns (not None) is yielded instead of reading the file.
    Symbolic links are always read, so their checks run every time."""
    seeds_dir = Path(seeds_dir)
    seeds_real = os.path.realpath(seeds_dir)
    for rel, path in _seed_entries(seeds_dir):
        try:
            if known is not None:
                st = os.lstat(path)
                if stat.S_ISREG(st.st_mode) and st.st_size <= max_bytes:
                    hit = known(rel, st)
                    if hit is not None:
                        yield hit
                        continue
            # list_seed_files never descends into linked folders, so parents need no check.
            result = _read(path, seeds_dir, rel, max_bytes, check_parents=False, seeds_real=seeds_real)
        except Exception:
            result = read_seed_file(Path(path), seeds_dir, max_bytes)   # the careful path turns it into an IngestError
        yield result


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_GARBAGE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff\ufff0-\ufffc\ufffe\uffff]")

_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (also .docx, .xlsx, .odt)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF)"), (b"MZ", "a Windows program"), (b"SQLite format 3", "an SQLite database"),
)


def _decode_prefix(data: bytes, codec: str) -> str:
    """Strict decode that drops an incomplete character at the very end (a file cut short)."""
    return codecs.getincrementaldecoder(codec)("strict").decode(data, final=False)


def _garbage_share(text: str) -> float:
    sample = text[:SAMPLE_BYTES]
    return len(_GARBAGE.findall(sample)) / len(sample) if sample else 0.0


def _binary_reason(data: bytes, why: str) -> str:
    what = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    looks = f"it starts like {what}" if what else "it looks like binary data, not text"
    return (f"file is not plain text: {looks} ({why}); save the article as a plain .txt file "
            f"(copy its text into a text editor) and drop that instead")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a seed file's bytes: (text, encoding). Raises UndecodableError (BinaryContentError
    for binary data) whose message says why. The text keeps its newlines as they are; a
    byte-order mark is removed."""
    if not data:
        return "", "utf-8"
    # 1. Byte-order marks.
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig":
                try:
                    return _decode_prefix(data, codec), codec
                except UnicodeDecodeError:
                    data = data[len(bom):]      # a stray UTF-8 mark on a file that is not UTF-8: decode the rest
                    break
            try:
                return _decode_prefix(data, codec), codec
            except UnicodeDecodeError:
                text = data.decode(codec, errors="replace")
                share = _garbage_share(text)
                if share <= 0.01:
                    return text, codec
                raise UndecodableError(
                    f"file starts with a {codec.upper()} byte-order mark but {share:.0%} of it is not valid "
                    f"{codec.upper()}; re-save it as UTF-8") from None
    sample = data[:SAMPLE_BYTES]
    # 2. UTF-32 / UTF-16 without a byte-order mark: NUL bytes in a regular pattern.
    if 0 in sample:
        found = _decode_bomless_utf16_32(data, sample)
        if found is not None:
            return found
    # 3. Binary: NUL bytes (other than NUL padding at the end) or many control bytes.
    stripped = data.rstrip(b"\x00")
    if not stripped:
        return "", "utf-8"                   # only NUL padding: no text (reported as empty)
    sample = stripped[:SAMPLE_BYTES]
    if 0 in sample:
        raise BinaryContentError(_binary_reason(data, f"NUL bytes at offset {sample.index(0):,}"))
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > 0.10 * len(sample):
        raise BinaryContentError(_binary_reason(data, f"{controls / len(sample):.0%} of its first bytes are "
                                                      f"control characters"))
    data = stripped
    # 4. Strict UTF-8; a character cut off at the very end is dropped.
    try:
        return _decode_prefix(data, "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    # 5. Mostly UTF-8 with a few stray single-byte characters (a pasted "smart quote").
    mixed = _decode_mostly_utf8(data, first_error.start)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    # 6. Legacy single-byte encodings and charset-normalizer's guess, scored by plausibility.
    return _decode_legacy(data, first_error)


def _decode_bomless_utf16_32(data: bytes, sample: bytes) -> tuple[str, str] | None:
    candidates: list[str] = []
    quads = sample[: len(sample) // 4 * 4]
    if len(data) % 4 == 0 and quads:
        n4 = len(quads) // 4
        if quads[2::4].count(0) == n4 and quads[3::4].count(0) == n4:
            candidates.append("utf-32-le")
        if quads[0::4].count(0) == n4 and quads[1::4].count(0) == n4:
            candidates.append("utf-32-be")
    # NUL padding at the end says nothing about the encoding: count NULs in the text part only.
    body = sample.rstrip(b"\x00")
    n2 = len(body) // 2
    even, odd = body[0::2].count(0), body[1::2].count(0)
    if odd >= max(2, 0.05 * n2) and even * 20 <= odd:
        candidates.append("utf-16-le")
    if even >= max(2, 0.05 * n2) and odd * 20 <= even:
        candidates.append("utf-16-be")
    for codec in candidates:
        try:
            text = _decode_prefix(data, codec)
        except UnicodeDecodeError:
            continue
        head = text.rstrip("\x00")[:SAMPLE_BYTES]
        # English, Russian, Kazakh text: mostly Latin or Cyrillic, not CJK read from ASCII pairs.
        western = len(_NOT_WESTERN.sub("", head))
        if head and _garbage_share(head) <= 0.02 and western * 2 >= len(head):
            return text, codec
    return None


_NOT_WESTERN = re.compile("[^\x00-\u052f\u2000-\u206f]")


def _stray_byte_handler(exc: UnicodeDecodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("pipeline_read_cp1252", _stray_byte_handler)
_SURROGATE_ESCAPE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _decode_mostly_utf8(data: bytes, first_error: int) -> str | None:
    """UTF-8 text with a few bytes that are not UTF-8, typically cp1252 quotes pasted into it."""
    # Judge on 64 KiB around the first error: a legacy-encoded file has an error at nearly every
    # non-ASCII byte, and running an error handler on each of 10 MB of them is slow.
    start = max(0, first_error - SAMPLE_BYTES // 2)
    while start < first_error and 0x80 <= data[start] <= 0xBF:      # not in the middle of a character
        start += 1
    window = data[start:start + SAMPLE_BYTES]
    loose = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(window, final=False)
    invalid = len(loose) - len(_SURROGATE_ESCAPE.sub("", loose))
    valid = len(loose) - len(_NON_ASCII.sub("", loose)) - invalid
    if valid < 1 or valid < invalid:
        return None
    return data.decode("utf-8", errors="pipeline_read_cp1252")


# Legacy encodings tried on text that is not UTF-8, in order of preference when they tie.
_LEGACY = ("cp1251", "cp1252", "kz1048", "koi8_r", "cp866", "latin-1")
_CYRILLIC_OK = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                         "ӘәҒғҚқҢңӨөҰұҮүҺһІі"           # Kazakh
                         "ЇїЄєҐґЎў")                   # Ukrainian, Belarusian
_PUNCT_OK = frozenset("\u00a0\u00ad«»“”‘’„‚–—…•№°€£¥¢©®™§·±½¼¾×÷ªº‹›†\u2009\u202f")
_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*|[^\x00-\x7f]")


def _plausibility(text: str) -> tuple[int, int, int, float]:
    """(bad, good, other, cyrillic_frequency) over the non-ASCII characters of a decoding's first 64 KiB.

    Good: letters in words of one script that a Latin or Cyrillic language could have,
    common punctuation. Bad: control characters, odd symbols, rare letters, words that mix
    Latin and Cyrillic, "Latin" words made mostly of accented letters (Cyrillic read as
    cp1252), Cyrillic words in mIXED case (koi8-r read as cp1251). Other: letters of other
    scripts (Greek, CJK...), neither good nor bad. cyrillic_frequency: mean frequency of the
    Cyrillic letters in Russian/Kazakh text, which separates right from scrambled decodings
    that both look like words (an all-capitals koi8-r text read as cp1251)."""
    bad = good = other = 0
    freq_sum = 0.0
    for m in _WORD.finditer(text[:SAMPLE_BYTES]):
        token = m.group()
        if len(token) == 1 and not token.isalpha():
            if token in _PUNCT_OK:
                good += 1
            else:
                bad += 1
            continue
        n_ascii = n_latin = n_cyr = n_rare = n_other = 0
        for ch in token:
            o = ord(ch)
            if o < 128:
                n_ascii += 1
            elif 0xC0 <= o <= 0x17F:
                n_latin += 1
            elif 0x400 <= o <= 0x4FF:
                if ch in _CYRILLIC_OK:
                    n_cyr += 1
                else:
                    n_rare += 1
            else:
                n_other += 1
        non_ascii = n_latin + n_cyr + n_rare + n_other
        if n_rare or (len(token) > 40 and not n_other):     # no Latin or Cyrillic word is that long
            bad += non_ascii
        elif n_cyr and (n_ascii or n_latin or n_other):
            bad += non_ascii
        elif n_cyr:
            if token.islower() or token.isupper() or token.istitle():
                good += n_cyr
                freq_sum += sum(_CYRILLIC_FREQ.get(ch, 0.0) for ch in token.lower())
            else:
                bad += n_cyr
        elif n_latin and n_other:
            bad += non_ascii
        elif n_latin:
            if len(token) >= 4 and n_latin * 2 > len(token):
                bad += n_latin
            else:
                good += n_latin
        else:
            other += n_other
    return bad, good, other, freq_sum / good if good else 0.0


_CYRILLIC_FREQ = {ch: f / 1000 for ch, f in zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё" "іәғқңөұүһ" "їєґў",
    (110, 85, 80, 74, 67, 63, 55, 47, 45, 44, 35, 32, 30, 28, 26, 20, 19, 17, 17, 16, 16, 14, 12, 10, 9, 7,
     6, 5, 4, 3, 3, 0.4, 2) + (40, 20, 10, 25, 15, 8, 10, 12, 0.5) + (6, 4, 0.5, 2))}


def _decodes_same(data: bytes, codec: str, text: str) -> bool:
    try:
        return data.decode(codec) == text
    except UnicodeDecodeError:
        return False


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    candidates: list[str] = list(_LEGACY)
    try:
        import charset_normalizer
        best = charset_normalizer.from_bytes(data).best()
        if best is not None and best.encoding:
            guess = codecs.lookup(best.encoding).name
            if guess not in {codecs.lookup(c).name for c in candidates}:
                candidates.append(guess)
    except Exception:                                               # detection is a hint, never a failure
        pass
    ranked = []
    for order, codec in enumerate(candidates):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _garbage_share(text) > 0.02:
            continue
        bad, good, other, freq = _plausibility(text)
        ranked.append((bad, -good, freq, order, codec, text, good + bad + other))
    if ranked:
        top = min(r[:2] for r in ranked)
        tied = [r for r in ranked if r[:2] == top]
        # Letter frequency only separates a right decoding from a scrambled one (0.055 against
        # 0.03); small differences (cp1251 against kz1048 on Ukrainian) are ties, won by order.
        best_freq = max(r[2] for r in tied)
        bad, _, _, _, codec, text, total = min((r for r in tied if r[2] >= best_freq - 0.01),
                                               key=lambda r: r[3])
        if total - bad > 0 and bad <= 0.10 * total:          # some plausible non-ASCII text, little junk
            if codec == "cp1251" and _decodes_same(data, "cp1252", text):
                codec = "cp1252"        # only punctuation such as ’ or — : name the Western code page
            return text, codecs.lookup(codec).name
    offset = utf8_error.start
    raise UndecodableError(
        f"file is not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset:,}) and no other encoding "
        f"(tried {', '.join(candidates)}) gives readable text; re-save it as UTF-8")


# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^([^\W\d][\w .\-]{0,63}?)\s*:\s*(.*)$")


def _lines(text: str, start: int, limit: int):
    """(line without its newline, offset just past the newline) for up to `limit` lines."""
    pos = start
    for _ in range(limit):
        if pos > len(text) or (pos == len(text) and pos != start):
            return
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        line = text[pos:nl if nl >= 0 else len(text)].rstrip("\r")
        yield line, end
        if nl < 0:
            return
        pos = end


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({key: value}, body) for a text that opens with a '---' line, 'key: value' lines and a
    closing '---' line within its first 50 lines; ({}, text) otherwise.

    Keys are lower-cased; values stripped and unquoted; a value keeps everything after the first
    colon ("title: Iran: a new chapter"). After a key with no value on its line, "- item" lines
    and indented lines (a YAML list or block) make up its value, list items joined with ", ".
    Blank lines and "#" comments are skipped. Any other line means the block is not front
    matter, and the text is left whole."""
    start = len(text) - len(text.lstrip(" \t\r\n\ufeff"))
    lines = _lines(text, start, FRONT_MATTER_MAX_LINES)
    first = next(lines, None)
    if first is None or first[0].rstrip() != "---":
        return {}, text
    keys: dict[str, str] = {}
    last_key: str | None = None
    open_value = False          # the last key had no value on its line: a list or block follows
    for line, end in lines:
        stripped = line.strip()
        if stripped == "---":
            return keys, text[end:].lstrip("\r\n")
        if not stripped or stripped.startswith("#"):
            continue
        is_item = stripped == "-" or stripped.startswith("- ")
        if last_key is not None and open_value and (is_item or line[:1].isspace()):
            item = _unquote(stripped[1:] if is_item else stripped)
            if item:
                joiner = ", " if is_item else " "
                keys[last_key] = f"{keys[last_key]}{joiner}{item}" if keys[last_key] else item
            continue
        m = _KEY_LINE.match(stripped)
        if m is None:
            return {}, text
        last_key = m.group(1).strip().lower()
        raw_value = (m.group(2) or "").strip()
        open_value = raw_value in ("", "|", ">", "|-", ">-", "|+", ">+")
        keys[last_key] = "" if open_value else _unquote(raw_value)
    return {}, text
