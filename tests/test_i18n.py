"""The message catalogue is complete: every key in Czech and English, every key the
report uses present, the same placeholders in both languages."""

from __future__ import annotations

import json
import re
import string
from importlib import resources
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner, Result

from graphnet.cli import main
from graphnet.i18n import LANGUAGES, catalogue, choose_language

PACKAGE = Path(str(resources.files("graphnet")))
CATALOGUE_FILES = sorted((PACKAGE / "data" / "messages").glob("*.yaml"))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.name)
def test_every_key_has_czech_and_english(path: Path) -> None:
    messages = yaml.safe_load(path.read_text("utf-8")) or {}
    incomplete = []
    for key, texts in messages.items():
        if not isinstance(key, str):  # e.g. an unquoted yes: becomes True
            incomplete.append(f"{key!r} is not a text key")
            continue
        for lang in LANGUAGES:
            value = texts.get(lang) if isinstance(texts, dict) else None
            if not isinstance(value, str) or not value.strip():
                incomplete.append(f"{key}: no {lang}")
    assert incomplete == [], f"{path.name}: " + "; ".join(incomplete)


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.name)
def test_both_languages_take_the_same_placeholders(path: Path) -> None:
    messages = yaml.safe_load(path.read_text("utf-8")) or {}
    complete = {key: texts for key, texts in messages.items() if isinstance(texts, dict)
                and all(isinstance(texts.get(lang), str) for lang in LANGUAGES)}
    differing = [key for key, texts in complete.items()
                 if _placeholders(texts["cs"]) != _placeholders(texts["en"])]
    assert differing == [], f"{path.name}: {differing}"


def _report_keys() -> set[str]:
    """Every catalogue key the report's code and templates name."""
    keys: set[str] = set()
    for source in sorted((PACKAGE / "report").glob("*.py")) + [PACKAGE / "cli" / "report.py"]:
        # "report.html" and the like are file names, not keys.
        keys |= set(re.findall(r"[\"'](report\.(?!(?:html|md|json|xlsx)[\"'])[a-z0-9_]+)[\"']",
                               source.read_text("utf-8")))
    for template in sorted((PACKAGE / "templates" / "report").glob("*.j2")):
        text = template.read_text("utf-8")
        keys |= {f"report.{k}" for k in re.findall(r"\b_\([\"']([a-z0-9_]+)[\"']", text)}
    return keys


def test_report_uses_only_keys_in_the_catalogue() -> None:
    keys = _report_keys()
    assert len(keys) > 100  # the scan found the report's keys at all
    missing = sorted(keys - set(catalogue()))
    assert missing == []


# --- one rule for the language of every command --------------------------------------
# --lang, else GRAPHNET_LANG, else the language of the data's headers, else Czech.

_KEY_LITERAL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_]+)["']""")


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = {key for source in sorted(PACKAGE.rglob("*.py"))
             for key in _KEY_LITERAL.findall(source.read_text("utf-8"))}
    assert len(named) > 50
    assert sorted(named - set(catalogue())) == []


@pytest.mark.parametrize(("explicit", "env", "data", "expected"), [
    ("en", "cs", "cs", "en"),   # --lang wins over everything
    (None, "en", "cs", "en"),   # then GRAPHNET_LANG
    (None, "", "en", "en"),     # then the data's headers
    (None, "xx", "en", "en"),   # an unknown GRAPHNET_LANG is ignored
    (None, "", None, "cs"),     # else Czech
])
def test_choose_language_follows_the_rule(explicit: str | None, env: str, data: str | None,
                                          expected: str) -> None:
    assert choose_language(explicit, data, environ={"GRAPHNET_LANG": env}) == expected


def test_choose_language_refuses_an_unknown_explicit_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        choose_language("de", None, environ={})


def _lang_options(command: click.Command, path: str = "graphnet") -> list[tuple[str, Any]]:
    found = [(path, p) for p in command.params if "--lang" in getattr(p, "opts", ())]
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):  # the lazy group imports on demand
            sub = command.get_command(context, name)
            assert sub is not None, name
            found += _lang_options(sub, f"{path} {name}")
    return found


def test_every_command_that_speaks_has_the_one_lang_option() -> None:
    options = dict(_lang_options(main))
    # Every command that prints sentences or writes a document in a language.
    assert set(options) >= {f"graphnet {name}" for name in (
        "analyse", "compare", "convert", "demo", "map", "report", "synth", "validate",
        "neo4j push", "neo4j pull", "neo4j queries", "neo4j query",
        "survey forms", "survey collect", "survey confirm")}
    for path, option in options.items():
        assert option.default is None, path  # None: the rule decides, not the option
        assert "GRAPHNET_LANG" in (option.help or ""), path


@pytest.fixture
def english_data(tmp_path: Path) -> Path:
    folder = tmp_path / "english"
    folder.mkdir()
    (folder / "actors.csv").write_text(
        "id,name,sector\nospod,Child protection office,OSPOD\nschool,Primary school,education\n"
        "lonely,Lonely GP,health\n", encoding="utf-8")
    (folder / "links.csv").write_text("source,target,kind\nospod,school,cooperation\n",
                                      encoding="utf-8")
    return folder


def _run(args: list[str], env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, args, env={"GRAPHNET_LANG": "", **(env or {})},
                              catch_exceptions=False)


@pytest.mark.parametrize(("data", "env", "args", "expected"), [
    ("cs", None, [], "V pořádku."),
    ("en", None, [], "OK: 3 actors"),
    ("cs", {"GRAPHNET_LANG": "en"}, [], "OK: "),
    ("en", {"GRAPHNET_LANG": "cs"}, [], "V pořádku."),
    ("en", {"GRAPHNET_LANG": "en"}, ["--lang", "cs"], "V pořádku."),
])
def test_validate_speaks_the_rules_language(data: str, env: dict[str, str] | None,
                                            args: list[str], expected: str, sample_dir: Path,
                                            english_data: Path) -> None:
    source = sample_dir if data == "cs" else english_data
    result = _run(["validate", str(source), *args], env)
    assert result.exit_code == 0
    assert result.stdout.startswith(expected)


