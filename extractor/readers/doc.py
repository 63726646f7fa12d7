"""Legacy Word .doc (and RTF): converted to .docx by LibreOffice, then read as .docx."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..model import Document
from . import Limits, ReadError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path, doc: Document, limits: Limits) -> None:
    from .docx import read_docx

    exe = soffice()
    if exe is None:
        raise ReadError("no_converter", "legacy .doc needs LibreOffice (soffice) to convert it, and it is not installed")
    with tempfile.TemporaryDirectory(prefix="extractor-doc-") as tmp:
        tmp = Path(tmp)
        src = tmp / "in.doc"
        shutil.copyfile(path, src)
        cmd = [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp / "out"), str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=limits.convert_timeout, check=False)
        except subprocess.TimeoutExpired as e:
            raise ReadError("convert_timeout", f"LibreOffice did not convert the .doc within {limits.convert_timeout:.0f} s") from e
        out = tmp / "out" / "in.docx"
        if not out.exists():
            raise ReadError("bad_doc", "LibreOffice could not convert this .doc (damaged or not a Word file)")
        read_docx(out.read_bytes(), doc, limits)
    doc.source_format = "doc"
    doc.encoding = None
