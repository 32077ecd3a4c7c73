"""Rows of a CSV or XLSX file, read and written without holding the file or its rows in memory.

Reading works on a local temporary copy (`spooled_copy`): openpyxl needs a seekable file (an XLSX is a zip whose
directory is at its end), and the file store may be S3. The copy is streamed in 64 KiB chunks, and rows are then
parsed lazily: `read_rows` is a plain generator, which the importer advances a batch at a time in a worker thread.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import tempfile
from collections.abc import AsyncIterator, Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import openpyxl
from openpyxl.cell import WriteOnlyCell

from portico.errors import DomainError
from portico.storage.base import Storage
from portico.storage.detect import TEXT_CSV, TEXT_PLAIN

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What the upload route reports for an OOXML file whose identifying entry is not among its first bytes.
_ZIP = "application/zip"
CSV_TYPES = frozenset({TEXT_CSV, TEXT_PLAIN})
XLSX_TYPES = frozenset({XLSX, _ZIP})
MAX_COLUMNS = 100


class UnreadableFile(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__("UNREADABLE_FILE", message, "uploadId")


def kind_of(content_type: str) -> str:
    """"csv" or "xlsx", from the type detected when the file was uploaded."""
    if content_type in CSV_TYPES:
        return "csv"
    if content_type in XLSX_TYPES:
        return "xlsx"
    raise UnreadableFile("Import a CSV or an Excel (.xlsx) file.")


@contextlib.asynccontextmanager
async def spooled_copy(storage: Storage, key: str, kind: str) -> AsyncIterator[Path]:
    """A temporary local copy of a stored file, removed afterwards (named *.csv or *.xlsx: openpyxl goes by it)."""
    fd, name = tempfile.mkstemp(prefix="portico-import-", suffix=f".{kind}")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in storage.open_range(key):
                out.write(chunk)
        yield path
    finally:
        path.unlink(missing_ok=True)


def read_rows(path: Path, kind: str) -> Generator[list[str], None, None]:
    """Every record of the file (the header first) as a list of trimmed strings; lazily."""
    if kind == "csv":
        yield from _csv_rows(path)
    else:
        yield from _xlsx_rows(path)


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            delimiter = _delimiter(handle)
            for record in csv.reader(handle, delimiter=delimiter):
                yield [cell.strip() for cell in record[:MAX_COLUMNS]]
    except UnicodeDecodeError:
        raise UnreadableFile("The file is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again.") from None
    except csv.Error as error:
        raise UnreadableFile(f"The file is not valid CSV ({error}).") from None


def _delimiter(handle: IO[str]) -> str:
    """Comma, semicolon (what spreadsheets write where the comma is the decimal sign) or tab: whichever the header
    line has most of."""
    first = handle.readline()
    handle.seek(0)
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign zip
        raise UnreadableFile("The file is not an Excel workbook (.xlsx) that can be read.") from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell_text(v) for v in values[:MAX_COLUMNS]]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    """A cell as the text a person sees: 1042.0 is "1042" (reference numbers), booleans are yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


# --- writing ---------------------------------------------------------------------------------------------------


class _Line:
    """A file-like sink for csv.writer that hands back what one writerow produced."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


def csv_line(values: Iterable[str]) -> bytes:
    line = _Line()
    csv.writer(line).writerow([_defused(v) for v in values])
    return line.text.encode()


def _defused(value: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula (CSV injection): such text gets a leading quote
    mark, which spreadsheets hide. Imports strip it again (`restore`)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def restore(value: str) -> str:
    """The text `_defused` wrote."""
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value


class XlsxWriter:
    """An XLSX built row by row in openpyxl's write-only mode (rows go to a temporary file, not to memory)."""

    def __init__(self, headers: Iterable[str]) -> None:
        self.workbook = openpyxl.Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("Customers")
        self.sheet.append(list(headers))

    def append(self, values: list[str]) -> None:
        cells = []
        for value in values:
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.data_type = "s"  # text, always: openpyxl would store "=..." as a formula (spreadsheet injection)
            cells.append(cell)
        self.sheet.append(cells)

    def save(self, path: Path) -> None:
        self.workbook.save(path)