def test_validate_warnings_of_english_data_are_english(english_data: Path) -> None:
    result = _run(["validate", str(english_data)])
    assert "warning: actors.csv" in result.stderr
    assert "the actor has no link and attends no meeting" in result.stderr


def test_errors_are_in_the_datas_language_and_say_nothing_was_written(
        tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "akteri.csv").write_text("id;název;sektor\na;A;hasiči\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(folder), "-o", str(out)],
                                env={"GRAPHNET_LANG": ""})
    assert result.exit_code == 1
    assert "chyba: akteri.csv, řádek 2" in result.stderr
    assert "neznámý sektor" in result.stderr
    assert "Chyby: 1. Nic nebylo zapsáno." in result.stderr
    assert not out.exists()


def test_analyse_convert_and_map_default_to_the_datas_language(
        sample_dir: Path, english_data: Path, tmp_path: Path) -> None:
    assert "Zjištění (" in _run(["analyse", str(sample_dir), "--suggestions", "0"]).stdout
    assert "Findings (" in _run(["analyse", str(english_data), "--suggestions", "0"]).stdout
    assert _run(["convert", str(sample_dir), "-o", str(tmp_path / "a.json")]
                ).stdout.startswith("Zapsáno: ")
    assert _run(["convert", str(english_data), "-o", str(tmp_path / "b.json")]
                ).stdout.startswith("Written: ")
    for source, expected, message in ((sample_dir, "cs", "Mapa je hotová"),
                                      (english_data, "en", "Map written to")):
        target = tmp_path / f"{expected}.html"
        assert message in _run(["map", str(source), "-o", str(target)]).stdout
        assert f'<html lang="{expected}">' in target.read_text("utf-8")


def test_report_and_demo_default_to_the_datas_language(english_data: Path,
                                                        tmp_path: Path) -> None:
    result = _run(["report", str(english_data), "-o", str(tmp_path / "en")])
    assert result.stdout.startswith("The report is ready")
    assert json.loads((tmp_path / "en" / "report.json").read_text("utf-8")
                      )["report"]["language"] == "en"
    # The data-quality table holds the reading's warnings in the report's language.
    result = _run(["demo", "-o", str(tmp_path / "demo")])
    assert result.stdout.startswith("Zpráva je hotová")
    html = (tmp_path / "demo" / "report.html").read_text("utf-8")
    assert '<html lang="cs">' in html
    assert "the actor has no link" not in html
    result = _run(["demo", "-o", str(tmp_path / "demo-en")], {"GRAPHNET_LANG": "en"})
    assert '<html lang="en">' in (tmp_path / "demo-en" / "report.html").read_text("utf-8")


def test_commands_without_data_default_to_czech_or_graphnet_lang(tmp_path: Path) -> None:
    assert _run(["synth", "-o", str(tmp_path / "s1")]).stdout.startswith("Syntetická síť")
    assert _run(["synth", "-o", str(tmp_path / "s2")], {"GRAPHNET_LANG": "en"}
                ).stdout.startswith("Made a synthetic network")
    czech = _run(["neo4j", "queries"]).stdout
    english = _run(["neo4j", "queries"], {"GRAPHNET_LANG": "en"}).stdout
    assert czech != english and czech.splitlines()[0] == english.splitlines()[0]


def test_compare_takes_the_language_of_the_new_data(sample_dir: Path, english_data: Path,
                                                     tmp_path: Path) -> None:
    result = _run(["compare", str(sample_dir), str(sample_dir), "-o", str(tmp_path / "c"),
                   "--no-map"])
    assert '<html lang="cs">' in (tmp_path / "c" / "compare.html").read_text("utf-8")
    result = _run(["compare", str(english_data), str(english_data), "-o", str(tmp_path / "e"),
                   "--no-map"])
    assert result.exit_code == 0
    assert '<html lang="en">' in (tmp_path / "e" / "compare.html").read_text("utf-8")


def test_a_broken_model_file_is_reported_in_czech(sample_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text("expected_pairs:\n  - between: [schools, sociall services]\n  - 3\n"
                     "reach: 0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", str(sample_dir), "--model", str(model)],
                                env={"GRAPHNET_LANG": ""})
    assert result.exit_code == 1
    assert ('chyba: model.yaml, řádek 2, sloupec "expected_pairs[1].between": neznámý sektor: '
            '"sociall services" (nemysleli jste "sociální služby"?)') in result.output
    assert "položka má mít klíč between" in result.output
    assert "má být celé číslo (počet kroků), 1 nebo víc" in result.output
    assert "expected" not in result.output.replace("expected_pairs", "")
    missing = CliRunner().invoke(main, ["analyse", str(sample_dir), "--model",
                                        str(tmp_path / "none.yaml")], env={"GRAPHNET_LANG": ""})
    assert "Chyba: " in missing.output and "soubor modelu neexistuje" in missing.output


def test_neo4j_connection_errors_speak_the_runs_language() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: nothing answers
        result = CliRunner().invoke(
            main, ["neo4j", "query", "isolated", "--param", "dataset=x", "--uri",
                   f"bolt://127.0.0.1:{port}", "--password-stdin"], input="pw\n",
            env={"GRAPHNET_LANG": "", "NEO4J_PASSWORD": None})
    assert result.exit_code == 1
    assert f"Chyba: Neo4j na bolt://127.0.0.1:{port} není dostupná" in result.output
