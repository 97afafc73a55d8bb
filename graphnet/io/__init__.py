"""Reading and writing networks: :func:`load`, :func:`validate`, :func:`save`.

Inputs (:func:`load` tells them apart by what the path is):

- a folder with an actors file, a links file and an optional meetings
  (attendance) file, each CSV or XLSX, named in English or Czech
  (``actors``/``akteri``/``aktéři``, ``links``/``vazby``,
  ``meetings``/``setkani``/``setkání``), an optional respondents file
  (``respondents``/``respondenti``: who answered the survey) and an optional
  file of the survey's reports (``survey_links``/``vazby-dotaznik``: the columns
  of the links file, read as more links), and an optional ``graphnet.yaml``
  (:mod:`graphnet.settings`);
- one ``.xlsx`` workbook with those sheets (a ``graphnet.yaml`` beside it is read too);
- graphnet's own JSON (``.json``, format ``graphnet.network/1``, ``docs/formats.md``);
- GraphML (``.graphml``) and GEXF (``.gexf``, Gephi).

Everything goes through the same checks (:mod:`graphnet.checks`): one
:class:`~graphnet.errors.ValidationError` with every error at once, warnings
kept in ``Network.problems``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "akteri.csv").write_text("id;název;sektor\\na;OSPOD;OSPOD\\nb;ZŠ;školství\\n")
>>> _ = (folder / "vazby.csv").write_text("od;komu;typ;váha\\na;b;informace;1,5\\n")
>>> net = load(folder)
>>> net.language, [link.weight for link in net.links]
('cs', [1.5])
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphnet.atomic import atomic_directory, atomic_file
from graphnet.checks import build_network, has_errors
from graphnet.errors import InputError, OutputError, Problem, ValidationError
from graphnet.i18n import DEFAULT_LANGUAGE, LANGUAGES, choose_language, fixed_language, t
from graphnet.io.columns import TABLE_FILE_NAMES
from graphnet.io.csvfile import read_csv_table
from graphnet.io.csvwrite import write_csv_folder
from graphnet.io.document import tables_from_document, to_document
from graphnet.io.xlsx import open_workbook, read_sheet
from graphnet.model import Network
from graphnet.settings import SETTINGS_FILES, Settings, parse_date, read_settings
from graphnet.table import Table
from graphnet.vocab import SECTORS, Vocabulary, normalize

__all__ = ["load", "validate", "save", "read", "read_in_language", "load_in_language",
           "FORMATS"]

#: Output formats of :func:`save` (``csv`` is a folder of CSV files).
FORMATS = ("json", "graphml", "gexf", "csv")

_TABLE_KINDS = ("actors", "links", "meetings", "respondents", "survey_links")
_NAMES = {kind: {normalize(n) for n in names} for kind, names in TABLE_FILE_NAMES.items()}


def _kind_of(stem: str) -> str | None:
    folded = normalize(stem)
    return next((kind for kind, names in _NAMES.items() if folded in names), None)


def _settings_near(folder: Path, lang: str) -> tuple[Settings, list[Problem]]:
    for name in SETTINGS_FILES:
        candidate = folder / name
        if candidate.is_file():
            return read_settings(candidate, lang)
    return Settings(), []


def _language(languages: Iterable[str | None]) -> str | None:
    found = [lang for lang in languages if lang]
    if not found:
        return None
    return "cs" if found.count("cs") >= found.count("en") else "en"


def _read_folder(folder: Path, lang: str
                 ) -> tuple[dict[str, Table], list[str | None], list[Problem]]:
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for entry in sorted(folder.iterdir()):
        if not entry.is_file() or entry.suffix.lower() not in (".csv", ".xlsx", ".txt", ".tsv"):
            continue
        kind = _kind_of(entry.stem)
        if kind is None:
            continue
        if kind in files:
            problems.append(Problem(entry.name, None, None, None,
                                    t("data.two_files", lang, other=files[kind].name)))
            continue
        files[kind] = entry
    tables: dict[str, Table] = {}
    languages: list[str | None] = []
    if "actors" not in files:
        problems.append(Problem(folder.name or str(folder), None, None, None,
                                t("data.no_actors_file", lang)))
    for kind, path in files.items():
        if path.suffix.lower() == ".xlsx":
            workbook, opened = open_workbook(path, path.name, lang)
            problems += opened
            if workbook is None:
                continue
            sheet = workbook.sheetnames[0]
            table, language, read_problems = read_sheet(workbook, sheet, kind, path.name,
                                                        lang)
            workbook.close()
        else:
            table, language, read_problems = read_csv_table(path, kind, path.name, lang)
        problems += read_problems
        languages.append(language)
        if table is not None:
            tables[kind] = table
    return tables, languages, problems


def _read_workbook(path: Path, lang: str
                   ) -> tuple[dict[str, Table], list[str | None], list[Problem]]:
    workbook, problems = open_workbook(path, path.name, lang)
    if workbook is None:
        return {}, [], problems
    tables: dict[str, Table] = {}
    languages: list[str | None] = []
    try:
        sheets = {}
        for sheet in workbook.sheetnames:
            kind = _kind_of(sheet)
            if kind is not None and kind not in sheets:
                sheets[kind] = sheet
        if "actors" not in sheets:
            problems.append(Problem(path.name, None, None, None, t("data.no_actors_sheet", lang)))
        for kind, sheet in sheets.items():
            shown = f"{path.name} [{sheet}]"
            table, language, read_problems = read_sheet(workbook, sheet, kind, shown, lang)
            problems += read_problems
            languages.append(language)
            if table is not None:
                tables[kind] = table
    finally:
        workbook.close()
    return tables, languages, problems


def read(path: str | os.PathLike[str], *, sectors: Vocabulary | None = None,
         lang: str = "en") -> tuple[Network | None, list[Problem]]:
    """Read and check ``path``: the network (None when there is any error) and every
    problem found. Raises :class:`~graphnet.errors.InputError` only when the path
    does not exist or has a format graphnet does not read. Messages are in ``lang``
    ("cs" or "en")."""
    network, problems, _ = _read(Path(path), sectors, lang)
    return network, problems


def read_in_language(path: str | os.PathLike[str], lang: str | None = None, *,
                     sectors: Vocabulary | None = None
                     ) -> tuple[Network | None, list[Problem], str]:
    """Like :func:`read`, with messages in the language :func:`graphnet.i18n.choose_language`
    picks (``lang``, else ``GRAPHNET_LANG``, else the data's headers, else Czech);
    returns that language too. A path that does not exist is an InputError in the
    language known without the data.

    >>> _, _, language = read_in_language("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    >>> language  # doctest: +SKIP
    'cs'
    """
    fixed = fixed_language(lang)
    first = fixed or DEFAULT_LANGUAGE
    network, problems, header_language = _read(Path(path), sectors, first)
    if fixed is not None:
        return network, problems, fixed
    chosen = choose_language(None, header_language)
    if chosen != first and problems:
        # The messages were worded before the headers were seen: word them again.
        network, problems, _ = _read(Path(path), sectors, chosen)
    return network, problems, chosen


def load_in_language(path: str | os.PathLike[str], lang: str | None = None, *,
                     sectors: Vocabulary | None = None) -> tuple[Network, str]:
    """Like :func:`load`, in the language :func:`read_in_language` picks; returns it too.

    >>> network, language = load_in_language("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    """
    network, problems, language = read_in_language(path, lang, sectors=sectors)
    if network is None:
        raise ValidationError(problems)
    return network, language


def _read(path: Path, sectors: Vocabulary | None, lang: str
          ) -> tuple[Network | None, list[Problem], str | None]:
    if not path.exists():
        raise InputError(t("data.no_such_path", lang, path=str(path)))
    suffix = path.suffix.lower()
    settings = Settings()
    problems: list[Problem] = []
    meta: dict[str, Any] = {}
    languages: list[str | None] = []
    if path.is_dir():
        settings, problems = _settings_near(path, lang)
        tables, languages, read_problems = _read_folder(path, lang)
        default_name = path.resolve().name
    elif suffix == ".xlsx":
        settings, problems = _settings_near(path.parent, lang)
        tables, languages, read_problems = _read_workbook(path, lang)
        default_name = path.stem
    elif suffix == ".json":
        tables, meta, read_problems = _read_json(path, lang)
        default_name = path.stem
    elif suffix in (".graphml", ".gexf"):
        # deferred here and in save: networkx, which only these two formats need
        from graphnet.io.xmlgraph import read_xml_graph

        tables, meta, read_problems = read_xml_graph(path, suffix[1:], path.name, lang)
        default_name = path.stem
    else:
        raise InputError(t("data.unknown_format", lang, path=str(path)))
    problems = problems + read_problems
    language = meta.get("language") if meta else _language(languages)
    if language not in LANGUAGES:
        language = None

    vocabulary = sectors if sectors is not None else SECTORS
    own_sectors = settings.sectors or tuple(meta.get("sectors") or ())
    if own_sectors:
        vocabulary = vocabulary.with_terms(own_sectors)
    actors = tables.get("actors")
    if actors is None:
        if not has_errors(problems):
            missing = "data.no_actors_list" if suffix == ".json" else "data.no_actors_file"
            problems.append(Problem(path.name, None, None, None, t(missing, lang)))
        return None, problems, language
    mapped_on = settings.mapped_on
    if meta.get("mapped_on"):
        mapped_on = parse_date(meta["mapped_on"])
        if mapped_on is None:
            problems.append(Problem(path.name, None, "mapped_on", str(meta["mapped_on"]),
                                    t("data.bad_date", lang)))
    network, problems = build_network(
        actors,
        tables.get("links"),
        tables.get("meetings"),
        respondents=tables.get("respondents"),
        survey_links=tables.get("survey_links"),
        sectors=vocabulary,
        default_orp=settings.orp,
        name=_text(meta.get("name")) if meta else (settings.name or settings.dataset
                                                    or default_name),
        mapped_on=mapped_on,
        source=_text(meta.get("source")) if meta else (settings.dataset or default_name),
        language=language,
        extra_problems=problems,
        lang=lang,
    )
    return network, problems, language


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _read_json(path: Path, lang: str) -> tuple[dict[str, Table], dict[str, Any], list[Problem]]:
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        return {}, {}, [Problem(path.name, None, None, None,
                                t("data.unreadable_file", lang, reason=error.strerror))]
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        row = getattr(error, "lineno", None)
        reason = getattr(error, "msg", None) or str(error)
        return {}, {}, [Problem(path.name, row, None, None,
                                t("data.bad_json", lang, reason=reason))]
    # Its metadata wins over the file name even when empty: what was saved comes back.
    return tables_from_document(document, path.name, lang)


def load(path: str | os.PathLike[str], *, sectors: Vocabulary | None = None,
         lang: str = "en") -> Network:
    """Read a network and check it; raise one ValidationError listing every error.

    ``sectors`` replaces the built-in sector vocabulary (a project's own sectors
    from ``graphnet.yaml`` or the JSON are added to it). Warnings are kept in
    ``Network.problems``. Problem messages are in ``lang`` ("cs" or "en").

    >>> net = load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    >>> len(net.actors)  # doctest: +SKIP
    53
    """
    network, problems = read(path, sectors=sectors, lang=lang)
    if network is None:
        raise ValidationError(problems)
    return network


def validate(path: str | os.PathLike[str], *, lang: str = "en") -> list[Problem]:
    """Every problem in the input at ``path`` (errors first, then warnings); never raises
    for bad data. A path that does not exist is one problem too. Messages are in
    ``lang`` ("cs" or "en").

    >>> validate("no/such/folder")[0].message
    'no such file or folder: no/such/folder'
    """
    try:
        _, problems = read(path, lang=lang)
    except InputError as error:
        return [Problem(str(path), None, None, None, str(error))]
    return problems


def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        chosen = format.lower().lstrip(".")
    elif path.suffix:
        chosen = path.suffix.lower().lstrip(".")
    else:
        chosen = "csv"
    if chosen not in FORMATS:
        raise OutputError(t("data.unknown_output_format", "en", format=chosen))
    return chosen


def save(network: Network, path: str | os.PathLike[str], format: str | None = None,
         include_personal: bool = False) -> Path:
    """Write ``network`` to ``path`` atomically; returns the path written.

    ``format`` is one of :data:`FORMATS`; by default taken from the suffix
    (no suffix: a folder of CSV files). Personal fields
    (:data:`~graphnet.model.PERSONAL_FIELDS`) are left out unless
    ``include_personal``.

    >>> import tempfile, pathlib
    >>> from graphnet.model import Actor, Network
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "net.json"
    >>> _ = save(Network(actors=(Actor("a", "OSPOD", "child_protection"),)), out)
    >>> load(out).actors[0].name
    'OSPOD'
    """
    target = Path(path)
    chosen = _format_of(target, format)
    if chosen == "csv":
        with atomic_directory(target) as staging:
            write_csv_folder(network, staging, include_personal)
        return target
    with atomic_file(target) as temporary:
        if chosen == "json":
            document = to_document(network, include_personal)
            temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
        elif chosen == "graphml":
            from graphnet.io.xmlgraph import write_graphml  # deferred, see read

            write_graphml(network, temporary, include_personal)
        else:
            from graphnet.io.xmlgraph import write_gexf  # deferred, see read

            write_gexf(network, temporary, include_personal)
    return target
